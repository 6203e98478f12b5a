/** The run pipeline on both real engines: cases every dialect must get right. */
import { describe, expect, it } from 'vitest';
import { useEngines } from '../support/engines';
import type { RunResult, TableDiff } from '../../src/engine/types';
import { defaultScenario } from '../../src/scenario/scenario';

const engines = useEngines();

const table = (r: RunResult, name: string): TableDiff => {
  const t = r.tables.find((x) => x.name === name);
  if (!t) throw new Error(`no table ${name} in ${r.tables.map((x) => x.name).join(', ')}`);
  return t;
};
/** change kinds in display order, '=' for sameValues, '*' for replaced */
const kinds = (t: TableDiff): string[] =>
  t.changes.map((c) => c.change + (c.sameValues ? '=' : '') + (c.replaced ? '*' : ''));

const KV = 'CREATE TABLE t (k integer PRIMARY KEY, v integer NOT NULL);\nINSERT INTO t VALUES (1, 10), (2, 20);';

describe.each(['sqlite', 'postgres'] as const)('%s pipeline', (dialect) => {
  const run = (setup: string, statement: string): Promise<RunResult> => engines[dialect].run({ setup, statement });

  it('runs the default scenario: exact Before, After and RETURNING', async () => {
    const r = await engines[dialect].run(defaultScenario()[dialect]);
    expect(r.ok).toBe(true);
    expect(r.engineVersion).toMatch(dialect === 'sqlite' ? /^SQLite 3\.\d+\.\d+$/ : /^PostgreSQL 18\.\d+ \(PGlite\)$/);
    const users = table(r, 'users');
    expect(users.before!.rows).toEqual([
      [1, 'ada@example.com', 'Ada', 36, 3],
      [2, 'grace@example.com', 'Grace', 45, 7],
    ]);
    // Postgres spends an identity value on Ada's conflicting row too, so Linus gets 4.
    const linusId = dialect === 'sqlite' ? 3 : 4;
    expect(users.after!.rows).toEqual([
      [1, 'ada@example.com', 'Ada Lovelace', 37, 4],
      [2, 'grace@example.com', 'Grace', 45, 7],
      [linusId, 'linus@example.com', 'Linus', 28, 1],
    ]);
    const s = r.statements[0]!;
    expect(s.kind).toBe('INSERT');
    expect(s.columns).toEqual(['id', 'email', 'name', 'age', 'login_count']);
    expect(s.rows).toEqual([
      [1, 'ada@example.com', 'Ada Lovelace', 37, 4],
      [linusId, 'linus@example.com', 'Linus', 28, 1],
    ]);
    expect(s.rowsAffected).toBe(2);
    expect(s.diffCounts).toEqual({ inserted: 1, updated: 1, deleted: 0 });
    expect(kinds(users)).toEqual(['updated', 'unchanged', 'inserted']);
    expect(users.changes[0]!.changed).toEqual([2, 3, 4]);
    expect(users.identity).toEqual({ kind: 'primaryKey', columns: ['id'] });
    expect(users.writeTracking).toBe(dialect === 'sqlite' ? 'hook' : 'xmin');
    // The statement span skips the leading comments of the script.
    expect(r.statements[0]!.sql.startsWith('INSERT INTO users')).toBe(true);
    expect(r.timings.total).toBeGreaterThan(0);
  });

  it('single-row upsert updates one row', async () => {
    const r = await run(KV, 'INSERT INTO t VALUES (2, 21) ON CONFLICT (k) DO UPDATE SET v = excluded.v RETURNING k, v');
    expect(r.statements[0]!.rows).toEqual([[2, 21]]);
    expect(kinds(table(r, 't'))).toEqual(['unchanged', 'updated']);
  });

  it('DO NOTHING: rows affected 0 on a conflict, 1 for a new key', async () => {
    const r = await run(
      KV,
      'INSERT INTO t VALUES (1, 99) ON CONFLICT DO NOTHING;\nINSERT INTO t VALUES (3, 30) ON CONFLICT DO NOTHING;',
    );
    expect(r.statements.map((s) => s.rowsAffected)).toEqual([0, 1]);
    expect(r.statements.map((s) => s.diffCounts)).toEqual([
      { inserted: 0, updated: 0, deleted: 0 },
      { inserted: 1, updated: 0, deleted: 0 },
    ]);
    expect(kinds(table(r, 't'))).toEqual(['unchanged', 'unchanged', 'inserted']);
  });

  it('DO UPDATE … WHERE: a row the WHERE skipped is untouched, one it let through is updated', async () => {
    const r = await run(
      KV,
      'INSERT INTO t VALUES (1, 5), (2, 25) ON CONFLICT (k) DO UPDATE SET v = excluded.v WHERE excluded.v > t.v',
    );
    expect(r.statements[0]!.rowsAffected).toBe(1);
    expect(kinds(table(r, 't'))).toEqual(['unchanged', 'updated']);
  });

  it('DO UPDATE … WHERE: identical values written (sameValues) versus a row the WHERE left untouched', async () => {
    const r = await run(
      KV,
      'INSERT INTO t VALUES (1, 5), (2, 20) ON CONFLICT (k) DO UPDATE SET v = excluded.v WHERE excluded.v >= t.v',
    );
    expect(r.statements[0]!.rowsAffected).toBe(1);
    const t = table(r, 't');
    expect(kinds(t)).toEqual(['unchanged', 'updated=']);
    expect(t.counts).toMatchObject({ updated: 1, sameValues: 1, unchanged: 1 });
    expect(r.statements[0]!.diffCounts).toEqual({ inserted: 0, updated: 1, deleted: 0 });
  });

  it('SET v = excluded.v with the same value is a write with identical values (sameValues)', async () => {
    const r = await run(KV, 'INSERT INTO t VALUES (1, 10) ON CONFLICT (k) DO UPDATE SET v = excluded.v');
    const t = table(r, 't');
    expect(kinds(t)).toEqual(['updated=', 'unchanged']);
    expect(t.changes[0]!.changed).toEqual([]);
    expect(t.counts.sameValues).toBe(1);
    expect(r.statements[0]!.rowsAffected).toBe(1);
  });

  it('text-keyed accumulating upsert (SET n = t.n + excluded.n RETURNING *)', async () => {
    const r = await run(
      "CREATE TABLE wc (word text PRIMARY KEY, n integer NOT NULL);\nINSERT INTO wc VALUES ('apple', 5);",
      "INSERT INTO wc AS t VALUES ('apple', 1), ('pear', 1) ON CONFLICT (word) DO UPDATE SET n = t.n + excluded.n RETURNING *",
    );
    expect(r.statements[0]!.rows).toEqual([
      ['apple', 6],
      ['pear', 1],
    ]);
    const wc = table(r, 'wc');
    expect(wc.after!.rows).toEqual([
      ['apple', 6],
      ['pear', 1],
    ]);
    expect(kinds(wc)).toEqual(['updated', 'inserted']);
  });

  it('several statements: one result each, per-statement diff counts, none for a SELECT', async () => {
    const r = await run(
      KV,
      'INSERT INTO t VALUES (3, 30);\nUPDATE t SET v = v + 1 WHERE k <= 2;\nDELETE FROM t WHERE k = 3;\nSELECT count(*) AS n FROM t;',
    );
    expect(r.ok).toBe(true);
    expect(r.statements.map((s) => s.kind)).toEqual(['INSERT', 'UPDATE', 'DELETE', 'SELECT']);
    expect(r.statements.map((s) => s.rowsAffected)).toEqual([1, 2, 1, null]);
    expect(r.statements.map((s) => s.diffCounts)).toEqual([
      { inserted: 1, updated: 0, deleted: 0 },
      { inserted: 0, updated: 2, deleted: 0 },
      { inserted: 0, updated: 0, deleted: 1 },
      undefined,
    ]);
    expect(r.statements[3]!.columns).toEqual(['n']);
    expect(r.statements[3]!.rows).toEqual([[2]]);
    expect(r.statements[0]!.columns).toBeNull();
    // Overall: the inserted-then-deleted row does not appear at all.
    expect(kinds(table(r, 't'))).toEqual(['updated', 'updated']);
  });

  it('per-statement counts stop when a statement grows the tables past the budget', async () => {
    const grow =
      dialect === 'sqlite'
        ? 'INSERT INTO t WITH RECURSIVE s(i) AS (SELECT 3 UNION ALL SELECT i + 1 FROM s WHERE i < 30002) SELECT i, i FROM s'
        : 'INSERT INTO t SELECT i, i FROM generate_series(3, 30002) i';
    const r = await run(KV, `UPDATE t SET v = 0 WHERE k = 1;\n${grow};\nDELETE FROM t WHERE k = 2;`);
    expect(r.statements.map((s) => s.diffCounts)).toEqual([
      { inserted: 0, updated: 1, deleted: 0 },
      undefined,
      undefined,
    ]);
    expect(table(r, 't').counts).toMatchObject({ inserted: 30000, updated: 1, deleted: 1 });
  });

  it('an error after a successful statement keeps the earlier effects and is located', async () => {
    const statement = 'INSERT INTO t VALUES (3, 30);\n  INSERT INTO t VALUES (1, 1);\nSELECT 1;';
    const r = await run(KV, statement);
    expect(r.ok).toBe(false);
    expect(r.statements).toHaveLength(2);
    expect(r.statements[0]!.error).toBeUndefined();
    const e = r.error!;
    expect(r.statements[1]!.error).toEqual(e);
    expect(e.phase).toBe('statement');
    expect(e.statementIndex).toBe(1);
    expect(statement.slice(e.span!.start, e.span!.end)).toBe('INSERT INTO t VALUES (1, 1)');
    expect([e.line, e.column]).toEqual([2, 3]);
    expect(e.code).toBe(dialect === 'sqlite' ? 'SQLITE_CONSTRAINT_PRIMARYKEY' : '23505');
    if (dialect === 'postgres') expect(e.detail).toMatch(/already exists/);
    const at = statement.indexOf('SELECT 1');
    expect(r.notRun).toEqual([{ index: 2, sql: 'SELECT 1', span: { start: at, end: at + 8 } }]);
    expect(kinds(table(r, 't'))).toEqual(['unchanged', 'unchanged', 'inserted']);
  });

  it('reports the exact error position where the engine gives one', async () => {
    const statement = 'SELECT 1;\nSELECT k,\n  nope FROM t;';
    const r = await run(KV, statement);
    const e = r.error!;
    expect(e.statementIndex).toBe(1);
    if (dialect === 'postgres') {
      expect(e.code).toBe('42703');
      expect(statement.slice(e.position, e.position! + 4)).toBe('nope');
      expect([e.line, e.column]).toEqual([3, 3]);
    } else {
      expect(e.message).toMatch(/no such column: nope/);
      expect(e.code).toBe('SQLITE_ERROR');
      expect([e.line, e.column]).toEqual([2, 1]);
    }
  });

  it('a syntax error is located at its statement', async () => {
    const statement = 'UPDATE t SET v = 0 WHERE k = 1;\nSELEC 1;\nSELECT 2;';
    const r = await run(KV, statement);
    const e = r.error!;
    expect(e.statementIndex).toBe(1);
    expect(statement.slice(e.span!.start, e.span!.end)).toBe('SELEC 1');
    expect(e.position).toBe(statement.indexOf('SELEC'));
    expect([e.line, e.column]).toEqual([2, 1]);
    expect(e.code).toBe(dialect === 'sqlite' ? 'SQLITE_ERROR' : '42601');
    expect(r.notRun.map((n) => n.sql)).toEqual(['SELECT 2']);
    expect(kinds(table(r, 't'))).toEqual(['updated', 'unchanged']);
  });

  it('a setup error stops the run before the statements', async () => {
    const r = await run(
      'CREATE TABLE a (x integer);\nINSERT INTO nowhere VALUES (1);\nCREATE TABLE b (y integer);',
      'SELECT 1; SELECT 2',
    );
    expect(r.ok).toBe(false);
    expect(r.error!.phase).toBe('setup');
    expect(r.error!.statementIndex).toBe(1);
    expect(r.error!.line).toBe(2);
    expect(r.setup).toHaveLength(2);
    expect(r.statements).toEqual([]);
    expect(r.notRun.map((n) => n.sql)).toEqual(['SELECT 1', 'SELECT 2']);
    expect(r.tables.map((t) => t.name)).toEqual(['a']);
    expect(r.tables[0]!.notes.join(' ')).not.toMatch(/rowid/i);
    expect(r.tables[0]!.after).toEqual(r.tables[0]!.before);
  });

  it('an unfinished BEGIN is reported, shown, and does not leak into the next run', async () => {
    const r = await run(KV, 'BEGIN;\nINSERT INTO t VALUES (3, 30);');
    expect(r.ok).toBe(true);
    expect(r.notes.join(' ')).toMatch(/transaction open/);
    expect(kinds(table(r, 't'))).toEqual(['unchanged', 'unchanged', 'inserted']);
    // Next run: a fresh database, and not inside a transaction (BEGIN would fail / SAVEPOINT needs one).
    const probe = dialect === 'sqlite' ? 'BEGIN; COMMIT; SELECT count(*) FROM t;' : 'SAVEPOINT s;';
    const r2 = await run(KV, probe);
    if (dialect === 'sqlite') {
      expect(r2.ok).toBe(true);
      expect(r2.statements[2]!.rows).toEqual([[2]]);
    } else {
      expect(r2.error!.code).toBe('25P01'); // SAVEPOINT can only be used in transaction blocks
    }
    expect(r2.notes).toEqual([]);
  });

  it('an error inside an explicit transaction: earlier statements in it do not survive when the engine aborts it', async () => {
    const r = await run(
      KV,
      'UPDATE t SET v = 11 WHERE k = 1;\nBEGIN;\nINSERT INTO t VALUES (3, 30);\nINSERT INTO t VALUES (1, 1);',
    );
    expect(r.ok).toBe(false);
    const t = table(r, 't');
    if (dialect === 'postgres') {
      // 25P02: the transaction is aborted and rolled back; the update before BEGIN stays.
      expect(r.notes.join(' ')).toMatch(/aborted by the error and rolled back/);
      expect(kinds(t)).toEqual(['updated', 'unchanged']);
    } else {
      // SQLite keeps the transaction open after a constraint error: its insert is shown, then rolled back.
      expect(r.notes.join(' ')).toMatch(/transaction open/);
      expect(kinds(t)).toEqual(['updated', 'unchanged', 'inserted']);
    }
    const r2 = await run(KV, 'INSERT INTO t VALUES (4, 40);');
    expect(r2.ok).toBe(true);
    expect(r2.notes).toEqual([]);
    expect(table(r2, 't').after!.rows).toEqual([
      [1, 10],
      [2, 20],
      [4, 40],
    ]);
  });

  it('tables created and dropped by the statement script', async () => {
    const r = await run(
      'CREATE TABLE gone (id integer PRIMARY KEY);\nINSERT INTO gone VALUES (1), (2);',
      "DROP TABLE gone;\nCREATE TABLE fresh (id integer PRIMARY KEY, v text);\nINSERT INTO fresh VALUES (1, 'a');",
    );
    expect(r.tables.map((t) => [t.name, t.status])).toEqual([
      ['gone', 'dropped'],
      ['fresh', 'created'],
    ]);
    const gone = table(r, 'gone');
    expect(gone.after).toBeNull();
    expect(kinds(gone)).toEqual(['deleted', 'deleted']);
    const fresh = table(r, 'fresh');
    expect(fresh.before).toBeNull();
    expect(kinds(fresh)).toEqual(['inserted']);
  });

  it('introspects partial and expression unique indexes', async () => {
    const { tables, error } = await engines[dialect].describe(
      'CREATE TABLE u (id integer PRIMARY KEY, email text NOT NULL, deleted integer NOT NULL DEFAULT 0, CONSTRAINT u_email_deleted UNIQUE (email, deleted));\n' +
        'CREATE UNIQUE INDEX u_live ON u (email) WHERE deleted = 0;\nCREATE UNIQUE INDEX u_lower ON u (lower(email));\nCREATE VIEW v AS SELECT * FROM u;',
    );
    expect(error).toBeUndefined();
    expect(tables.map((t) => t.name)).toEqual(['u']);
    const u = tables[0]!;
    expect(u.primaryKey).toEqual(['id']);
    expect(u.uniqueKeys.map((k) => k.kind)).toEqual(['primary', 'unique', 'index', 'index']);
    const live = u.uniqueKeys.find((k) => k.name === 'u_live')!;
    expect(live.columns).toEqual(['email']);
    expect(live.predicate).toMatch(/^\(?deleted = 0\)?$/);
    const lower = u.uniqueKeys.find((k) => k.name === 'u_lower')!;
    expect(lower.hasExpressions).toBe(true);
    expect(lower.columns).toEqual(['lower(email)']);
    expect(u.uniqueKeys.find((k) => k.kind === 'unique')!.columns).toEqual(['email', 'deleted']);
    const deleted = u.columns.find((c) => c.name === 'deleted')!;
    expect(deleted).toMatchObject({ notNull: true, defaultExpr: '0', generated: false });
  });

  it('describe reports a setup error with what exists', async () => {
    const { tables, error } = await engines[dialect].describe(
      'CREATE TABLE a (x integer);\nCREATE TABLE a (x integer);',
    );
    expect(tables.map((t) => t.name)).toEqual(['a']);
    expect(error?.phase).toBe('setup');
    expect(error?.statementIndex).toBe(1);
  });

  it('caps snapshots at rowLimit and reports the total', async () => {
    const insert =
      dialect === 'sqlite'
        ? 'WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 50) INSERT INTO t SELECT i, i FROM s'
        : 'INSERT INTO t SELECT i, i FROM generate_series(1, 50) i';
    const r = await engines[dialect].run({
      setup: 'CREATE TABLE t (k integer PRIMARY KEY, v integer);',
      statement: insert,
      rowLimit: 10,
    });
    const t = table(r, 't');
    expect(t.after!.rows).toHaveLength(10);
    expect(t.after!.totalRows).toBe(50);
    expect(t.after!.rows[0]).toEqual([1, 1]);
  });
});
