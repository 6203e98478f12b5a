/**
 * Quoting and escaping on the real engines: every keyword of each dialect as a column name,
 * hostile table names (including one called "excluded", a schema-qualified one and a temp one),
 * and hostile values, through every strategy the dialect runs. Values must come back unchanged.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { PGlite } from '@electric-sql/pglite';
import { startPGlite } from '../support/engines';
import fc from 'fast-check';
import type { Strategy } from '../../src/builder/model';
import { POSTGRES_KEYWORDS, quoteIdent } from '../../src/builder/quote';
import { generateSql } from '../../src/builder/sql';
import { HOSTILE_TABLES, hostileStates, hostileTable, normalise, sqliteDb, valuesFor } from './builderFixtures';

/** What the table must hold afterwards: updating strategies take the new row 1, skipping ones keep the old. */
function expected(strategy: Strategy, values: (string | null)[][], width: number): unknown[][] {
  const skips = strategy === 'doNothing' || strategy === 'orIgnore';
  const rows = values.map((v) => v.map((x, i) => (i === 0 ? Number(x) : x)));
  const first = skips ? [1, ...Array<null>(width - 1).fill(null)] : rows[0];
  return [first, [2, ...Array<null>(width - 1).fill(null)], ...rows.slice(1)].sort(
    (a, b) => Number(a?.[0]) - Number(b?.[0]),
  ) as unknown[][];
}

describe.each(['sqlite', 'postgres'] as const)('quoting on %s', (dialect) => {
  let pg: PGlite | undefined;
  beforeAll(async () => {
    if (dialect === 'postgres') pg = await startPGlite();
  });
  afterAll(async () => pg?.close());

  test.each(HOSTILE_TABLES)('$title', async ({ schema, name, cols }) => {
    const { table, create } = hostileTable(dialect, schema(dialect), name, cols(dialect));
    const width = table.columns.length;
    const values = valuesFor(width);
    const q = (n: string) => `"${n.replaceAll('"', '""')}"`;
    const full =
      table.schema === (dialect === 'sqlite' ? 'main' : 'public') ? q(name) : `${q(table.schema)}.${q(name)}`;
    for (const { strategy, state } of hostileStates(table, dialect, values)) {
      const gen = generateSql(state, table, dialect);
      expect(gen.errors).toEqual([]);
      let after: unknown[][];
      if (dialect === 'sqlite') {
        const db = await sqliteDb(create);
        db.exec(gen.sql);
        after = (db.exec(`SELECT * FROM ${full} ORDER BY 1`)[0]?.values ?? []).map((r) => r.map(normalise));
        db.close();
      } else {
        const p = pg as PGlite;
        await p.exec(
          `DROP SCHEMA IF EXISTS public CASCADE; DROP SCHEMA IF EXISTS "My Schema" CASCADE; CREATE SCHEMA public; CREATE SCHEMA "My Schema";`,
        );
        await p.exec(create);
        await p.exec(gen.sql);
        const r = await p.query(`SELECT * FROM ${full} ORDER BY 1`, [], { rowMode: 'array' } as never);
        after = (r.rows as unknown as unknown[][]).map((row) => row.map(normalise));
      }
      expect(after, `${strategy}\n${gen.sql.slice(0, 2000)}`).toEqual(expected(strategy, values, width));
    }
  });

  test('the Postgres keyword list is what the server quotes', async () => {
    if (dialect !== 'postgres' || !pg) return;
    const r = await pg.query<{ word: string }>("SELECT word FROM pg_get_keywords() WHERE catcode <> 'U'");
    expect(new Set(r.rows.map((x) => x.word))).toEqual(new Set(POSTGRES_KEYWORDS));
    // and quote_ident agrees with quoteIdent on a sample of awkward names
    const names = ['user', 'Users', 'a"b', 'naïve', 'abort', 'select', 'x y', '_ok', 'ok2', '2ok'];
    const got = await pg.query<{ q: string }>(`SELECT quote_ident(n) AS q FROM unnest($1::text[]) AS n`, [names]);
    expect(got.rows.map((x) => x.q)).toEqual(names.map((n) => quoteIdent(n, 'postgres')));
  });
});

/** Arbitrary names and values: whatever a person types must round-trip through the generated SQL. */
describe('quoting, property-based', () => {
  let pg: PGlite;
  beforeAll(async () => {
    pg = await startPGlite();
  });
  afterAll(async () => pg.close());

  // No NUL (neither engine takes it in names; Postgres text cannot hold it); whole graphemes only.
  const text = fc.string({ unit: 'grapheme', maxLength: 12 }).filter((s) => !s.includes('\u0000'));
  const name = fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: 12 })
    .filter((s) => !s.includes('\u0000') && new TextEncoder().encode(s).length <= 63);

  test('names and values survive DO UPDATE and two steps on both engines', async () => {
    await fc.assert(
      fc.asyncProperty(
        name,
        name,
        name,
        fc.array(fc.option(text, { nil: null }), { minLength: 2, maxLength: 4 }),
        async (tableName, c1, c2, vals) => {
          // SQLite compares column names case-insensitively, even quoted ones.
          fc.pre(new Set(['key col', c1.toLowerCase(), c2.toLowerCase()]).size === 3);
          for (const dialect of ['sqlite', 'postgres'] as const) {
            const { table, create } = hostileTable(dialect, dialect === 'sqlite' ? 'main' : 'public', tableName, [
              c1,
              c2,
            ]);
            const rows = vals.map((v, i) => [String(i === 0 ? 1 : i + 2), v, i % 2 === 0 ? v : null]);
            for (const strategy of ['doUpdate', 'twoStep'] as const) {
              const state = hostileStates(table, dialect, rows).find((s) => s.strategy === strategy)?.state;
              if (!state) throw new Error(strategy);
              const gen = generateSql(state, table, dialect);
              const q = `"${tableName.replaceAll('"', '""')}"`;
              let after: unknown[][];
              if (dialect === 'sqlite') {
                const db = await sqliteDb(create);
                db.exec(gen.sql);
                after = db.exec(`SELECT * FROM ${q} ORDER BY 1`)[0]?.values ?? [];
                db.close();
              } else {
                await pg.exec('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
                await pg.exec(create);
                await pg.exec(gen.sql);
                after = (await pg.query(`SELECT * FROM ${q} ORDER BY 1`, [], { rowMode: 'array' } as never))
                  .rows as unknown as unknown[][];
              }
              expect(after).toEqual(expected(strategy, rows, 3));
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
