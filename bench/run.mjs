#!/usr/bin/env node
// `npm run bench`: build the app and the two baseline pages, serve them on 127.0.0.1, drive
// headless Chromium (a fresh profile per cold visit), print the table and write the raw samples.
//
// Options: --quick (2 runs, fewer warm/bulk runs; results to bench/dist/, README untouched),
// --runs=N, --bulk-runs=N, --no-build, --only=cold-sqlite,cold-postgres,switch,warm,bulk,limit,
// --idle=MS (idle time before the dialect switch), --all (adds PostgreSQL bulk at 100,000 rows),
// --no-readme, --report (re-render latest.json into the README block, no run). A full run rewrites bench/results/latest.json and the README's benchmark block.
import { spawnSync, execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM } from './lib/browser.mjs';
import { bulkTable, bytesTable, coldBreakdownTable, markdownTable, summarise, textTable } from './lib/report.mjs';
import { loadDefaultScenario } from './lib/scenarios.mjs';
import { startServer } from './lib/server.mjs';
import { coldPostgres, coldSqlite, dialectSwitch } from './lib/suites-cold.mjs';
import { bulk, overLimit, warmRuns } from './lib/suites-warm.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// The app is built with its own vite.config.ts, but into bench/dist/app/ rather than dist/: other
// people's end-to-end runs serve dist/ from this same tree, and a rebuild under them would pull
// their files away. BENCH_APP_DIST points the benchmark at another build instead (no rebuild).
const OUT = path.join(ROOT, 'bench', 'dist');
const APP_DIST = process.env.BENCH_APP_DIST ?? path.join(OUT, 'app');
const BENCH_DIST = path.join(OUT, 'baselines');
const SUITES = ['cold-sqlite', 'cold-postgres', 'switch', 'warm', 'bulk', 'limit'];

