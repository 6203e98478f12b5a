#!/usr/bin/env node
// `npm run bench`: build the app and the baseline pages, serve them on 127.0.0.1, drive headless
// Chromium and run the bench modules listed in bench/modules/index.mjs, one after the other. Each
// module's samples and summary rows are merged into docs/benchmark.json and docs/BENCHMARK.md is
// written from it (a module not run this time keeps its previous results, with their date).
//
// Options: --only=a,b (run these modules; names in bench/modules/index.mjs), --quick (2 samples per
// measure; writes bench/dist/ only, docs untouched), --runs=N (samples per measure), --all (also
// the opt-in cases: PostgreSQL bulk at 100,000 rows, a million rows), --no-build, --idle=MS (idle
// time before the dialect switch), --report (write docs/BENCHMARK.md from docs/benchmark.json, no
// run), --no-write (print only). BENCH_PORT: the server's port (default: any free one).
import { spawnSync, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM } from './lib/browser.mjs';
import { markdownTable, textTable } from './lib/report.mjs';
import { loadDefaultScenario } from './lib/scenarios.mjs';
import { startServer } from './lib/server.mjs';
import { MODULES } from './modules/index.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// The app is built with its own vite.config.ts, but into bench/dist/app/ rather than dist/: other
// people's end-to-end runs serve dist/ from this same tree, and a rebuild under them would pull
// their files away. BENCH_APP_DIST points the benchmark at another build instead (no rebuild).
const OUT = path.join(ROOT, 'bench', 'dist');
const APP_DIST = process.env.BENCH_APP_DIST ?? path.join(OUT, 'app');
const BENCH_DIST = path.join(OUT, 'baselines');
const DOCS_JSON = path.join(ROOT, 'docs', 'benchmark.json');
const DOCS_MD = path.join(ROOT, 'docs', 'BENCHMARK.md');

function parseArgs(argv) {
  const opt = (name) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const quick = argv.includes('--quick');
  const only = opt('only')?.split(',') ?? null;
  for (const s of only ?? [])
    if (!MODULES.includes(s)) throw new Error(`unknown module "${s}" (known: ${MODULES.join(', ')})`);
  const runs = opt('runs') === undefined ? null : Number(opt('runs'));
  return {
    quick,
    all: argv.includes('--all'),
    build: !argv.includes('--no-build'),
    write: !quick && !argv.includes('--no-write'),
    only,
    runs,
    /** Samples for a measure: `full` normally, `quick` with --quick, N with --runs=N. */
    count: (full, quickN = 2) => runs ?? (quick ? Math.min(quickN, full) : full),
    idleMs: Number(opt('idle') ?? 4000),
    timeoutMs: 90_000,
  };
}

function build(label, args) {
  const t0 = Date.now();
  const r = spawnSync('npx', args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  if (r.status !== 0) {
    process.stderr.write(r.stdout + r.stderr);
    throw new Error(`${label} build failed`);
  }
  console.log(`built ${label} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

function machine(chromiumVersion) {
  const cpus = os.cpus();
  let commit = null;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    commit = null;
  }
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    chromium: chromiumVersion,
    commit,
  };
}

function chromiumVersion() {
  try {
    return execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return CHROMIUM;
  }
}

/** docs/benchmark.json: one line per module, so two people's modules merge without conflicts. */
function readDocs() {
  if (!existsSync(DOCS_JSON)) return {};
  return JSON.parse(readFileSync(DOCS_JSON, 'utf8')).modules ?? {};
}

function writeDocsJson(mods) {
  const names = [...MODULES.filter((n) => mods[n]), ...Object.keys(mods).filter((n) => !MODULES.includes(n))];
  const lines = names.map((n) => `${JSON.stringify(n)}: ${JSON.stringify(mods[n])}`);
  mkdirSync(path.dirname(DOCS_JSON), { recursive: true });
  writeFileSync(
    DOCS_JSON,
    `{"format": "upsert-playground-bench", "version": 1, "modules": {\n${lines.join(',\n')}\n}}\n`,
  );
}

const when = (meta) =>
  `${meta.date.slice(0, 16).replace('T', ' ')} UTC, commit ${meta.machine.commit ?? '?'}, load average ${meta.loadAverage.start.map((x) => x.toFixed(1)).join(' / ')} at start`;

/** docs/BENCHMARK.md from the modules' stored results. */
async function renderDocs(mods) {
  const names = MODULES.filter((n) => mods[n]);
  const m0 = mods[names[0]]?.meta.machine;
  const parts = [
    '# Benchmark',
    '',
    'Written by `npm run bench` (`bench/run.mjs`) from `docs/benchmark.json`; do not edit by hand. Each',
    "module's section says when it was last run. The app is the production build; the references are",
    'minimal pages built with the same Vite setup that run the raw engine (sql.js or PGlite) in a',
    'worker, or the engine alone inside such a page. App and reference samples are taken in the same',
    'invocation, interleaved (A B B A …), in headless Chromium with a fresh profile per cold visit;',
    'times are taken in the page (navigation start or the input event → the frame after the result is',
    'in the DOM).',
    '',
    'Statistics: every figure is the median with its minimum and maximum, a 95% confidence interval of',
    'the median (distribution-free: the binomial order-statistic interval; none below 6 samples) and',
    'the number of samples. A ratio is the ratio of the two medians, with a 95% percentile-bootstrap',
    'interval (2,000 resamples). The machine is shared with other jobs (see the load averages), so',
    'absolute times vary between invocations; compare ratios and interleaved figures.',
    '',
    m0
      ? `Machine: ${m0.cpu}, ${m0.cores} cores, ${m0.memoryGB} GB, ${m0.os}; ${m0.chromium} headless; Node ${m0.node}.`
      : '',
    '',
    '## Summary',
    '',
  ];
  const all = names.flatMap((n) => mods[n].rows.map((r) => ({ ...r, measure: r.measure })));
  parts.push(markdownTable(all), '');
  for (const n of names) {
    const m = mods[n];
    parts.push(
      `## ${m.title ?? n}`,
      '',
      `Module \`${n}\` (\`bench/modules/${n}.mjs\`), run ${when(m.meta)}${m.meta.quick ? ', quick' : ''}${m.meta.note ? ` (${m.meta.note})` : ''}.`,
      '',
    );
    if (m.lastFailure)
      parts.push(
        `**A later attempt failed** (${m.lastFailure.date.slice(0, 16).replace('T', ' ')} UTC, load average ${m.lastFailure.loadAverage[0].toFixed(1)}): ${m.lastFailure.message}. The figures below are the earlier ones.`,
        '',
      );
    if (m.rows.length) parts.push(markdownTable(m.rows), '');
    if (m.details) parts.push(m.details, '');
  }
  mkdirSync(path.dirname(DOCS_MD), { recursive: true });
  writeFileSync(
    DOCS_MD,
    `${parts
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim()}\n`,
  );
  console.log(`wrote ${path.relative(ROOT, DOCS_MD)}`);
}

