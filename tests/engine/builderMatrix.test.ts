/**
 * The builder's matrix: form choices × both dialects. Every generated statement runs on the real
 * engine (sql.js, PGlite) against a known setup; the after-state and the returned rows must equal
 * what an independent model of upsert semantics (builderModel.ts) computes for the same choices.
 * Table and column names and the values are hostile on purpose (quotes, semicolons, comment
 * markers, keywords, unicode).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { PGlite } from '@electric-sql/pglite';
import { startPGlite } from '../support/engines';
import type { Database } from 'sql.js';
import { generateSql } from '../../src/builder/sql';
import { type Case, buildCases, expectModel, isWrite, statements } from './builderCases';
import { SETUP, normalise, sqliteDb } from './builderFixtures';

async function runCase(
  c: Case,
  exec: (sql: string) => Promise<unknown[][]>,
  readTable: () => Promise<unknown[][]>,
): Promise<void> {
  const gen = generateSql(c.state, c.table, c.dialect);
  expect(gen.errors, gen.errors.join('\n')).toEqual([]);
  const returned: unknown[][] = [];
  for (const st of statements(gen.sql)) {
    const rows = await exec(st);
    if (isWrite(st)) returned.push(...rows);
  }
  expectModel(c, await readTable(), returned, gen.sql);
}

const sqliteCases = buildCases('sqlite');
const pgCases = buildCases('postgres');

describe('builder matrix on SQLite (sql.js)', () => {
  test.each(sqliteCases.map((c) => [c.name, c] as const))('%s', async (_n, c) => {
    const db: Database = await sqliteDb();
    const exec = async (sql: string) => db.exec(sql).flatMap((r) => r.values.map((row) => row.map(normalise)));
    const quoted = `"${c.tc.schemaName.replaceAll('"', '""')}"`;
    await runCase(c, exec, async () => exec(`SELECT * FROM ${quoted}`));
    db.close();
  });
});

describe('builder matrix on PostgreSQL (PGlite)', () => {
  let pg: PGlite;
  beforeAll(async () => {
    pg = await startPGlite();
    await pg.exec(SETUP);
  });
  afterAll(async () => pg.close());
  test.each(pgCases.map((c) => [c.name, c] as const))('%s', async (_n, c) => {
    const exec = async (sql: string) => {
      const r = await pg.query<Record<string, unknown>>(sql, [], { rowMode: 'array' } as never);
      return (r.rows as unknown as unknown[][]).map((row) => row.map(normalise));
    };
    const quoted = `"${c.tc.schemaName.replaceAll('"', '""')}"`;
    await pg.exec('BEGIN');
    try {
      await runCase(c, exec, async () => exec(`SELECT * FROM ${quoted}`));
    } finally {
      await pg.exec('ROLLBACK');
    }
  });
});

test('the matrix covers every strategy, target kind, action, condition and RETURNING form on both engines', () => {
  const all = [...sqliteCases, ...pgCases];
  const seen = (f: (c: Case) => string) => new Set(all.map(f));
  expect(seen((c) => `${c.dialect}:${c.state.strategy}`)).toEqual(
    new Set([
      'sqlite:doUpdate',
      'sqlite:doNothing',
      'sqlite:orReplace',
      'sqlite:orIgnore',
      'sqlite:twoStep',
      'postgres:doUpdate',
      'postgres:doNothing',
      'postgres:merge',
      'postgres:twoStep',
    ]),
  );
  expect(seen((c) => `${c.dialect}:${c.state.target.kind}`)).toEqual(
    new Set(['sqlite:key', 'sqlite:none', 'postgres:key', 'postgres:constraint', 'postgres:none']),
  );
  expect(seen((c) => c.state.condition.kind)).toEqual(new Set(['none', 'changed', 'newer', 'custom']));
  const actionKinds = new Set(all.flatMap((c) => Object.values(c.state.actions).map((a) => a.kind)));
  expect(actionKinds).toEqual(new Set(['excluded', 'keep', 'add', 'coalesce', 'increment', 'now', 'custom']));
  expect(seen((c) => `${c.state.returning.kind}:${c.state.returning.action}`)).toEqual(
    new Set(['none:false', 'all:false', 'columns:false', 'all:true']),
  );
  expect(all.length).toBeGreaterThan(150);
});
