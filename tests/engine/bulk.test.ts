/**
 * A 100,000-row bulk upsert (half the keys already exist) through the whole pipeline on both
 * engines: the results must be exact. Its timings, next to the raw engines', are in the benchmark
 * (bench/engine.bench.ts).
 */
import { describe, expect, it } from 'vitest';
import { useEngines } from '../support/engines';
import { BULK_BATCH, BULK_ROWS as N, bulkSetup, bulkStatement } from './bulkScripts';

const script = bulkStatement();
const engines = useEngines();

describe('100k-row bulk upsert', () => {
  it.each(['sqlite', 'postgres'] as const)('%s: exact counts through the whole pipeline', async (dialect) => {
    const r = await engines[dialect].run({ setup: bulkSetup(dialect), statement: script });
    expect(r.ok).toBe(true);
    const t = r.tables[0]!;
    expect(t.before!.totalRows).toBe(N / 2);
    expect(t.after!.totalRows).toBe(N);
    expect(t.counts).toMatchObject({ inserted: N / 2, updated: N / 2, deleted: 0, unchanged: 0 });
    expect(t.after!.rows[1]).toEqual([1, 'new1', 1]);
    expect(t.after!.rows[2]).toEqual([2, 'new2', 1]);
    expect(r.statements).toHaveLength(N / BULK_BATCH + 2);
    expect(r.statements[1]!.rowsAffected).toBe(BULK_BATCH);
  });
});

describe('one upsert updating 1,000,000 rows', () => {
  // SQLite's write tracking (the update hook lists the rows an UPDATE rewrote) once spread a
  // statement's list into one push's arguments, past what V8's stack holds: the run failed with
  // "Maximum call stack size exceeded". PostgreSQL tracks writes without such a list.
  const M = 1_000_000;
  const rows = `WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < ${M})`;
  it('sqlite: completes, with every row counted as updated and the After table cut at the row limit', async () => {
    const r = await engines.sqlite.run({
      setup: `CREATE TABLE big (id INTEGER PRIMARY KEY, v TEXT NOT NULL);\nINSERT INTO big (id, v) ${rows} SELECT i, 'old' FROM s;`,
      statement: `INSERT INTO big (id, v) ${rows} SELECT i, 'new' FROM s WHERE true ON CONFLICT (id) DO UPDATE SET v = excluded.v;`,
      rowLimit: 1000,
    });
    expect(r.error).toBeUndefined();
    expect(r.statements[0]!.rowsAffected).toBe(M);
    const after = r.tables[0]!.after!;
    expect(after.totalRows).toBe(M);
    expect(after.rows).toHaveLength(1000);
    expect(after.rows[999]).toEqual([1000, 'new']);
    expect(r.tables[0]!.counts).toMatchObject({ updated: 1000, inserted: 0, deleted: 0 });
  }, 120_000);
});