function parseArgs(argv) {
  const opt = (name) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const quick = argv.includes('--quick');
  const only = opt('only')?.split(',') ?? SUITES;
  for (const s of only) if (!SUITES.includes(s)) throw new Error(`unknown suite "${s}" (known: ${SUITES.join(', ')})`);
  return {
    quick,
    build: !argv.includes('--no-build'),
    readme: !quick && !argv.includes('--no-readme') && only.length === SUITES.length,
    only,
    runs: Number(opt('runs') ?? (quick ? 2 : 5)),
    // Cold SQLite visits are cheap and noisy: more of them steady the median.
    coldSqliteRuns: Number(opt('runs') ?? (quick ? 2 : 15)),
    warmRuns: quick ? 4 : 10,
    bulkRuns: Number(opt('bulk-runs') ?? (quick ? 2 : 5)),
    // PostgreSQL at 100,000 rows takes minutes on a small machine: only with --all.
    bulkCases: [
      ['sqlite', 10_000],
      ['sqlite', 100_000],
      ['postgres', 10_000],
      ...(argv.includes('--all') ? [['postgres', 100_000]] : []),
    ],
    limitRows: 210_000,
    limitRuns: quick ? 1 : 2,
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

function readmeBlock(meta, rows, results) {
  const m = meta.machine;
  const parts = [
    '<!-- bench:start -->',
    '## Benchmark',
    '',
    `\`npm run bench\` builds the production bundle and two minimal baseline pages (raw sql.js and raw PGlite, each in a worker, built with the same Vite setup and rendering the default scenario's After rows as a plain table), serves them on 127.0.0.1 and drives headless Chromium with a fresh profile per cold visit. App and baseline runs alternate (A B B A …); times are taken in the page (navigation start or the click → the frame after the table is in the DOM). \`npm run bench:quick\` runs fewer rounds. Raw samples: \`bench/results/latest.json\`.`,
    '',
    `Latest run: ${meta.date.slice(0, 16).replace('T', ' ')} UTC, ${meta.config.coldSqliteRuns ?? meta.config.runs} cold SQLite visits per side, ${meta.config.runs} per other cold measure, ${meta.config.bulkRuns} per bulk size, ${meta.config.warmRuns} warm runs. Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, ${m.os}; ${m.chromium} headless; Node ${m.node}; load average ${meta.loadAverage.start.map((x) => x.toFixed(1)).join(' / ')} at start${m.commit ? `; commit ${m.commit}` : ''}. The machine is shared with other jobs (see the load average), so absolute times vary a lot between invocations; the ratios come from app and reference runs interleaved in the same invocation and are the numbers to compare.`,
    '',
    markdownTable(rows),
    '',
  ];
  if (results.coldSqlite)
    parts.push(
      'Where the cold start goes (phase times are medians of their own, so they need not add up to the total):',
      '',
      coldBreakdownTable(results.coldSqlite),
      '',
    );
  if (results.coldSqlite)
    parts.push(
      'Bytes before the first SQLite result (first cold run, gzip level 6 computed from the served files; KB = 1,000 bytes):',
      '',
      bytesTable(results.coldSqlite.app[0]),
      '',
    );
  if (results.bulk?.length)
    parts.push(
      "Bulk runs, medians (the app's engine timings come from its run result):",
      '',
      bulkTable(results.bulk),
      '',
    );
  parts.push(
    "PostgreSQL bulk at 100,000 rows runs with `npm run bench -- --all`. To see where a cold start or a bulk run spends its time, `node bench/profile.mjs [--postgres] [--bulk=10000]` records a Chromium trace of the built app and prints the main thread's and the engine worker's time per phase and function; `BENCH_ALT_DIST=<dist> npm run bench` measures a second build (e.g. with a proposed change) alongside the app in the cold-start suites.",
    '',
    '<!-- bench:end -->',
  );
  return parts.join('\n');
}

function updateReadme(block) {
  const file = path.join(ROOT, 'README.md');
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf('<!-- bench:start -->');
  const end = text.indexOf('<!-- bench:end -->');
  if (start < 0 || end < start) {
    console.log('README has no <!-- bench:start --> … <!-- bench:end --> block: not updated.');
    return;
  }
  writeFileSync(file, text.slice(0, start) + block + text.slice(end + '<!-- bench:end -->'.length));
  console.log('README benchmark block updated.');
}

/** `--report`: print the tables of bench/results/latest.json again and rewrite the README block. */
function reportOnly() {
  const { meta, results } = JSON.parse(readFileSync(path.join(ROOT, 'bench', 'results', 'latest.json'), 'utf8'));
  const rows = summarise(results, meta.config);
  console.log(`${textTable(rows)}\n`);
  updateReadme(readmeBlock(meta, rows, results));
}

async function main() {
  if (process.argv.includes('--report')) return reportOnly();
  const cfg = parseArgs(process.argv.slice(2));
  const t0 = Date.now();
  const loadStart = os.loadavg();
  // The machine is shared: keep a trace of the 1-minute load average next to the samples.
  const loadSamples = [];
  const loadTimer = setInterval(
    () => loadSamples.push({ t: Math.round((Date.now() - t0) / 1000), load1: os.loadavg()[0] }),
    5000,
  );
  if (cfg.build) {
    if (!process.env.BENCH_APP_DIST)
      build('app', ['vite', 'build', '--logLevel', 'warn', '--outDir', APP_DIST, '--emptyOutDir']);
    build('baselines', ['vite', 'build', '--config', 'bench/baselines/vite.config.mjs']);
  }
  if (!existsSync(path.join(APP_DIST, 'index.html')) || !existsSync(path.join(BENCH_DIST, 'default-scenario.json'))) {
    throw new Error('the app or baseline build is missing: run without --no-build first');
  }
  // BENCH_ALT_DIST: a second build of the app (e.g. with a proposed change) measured alongside in
  // the cold-start suites, interleaved with the app and the baselines.
  const alt = process.env.BENCH_ALT_DIST ?? null;
  const server = await startServer({ app: APP_DIST, base: BENCH_DIST, ...(alt ? { alt } : {}) });
  const env = {
    ...cfg,
    alt: Boolean(alt),
    server,
    defaultScenario: loadDefaultScenario(BENCH_DIST),
    log: (s) => console.log(s),
  };
  const results = {};
  const failures = [];
  // A suite that fails is reported and the others still run.
  const suite = async (name, fn) => {
    if (!cfg.only.includes(name)) return undefined;
    const s0 = Date.now();
    console.log(`\n[${name}]`);
    try {
      return await fn();
    } catch (err) {
      console.error(`  FAILED: ${err?.stack ?? err}`);
      failures.push({ suite: name, error: String(err?.message ?? err) });
      return undefined;
    } finally {
      console.log(`  (${((Date.now() - s0) / 1000).toFixed(0)} s)`);
    }
  };
  try {
    results.coldSqlite = await suite('cold-sqlite', () => coldSqlite({ ...env, runs: cfg.coldSqliteRuns }));
    results.coldPostgres = await suite('cold-postgres', () => coldPostgres(env));
    results.dialectSwitch = await suite('switch', () => dialectSwitch(env));
    results.warm = await suite('warm', () => warmRuns(env));
    results.bulk = await suite('bulk', async () => {
      const out = [];
      for (const [d, n] of cfg.bulkCases) out.push(await bulk(env, d, n));
      return out;
    });
    results.overLimit = await suite('limit', () => overLimit(env, cfg.limitRows));
  } finally {
    clearInterval(loadTimer);
    await server.close();
  }
  const rows = summarise(results, cfg);
  const meta = {
    date: new Date().toISOString(),
    durationS: Math.round((Date.now() - t0) / 1000),
    machine: machine(chromiumVersion()),
    loadAverage: { start: loadStart, end: os.loadavg(), samples: loadSamples },
    failures,
    config: {
      runs: cfg.runs,
      coldSqliteRuns: cfg.coldSqliteRuns,
      warmRuns: cfg.warmRuns,
      bulkRuns: cfg.bulkRuns,
      idleMs: cfg.idleMs,
      quick: cfg.quick,
      only: cfg.only,
    },
  };
  console.log(`\n${textTable(rows)}\n`);
  if (results.coldSqlite)
    console.log(`${coldBreakdownTable(results.coldSqlite)}\n\n${bytesTable(results.coldSqlite.app[0])}\n`);
  if (results.bulk?.length) console.log(`${bulkTable(results.bulk)}\n`);
  const outFile =
    cfg.quick || cfg.only.length !== SUITES.length
      ? path.join(OUT, 'results-partial.json')
      : path.join(ROOT, 'bench', 'results', 'latest.json');
  mkdirSync(path.dirname(outFile), { recursive: true });
  writeFileSync(outFile, `${JSON.stringify({ meta, summary: rows, results }, null, 1)}\n`);
  console.log(`wrote ${path.relative(ROOT, outFile)} (${meta.durationS} s in all)`);
  if (cfg.readme && failures.length === 0) updateReadme(readmeBlock(meta, rows, results));
  if (failures.length) {
    console.error(`${failures.length} suite(s) failed: ${failures.map((f) => f.suite).join(', ')}`);
    process.exitCode = 1;
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
