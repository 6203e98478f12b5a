/** PostgreSQL-only behaviour of the engine: values, RETURNING old/new, resets, data-dir snapshots. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresEngine, type PostgresEngine } from '../../src/engine/postgres';
import type { RunResult, TableDiff } from '../../src/engine/types';
import { startPostgres } from '../support/engines';

let engine: PostgresEngine;
beforeAll(async () => {
  engine = await startPostgres();
});
afterAll(() => engine.close());

const table = (r: RunResult, name: string): TableDiff => r.tables.find((x) => x.name === name)!;
const kinds = (t: TableDiff): string[] =>
  t.changes.map((c) => c.change + (c.sameValues ? '=' : '') + (c.replaced ? '*' : ''));

describe('postgres engine', () => {
  it('keeps duplicate column names of RETURNING old.*, new.*', async () => {
    const r = await engine.run({
      setup: 'CREATE TABLE t (k int PRIMARY KEY, v int);\nINSERT INTO t VALUES (1, 10);',
      statement:
        'INSERT INTO t VALUES (1, 11), (2, 20) ON CONFLICT (k) DO UPDATE SET v = excluded.v RETURNING old.*, new.*',
    });
    const s = r.statements[0]!;
    expect(s.columns).toEqual(['k', 'v', 'k', 'v']);
    expect(s.rows).toEqual([
      [1, 10, 1, 11],
      [null, null, 2, 20],
    ]);
  });

  it('columns is null only when a statement returns no result set', async () => {
    const r = await engine.run({
      setup: 'CREATE TABLE t (k int PRIMARY KEY);',
      statement: 'CREATE TABLE c AS SELECT 1 AS x;\nSELECT FROM t;\nSELECT k FROM t;\nINSERT INTO t VALUES (1);',
    });
    expect(r.statements.map((s) => s.columns)).toEqual([null, [], ['k'], null]);
    expect(r.statements.map((s) => s.kind)).toEqual(['CREATE TABLE', 'SELECT', 'SELECT', 'INSERT']);
  });

  it("snapshots tables whose column names clash with the engine's own aliases, and tables without columns", async () => {
    const r = await engine.run({
      setup:
        'CREATE TABLE clash (r int PRIMARY KEY, s int, upsert_t int);\nINSERT INTO clash VALUES (2, 1, 0), (1, 2, 0);\nCREATE TABLE empty ();\nINSERT INTO empty DEFAULT VALUES;',
      statement: 'UPDATE clash SET s = 3 WHERE r = 1',
    });
    expect(r.ok).toBe(true);
    expect(table(r, 'clash').after!.rows).toEqual([
      [1, 3, 0],
      [2, 1, 0],
    ]);
    expect(table(r, 'empty').after).toEqual({ columns: [], rows: [[]], totalRows: 1 });
  });

  it('refuses COPY … FROM STDIN (PGlite would block forever waiting for data)', async () => {
    const r = await engine.run({
      setup: 'CREATE TABLE t (k int);',
      statement: "COPY t (k) FROM STDIN;\nSELECT 'FROM STDIN';",
    });
    expect(r.error!.message).toMatch(/COPY … FROM STDIN/);
    expect(r.error!.statementIndex).toBe(0);
    expect(r.notRun.map((n) => n.sql)).toEqual(["SELECT 'FROM STDIN'"]);
  });

  it('MERGE … RETURNING merge_action()', async () => {
    const r = await engine.run({
      setup: 'CREATE TABLE t (k int PRIMARY KEY, v int);\nINSERT INTO t VALUES (1, 10);',
      statement:
        'MERGE INTO t USING (VALUES (1, 11), (2, 20)) AS s(k, v) ON t.k = s.k WHEN MATCHED THEN UPDATE SET v = s.v WHEN NOT MATCHED THEN INSERT VALUES (s.k, s.v) RETURNING merge_action(), t.k',
    });
    expect(r.statements[0]!.kind).toBe('MERGE');
    expect(r.statements[0]!.rows).toEqual([
      ['UPDATE', 1],
      ['INSERT', 2],
    ]);
    expect(r.statements[0]!.rowsAffected).toBe(2);
  });

  it("matches rows of a table without any key by whole content, and pairs an update through the engine's update event", async () => {
    const r = await engine.run({
      setup: "CREATE TABLE n (a int, b text);\nINSERT INTO n VALUES (1, 'x'), (1, 'x'), (2, 'y');",
      statement: "UPDATE n SET b = 'z' WHERE a = 2",
    });
    const t = table(r, 'n');
    expect(t.identity.kind).toBe('wholeRow');
    expect(kinds(t)).toEqual(['unchanged', 'unchanged', 'updated']);
    expect(t.changes[2]).toMatchObject({ before: 2, after: 2, changed: [1] });
    expect(t.counts).toMatchObject({ updated: 1, inserted: 0, deleted: 0 });
    expect(t.notes.join(' ')).toMatch(/paired with their old version/);
  });

  it('without the row-by-row account, an update of a key-less table is delete + insert with a note', async () => {
    const r = await engine.run({
      setup: "CREATE TABLE n (a int, b text);\nINSERT INTO n VALUES (1, 'x'), (1, 'x'), (2, 'y');",
      statement: "UPDATE n SET b = 'z' WHERE a = 2",
      account: false,
    });
    const t = table(r, 'n');
    expect(kinds(t)).toEqual(['unchanged', 'unchanged', 'deleted', 'inserted']);
    expect(t.notes.join(' ')).toMatch(/deleted \+ inserted/);
  });

  it('an upsert into a key-less table (unique index on a nullable column) is an update, not 2 inserted + 1 deleted', async () => {
    const r = await engine.run({
      setup: "CREATE TABLE k (email text UNIQUE, n int);\nINSERT INTO k VALUES ('a', 1), ('b', 2);",
      statement: "INSERT INTO k VALUES ('a', 5), ('c', 1) ON CONFLICT (email) DO UPDATE SET n = excluded.n",
    });
    const t = table(r, 'k');
    expect(t.identity.kind).toBe('wholeRow');
    expect(t.counts).toMatchObject({ inserted: 1, updated: 1, deleted: 0, unchanged: 1 });
  });

  it('uses a NOT NULL unique key when there is no primary key', async () => {
    const r = await engine.run({
      setup: "CREATE TABLE u (email text NOT NULL UNIQUE, n int);\nINSERT INTO u VALUES ('b', 1), ('a', 2);",
      statement: "INSERT INTO u VALUES ('a', 3) ON CONFLICT (email) DO UPDATE SET n = excluded.n",
    });
    const t = table(r, 'u');
    expect(t.identity).toEqual({ kind: 'unique', columns: ['email'], keyName: 'u_email_key' });
    expect(t.after!.rows).toEqual([
      ['a', 3],
      ['b', 1],
    ]);
    expect(kinds(t)).toEqual(['updated', 'unchanged']);
  });

  it('normalises values: exact numbers, Postgres text for the rest, blobs as hex', async () => {
    const r = await engine.run({
      setup: '',
      statement: `SELECT 1::int2, 2::int4, 3::int8, 9007199254740993::int8, 1.50::numeric, 1.5::float4, 'NaN'::float8,
        true, '2024-01-02'::date, '2024-01-02 03:04:05+00'::timestamptz, '{"a": 1}'::json, '{"b": 2}'::jsonb,
        '\\x00ff'::bytea, ARRAY[1, 2], '1 day'::interval, NULL::text`,
    });
    expect(r.statements[0]!.rows[0]).toEqual([
      1,
      2,
      3,
      '9007199254740993',
      '1.50',
      1.5,
      'NaN',
      true,
      '2024-01-02',
      '2024-01-02 03:04:05+00',
      '{"a": 1}',
      '{"b": 2}',
      { blob: '00ff' },
      '{1,2}',
      '1 day',
      null,
    ]);
  });

  it('orders a keyless table with unsortable columns by their text', async () => {
    const r = await engine.run({
      setup: `CREATE TABLE j (doc json, p point);\nINSERT INTO j VALUES ('{"z": 1}', '(1,2)'), ('{"a": 1}', '(0,0)');`,
      statement: 'SELECT 1',
    });
    expect(r.ok).toBe(true);
    expect(table(r, 'j').before!.rows).toEqual([
      ['{"a": 1}', '(0,0)'],
      ['{"z": 1}', '(1,2)'],
    ]);
  });

  it('a run leaves nothing behind: schemas, temp tables, settings, prepared statements, roles, cursors', async () => {
    const probe = {
      setup: '',
      statement: `SELECT current_setting('search_path'), current_setting('datestyle'),
        (SELECT count(*) FROM pg_prepared_statements), (SELECT count(*) FROM pg_cursors WHERE name <> ''),
        (SELECT count(*) FROM pg_namespace WHERE nspname = 'extra'), (SELECT count(*) FROM pg_roles WHERE rolname = 'somebody'),
        (SELECT count(*) FROM pg_class WHERE relname IN ('tmp', 'x', 'y'))`,
    };
    const clean = (await engine.run(probe)).statements[0]!.rows;
    expect(clean).toEqual([['public', 'ISO, MDY', 0, 0, 0, 0, 0]]);
    const r = await engine.run({
      setup:
        'CREATE SCHEMA extra;\nCREATE TABLE extra.x (a int);\nCREATE TEMP TABLE tmp (a int);\nCREATE ROLE somebody;',
      statement:
        "SET search_path = extra;\nSET datestyle = 'German';\nPREPARE p AS SELECT 1;\nBEGIN;\nDECLARE c CURSOR WITH HOLD FOR SELECT 1;\nCOMMIT;\nCREATE TABLE y (a int);",
    });
    expect(r.ok).toBe(true);
    expect(r.tables.map((t) => t.name).sort()).toEqual(['extra.x', 'extra.y', 'pg_temp.tmp']);
    const r2 = await engine.run(probe);
    expect(r2.statements[0]!.rows).toEqual(clean);
    expect(r2.tables).toEqual([]);
  });

  it('removes objects that live outside schemas, even an event trigger that forbids DDL', async () => {
    const r = await engine.run({
      setup: '',
      statement: `CREATE FUNCTION no_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'no DDL'; END $$;
CREATE EVENT TRIGGER no_ddl ON ddl_command_start EXECUTE FUNCTION no_ddl();
CREATE TABLE blocked (a int);`,
    });
    expect(r.error?.message).toBe('no DDL');
    const r2 = await engine.run({
      setup: 'CREATE TABLE fine (a int);',
      statement:
        'SELECT (SELECT count(*) FROM pg_event_trigger), (SELECT count(*) FROM pg_proc WHERE proname = $$no_ddl$$)',
    });
    expect(r2.ok).toBe(true);
    expect(r2.statements[0]!.rows).toEqual([[0, 0]]);
  });

  it('a failed transaction (25P02) is rolled back and does not leak', async () => {
    const r = await engine.run({
      setup: 'CREATE TABLE t (k int PRIMARY KEY);',
      statement: 'BEGIN;\nINSERT INTO t VALUES (1);\nSELECT 1 / 0;',
    });
    expect(r.error!.code).toBe('22012');
    expect(r.notes.join(' ')).toMatch(/aborted by the error and rolled back/);
    expect(table(r, 't').after!.rows).toEqual([]);
    const r2 = await engine.run({
      setup: 'CREATE TABLE t (k int PRIMARY KEY);',
      statement: 'INSERT INTO t VALUES (2);',
    });
    expect(r2.ok).toBe(true);
    expect(table(r2, 't').after!.rows).toEqual([[2]]);
  });

  it('collects notices', async () => {
    const r = await engine.run({ setup: '', statement: 'DROP TABLE IF EXISTS missing' });
    expect(r.notes.join(' ')).toMatch(/NOTICE: table "missing" does not exist, skipping/);
  });

  it('per-statement diffs see writes with identical values through xmin', async () => {
    const r = await engine.run({
      setup: 'CREATE TABLE t (k int PRIMARY KEY, v int);\nINSERT INTO t VALUES (1, 1), (2, 2);',
      statement: 'UPDATE t SET v = v WHERE k = 1;\nUPDATE t SET v = 3 WHERE k = 2;',
    });
    expect(r.statements.map((s) => s.diffCounts)).toEqual([
      { inserted: 0, updated: 1, deleted: 0 },
      { inserted: 0, updated: 1, deleted: 0 },
    ]);
    expect(kinds(table(r, 't'))).toEqual(['updated=', 'updated']);
  });

  // How much faster than initdb this is belongs to the benchmark (bench/engine.bench.ts).
  it('starts a replacement engine from its data-dir snapshot, clean and on the same version', async () => {
    await engine.run({ setup: 'CREATE TABLE leftover (a int);', statement: 'SELECT 1' });
    const dump = (await engine.dumpDataDir())!;
    expect(dump.size).toBeGreaterThan(0);
    const second = await createPostgresEngine({ loadDataDir: dump });
    try {
      const r = await second.run({ setup: '', statement: "SELECT count(*) FROM pg_class WHERE relname = 'leftover'" });
      expect(r.statements[0]!.rows).toEqual([[0]]);
      expect(second.version()).toBe(engine.version());
    } finally {
      await second.close();
    }
  });
});
