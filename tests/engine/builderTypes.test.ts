/**
 * Literals typed from the schema, on the real engines: booleans, dates, numerics, blobs, reals,
 * big integers, the empty string and NULL land as the column's own type. Also what each engine
 * does with the same key twice in one statement, which the generator warns about.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { PGlite } from '@electric-sql/pglite';
import { startPGlite } from '../support/engines';
import type { Dialect } from '../../src/engine/types';
import type { Strategy } from '../../src/builder/model';
import { generateSql } from '../../src/builder/sql';
import { TYPED, TYPED_ROWS, sqliteDb, typedState } from './builderFixtures';

const EXPECTED: Record<Dialect, unknown[][]> = {
  sqlite: [
    [1, 1, 'integer', '2024-02-29', 12.34, 'real', 'CAFE', 0.25, "l'a", '9007199254740993', 'integer'],
    [2, 0, 'integer', '1999-12-31', -0.5, 'real', '00FF', 0.001, '', null, 'null'],
  ],
  postgres: [
    [1, 'true', '2024-02-29', '12.34', 'cafe', '0.25', "l'a", '9007199254740993'],
    [2, 'false', '1999-12-31', '-0.50', '00ff', '0.001', '', null],
  ],
};

describe('typed literals', () => {
  let pg: PGlite;
  beforeAll(async () => {
    pg = await startPGlite();
  });
  afterAll(async () => pg.close());

  async function run(dialect: Dialect, sql: string): Promise<unknown[][]> {
    if (dialect === 'sqlite') {
      const db = await sqliteDb(TYPED.sqlite.setup);
      db.exec(sql);
      const rows = db.exec(TYPED.sqlite.select)[0]?.values ?? [];
      db.close();
      return rows;
    }
    await pg.exec('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
    await pg.exec(TYPED.postgres.setup);
    await pg.exec(sql);
    const r = await pg.query(TYPED.postgres.select, [], { rowMode: 'array' } as never);
    return r.rows as unknown as unknown[][];
  }

  for (const dialect of ['sqlite', 'postgres'] as const) {
    const strategies: Strategy[] =
      dialect === 'sqlite' ? ['doUpdate', 'orReplace', 'twoStep'] : ['doUpdate', 'merge', 'twoStep'];
    test.each(strategies)(`${dialect}: %s stores each value in the column's type`, async (strategy) => {
      const gen = generateSql(typedState(dialect, strategy), TYPED[dialect].table, dialect);
      expect(gen.errors).toEqual([]);
      expect(gen.warnings.filter((w) => /not a|UTF-8/.test(w))).toEqual([]);
      expect(await run(dialect, gen.sql)).toEqual(EXPECTED[dialect]);
    });
  }

  test('a value that does not fit the type is written as text, with a note', async () => {
    const s = typedState('postgres', 'doUpdate');
    s.rows = [{ ...TYPED_ROWS[0], amount: 'lots' }];
    const gen = generateSql(s, TYPED.postgres.table, 'postgres');
    expect(gen.warnings.join()).toMatch(/"lots" in amount .* is not a number/);
    await expect(run('postgres', gen.sql)).rejects.toThrow(/invalid input syntax for type numeric/);
  });

  test('the same key twice: SQLite lets the later row update the earlier, PostgreSQL refuses (21000)', async () => {
    const rows = [
      { k: '5', label: 'first', flag: null, day: null, amount: null, data: null, ratio: null, big: null },
      { k: '5', label: 'second', flag: null, day: null, amount: null, data: null, ratio: null, big: null },
    ];
    const lite = generateSql({ ...typedState('sqlite', 'doUpdate'), rows }, TYPED.sqlite.table, 'sqlite');
    expect(lite.warnings.join()).toMatch(/later row updates/);
    const after = await run('sqlite', lite.sql);
    expect(after.find((r) => r[0] === 5)?.[8]).toBe('second');
    const post = generateSql({ ...typedState('postgres', 'doUpdate'), rows }, TYPED.postgres.table, 'postgres');
    expect(post.warnings.join()).toMatch(/cannot affect row a second time/);
    await expect(run('postgres', post.sql)).rejects.toMatchObject({ code: '21000' });
  });
});
