/**
 * PostgreSQL: the row-by-row account is left off, unless asked for by hand, for a statement the
 * planner expects to write very many rows (each recorded row is a NOTICE: a 50,000-row upsert took
 * about 4 s with it against 0.3 s without). The planner is asked with plain EXPLAIN: nothing runs
 * twice and no sequence value is spent.
 */
import { describe, expect, it } from 'vitest';
import { useEngines } from '../support/engines';

const engines = useEngines();

const SETUP = 'CREATE TABLE big (id serial PRIMARY KEY, k integer NOT NULL UNIQUE, v text NOT NULL);';
const many = (n: number): string =>
  `INSERT INTO big (k, v) SELECT i, 'v' || i FROM generate_series(1, ${n}) i ON CONFLICT (k) DO NOTHING;`;

describe('PostgreSQL: the account and the planner', () => {
  it('a 100,000-row upsert into an empty table: no account, a note with the estimate, every row written', async () => {
    const r = await engines.postgres.run({
      setup: SETUP,
      statement: `${many(100_000)}\nSELECT nextval('big_id_seq');`,
      rowLimit: 1000,
    });
    expect(r.error).toBeUndefined();
    expect(r.account).toEqual({ on: true });
    const s = r.statements[0]!;
    expect(s.rowsAffected).toBe(100_000);
    expect(s.accountSkipped).toEqual({ plannedRows: 100_000 });
    expect(s.account).toBeUndefined();
    expect(s.proposed).toBeUndefined();
    expect(r.notes).toContain(
      "Statement 1: the row-by-row account was not recorded, because PostgreSQL's planner expects it to write about 100,000 rows (EXPLAIN), and recording each one makes a run many times slower. Switch the row-by-row account off and on again to record it anyway.",
    );
    // The estimate spent no sequence value: the next one follows the rows written.
    expect(r.statements[1]!.rows).toEqual([[100_001]]);
    expect(r.tables[0]!.after!.totalRows).toBe(100_000);
  });

  it('switched on by hand, the same statement is recorded (cut at the account limit)', async () => {
    const r = await engines.postgres.run({ setup: SETUP, statement: many(30_000), rowLimit: 1000, account: true });
    const s = r.statements[0]!;
    expect(s.accountSkipped).toBeUndefined();
    expect(s.account?.cut).toBe(true);
    expect(s.proposed?.rows.length).toBeGreaterThan(0);
    expect(r.notes.some((n) => n.includes('was not recorded'))).toBe(false);
  });

  it('a small upsert (and one over a table the planner has never measured) keeps its account', async () => {
    const r = await engines.postgres.run({
      setup: `${SETUP}\nCREATE TABLE src (k integer, v text);\nINSERT INTO src SELECT i, 'x' FROM generate_series(1, 5) i;`,
      statement: `${many(3)}\nINSERT INTO big (k, v) SELECT k, v FROM src ON CONFLICT (k) DO UPDATE SET v = excluded.v;`,
    });
    expect(r.error).toBeUndefined();
    for (const s of r.statements) {
      expect(s.accountSkipped).toBeUndefined();
      expect(s.proposed?.rows.length).toBeGreaterThan(0);
    }
    expect(r.statements[1]!.proposed!.rows.map((p) => p.fate)).toEqual([
      'updated',
      'updated',
      'updated',
      'inserted',
      'inserted',
    ]);
  });
});
