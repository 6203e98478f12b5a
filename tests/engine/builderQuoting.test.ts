/**
 * Quoting and escaping on the real engines: every keyword of each dialect as a column name,
 * hostile table names (including one called "excluded", a schema-qualified one and a temp one),
 * and hostile values, through every strategy the dialect runs. Values must come back unchanged.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import type { ColumnInfo, Dialect, TableSchema } from '../../src/engine/types';
import { type BuilderState, type Strategy, defaultBuilderState } from '../../src/builder/model';
import { POSTGRES_KEYWORDS, SQLITE_KEYWORDS, quoteIdent } from '../../src/builder/quote';
import { generateSql, strategyAvailability } from '../../src/builder/sql';
import { normalise, sqliteDb } from './builderFixtures';

const HOSTILE_VALUES = [
  "'", "''", '"', ';', '--', '/*', '*/', '\\', "\\'", '$$', "E'\\n'", 'line\nbreak', 'tab\there', '🎉', 'é', 'e\u0301', 'שלום',
  'zero\u200bwidth', 'NULL', '', '%s', '%(x)s', ':name', '?', "'); DROP TABLE t; --", 'excluded.v',
];

function col(name: string, type: string, extra: Partial<ColumnInfo> = {}): ColumnInfo {
  return { name, type, notNull: false, defaultExpr: null, generated: false, identity: false, ...extra };
}

/** A table with a key column and the given text columns, plus its CREATE statement. */
function hostileTable(dialect: Dialect, schema: string, name: string, textCols: string[]): { table: TableSchema; create: string } {
  const q = (n: string) => `"${n.replaceAll('"', '""')}"`;
  const implicit = schema === (dialect === 'sqlite' ? 'main' : 'public');
  const full = implicit ? q(name) : `${q(schema)}.${q(name)}`;
  const create =
    dialect === 'sqlite' && schema === 'temp'
      ? `CREATE TEMP TABLE ${q(name)} (${q('Key Col')} integer PRIMARY KEY, ${textCols.map((c) => `${q(c)} text`).join(', ')})`
      : `CREATE TABLE ${full} (${q('Key Col')} integer PRIMARY KEY, ${textCols.map((c) => `${q(c)} text`).join(', ')})`;
  const table: TableSchema = {
    name: implicit ? name : `${schema}.${name}`,
    schema,
    columns: [col('Key Col', 'integer', { notNull: true }), ...textCols.map((c) => col(c, 'text'))],
    primaryKey: ['Key Col'],
    uniqueKeys: [{ name: 'pk', kind: 'primary', columns: ['Key Col'], predicate: null, hasExpressions: false }],
    hasRowid: dialect === 'sqlite',
  };
  return { table, create: `${create};\nINSERT INTO ${full} (${q('Key Col')}) VALUES (1), (2);` };
}

/** Upserts rows (key 1 conflicts, the others are new) with every strategy and reads the table back. */
function states(table: TableSchema, dialect: Dialect, values: (string | null)[][]): { strategy: Strategy; state: BuilderState }[] {
  const names = table.columns.map((c) => c.name);
  const strategies: Strategy[] = ['doUpdate', 'doNothing', 'orReplace', 'orIgnore', 'merge', 'twoStep'];
  return strategies
    .filter((s) => strategyAvailability(s, dialect, table).ok)
    .map((strategy) => {
      const state = defaultBuilderState(table, dialect);
      state.strategy = strategy;
      state.insertColumns = names;
      state.rows = values.map((v) => Object.fromEntries(names.map((n, i) => [n, v[i] ?? null])));
      state.condition = { kind: 'changed', column: '', expr: '' };
      state.returning = { kind: 'all', columns: [], action: dialect === 'postgres' };
      return { strategy, state };
    });
}

/** What the table must hold afterwards: updating strategies take the new row 1, skipping ones keep the old. */
function expected(strategy: Strategy, values: (string | null)[][], width: number): unknown[][] {
  const skips = strategy === 'doNothing' || strategy === 'orIgnore';
  const rows = values.map((v) => v.map((x, i) => (i === 0 ? Number(x) : x)));
  const first = skips ? [1, ...Array<null>(width - 1).fill(null)] : rows[0];
  return [first, [2, ...Array<null>(width - 1).fill(null)], ...rows.slice(1)].sort((a, b) => Number(a?.[0]) - Number(b?.[0])) as unknown[][];
}

function valuesFor(width: number): (string | null)[][] {
  // Row 1 conflicts with the existing key 1; rows 3.. are new. Each hostile value appears in some cell.
  const rows: (string | null)[][] = [];
  const n = Math.max(2, Math.ceil(HOSTILE_VALUES.length / (width - 1)) + 1);
  let k = 0;
  for (let r = 0; r < n; r++) {
    const key = r === 0 ? '1' : String(r + 2);
    rows.push([key, ...Array.from({ length: width - 1 }, () => HOSTILE_VALUES[k++ % HOSTILE_VALUES.length] ?? null)]);
  }
  return rows;
}

const CASES: { title: string; schema: (d: Dialect) => string; name: string; cols: (d: Dialect) => string[] }[] = [
  { title: 'every keyword as a column name', schema: (d) => (d === 'sqlite' ? 'main' : 'public'), name: 'order', cols: (d) => [...(d === 'sqlite' ? SQLITE_KEYWORDS : POSTGRES_KEYWORDS)] },
  { title: 'a table named "excluded"', schema: (d) => (d === 'sqlite' ? 'main' : 'public'), name: 'excluded', cols: () => ['v', 'excluded', 'Mixed Case'] },
  { title: 'a hostile table name', schema: (d) => (d === 'sqlite' ? 'main' : 'public'), name: `we"ird ;-- table ✓`, cols: () => ["it's", 'a"b', '/*c*/'] },
  { title: 'a table outside the default schema', schema: (d) => (d === 'sqlite' ? 'temp' : 'My Schema'), name: 'Select', cols: () => ['from', 'v'] },
];

describe.each(['sqlite', 'postgres'] as const)('quoting on %s', (dialect) => {
  let pg: PGlite | undefined;
  beforeAll(async () => {
    if (dialect === 'postgres') pg = await PGlite.create();
  });
  afterAll(async () => pg?.close());

  test.each(CASES)('$title', async ({ schema, name, cols }) => {
    const { table, create } = hostileTable(dialect, schema(dialect), name, cols(dialect));
    const width = table.columns.length;
    const values = valuesFor(width);
    const q = (n: string) => `"${n.replaceAll('"', '""')}"`;
    const full = table.schema === (dialect === 'sqlite' ? 'main' : 'public') ? q(name) : `${q(table.schema)}.${q(name)}`;
    for (const { strategy, state } of states(table, dialect, values)) {
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
