/**
 * Forms driven by the engines' own introspection (`Engine.describe`), not by hand-written
 * schemas: the introspected schema of the matrix setup matches the fixtures, every matrix case
 * built from it runs through `Engine.run` with the model's result, and tables with generated,
 * identity and expression-index columns give forms that run.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Dialect, Engine, StatementResult, TableSchema } from '../../src/engine/types';
import { startPostgres } from '../support/engines';
import { createSqliteEngine } from '../../src/engine/sqlite';
import { defaultBuilderState, findTable } from '../../src/builder/model';
import { generateSql } from '../../src/builder/sql';
import { targetOptions } from '../../src/builder/targets';
import { buildCases, expectModel } from './builderCases';
import { SETUP, setupTables } from './builderFixtures';

/** The parts of a schema the builder relies on, with engine-specific spellings evened out. */
function shape(t: TableSchema) {
  return {
    name: t.name,
    columns: t.columns.map((c) => [c.name, c.type.toLowerCase(), c.notNull, c.defaultExpr, c.generated, c.identity]),
    primaryKey: t.primaryKey,
    uniqueKeys: t.uniqueKeys
      .filter((k) => k.kind !== 'primary')
      .map((k) => [k.kind, k.columns, k.predicate?.replace(/^\((.*)\)$/, '$1') ?? null, k.hasExpressions]),
    hasRowid: t.hasRowid,
  };
}

const writes = (st: StatementResult) => /^(INSERT|UPDATE|MERGE)/.test(st.kind);

const EXTRA: Record<Dialect, string> = {
  sqlite: `CREATE TABLE g (a integer PRIMARY KEY, b integer GENERATED ALWAYS AS (a * 2) STORED, c text);
CREATE UNIQUE INDEX g_lower ON g (lower(c));
INSERT INTO g (a, c) VALUES (1, 'x');`,
  postgres: `CREATE TABLE g (a integer PRIMARY KEY, b integer GENERATED ALWAYS AS (a * 2) STORED, c text);
CREATE UNIQUE INDEX g_lower ON g (lower(c));
INSERT INTO g (a, c) VALUES (1, 'x');
CREATE TABLE ident (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, code text UNIQUE, n integer);
INSERT INTO ident (code, n) VALUES ('a', 1);`,
};

describe.each(['sqlite', 'postgres'] as const)('introspected forms on %s', (dialect) => {
  let engine: Engine;
  let tables: TableSchema[] = [];
  beforeAll(async () => {
    engine = dialect === 'sqlite' ? await createSqliteEngine() : await startPostgres();
    const d = await engine.describe(SETUP);
    expect(d.error).toBeUndefined();
    tables = d.tables;
  });
  afterAll(async () => engine?.close());

  test('describe() reports the schema the fixtures assume', () => {
    expect(tables.map(shape)).toEqual(setupTables(dialect).map(shape));
  });

  test('every matrix case built from the introspected schema gives the model result through Engine.run', async () => {
    const cases = buildCases(dialect, tables);
    expect(cases.length).toBeGreaterThan(100);
    for (const c of cases) {
      const gen = generateSql(c.state, c.table, dialect);
      expect(gen.errors, c.name).toEqual([]);
      const r = await engine.run({ setup: SETUP, statement: gen.sql });
      expect(r.error, `${c.name}\n${gen.sql}`).toBeUndefined();
      const table = r.tables.find((t) => t.name === c.tc.schemaName);
      const returned = r.statements.filter(writes).flatMap((s) => s.rows);
      expectModel(c, table?.after?.rows ?? [], returned, `${c.name}\n${gen.sql}`);
    }
  });

  test('generated columns, identity columns and expression indexes', async () => {
    const d = await engine.describe(EXTRA[dialect]);
    const g = findTable(d.tables, 'g');
    if (!g) throw new Error('no table g');
    const s = defaultBuilderState(g, dialect);
    expect(s.insertColumns).toEqual(['a', 'c']);
    const lower = targetOptions('doUpdate', dialect, g).find((o) => o.label.includes('g_lower'));
    expect(lower?.availability.ok).toBe(false);
    s.rows = [
      { a: '1', c: 'y' },
      { a: '2', c: 'z' },
    ];
    const gen = generateSql(s, g, dialect);
    const r = await engine.run({ setup: EXTRA[dialect], statement: gen.sql });
    expect(r.error, gen.sql).toBeUndefined();
    expect(r.tables.find((t) => t.name === 'g')?.after?.rows).toEqual([
      [1, 2, 'y'],
      [2, 4, 'z'],
    ]);
    if (dialect !== 'postgres') return;
    const ident = findTable(d.tables, 'ident');
    if (!ident) throw new Error('no table ident');
    const i = defaultBuilderState(ident, dialect);
    expect(i.insertColumns).toEqual(['code', 'n']);
    expect(i.target).toMatchObject({ kind: 'key', columns: ['code'] });
    i.rows = [
      { code: 'a', n: '5' },
      { code: 'b', n: '6' },
    ];
    const run1 = await engine.run({ setup: EXTRA.postgres, statement: generateSql(i, ident, dialect).sql });
    // The conflicting row still drew a value from the identity sequence: 'b' gets 3, not 2.
    expect(run1.tables.find((t) => t.name === 'ident')?.after?.rows).toEqual([
      [1, 'a', 5],
      [3, 'b', 6],
    ]);
    expect(generateSql(i, ident, dialect).warnings.join()).toMatch(/gaps/);
    // Listing the identity column needs OVERRIDING SYSTEM VALUE, which the generator adds.
    const withId = { ...i, insertColumns: ['id', 'code', 'n'], rows: [{ id: '10', code: 'c', n: '7' }] };
    const sql = generateSql(withId, ident, dialect).sql;
    expect(sql).toContain('OVERRIDING SYSTEM VALUE');
    const run2 = await engine.run({ setup: EXTRA.postgres, statement: sql });
    expect(run2.error, sql).toBeUndefined();
    expect(run2.tables.find((t) => t.name === 'ident')?.after?.rows).toContainEqual([10, 'c', 7]);
  });
});
