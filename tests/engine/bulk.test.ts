/**
 * A 100,000-row bulk upsert (half the keys already exist) through the whole pipeline on both
 * engines: the results must be exact, and the phase timings are printed for comparison with the
 * raw engines (the limits asserted here are loose: the machines are shared and noisy).
 */
import { PGlite } from '@electric-sql/pglite';
import initSqlJs from 'sql.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresEngine, type PostgresEngine } from '../../src/engine/postgres';
import { createSqliteEngine } from '../../src/engine/sqlite';
import type { Engine, RunResult } from '../../src/engine/types';

const N = 100_000;
const BATCH = 500;

/** Existing rows: the even ids below N. */
const setup = (dialect: 'sqlite' | 'postgres'): string =>
  dialect === 'sqlite'
    ? `CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL, n INTEGER NOT NULL);
INSERT INTO t WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 2 FROM s WHERE i + 2 < ${N}) SELECT i, 'old' || i, 0 FROM s;`
    : `CREATE TABLE t (id integer PRIMARY KEY, v text NOT NULL, n integer NOT NULL);
INSERT INTO t SELECT i, 'old' || i, 0 FROM generate_series(0, ${N - 1}, 2) i;`;

/** N rows in VALUES batches, one transaction: every id below N, so half conflict. */
function statement(): string {
  const parts = ['BEGIN;'];
  for (let start = 0; start < N; start += BATCH) {
    const values: string[] = [];
    for (let i = start; i < start + BATCH; i++) values.push(`(${i}, 'new${i}', 1)`);
    parts.push(
      `INSERT INTO t (id, v, n) VALUES ${values.join(', ')} ON CONFLICT (id) DO UPDATE SET v = excluded.v, n = t.n + excluded.n;`,
    );
  }
  parts.push('COMMIT;');
  return parts.join('\n');
}

const fmt = (r: RunResult): string =>
  Object.entries(r.timings)
    .map(([k, v]: [string, number]) => `${k} ${v.toFixed(0)}`)
    .join(', ');

let sqlite: Engine;
let postgres: PostgresEngine;
const script = statement();
beforeAll(async () => {
  [sqlite, postgres] = await Promise.all([createSqliteEngine(), createPostgresEngine()]);
});
afterAll(() => postgres.close());

describe('100k-row bulk upsert', () => {
  it.each(['sqlite', 'postgres'] as const)('%s: exact counts through the whole pipeline', async (dialect) => {
    const engine = dialect === 'sqlite' ? sqlite : postgres;
    const r = await engine.run({ setup: setup(dialect), statement: script });
    expect(r.ok).toBe(true);
    const t = r.tables[0]!;
    expect(t.before!.totalRows).toBe(N / 2);
    expect(t.after!.totalRows).toBe(N);
    expect(t.counts).toMatchObject({ inserted: N / 2, updated: N / 2, deleted: 0, unchanged: 0 });
    expect(t.after!.rows[1]).toEqual([1, 'new1', 1]);
    expect(t.after!.rows[2]).toEqual([2, 'new2', 1]);
    expect(r.statements).toHaveLength(N / BATCH + 2);
    expect(r.statements[1]!.rowsAffected).toBe(BATCH);
    // Raw engine, same scripts, no snapshots: the baseline the app is compared with.
    let raw: number;
    if (dialect === 'sqlite') {
      const SQL = await initSqlJs();
      const db = new SQL.Database();
      db.exec(setup(dialect));
      const t0 = performance.now();
      db.exec(script);
      raw = performance.now() - t0;
      db.close();
    } else {
      const pg = await PGlite.create();
      await pg.exec(setup(dialect));
      const t0 = performance.now();
      await pg.exec(script);
      raw = performance.now() - t0;
      await pg.close();
    }
    console.log(`${dialect} 100k upsert — pipeline: ${fmt(r)}; raw statement script: ${raw.toFixed(0)} ms`);
    expect(r.timings.before + r.timings.after + r.timings.diff).toBeLessThan(20_000);
  });
});
