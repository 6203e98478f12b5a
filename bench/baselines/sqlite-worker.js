// Baseline worker: raw sql.js, loaded the way the app loads it (bundled wasm URL).
import initSqlJs from 'sql.js';
import wasmUrl from 'sql.js/dist/sql-wasm.wasm?url';

let sql = null;
const engine = () => (sql ??= initSqlJs({ locateFile: () => wasmUrl }));

function rowsOf(db, table) {
  const [r] = db.exec(`SELECT * FROM "${table}"`);
  return r ? { columns: r.columns, rows: r.values } : { columns: [], rows: [] };
}

self.onmessage = async (e) => {
  const msg = e.data;
  try {
    const t0 = performance.now();
    const SQL = await engine();
    const t1 = performance.now();
    const db = new SQL.Database();
    try {
      db.exec(msg.setup);
      const t2 = performance.now();
      db.exec(msg.statement);
      const t3 = performance.now();
      const after = rowsOf(db, msg.table);
      const t4 = performance.now();
      const timings = { engine: t1 - t0, setup: t2 - t1, statement: t3 - t2, read: t4 - t3 };
      if (msg.type === 'scenario') self.postMessage({ id: msg.id, ...after, timings });
      else self.postMessage({ id: msg.id, rowCount: after.rows.length, timings });
    } finally {
      db.close();
    }
  } catch (err) {
    self.postMessage({ id: msg.id, error: String(err?.message ?? err) });
  }
};
