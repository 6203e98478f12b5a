/**
 * The engine's own machinery (write tracking and the row-by-row account) is invisible to the
 * user's SQL: no objects, no counted changes, user triggers and sequences as on a plain engine.
 * SQLite results are compared with the same script run on a plain sql.js database; PostgreSQL
 * results with what PostgreSQL itself documents.
 */
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { useEngines } from '../support/engines';
import type { RunResult, TableDiff } from '../../src/engine/types';

let SQL: SqlJsStatic;
const engines = useEngines();
beforeAll(async () => {
  SQL = await initSqlJs();
});

const last = (r: RunResult): unknown[][] => r.statements[r.statements.length - 1]!.rows;
const table = (r: RunResult, name: string): TableDiff => r.tables.find((t) => t.name === name)!;

/** The last statement's rows on a plain sql.js database. */
function plain(setup: string, statement: string): unknown[][] {
  const db = new SQL.Database();
  try {
    db.exec(setup);
    const out = db.exec(statement);
    return out[out.length - 1]?.values ?? [];
  } finally {
    db.close();
  }
}

describe('SQLite: the machinery is invisible', () => {
  const cases: [string, string, string][] = [
    [
      'total_changes() and changes() after an UPDATE',
      'CREATE TABLE t(a INTEGER PRIMARY KEY, b); INSERT INTO t VALUES (1, 1);',
      'UPDATE t SET b = 1; SELECT total_changes(), changes();',
    ],
    [
      'total_changes(), changes() and last_insert_rowid() after a multi-row upsert',
      'CREATE TABLE t(a INTEGER PRIMARY KEY, b UNIQUE, c); INSERT INTO t VALUES (1, 1, 0), (2, 2, 0);',
      'INSERT INTO t(b, c) VALUES (1, 5), (3, 5), (2, 0) ON CONFLICT(b) DO UPDATE SET c = excluded.c WHERE excluded.c > 0; SELECT total_changes(), changes(), last_insert_rowid();',
    ],
    [
      'objects in sqlite_temp_schema and sqlite_schema',
      'CREATE TABLE t(a INTEGER PRIMARY KEY, b); INSERT INTO t VALUES (1, 1);',
      'UPDATE t SET b = 1; INSERT INTO t VALUES (2, 2); DELETE FROM t WHERE a = 2; SELECT type, name FROM sqlite_temp_schema UNION ALL SELECT type, name FROM sqlite_schema;',
    ],
    [
      'functions in pragma_function_list',
      'CREATE TABLE t(a INTEGER PRIMARY KEY, b); INSERT INTO t VALUES (1, 1);',
      "INSERT INTO t VALUES (1, 2) ON CONFLICT DO UPDATE SET b = excluded.b; SELECT count(*) FROM pragma_function_list WHERE name LIKE '%upsert%';",
    ],
    [
      "the user's triggers, and changes() inside them",
      'CREATE TABLE t(a INTEGER PRIMARY KEY, b); CREATE TABLE log(n, tc); INSERT INTO t VALUES (1, 1);' +
        'CREATE TRIGGER tr AFTER UPDATE ON t BEGIN INSERT INTO log VALUES (changes(), total_changes()); END;' +
        'CREATE TRIGGER ti BEFORE INSERT ON t WHEN new.b < 0 BEGIN SELECT RAISE(IGNORE); END;',
      'INSERT INTO t VALUES (1, 7), (2, -1), (3, 3) ON CONFLICT(a) DO UPDATE SET b = excluded.b; SELECT n, tc, (SELECT group_concat(a) FROM t), total_changes() FROM log;',
    ],
    [
      'AUTOINCREMENT values in sqlite_sequence',
      "CREATE TABLE s(id INTEGER PRIMARY KEY AUTOINCREMENT, k TEXT UNIQUE); INSERT INTO s(k) VALUES ('a');",
      "INSERT INTO s(k) VALUES ('a'), ('b') ON CONFLICT(k) DO NOTHING; INSERT OR REPLACE INTO s(k) VALUES ('b'); SELECT name, seq FROM sqlite_sequence UNION ALL SELECT k, id FROM s;",
    ],
  ];
  for (const [what, setup, statement] of cases) {
    it(`${what} are as on plain SQLite`, async () => {
      const r = await engines.sqlite.run({ setup, statement });
      expect(r.error).toBeUndefined();
      expect(last(r)).toEqual(plain(setup, statement));
    });
  }

  it('item 9: UPDATE t SET b = 1 then total_changes(), changes() gives [[2, 1]]', async () => {
    const r = await engines.sqlite.run({
      setup: 'CREATE TABLE t(a INTEGER PRIMARY KEY, b); INSERT INTO t VALUES (1, 1);',
      statement: 'UPDATE t SET b = 1; SELECT total_changes(), changes();',
    });
    expect(last(r)).toEqual([[2, 1]]);
    // …and the rewrite with identical values is still told apart from an untouched row.
    expect(table(r, 't').changes[0]).toMatchObject({ change: 'updated', sameValues: true });
  });

  it('item 8: sqlite_temp_schema is empty after writing statements', async () => {
    const r = await engines.sqlite.run({
      setup: 'CREATE TABLE t(a INTEGER PRIMARY KEY, b); INSERT INTO t VALUES (1, 1);',
      statement: 'UPDATE t SET b = 1; SELECT type, name FROM sqlite_temp_schema;',
    });
    expect(last(r)).toEqual([]);
  });

  it('a rewrite undone by ROLLBACK, or by its failing statement, is not reported as a write', async () => {
    const r = await engines.sqlite.run({
      setup:
        'CREATE TABLE t(a INTEGER PRIMARY KEY, b, c UNIQUE); INSERT INTO t VALUES (1, 1, 1), (2, 2, 2), (3, 3, 3);',
      statement:
        'BEGIN; UPDATE t SET b = b WHERE a = 1; ROLLBACK;\n' +
        'UPDATE t SET b = b WHERE a = 3;\n' +
        'UPDATE t SET b = b, c = CASE a WHEN 2 THEN 1 ELSE c END;',
    });
    expect(r.error?.message).toMatch(/UNIQUE/);
    expect(table(r, 't').changes.map((c) => c.change + (c.sameValues ? '=' : ''))).toEqual([
      'unchanged',
      'unchanged',
      'updated=',
    ]);
  });
});

