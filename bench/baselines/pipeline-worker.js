// The app's engines, created the way its workers create them, timed around Engine.run. The whole
// RunResult is posted back (as the app's worker does) so the round trip includes its cloning.
import wasmUrl from 'sql.js/dist/sql-wasm.wasm?url';

const engines = {};
const engineFor = (dialect) =>
  (engines[dialect] ??=
    dialect === 'sqlite'
      ? import('../../src/engine/sqlite.ts').then((m) => m.createSqliteEngine({ locateFile: () => wasmUrl }))
      : import('../../src/engine/postgres.ts').then((m) => m.createPostgresEngine()));

self.onmessage = async (e) => {
  const msg = e.data;
  try {
    const engine = await engineFor(msg.dialect);
    const t0 = performance.now();
    const input = { setup: msg.setup, statement: msg.statement };
    if (msg.account !== undefined) input.account = msg.account;
    const result = await engine.run(input);
    const runMs = performance.now() - t0;
    self.postMessage({
      id: msg.id,
      runMs,
      timings: result.timings,
      ok: result.ok,
      error: result.error?.message,
      account: result.account?.on ?? null,
      proposedRows: result.statements.reduce((n, s) => n + (s.proposed?.rows.length ?? 0), 0),
      result,
    });
  } catch (err) {
    self.postMessage({ id: msg.id, error: String(err?.message ?? err) });
  }
};