const load = (name) => import(`./modules/${name}.mjs`).then((m) => m.default);

async function main() {
  if (process.argv.includes('--report')) return renderDocs(readDocs());
  const cfg = parseArgs(process.argv.slice(2));
  const selected = [];
  for (const name of cfg.only ?? MODULES) {
    const mod = await load(name);
    if (mod.name !== name) throw new Error(`bench/modules/${name}.mjs exports a module named "${mod.name}"`);
    if (!mod.optIn || cfg.all || cfg.only) selected.push(mod);
  }
  if (cfg.build) {
    if (!process.env.BENCH_APP_DIST)
      build('app', ['vite', 'build', '--logLevel', 'warn', '--outDir', APP_DIST, '--emptyOutDir']);
    build('baselines', ['vite', 'build', '--config', 'bench/baselines/vite.config.mjs']);
  }
  if (!existsSync(path.join(APP_DIST, 'index.html')) || !existsSync(path.join(BENCH_DIST, 'default-scenario.json'))) {
    throw new Error('the app or baseline build is missing: run without --no-build first');
  }
  // BENCH_ALT_DIST: a second build of the app (e.g. with a proposed change) measured alongside in
  // the cold-start modules, interleaved with the app and the baselines.
  const alt = process.env.BENCH_ALT_DIST ?? null;
  const server = await startServer({ app: APP_DIST, base: BENCH_DIST, ...(alt ? { alt } : {}) });
  const env = {
    ...cfg,
    alt: Boolean(alt),
    server,
    root: ROOT,
    appDist: APP_DIST,
    defaultScenario: loadDefaultScenario(BENCH_DIST),
    // BENCH_DIALECT=sqlite|postgres: modules that run both engines run only this one.
    onlyDialect: ['sqlite', 'postgres'].includes(process.env.BENCH_DIALECT) ? process.env.BENCH_DIALECT : null,
    log: (s) => console.log(s),
  };
  const machineInfo = machine(chromiumVersion());
  const done = {};
  const failed = {};
  let failures = 0;
  try {
    // A module that fails is reported and the others still run.
    for (const mod of selected) {
      const t0 = Date.now();
      const loadStart = os.loadavg();
      console.log(`\n[${mod.name}] ${mod.title ?? ''}`);
      const meta = { date: new Date().toISOString(), machine: machineInfo, quick: cfg.quick, runs: cfg.runs };
      try {
        const results = await mod.run(env);
        const rows = mod.summarise(results, env);
        const details = mod.details ? mod.details(results, env) : null;
        done[mod.name] = { title: mod.title ?? mod.name, meta, rows, details, results };
        console.log(`\n${textTable(rows)}`);
      } catch (err) {
        console.error(`  FAILED: ${err?.stack ?? err}`);
        failures++;
        meta.failure = String(err?.message ?? err);
        // The module keeps its previous results in docs/, with a note that this attempt failed.
        failed[mod.name] = { date: meta.date, message: meta.failure, loadAverage: loadStart };
      } finally {
        meta.durationS = Math.round((Date.now() - t0) / 1000);
        meta.loadAverage = { start: loadStart, end: os.loadavg() };
        console.log(`  (${meta.durationS} s; load average ${loadStart[0].toFixed(1)} → ${os.loadavg()[0].toFixed(1)})`);
      }
    }
  } finally {
    await server.close();
  }
  const rows = Object.values(done).flatMap((m) => m.rows);
  console.log(`\n${textTable(rows)}\n`);
  if (cfg.write) {
    const mods = { ...readDocs(), ...done };
    for (const [name, f] of Object.entries(failed)) if (mods[name]) mods[name] = { ...mods[name], lastFailure: f };
    writeDocsJson(mods);
    console.log(`wrote ${path.relative(ROOT, DOCS_JSON)}`);
    await renderDocs(mods);
  } else {
    mkdirSync(OUT, { recursive: true });
    writeFileSync(path.join(OUT, 'results-partial.json'), `${JSON.stringify(done)}\n`);
    console.log(`wrote ${path.relative(ROOT, path.join(OUT, 'results-partial.json'))} (docs untouched)`);
  }
  if (failures) {
    console.error(`${failures} module(s) failed`);
    process.exitCode = 1;
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
