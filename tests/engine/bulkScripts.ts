/**
 * The bulk upsert used by tests/engine/bulk.test.ts (exact results) and bench/engine.bench.ts
 * (timings): BULK_ROWS rows in VALUES batches where half the keys already exist.
 */
export const BULK_ROWS = 100_000;
export const BULK_BATCH = 500;

/** Existing rows: the even ids below BULK_ROWS. */
export const bulkSetup = (dialect: 'sqlite' | 'postgres'): string =>
  dialect === 'sqlite'
    ? `CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL, n INTEGER NOT NULL);
INSERT INTO t WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 2 FROM s WHERE i + 2 < ${BULK_ROWS}) SELECT i, 'old' || i, 0 FROM s;`
    : `CREATE TABLE t (id integer PRIMARY KEY, v text NOT NULL, n integer NOT NULL);
INSERT INTO t SELECT i, 'old' || i, 0 FROM generate_series(0, ${BULK_ROWS - 1}, 2) i;`;

/** Every id below BULK_ROWS in batches, one transaction: half of them conflict. */
export function bulkStatement(): string {
  const parts = ['BEGIN;'];
  for (let start = 0; start < BULK_ROWS; start += BULK_BATCH) {
    const values: string[] = [];
    for (let i = start; i < start + BULK_BATCH; i++) values.push(`(${i}, 'new${i}', 1)`);
    parts.push(
      `INSERT INTO t (id, v, n) VALUES ${values.join(', ')} ON CONFLICT (id) DO UPDATE SET v = excluded.v, n = t.n + excluded.n;`,
    );
  }
  parts.push('COMMIT;');
  return parts.join('\n');
}
