/**
 * What PostgreSQL tells psql, through the engine: a script that carries on after errors, an
 * error's CONTEXT and internal QUERY, COPY … TO STDOUT data, and RESET SESSION AUTHORIZATION.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PostgresEngine } from '../../src/engine/postgres';
import type { RunResult } from '../../src/engine/types';
import { startPostgres } from '../support/engines';

let engine: PostgresEngine;
beforeAll(async () => {
  engine = await startPostgres();
});
afterAll(() => engine.close());

describe('postgres engine, as psql sees it', () => {
  it("stops at the first error by default; with onError 'continue' runs every statement, as psql does", async () => {
    const setup = 'CREATE TABLE t (k int PRIMARY KEY);';
    const statement = [
      'INSERT INTO t VALUES (1)',
      'INSERT INTO t VALUES (1)',
      'INSERT INTO t VALUES (2)',
      'BEGIN',
      'INSERT INTO t VALUES (3)',
      'SELECT 1/0',
      'INSERT INTO t VALUES (4)',
      'ROLLBACK',
      'SELECT k FROM t ORDER BY k',
    ].join(';\n');
    const stopped = await engine.run({ setup, statement });
    expect(stopped.statements).toHaveLength(2);
    expect(stopped.notRun).toHaveLength(7);

    const r = await engine.run({ setup, statement, onError: 'continue' });
    expect(r.ok).toBe(false);
    expect(r.notRun).toEqual([]);
    expect(r.statements.map((s) => s.error?.code ?? 'ok')).toEqual([
      'ok',
      '23505',
      'ok',
      'ok',
      'ok',
      '22012',
      '25P02', // the block is aborted: refused until it ends
      'ok',
      'ok',
    ]);
    expect(r.statements[6]!.error!.message).toBe(
      'current transaction is aborted, commands ignored until end of transaction block',
    );
    // The run's error is the first one; the block was rolled back whole.
    expect(r.error!.statementIndex).toBe(1);
    expect(r.statements[8]!.rows).toEqual([[1], [2]]);
    expect(r.tables.find((x) => x.name === 't')!.after!.rows).toEqual([[1], [2]]);
  });

  it("the runs before the shown one (RunInput.again) carry on after errors too with onError 'continue'", async () => {
    const input = {
      setup: 'CREATE TABLE t (k int PRIMARY KEY);',
      statement:
        'INSERT INTO t VALUES (1) ON CONFLICT DO NOTHING;\nSELECT 1/0;\nINSERT INTO t VALUES (2) ON CONFLICT DO NOTHING;',
      again: 1,
    };
    const before = (r: RunResult) => r.tables.find((x) => x.name === 't')!.before!.rows;
    expect(before(await engine.run(input))).toEqual([[1]]);
    expect(before(await engine.run({ ...input, onError: 'continue' }))).toEqual([[1], [2]]);
  });

  it('an error inside a function carries its CONTEXT, and the internal QUERY with the position in it', async () => {
    const r = await engine.run({
      setup: `CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN PERFORM 1/0; RETURN 1; END $$;
CREATE FUNCTION g() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN (SELECT nocol FROM pg_class); END $$;`,
      statement: 'SELECT f();\nSELECT g();\nSELECT nocol FROM pg_class;',
      onError: 'continue',
    });
    const [f, g, plain] = r.statements.map((s) => s.error!);
    expect(f!.message).toBe('division by zero');
    expect(f!.context).toBe('SQL statement "SELECT 1/0"\nPL/pgSQL function f() line 1 at PERFORM');
    expect(f!.internalQuery).toBeUndefined();
    expect(g!.message).toBe('column "nocol" does not exist');
    expect(g!.context).toBe('PL/pgSQL function g() line 1 at RETURN');
    expect(g!.internalQuery).toBe('(SELECT nocol FROM pg_class)');
    expect(g!.internalPosition).toBe(9);
    expect(g!.position).toBeUndefined();
    // An error in the statement itself has none of them.
    expect(plain!.context).toBeUndefined();
    expect(plain!.internalQuery).toBeUndefined();
    expect(plain!.position).toBe('SELECT f();\nSELECT g();\nSELECT '.length);
  });

  it('COPY … TO STDOUT gives the data it sent', async () => {
    const r = await engine.run({
      setup: "CREATE TABLE t (k int, v text);\nINSERT INTO t VALUES (1, 'a\tb'), (2, NULL);",
      statement: 'COPY t TO STDOUT;\nCOPY (SELECT k FROM t ORDER BY k DESC) TO stdout WITH (FORMAT csv, HEADER);',
    });
    expect(r.ok).toBe(true);
    expect(r.statements[0]!.copyOut).toBe('1\ta\\tb\n2\t\\N\n');
    expect(r.statements[0]!.rowsAffected).toBe(2);
    expect(r.statements[0]!.columns).toBeNull();
    expect(r.statements[1]!.copyOut).toBe('k\n2\n1\n');
  });

  it("RESET SESSION AUTHORIZATION and DISCARD ALL go back to the engine's superuser, as a server goes back to the user who connected", async () => {
    const r = await engine.run({
      setup: 'CREATE ROLE regress_someone;',
      statement: [
        'SELECT session_user::text, current_user::text',
        'SET SESSION AUTHORIZATION regress_someone',
        'SELECT session_user::text',
        'RESET SESSION AUTHORIZATION',
        'SELECT session_user::text, current_user::text',
        'SET SESSION AUTHORIZATION regress_someone',
        'SET SESSION AUTHORIZATION DEFAULT',
        'SELECT session_user::text',
        'BEGIN',
        'SET SESSION AUTHORIZATION regress_someone',
        'SET LOCAL SESSION AUTHORIZATION DEFAULT',
        'SELECT session_user::text',
        'COMMIT',
        'SELECT session_user::text',
        'DISCARD ALL',
        'SELECT session_user::text',
        '/* a comment */ reset session -- and another\n authorization',
        'SELECT session_user::text',
      ].join(';\n'),
    });
    expect(r.ok).toBe(true);
    const su = r.statements[0]!.rows[0]![0];
    expect(r.statements[0]!.rows).toEqual([[su, su]]);
    expect(r.statements[2]!.rows).toEqual([['regress_someone']]);
    expect(r.statements[3]!.columns).toBeNull();
    expect(r.statements[3]!.kind).toBe('RESET');
    expect(r.statements[4]!.rows).toEqual([[su, su]]);
    expect(r.statements[7]!.rows).toEqual([[su]]);
    // LOCAL lasts until the transaction ends, then the session's own setting is back.
    expect(r.statements[11]!.rows).toEqual([[su]]);
    expect(r.statements[13]!.rows).toEqual([['regress_someone']]);
    // DISCARD ALL resets the session user too.
    expect(r.statements[15]!.rows).toEqual([[su]]);
    expect(r.statements[17]!.rows).toEqual([[su]]);
  });
});
