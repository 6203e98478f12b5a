// Baseline worker: raw PGlite (initdb on start, as a first visit does), one instance reused.
import { PGlite } from '@electric-sql/pglite';

let pg = null;
let used = false;
const engine = () => (pg ??= PGlite.create());

self.onmessage = async (e) => {
  const msg = e.data;
  try {
    const t0 = performance.now();
    const db = await engine();
    // A clean database per run, as the app gives every run.
    if (used) await db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
    used = true;
    const t1 = performance.now();
    await db.exec(msg.setup);
    const t2 = performance.now();
    await db.exec(msg.statement);
    const t3 = performance.now();
    const r = await db.query(`SELECT * FROM "${msg.table}"`, [], { rowMode: 'array' });
    const t4 = performance.now();
    const columns = r.fields.map((f) => f.name);
    const timings = { engine: t1 - t0, setup: t2 - t1, statement: t3 - t2, read: t4 - t3 };
    if (msg.type === 'scenario') self.postMessage({ id: msg.id, columns, rows: r.rows, timings });
    else self.postMessage({ id: msg.id, rowCount: r.rows.length, timings });
  } catch (err) {
    self.postMessage({ id: msg.id, error: String(err?.message ?? err) });
  }
};
