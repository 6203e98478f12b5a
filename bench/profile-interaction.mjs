#!/usr/bin/env node
// Where an interaction spends the main thread's time: the V8 CPU profile of the page while it
// types 40 keys into the statement editor with a 10,000-row result shown (`typing`), or during a
// click on Compare / Examples / Practice / the PostgreSQL radio (`compare`, `examples`, `practice`,
// `dialect`), in the built app (BENCH_APP_DIST or bench/dist/app). Prints self time per function.
//
//   node bench/profile-interaction.mjs typing|compare|examples|practice|dialect [--top=25]
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { idle } from './lib/browser.mjs';
import { openApp } from './lib/app.mjs';
import { bulkScripts, linkFragment, scenarioFor } from './lib/scenarios.mjs';
import { startServer } from './lib/server.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const kind = process.argv[2] ?? 'typing';
const top = Number(process.argv.find((a) => a.startsWith('--top='))?.split('=')[1] ?? 25);
const appDist = process.env.BENCH_APP_DIST ?? path.join(ROOT, 'bench', 'dist', 'app');
const server = await startServer({ app: appDist });
const env = { server, timeoutMs: 120_000 };
const CLICK = {
  compare: ['button', 'Compare'],
  examples: ['button', 'Examples'],
  practice: ['button', 'Practice'],
  dialect: ['radio', 'PostgreSQL'],
};
const app = await openApp(
  env,
  kind === 'typing'
    ? { fragment: linkFragment(scenarioFor('sqlite', bulkScripts(10_000))), label: 'After: items', quietMs: 4000 }
    : { quietMs: 4000 },
);
try {
  const { page } = app;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  if (kind === 'typing') {
    await page.getByRole('textbox', { name: 'Statement SQL' }).focus();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.press('Enter');
  }
  await cdp.send('Profiler.start');
  const pageStart = await page.evaluate(() => performance.now());
  const t0 = Date.now();
  if (kind === 'typing') {
    for (const ch of '-- typed one key at a time at a pace') {
      await page.keyboard.type(ch);
      await idle(100);
    }
  } else {
    await page.getByRole(CLICK[kind][0], { name: CLICK[kind][1] }).click();
    await idle(5000);
  }
  const { profile } = await cdp.send('Profiler.stop');
  const wall = Date.now() - t0;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const dt = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const n = byId.get(id);
    const f = n.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url ? `${path.basename(f.url)}:${f.lineNumber + 1}` : ''}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i + 1] ?? 0) / 1000);
  });
  // Long tasks: what ran inside each (sample times mapped to the page clock from the start).
  const tasks = (await page.evaluate(() => window.__bench.longtasks)).filter((t) => t.start >= pageStart);
  let at = 0;
  const timed = profile.samples.map((id, i) => {
    at += (dt[i] ?? 0) / 1000;
    return { t: pageStart + at, id, d: (dt[i + 1] ?? 0) / 1000 };
  });
  const label = (n) => {
    // The nearest frame with a source: which of the app's functions is running.
    for (let x = n; x; x = parents.get(x.id)) {
      const f = x.callFrame;
      if (f.url && /assets\//.test(f.url))
        return `${f.functionName || '(anonymous)'} ${path.basename(f.url)}:${f.lineNumber + 1}`;
    }
    return n.callFrame.functionName || '(native)';
  };
  const parents = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parents.set(c, n);
  for (const task of tasks) {
    const inTask = new Map();
    for (const s of timed) {
      if (s.t < task.start || s.t > task.start + task.duration) continue;
      const n = byId.get(s.id);
      if (n.callFrame.functionName === '(idle)') continue;
      const k = label(n);
      inTask.set(k, (inTask.get(k) ?? 0) + s.d);
    }
    const topIn = [...inTask.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8);
    console.log(`long task at +${(task.start - pageStart).toFixed(0)} ms, ${task.duration.toFixed(0)} ms:`);
    for (const [k, v] of topIn) console.log(`    ${v.toFixed(1).padStart(7)} ms  ${k}`);
  }
  const rows = [...self.entries()].filter(([k]) => !k.startsWith('(idle)')).sort((a, b) => b[1] - a[1]);
  const busy = rows.filter(([k]) => !k.startsWith('(program)')).reduce((s, [, v]) => s + v, 0);
  console.log(`${kind}: ${wall} ms wall, ${busy.toFixed(0)} ms of JavaScript on the main thread`);
  for (const [k, v] of rows.slice(0, top)) console.log(`${v.toFixed(1).padStart(8)} ms  ${k}`);
} finally {
  await app.close();
  await server.close();
}
