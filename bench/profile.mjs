#!/usr/bin/env node
// Where the time goes, for the app's owner: records a Chromium performance trace (with the V8
// sampling profiler on every thread) of one cold start, or of one bulk run, in the built app
// (bench/dist/app, from a previous `npm run bench`), then prints per phase how busy the main
// thread was, by trace event (script, style, layout, paint…), and the JavaScript self time per
// function on the main thread and in the engine worker.
//
//   node bench/profile.mjs                 cold start, SQLite
//   node bench/profile.mjs --postgres      cold start, PostgreSQL link
//   node bench/profile.mjs --bulk=10000    one warm "Run" of a 10,000-row upsert (add --postgres)
//   --tasks                                also list each main-thread task over 4 ms and what it ran,
//                                          and when each worker was busy
//   TRACE_OUT=file.json                    also write the trace's events, for a closer look
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  idle,
  newProfileDir,
  openProfile,
  probeState,
  removeProfileDir,
  waitMark,
  waitPostgresReady,
} from './lib/browser.mjs';
import { bulkScripts, linkFragment, loadDefaultScenario, scenarioFor } from './lib/scenarios.mjs';
import { startServer } from './lib/server.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const argv = process.argv.slice(2);
const dialect = argv.includes('--postgres') ? 'postgres' : 'sqlite';
const bulkRows = Number(argv.find((a) => a.startsWith('--bulk='))?.split('=')[1] ?? 0);
const top = Number(argv.find((a) => a.startsWith('--top='))?.split('=')[1] ?? 12);
const appDist = process.env.BENCH_APP_DIST ?? path.join(ROOT, 'bench', 'dist', 'app');
const baseDist = path.join(ROOT, 'bench', 'dist', 'baselines');
const scope = `.results[data-dialect="${dialect}"]`;
const CATEGORIES =
  'devtools.timeline,disabled-by-default-devtools.timeline,v8,v8.execute,blink.user_timing,loading,disabled-by-default-v8.cpu_profiler';

const server = await startServer({ app: appDist });
const dir = await newProfileDir();
const p = await openProfile(dir, bulkRows ? {} : { first: { label: 'After: users', scope } });
try {
  const cdp = await p.context.newCDPSession(p.page);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  let windows;
  let refMs = null;
  if (bulkRows) {
    const scripts = bulkScripts(bulkRows);
    await p.page.goto(server.url('trace', 'app', linkFragment(scenarioFor(dialect, scripts))), { waitUntil: 'commit' });
    await p.page.waitForFunction(() => document.querySelector('.results-pane[aria-busy="false"] .run-time'), null, {
      timeout: 180_000,
    });
    await p.page.getByLabel('Time limit (s)').fill('120');
    await waitPostgresReady(p.page, 30_000);
    await idle(1000);
    await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
    // A user-timing mark ties the page's clock to the trace's (no navigation inside this trace).
    refMs = await p.page.evaluate(() => performance.mark('bench-ref').startTime);
    await p.page.evaluate(
      ({ scope }) =>
        window.__bench.watchRun('bulk', scope.includes('postgres') ? 'postgres' : 'sqlite', 'After: items', scope),
      { scope },
    );
    await p.page.getByRole('button', { name: 'Run', exact: true }).click();
    const mark = await waitMark(p.page, 'bulk', 180_000);
    await idle(300);
    const st = await probeState(p.page);
    const click = st.clicks.at(-1).t;
    const reply = st.messages.findLast((m) => m.type === 'result').t;
    console.log(
      `bulk ${bulkRows} on ${dialect}: click → table ${(mark.paint - click).toFixed(0)} ms; engine ${st.messages.findLast((m) => m.type === 'result').timings.total.toFixed(0)} ms`,
    );
    windows = [
      ['click → result message', click, reply],
      ['result message → table in DOM', reply, mark.dom],
      ['table in DOM → next frame done', mark.dom, mark.paint],
      ['after the frame (300 ms)', mark.paint, mark.paint + 300],
    ];
  } else {
    await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
    const rel = dialect === 'postgres' ? linkFragment(scenarioFor('postgres', loadDefaultScenario(baseDist))) : '';
    await p.page.goto(server.url('trace', 'app', rel), { waitUntil: 'commit' });
    const mark = await waitMark(p.page, 'first', 120_000);
    const st = await probeState(p.page);
    const worker = st.workers.find((w) => w.name.includes(dialect))?.created ?? 0;
    const reply = st.messages.find((m) => m.type === 'result')?.t ?? mark.dom;
    console.log(
      `cold start on ${dialect}: first result at ${mark.paint.toFixed(0)} ms (worker created ${worker.toFixed(0)}, result message ${reply.toFixed(0)}, table in DOM ${mark.dom.toFixed(0)})`,
    );
    windows = [
      ['navigation → worker created', 0, worker],
      ['worker created → result message', worker, reply],
      ['result message → table in DOM', reply, mark.dom],
      ['table in DOM → next frame done', mark.dom, mark.paint],
    ];
  }
  await cdp.send('Tracing.end');
  await done;
  if (process.env.TRACE_OUT) (await import('node:fs')).writeFileSync(process.env.TRACE_OUT, JSON.stringify(events));
  report(events, windows, refMs);
} finally {
  await p.close();
  await removeProfileDir(dir);
  await server.close();
}