describe('PostgreSQL: the machinery is invisible', () => {
  it('no trigger, function or temporary schema of it in the catalogs after writing statements', async () => {
    const r = await engines.postgres.run({
      setup: 'CREATE TABLE t (a int PRIMARY KEY, b int);\nINSERT INTO t VALUES (1, 1);',
      statement: `INSERT INTO t VALUES (1, 2), (2, 2) ON CONFLICT (a) DO UPDATE SET b = excluded.b;
UPDATE t SET b = 3;
DELETE FROM t WHERE a = 2;
SELECT (SELECT count(*) FROM pg_catalog.pg_trigger),
  (SELECT count(*) FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')),
  (SELECT count(*) FROM pg_catalog.pg_namespace WHERE nspname LIKE 'pg\\_temp\\_%')`,
    });
    expect(r.error).toBeUndefined();
    expect(last(r)).toEqual([[0, 0, 0]]);
  });

  it("ROW_COUNT in the user's function and the statement's row count are as without it", async () => {
    const r = await engines.postgres.run({
      setup: `CREATE TABLE t (a int PRIMARY KEY, b int);
CREATE TABLE rc (n int);
INSERT INTO t VALUES (1, 1), (2, 2);
CREATE FUNCTION up() RETURNS int LANGUAGE plpgsql AS $$
DECLARE n int;
BEGIN
  INSERT INTO t VALUES (1, 1), (2, 5), (3, 3) ON CONFLICT (a) DO UPDATE SET b = excluded.b WHERE t.b <> excluded.b;
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END $$;`,
      statement: 'INSERT INTO rc SELECT up() ON CONFLICT DO NOTHING;\nSELECT n FROM rc;',
    });
    expect(r.error).toBeUndefined();
    expect(r.statements[0]!.rowsAffected).toBe(1);
    expect(last(r)).toEqual([[2]]);
    // The account saw the function's upsert too.
    expect(r.statements[0]!.account!.events.some((e) => e.table === 't' && e.op === 'updated')).toBe(true);
  });

  it('identity values: the conflicting row spends one, as without the account', async () => {
    const r = await engines.postgres.run({
      setup: "CREATE TABLE s (id int GENERATED ALWAYS AS IDENTITY, k text UNIQUE);\nINSERT INTO s (k) VALUES ('a');",
      statement: "INSERT INTO s (k) VALUES ('a'), ('b') ON CONFLICT (k) DO NOTHING;\nSELECT id, k FROM s ORDER BY id;",
    });
    expect(last(r)).toEqual([
      [1, 'a'],
      [3, 'b'],
    ]);
  });

  it("the user's BEFORE trigger runs first: the account shows the row it changed, and its notices stay the user's", async () => {
    const r = await engines.postgres.run({
      setup: `CREATE TABLE u (email text PRIMARY KEY, n int);
CREATE FUNCTION low() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.email := lower(NEW.email); RAISE NOTICE 'lowered %', NEW.email; RETURN NEW; END $$;
CREATE TRIGGER low BEFORE INSERT ON u FOR EACH ROW EXECUTE FUNCTION low();
INSERT INTO u VALUES ('a@x', 1);`,
      statement: "INSERT INTO u VALUES ('A@X', 2), ('B@X', 1) ON CONFLICT (email) DO UPDATE SET n = u.n + excluded.n;",
    });
    expect(r.error).toBeUndefined();
    const p = r.statements[0]!.proposed!;
    expect(p.rows.map((x) => [x.values, x.fate])).toEqual([
      [['a@x', 2], 'updated'],
      [['b@x', 1], 'inserted'],
    ]);
    // One notice from the setup's insert, two from the statement.
    expect(r.notes.filter((n) => n.includes('lowered'))).toHaveLength(3);
    expect(r.notes.join(' ')).not.toMatch(/upsert-why|upsert_why/);
  });
});
