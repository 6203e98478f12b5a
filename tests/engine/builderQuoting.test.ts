/**
 * Quoting and escaping on the real engines: every keyword of each dialect as a column name,
 * hostile table names (including one called "excluded", a schema-qualified one and a temp one),
 * and hostile values, through every strategy the dialect runs. Values must come back unchanged.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import type { Dialect, TableSchema } from '../../src/engine/types';
import type { Strategy } from '../../src/builder/model';
import { POSTGRES_KEYWORDS, quoteIdent } from '../../src/builder/quote';
import { generateSql } from '../../src/builder/sql';
import { HOSTILE_TABLES, hostileStates, hostileTable, normalise, sqliteDb, valuesFor } from './builderFixtures';

/** What the table must hold afterwards: updating strategies take the new row 1, skipping ones keep the old. */
function expected(strategy: Strategy, values: (string | null)[][], width: number): unknown[][] {
  const skips = strategy === 'doNothing' || strategy === 'orIgnore';
  const rows = values.map((v) => v.map((x, i) => (i === 0 ? Number(x) : x)));
  const first = skips ? [1, ...Array<null>(width - 1).fill(null)] : rows[0];
  return [first, [2, ...Array<null>(width - 1).fill(null)], ...rows.slice(1)].sort((a, b) => Number(a?.[0]) - Number(b?.[0])) as unknown[][];
}

describe.each(['sqlite', 'postgres'] as const)('quoting on %s', (dialect) => {
  let pg: PGlite | undefined;
  beforeAll(async () => {
    if (dialect === 'postgres') pg = await PGlite.create();
  });
  afterAll(async () => pg?.close());

  test.each(HOSTILE_TABLES)('$title', async ({ schema, name, cols }) => {
    const { table, create } = hostileTable(dialect, schema(dialect), name, cols(dialect));
    const width = table.columns.length;
    const values = valuesFor(width);
    const q = (n: string) => `"${n.replaceAll('"', '""')}"`;
    const full = table.schema === (dialect === 'sqlite' ? 'main' : 'public') ? q(name) : `${q(table.schema)}.${q(name)}`;
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
        await p.exec(`DROP SCHEMA IF EXISTS public CASCADE; DROP SCHEMA IF EXISTS "My Schema" CASCADE; CREATE SCHEMA public; CREATE SCHEMA "My Schema";`);
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
