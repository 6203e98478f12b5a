// Cold-start measures: first rendered result on SQLite and on PostgreSQL (first and repeat visit),
// the dialect switch after an idle page, and the bytes fetched before the first result.
// App and baseline runs alternate (A, B, A, B, …) within one invocation.
import { gzipSize } from './server.mjs';
import {
  idle,
  newProfileDir,
  openProfile,
  probeState,
  removeProfileDir,
  waitMark,
  waitSnapshotStored,
} from './browser.mjs';
import { linkFragment, scenarioFor } from './scenarios.mjs';

let visits = 0;
/** A new visit prefix (one per profile: a repeat visit reuses its profile's prefix). */
export const nextVisit = () => `v${Date.now().toString(36)}${(visits++).toString(36)}`;

export const USERS = 'After: users';
export const scopeOf = (dialect) => `.results[data-dialect="${dialect}"]`;
/** Sides of round i: A B, then B A (an ABBA order cancels a steady drift and order effects). */
export const order = (sides, i) => (i % 2 ? [...sides].reverse() : sides);
const isEngineChunk = (p) => /pglite|initdb|postgres/i.test(p);
const isEditorChunk = (p) => /monaco|editor\.worker|codicon/i.test(p);

/** Files a visit requested before epoch time `until`, with raw and gzip sizes. */
export function requestsBefore(server, visit, origin, until) {
  return server
    .requests(visit)
    .filter((r) => r.t <= until)
    .map((r) => ({
      path: r.path,
      at: r.t - origin,
      status: r.status,
      bytes: r.bytes,
      gzip: r.file && r.status === 200 ? gzipSize(r.file) : 0,
    }));
}

/** Worker messages without bulky fields, times relative to navigation start. */
const trimMessages = (ms) =>
  ms.map(({ worker, type, t, startupMs, fromSnapshot, timings }) => ({
    worker,
    type,
    t,
    startupMs,
    fromSnapshot,
    timings,
  }));

/**
 * One visit on profile `dir`: open `url`, wait for the first rendered table described by `first`,
 * and return its timing with what the page fetched and started. Leaves the page open when `keep`.
 * `browser`: options of the browser context (e.g. `{ serviceWorkers: 'block' }`).
 */
export async function visit(env, dir, id, root, rel, first, keep = false, browser = {}) {
  const p = await openProfile(dir, { first }, browser);
  try {
    await p.page.goto(env.server.url(id, root, rel), { waitUntil: 'commit' });
    const mark = await waitMark(p.page, 'first', env.timeoutMs);
    const state = await probeState(p.page);
    const result = {
      ms: mark.paint,
      domMs: mark.dom,
      requests: requestsBefore(env.server, id, mark.origin, mark.origin + mark.dom),
      longTasks: state.longtasks.filter((t) => t.start <= mark.paint),
      workers: state.workers,
      messages: trimMessages(state.messages),
      errors: p.errors,
    };
    if (keep) return { result, p };
    await p.close();
    return { result, p: null };
  } catch (err) {
    await p.close().catch(() => undefined);
    throw err;
  }
}

/** 1 and 6: cold start to the first SQLite result, app vs the sql.js baseline; bytes per chunk. */
export async function coldSqlite(env) {
  const app = [];
  const baseline = [];
  const alt = [];
  const out = { app, baseline, alt };
  for (let i = 0; i < env.runs; i++) {
    for (const side of order(env.alt ? ['app', 'baseline', 'alt'] : ['app', 'baseline'], i)) {
      const dir = await newProfileDir();
      try {
        const { result } =
          side !== 'baseline'
            ? await visit(env, dir, nextVisit(), side, '', { label: USERS, scope: scopeOf('sqlite') })
            : await visit(env, dir, nextVisit(), 'base', 'sqlite.html', { label: USERS });
        result.editorBeforeFirst = result.requests.filter((r) => isEditorChunk(r.path)).map((r) => r.path);
        result.postgresBeforeFirst = result.requests.filter((r) => isEngineChunk(r.path)).map((r) => r.path);
        out[side].push(result);
        env.log(`  cold SQLite ${side} #${i + 1}: ${result.ms.toFixed(0)} ms`);
      } finally {
        await removeProfileDir(dir);
      }
    }
  }
  return out;
}