/** Print, per window (page times in ms), the main thread's busy time by event and JS self time by function. */
function report(events, windows, refMs) {
  const ref =
    refMs === null
      ? events
          .filter((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL?.includes('/r/trace/'))
          .at(-1)
      : events.find((e) => e.name === 'bench-ref');
  const threads = events.filter((e) => e.ph === 'M' && e.name === 'thread_name');
  const main = threads.find((m) => m.pid === ref?.pid && m.args.name === 'CrRendererMain');
  if (!ref || !main) throw new Error('no time reference or main thread in the trace');
  const nav = { ts: ref.ts - (refMs ?? 0) * 1000 };
  const workers = threads.filter((t) => t.pid === main.pid && /Worker/.test(t.args.name));
  const at = (ts) => (ts - nav.ts) / 1000;
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur);
  for (const [label, a, b] of windows) {
    const tasks = onMain.filter((e) => e.name === 'RunTask' && at(e.ts) >= a && at(e.ts) < b);
    const busy = tasks.reduce((s, e) => s + e.dur / 1000, 0);
    const longest = tasks.reduce((m, e) => Math.max(m, e.dur / 1000), 0);
    const byName = new Map();
    let until = -Infinity;
    for (const e of onMain
      .filter((x) => x.name !== 'RunTask' && at(x.ts) >= a && at(x.ts) < b)
      .sort((x, y) => x.ts - y.ts)) {
      if (e.ts < until) continue; // count outermost events only
      until = e.ts + e.dur;
      byName.set(e.name, (byName.get(e.name) ?? 0) + e.dur / 1000);
    }
    const names = [...byName]
      .sort((x, y) => y[1] - x[1])
      .slice(0, 6)
      .map(([n, d]) => `${n} ${d.toFixed(0)}`)
      .join(', ');
    console.log(
      `\n${label}: ${(b - a).toFixed(0)} ms; main thread busy ${busy.toFixed(0)} ms, longest task ${longest.toFixed(0)} ms (${names})`,
    );
    if (argv.includes('--tasks')) {
      // Each main-thread task over 4 ms, with the events directly inside it.
      for (const t of tasks.filter((e) => e.dur >= 4000)) {
        const inner = onMain.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && e.dur >= 1000);
        const parts = inner
          .slice(0, 8)
          .map(
            (e) =>
              `${e.name}${e.args?.data?.url ? `(${String(e.args.data.url).replace(/^.*\//, '')})` : e.args?.data?.functionName ? `(${e.args.data.functionName})` : ''} ${(e.dur / 1000).toFixed(0)}`,
          );
        console.log(`    task at ${at(t.ts).toFixed(0)} ms, ${(t.dur / 1000).toFixed(0)} ms: ${parts.join(', ')}`);
      }
    }
    printFns('main', selfTime(events, main, nav.ts, a, b));
    for (const w of workers) {
      if (argv.includes('--tasks')) {
        // When each worker was busy: a task on the main thread waits for none of these, but the
        // result message cannot be handled before the task that posts it ends.
        const spans = events
          .filter((e) => e.pid === w.pid && e.tid === w.tid && e.ph === 'X' && e.name === 'RunTask' && e.dur >= 4000)
          .filter((e) => at(e.ts) >= a && at(e.ts) < b)
          .map((e) => `${at(e.ts).toFixed(0)}+${(e.dur / 1000).toFixed(0)}`);
        if (spans.length) console.log(`    worker ${w.tid} tasks (start+ms): ${spans.join(' ')}`);
      }
      printFns(`worker ${w.tid}`, selfTime(events, w, nav.ts, a, b));
    }
  }
}

function printFns(label, map) {
  const list = [...map].filter(([fn]) => !fn.startsWith('(idle)')).sort((x, y) => y[1] - x[1]);
  const total = list.reduce((s, [, ms]) => s + ms, 0);
  if (total < 5) return;
  console.log(`  ${label}: ${total.toFixed(0)} ms of samples`);
  for (const [fn, ms] of list.slice(0, top)) if (ms >= 1) console.log(`    ${ms.toFixed(1).padStart(7)} ms  ${fn}`);
}

/** JS self time per function on one thread between page times a and b (the trace's CPU profile). */
function selfTime(events, thread, t0, a, b) {
  const nodes = new Map();
  const out = new Map();
  for (const prof of events.filter((e) => e.name === 'Profile' && e.pid === thread.pid && e.tid === thread.tid)) {
    let t = prof.args.data.startTime;
    for (const c of events.filter((e) => e.name === 'ProfileChunk' && e.id === prof.id && e.pid === thread.pid)) {
      const cp = c.args.data.cpuProfile ?? {};
      for (const n of cp.nodes ?? []) nodes.set(n.id, n);
      const samples = cp.samples ?? [];
      const deltas = c.args.data.timeDeltas ?? [];
      for (let i = 0; i < samples.length; i++) {
        t += deltas[i] ?? 0;
        const ms = (t - t0) / 1000;
        if (ms < a || ms >= b) continue;
        const f = nodes.get(samples[i])?.callFrame;
        if (!f) continue;
        const file = f.url ? f.url.replace(/^.*\/r\/trace\/app\//, '') : '';
        const key = `${f.functionName || '(anonymous)'}${file ? ` ${file}:${f.lineNumber + 1}:${f.columnNumber + 1}` : ''}`;
        out.set(key, (out.get(key) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
      }
    }
  }
  return out;
}
