// Warm measures: a click on "Run" to the rendered result (default scenario, both dialects), and
// bulk upserts end to end against the raw engine running the same SQL in the baseline page.
import {
  idle,
  memoryUse,
  newProfileDir,
  openProfile,
  probeState,
  removeProfileDir,
  waitMark,
  waitPostgresReady,
  waitSnapshotStored,
} from './browser.mjs';
import { bulkScripts, linkFragment, overLimitScripts, scenarioFor } from './scenarios.mjs';

let visits = 0;
const nextVisit = () => `w${Date.now().toString(36)}${(visits++).toString(36)}`;
const scopeOf = (dialect) => `.results[data-dialect="${dialect}"]`;

/** Wait until the app shows a finished run (a result or an error) and its engine is idle. */
async function settled(page, timeout) {
  await page.waitForFunction(
    () =>
      document.querySelector('.results-pane[aria-busy="false"]') &&
      (document.querySelector('.run-time') || document.querySelector('.results-pane [role="alert"]')),
    null,
    { polling: 100, timeout },
  );
}

/**
 * Click "Run" (or what `press` clicks) and time it to the rendered table `label`: returns the
 * end-to-end time, when the engine's reply arrived, the engine's own timings, and the main
 * thread's long tasks meanwhile.
 */
export async function timedRun(
  page,
  name,
  dialect,
  label,
  timeout,
  settleMs = 500,
  press = () => page.getByRole('button', { name: 'Run', exact: true }).click(),
) {
  await page.evaluate(({ name, dialect, label, scope }) => window.__bench.watchRun(name, dialect, label, scope), {
    name,
    dialect,
    label,
    scope: scopeOf(dialect),
  });
  await press();
  const mark = await waitMark(page, name, timeout);
  // Long tasks are reported after they end; give the page a moment after the paint.
  await idle(settleMs);
  const state = await probeState(page);
  const click = state.clicks.findLast((c) => c.t <= mark.dom);
  const reply = state.messages.findLast((m) => m.type === 'result' && m.worker.includes(dialect) && m.t >= click.t);
  const tasks = state.longtasks.filter((t) => t.start + t.duration >= click.t && t.start <= mark.paint + settleMs);
  const dom = await page.evaluate(
    ({ label, scope }) => ({
      rows: window.__bench.tableRows(label, scope),
      trs: window.__bench.domRows(label, scope),
      cutNotes: document.querySelectorAll(`${scope} .cut-note`).length,
      tableAria: document.querySelector(`${scope} table[aria-label="${label}"]`)?.getAttribute('aria-rowcount') ?? null,
    }),
    { label, scope: scopeOf(dialect) },
  );
  return {
    ms: mark.paint - click.t,
    domMs: mark.dom - click.t,
    replyMs: reply ? reply.t - click.t : null,
    renderMs: reply ? mark.paint - reply.t : null,
    engine: reply?.timings ?? null,
    engineOk: reply?.ok ?? null,
    longestTaskMs: tasks.reduce((m, t) => Math.max(m, t.duration), 0),
    longTasks: tasks.map((t) => ({ start: t.start - click.t, duration: t.duration })),
    dom,
  };
}

/**
 * Scroll a results table to its end, as a person dragging the scrollbar down would, and time it
 * until its last row is on screen with its mark (rows held in the engine's worker are fetched
 * then); with the longest main-thread task meanwhile.
 */
async function scrollToEnd(page, label, scope, timeout) {
  const t0 = await page.evaluate(
    ({ label, scope }) => {
      const table = document.querySelector(`${scope} table[aria-label="${label}"]`);
      const n = Number(table.getAttribute('aria-rowcount'));
      window.__bench.watch('scroll-end', () => table.querySelector(`tr[aria-rowindex="${n}"][data-change]`) !== null);
      const box = table.closest('.table-scroll');
      const t = performance.now();
      box.scrollTop = box.scrollHeight;
      return t;
    },
    { label, scope },
  );
  const mark = await waitMark(page, 'scroll-end', timeout);
  await idle(300);
  const state = await probeState(page);
  const tasks = state.longtasks.filter((t) => t.start + t.duration >= t0 && t.start <= mark.paint + 300);
  return { ms: mark.paint - t0, longestTaskMs: tasks.reduce((m, t) => Math.max(m, t.duration), 0) };
}

