/** SQLite-only behaviour of the engine: rowids, INSERT OR REPLACE, WITHOUT ROWID, temp tables. */
import { beforeAll, describe, expect, it } from 'vitest';
import { createSqliteEngine } from '../../src/engine/sqlite';
import type { Engine, RunResult, TableDiff } from '../../src/engine/types';

let engine: Engine;
beforeAll(async () => {
  engine = await createSqliteEngine();
});

const table = (r: RunResult, name: string): TableDiff => r.tables.find((x) => x.name === name)!;
const kinds = (t: TableDiff): string[] =>
  t.changes.map((c) => c.change + (c.sameValues ? '=' : '') + (c.replaced ? '*' : ''));

describe('sqlite engine', () => {
  it('shows INSERT OR REPLACE on a text primary key as a deleted plus an inserted row', async () => {
    const r = await engine.run({
      setup:
        "CREATE TABLE r (k TEXT PRIMARY KEY, a INTEGER, b TEXT DEFAULT 'd');\nINSERT INTO r VALUES ('x', 1, 'kept?'), ('y', 2, 'y');",
      statement: "INSERT OR REPLACE INTO r (k, a) VALUES ('x', 5)",
    });
    expect(r.ok).toBe(true);
    expect(r.statements[0]!.kind).toBe('INSERT OR REPLACE');
    const t = table(r, 'r');
    expect(kinds(t)).toEqual(['deleted*', 'inserted*', 'unchanged']);
    // The replacement lost the unlisted column's old value: it got the DEFAULT.
    expect(t.after!.rows[0]).toEqual(['x', 5, 'd']);
    expect(t.counts).toMatchObject({ deleted: 1, inserted: 1, replaced: 1, updated: 0 });
    expect(t.notes.join(' ')).toMatch(/INSERT OR REPLACE/);
  });

  it('pairs INSERT OR REPLACE on an INTEGER PRIMARY KEY table through its unique key (new id)', async () => {
    const r = await engine.run({
      setup:
        "CREATE TABLE r (id INTEGER PRIMARY KEY, k TEXT NOT NULL UNIQUE, a INTEGER);\nINSERT INTO r (k, a) VALUES ('x', 1), ('y', 2);",
      statement: "INSERT OR REPLACE INTO r (k, a) VALUES ('x', 5)",
    });
    const t = table(r, 'r');
    expect(t.after!.rows).toEqual([
      [2, 'y', 2],
      [3, 'x', 5],
    ]);
    expect(kinds(t)).toEqual(['deleted*', 'unchanged', 'inserted*']);
  });

  it('a table without a key is matched by rowid, so an update stays an update', async () => {
    const r = await engine.run({
      setup: "CREATE TABLE n (a INTEGER, b TEXT);\nINSERT INTO n VALUES (1, 'x'), (1, 'x'), (2, 'y');",
      statement: "UPDATE n SET b = 'z' WHERE a = 2;\nUPDATE n SET b = b WHERE rowid = 1;",
    });
    const t = table(r, 'n');
    expect(t.identity.kind).toBe('rowid');
    expect(kinds(t)).toEqual(['updated=', 'unchanged', 'updated']);
    expect(r.statements.map((s) => s.diffCounts)).toEqual([
      { inserted: 0, updated: 1, deleted: 0 },
      { inserted: 0, updated: 1, deleted: 0 },
    ]);
  });

  it('reads the rowid under another name when a column is called rowid', async () => {
    const r = await engine.run({
      setup: "CREATE TABLE q (rowid TEXT, v INTEGER);\nINSERT INTO q VALUES ('a', 1), ('b', 2);",
      statement: "UPDATE q SET v = v WHERE rowid = 'a';\nUPDATE q SET v = 20 WHERE rowid = 'b';",
    });
    expect(r.ok).toBe(true);
    const t = table(r, 'q');
    expect(t.writeTracking).toBe('hook');
    expect(t.after!.columns).toEqual(['rowid', 'v']);
    expect(t.after!.rows).toEqual([
      ['a', 1],
      ['b', 20],
    ]);
    expect(kinds(t)).toEqual(['updated=', 'updated']);
  });

  it('cannot see identical rewrites in a WITHOUT ROWID table, and says so', async () => {
    const r = await engine.run({
      setup: 'CREATE TABLE w (k INTEGER PRIMARY KEY, v INTEGER) WITHOUT ROWID;\nINSERT INTO w VALUES (1, 1);',
      statement: 'INSERT INTO w VALUES (1, 1) ON CONFLICT (k) DO UPDATE SET v = excluded.v',
    });
    const t = table(r, 'w');
    expect(t.schema.hasRowid).toBe(false);
    expect(t.writeTracking).toBe('none');
    expect(kinds(t)).toEqual(['unchanged']);
    expect(t.notes.join(' ')).toMatch(/WITHOUT ROWID/);
  });

  it('shows temp tables, blobs and reals; hides its own tracking objects', async () => {
    const r = await engine.run({
      setup: 'CREATE TEMP TABLE tt (id INTEGER PRIMARY KEY, b BLOB, f REAL);',
      statement:
        "INSERT INTO tt VALUES (1, x'00ff10', 1.5) RETURNING b;\nSELECT name FROM sqlite_temp_master WHERE type = 'table' AND name = 'tt';",
    });
    expect(r.tables.map((t) => [t.name, t.schema.schema])).toEqual([['temp.tt', 'temp']]);
    expect(table(r, 'temp.tt').after!.rows).toEqual([[1, { blob: '00ff10' }, { real: 1.5 }]]);
    expect(r.statements[0]!.rows).toEqual([[{ blob: '00ff10' }]]);
  });

  it('introspects generated and INTEGER PRIMARY KEY columns', async () => {
    const { tables } = await engine.describe(
      'CREATE TABLE g (id INTEGER PRIMARY KEY, a INTEGER NOT NULL DEFAULT 3, b INTEGER GENERATED ALWAYS AS (a * 2) VIRTUAL, c);',
    );
    const cols = tables[0]!.columns;
    expect(cols.map((c) => [c.name, c.type, c.notNull, c.defaultExpr, c.generated, c.identity])).toEqual([
      ['id', 'INTEGER', true, null, false, true],
      ['a', 'INTEGER', true, '3', false, false],
      ['b', 'INTEGER', false, null, true, false],
      ['c', '', false, null, false, false],
    ]);
    expect(tables[0]!.uniqueKeys).toEqual([
      { name: 'PRIMARY KEY', kind: 'primary', columns: ['id'], predicate: null, hasExpressions: false },
    ]);
  });

  it('a failing statement is finalized: the next run works on a fresh database', async () => {
    const r = await engine.run({
      setup: 'CREATE TABLE t (k INTEGER PRIMARY KEY);',
      statement: 'INSERT INTO t VALUES (1), (1);',
    });
    expect(r.error!.code).toBe('SQLITE_CONSTRAINT_PRIMARYKEY');
    expect(table(r, 't').after!.rows).toEqual([]);
    const r2 = await engine.run({
      setup: 'CREATE TABLE t (k INTEGER PRIMARY KEY, e TEXT UNIQUE);',
      statement: "INSERT INTO t VALUES (1, 'a'), (2, 'a');",
    });
    expect(r2.error!.code).toBe('SQLITE_CONSTRAINT_UNIQUE');
    expect(r2.error!.message).toBe('UNIQUE constraint failed: t.e');
  });
});

describe('write tracking across schema changes', () => {
  it('tells rewritten rows apart in every statement of a script that drops and creates tables between its writes', async () => {
    const r = await engine.run({
      setup:
        'CREATE TABLE a (id INTEGER PRIMARY KEY, v);\nINSERT INTO a VALUES (1, 1);\nCREATE TABLE b (id INTEGER PRIMARY KEY, v);\nINSERT INTO b VALUES (1, 1), (2, 2);',
      statement:
        'UPDATE a SET v = v WHERE id = 1;\nDROP TABLE a;\nCREATE TABLE c (id INTEGER PRIMARY KEY, v);\nINSERT INTO c VALUES (1, 1);\nUPDATE c SET v = v;\nUPDATE b SET v = v WHERE id = 2;',
    });
    expect(r.ok, r.error?.message).toBe(true);
    expect(kinds(table(r, 'b'))).toEqual(['unchanged', 'updated=']);
    expect(kinds(table(r, 'c'))).toEqual(['inserted']);
    expect(table(r, 'a').status).toBe('dropped');
  });
});
