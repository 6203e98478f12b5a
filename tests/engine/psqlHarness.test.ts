/**
 * The psql emulation of the upstream gate (tests/upstream/psqlHarness.ts) on a small file whose
 * expected output is in psql's -a format: an error inside a function (LINE/caret in the internal
 * query, QUERY, CONTEXT), statements refused in an aborted transaction block, and COPY data. A
 * CONTEXT that differs is a difference: the gate compares it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/types';
import { runRegressFile } from '../upstream/psqlHarness';
import { startPostgres } from '../support/engines';

let engine: Engine;
beforeAll(async () => {
  engine = await startPostgres();
});
afterAll(() => engine.close());

const SQL = `CREATE FUNCTION g() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN (SELECT nocol FROM pg_class); END $$;
SELECT g();
BEGIN;
SELECT 1/0;
SELECT 1;
ROLLBACK;
COPY (SELECT 1 AS a, 'x' AS b) TO stdout;
`;

const OUT = `CREATE FUNCTION g() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN (SELECT nocol FROM pg_class); END $$;
SELECT g();
ERROR:  column "nocol" does not exist
LINE 1: (SELECT nocol FROM pg_class)
                ^
QUERY:  (SELECT nocol FROM pg_class)
CONTEXT:  PL/pgSQL function g() line 1 at RETURN
BEGIN;
SELECT 1/0;
ERROR:  division by zero
SELECT 1;
ERROR:  current transaction is aborted, commands ignored until end of transaction block
ROLLBACK;
COPY (SELECT 1 AS a, 'x' AS b) TO stdout;
1	x
`;

describe('the psql emulation', () => {
  it('matches psql output with QUERY, CONTEXT, an aborted block and COPY data', async () => {
    const r = await runRegressFile(engine, 'small.sql', SQL, OUT);
    expect(r.differences).toEqual([]);
    expect(r.same).toBe(7);
    expect(r.errors).toEqual({ same: 3, total: 3 });
    expect(r.inAbortedTransaction).toBe(1);
  });

  it('a different CONTEXT or QUERY is a difference', async () => {
    const context = await runRegressFile(engine, 'small.sql', SQL, OUT.replace('line 1 at RETURN', 'line 2 at RETURN'));
    expect(context.differences).toHaveLength(1);
    expect(context.differences[0]).toMatch(/line 2: SELECT g\(\)/);
    const query = await runRegressFile(engine, 'small.sql', SQL, OUT.replace('QUERY:  (SELECT', 'QUERY:  (SELECT '));
    expect(query.same).toBe(6);
  });
});