/** 4: warm run latency of the default scenario on SQLite, then on PostgreSQL, with engine time. */
export async function warmRuns(env) {
  const dir = await newProfileDir();
  const out = { sqlite: [], postgres: [] };
  const p = await openProfile(dir, { first: { label: 'After: users', scope: scopeOf('sqlite') } });
  try {
    await p.page.goto(env.server.url(nextVisit(), 'app', ''), { waitUntil: 'commit' });
    await waitMark(p.page, 'first', env.timeoutMs);
    // Let the editor upgrade and the background PostgreSQL warm-up finish: they are not part of a run.
    await p.page.waitForSelector('.monaco-editor', { state: 'attached', timeout: 30_000 }).catch(() => undefined);
    await waitPostgresReady(p.page, 30_000);
    await idle(500);
    for (let k = 0; k < env.warmRuns; k++) {
      out.sqlite.push(await timedRun(p.page, `warm-sqlite-${k}`, 'sqlite', 'After: users', env.timeoutMs, 150));
    }
    await p.page.evaluate(
      (scope) => window.__bench.watch('to-pg', () => window.__bench.tableRows('After: users', scope) > 0),
      scopeOf('postgres'),
    );
    await p.page.getByRole('radio', { name: 'PostgreSQL' }).click();
    await waitMark(p.page, 'to-pg', env.timeoutMs);
    // The first PostgreSQL run makes the app dump its data directory when the page is idle; a run
    // clicked meanwhile queues behind the dump. Measure warm runs once the snapshot is stored.
    out.snapshotStoredAfterMs = await waitSnapshotStored(p.page, 30_000);
    await idle(300);
    for (let k = 0; k < env.warmRuns; k++) {
      out.postgres.push(await timedRun(p.page, `warm-pg-${k}`, 'postgres', 'After: users', env.timeoutMs, 150));
    }
    env.log(
      `  warm: SQLite ${out.sqlite.map((s) => s.ms.toFixed(0)).join(', ')} ms; PostgreSQL ${out.postgres.map((s) => s.ms.toFixed(0)).join(', ')} ms`,
    );
  } finally {
    await p.close();
    await removeProfileDir(dir);
  }
  return out;
}

/**
 * 5: bulk upsert of `n` rows (half conflicting) on `dialect`: the app (opened from a link, then
 * "Run" clicked) against the baseline worker timing the same setup and statement, interleaved.
 */