/** 2: cold start to the first PostgreSQL result, first and repeat visit, app vs the PGlite baseline. */
export async function coldPostgres(env) {
  const link = linkFragment(scenarioFor('postgres', env.defaultScenario));
  const out = { app: [], baseline: [], alt: [] };
  for (let i = 0; i < env.runs; i++) {
    for (const side of order(env.alt ? ['app', 'baseline', 'alt'] : ['app', 'baseline'], i)) {
      const dir = await newProfileDir();
      const id = nextVisit();
      try {
        const [root, rel, first] =
          side !== 'baseline'
            ? [side, link, { label: USERS, scope: scopeOf('postgres') }]
            : ['base', 'pglite.html', { label: USERS }];
        const { result: firstVisit, p } = await visit(env, dir, id, root, rel, first, true);
        let snapshotWaitMs = null;
        // The app stores its data-directory snapshot after the first run, when the page is idle.
        if (side !== 'baseline') snapshotWaitMs = await waitSnapshotStored(p.page, 30_000);
        await p.close();
        const { result: repeatVisit } = await visit(env, dir, id, root, rel, first);
        const ready = (r) =>
          r.messages.find((m) => m.type === 'ready' && (side === 'baseline' || m.worker.includes('postgres')));
        const sample = {
          first: firstVisit,
          repeat: repeatVisit,
          snapshotWaitMs,
          firstStartupMs: ready(firstVisit)?.startupMs ?? null,
          repeatStartupMs: ready(repeatVisit)?.startupMs ?? null,
          repeatFromSnapshot: ready(repeatVisit)?.fromSnapshot ?? false,
          sqliteWorkerStarted: firstVisit.workers.some((w) => /sqlite/.test(w.name)),
        };
        out[side].push(sample);
        env.log(
          `  cold PostgreSQL ${side} #${i + 1}: first ${firstVisit.ms.toFixed(0)} ms, repeat ${repeatVisit.ms.toFixed(0)} ms${side !== 'baseline' ? ` (snapshot ${sample.repeatFromSnapshot ? 'used' : 'NOT used'})` : ''}`,
        );
      } finally {
        await removeProfileDir(dir);
      }
    }
  }
  return out;
}

/**
 * 3: open the app on SQLite, wait for the result, stay idle `env.idleMs`, then click the
 * "PostgreSQL" radio and time it to the rendered PostgreSQL result. Done on a first visit and
 * again on a repeat visit of the same profile (data-directory snapshot stored).
 */
export async function dialectSwitch(env) {
  // A repeat visit opens an explicit SQLite link, so nothing remembered from the first visit (which
  // ended on PostgreSQL) can change the starting dialect.
  const sqliteLink = linkFragment(scenarioFor('sqlite', env.defaultScenario));
  const first = [];
  const repeat = [];
  for (let i = 0; i < env.runs; i++) {
    const dir = await newProfileDir();
    const id = nextVisit();
    try {
      for (const kind of ['first', 'repeat']) {
        const { result: load, p } = await visit(
          env,
          dir,
          id,
          'app',
          kind === 'first' ? '' : sqliteLink,
          { label: USERS, scope: scopeOf('sqlite') },
          true,
        );
        try {
          await idle(env.idleMs);
          await p.page.evaluate(
            ({ label, scope }) => window.__bench.watch('switch', () => window.__bench.tableRows(label, scope) > 0),
            { label: USERS, scope: scopeOf('postgres') },
          );
          await p.page.getByRole('radio', { name: 'PostgreSQL' }).click();
          const mark = await waitMark(p.page, 'switch', env.timeoutMs);
          const state = await probeState(p.page);
          const click = state.clicks.findLast((c) => c.target.includes('postgres')) ?? state.clicks.at(-1);
          const pgWorker = state.workers.find((w) => w.name.includes('postgres'));
          const pgReady = state.messages.find((m) => m.worker.includes('postgres') && m.type === 'ready');
          const sample = {
            ms: mark.paint - click.t,
            domMs: mark.dom - click.t,
            firstResultMs: load.ms,
            postgresWorkerCreatedMs: pgWorker ? pgWorker.created : null,
            postgresWorkerBeforeFirstResult: pgWorker ? pgWorker.created < load.domMs : false,
            postgresReadyBeforeClick: pgReady ? pgReady.t < click.t : false,
            postgresReadyMs: pgReady ? pgReady.t : null,
            postgresStartupMs: pgReady?.startupMs ?? null,
            fromSnapshot: pgReady?.fromSnapshot ?? false,
          };
          (kind === 'first' ? first : repeat).push(sample);
          env.log(
            `  switch ${kind} visit #${i + 1}: ${sample.ms.toFixed(0)} ms (PostgreSQL ready before click: ${sample.postgresReadyBeforeClick})`,
          );
          if (kind === 'first') await waitSnapshotStored(p.page, 30_000);
        } finally {
          await p.close();
        }
      }
    } finally {
      await removeProfileDir(dir);
    }
  }
  return { first, repeat };
}