export async function bulk(env, dialect, n) {
  const scripts = bulkScripts(n);
  const appDir = await newProfileDir();
  const baseDir = await newProfileDir();
  const pipeDir = await newProfileDir();
  const app = [];
  const engine = [];
  const pipeline = [];
  let memory = null;
  const a = await openProfile(appDir, {});
  const b = await openProfile(baseDir, {});
  const c = await openProfile(pipeDir, {});
  try {
    await a.page.goto(env.server.url(nextVisit(), 'app', linkFragment(scenarioFor(dialect, scripts))), {
      waitUntil: 'commit',
    });
    await settled(a.page, env.timeoutMs * 3);
    // The default 5 s limit is for runaway queries; a 100,000-row run on PGlite may need more.
    await a.page.getByLabel('Time limit (s)').fill(String(env.runLimitS ?? 120));
    if (dialect === 'sqlite') await waitPostgresReady(a.page, 30_000);
    await b.page.goto(
      env.server.url(nextVisit(), 'base', `${dialect === 'sqlite' ? 'sqlite' : 'pglite'}.html?autorun=0`),
      { waitUntil: 'load' },
    );
    await b.page.waitForFunction(() => window.__baseline !== undefined);
    const call = () =>
      b.page.evaluate(
        (s) => window.__baseline.call({ type: 'time', setup: s.setup, statement: s.statement, table: 'items' }),
        scripts[dialect],
      );
    const warm = await call(); // engine start-up and first compile, like the app's first run
    if (warm.error) throw new Error(`baseline ${dialect} ${n}: ${warm.error}`);
    // Diagnostic: the app's own engine pipeline in a bare worker (no UI), same SQL.
    await c.page.goto(env.server.url(nextVisit(), 'base', 'pipeline.html'), { waitUntil: 'load' });
    await c.page.waitForFunction(() => window.__baseline !== undefined);
    const pipe = () =>
      c.page.evaluate(
        (s) => window.__baseline.call({ type: 'time', dialect: s.dialect, setup: s.setup, statement: s.statement }),
        { dialect, ...scripts[dialect] },
      );
    const pwarm = await pipe();
    if (pwarm.error) throw new Error(`pipeline ${dialect} ${n}: ${pwarm.error}`);
    for (let k = 0; k < env.bulkRuns; k++) {
      const r = await timedRun(a.page, `bulk-${k}`, dialect, 'After: items', env.timeoutMs * 3);
      app.push(r);
      const e = await call();
      if (e.error) throw new Error(`baseline ${dialect} ${n}: ${e.error}`);
      engine.push({
        ...e.timings,
        rowCount: e.rowCount,
        setupAndStatement: e.timings.setup + e.timings.statement,
        withRead: e.timings.setup + e.timings.statement + e.timings.read,
      });
      const q = await pipe();
      if (q.error) throw new Error(`pipeline ${dialect} ${n}: ${q.error}`);
      pipeline.push({ runMs: q.runMs, roundTripMs: q.roundTripMs, timings: q.timings });
      // After the last run, with its tables on the page (env.memory: the million-row module).
      if (env.memory && k === env.bulkRuns - 1) memory = await memoryUse(a.page, appDir);
      // Scrolling to the After table's last row: the rows are fetched from the engine's worker.
      if (env.scrollEnd) r.scrollEnd = await scrollToEnd(a.page, 'After: items', scopeOf(dialect), env.timeoutMs);
      env.log(
        `  bulk ${dialect} ${n}: app ${r.ms.toFixed(0)} ms (engine in app ${r.engine ? r.engine.total.toFixed(0) : '?'} ms, longest task ${r.longestTaskMs.toFixed(0)} ms, ${r.dom.trs} <tr>) | app pipeline, bare worker: ${q.runMs.toFixed(0)} ms (round trip ${q.roundTripMs.toFixed(0)}) | engine alone: setup ${e.timings.setup.toFixed(0)} + statement ${e.timings.statement.toFixed(0)} + read ${e.timings.read.toFixed(0)} ms`,
      );
    }
  } finally {
    await a.close();
    await b.close();
    await c.close();
    for (const d of [appDir, baseDir, pipeDir]) await removeProfileDir(d);
  }
  return { dialect, n, app, engine, pipeline, memory, errors: [...a.errors, ...b.errors, ...c.errors] };
}

/**
 * Above the row limit: a SQLite table of `rows` rows (more than the app keeps per table). Checks
 * that the run completes, the page says what it left out, and no main-thread task blocks long.
 */
export async function overLimit(env, rows) {
  const scripts = overLimitScripts(rows);
  const dir = await newProfileDir();
  const out = [];
  const a = await openProfile(dir, {});
  try {
    const scenario = { dialect: 'sqlite', sqlite: scripts.sqlite, postgres: scripts.sqlite };
    await a.page.goto(env.server.url(nextVisit(), 'app', linkFragment(scenario)), { waitUntil: 'commit' });
    await settled(a.page, env.timeoutMs * 3);
    await a.page.getByLabel('Time limit (s)').fill('120');
    await waitPostgresReady(a.page, 30_000);
    for (let k = 0; k < env.limitRuns; k++) {
      const r = await timedRun(a.page, `limit-${k}`, 'sqlite', 'After: items', env.timeoutMs * 3, 800);
      r.cutNote = await a.page.evaluate(() =>
        [...document.querySelectorAll('.results[data-dialect="sqlite"] .cut-note')].map((e) => e.textContent),
      );
      out.push(r);
      env.log(
        `  over the row limit (${rows.toLocaleString('en')} rows): ${r.ms.toFixed(0)} ms, longest task ${r.longestTaskMs.toFixed(0)} ms, note: ${r.cutNote[0] ?? 'NONE'}`,
      );
    }
  } finally {
    await a.close();
    await removeProfileDir(dir);
  }
  return { rows, runs: out, errors: a.errors };
}
