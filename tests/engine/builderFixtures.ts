/**
 * Shared fixtures for the builder's engine tests: one setup script valid on both engines, the
 * TableSchema each engine's introspection should report for it (written by hand), and small
 * helpers that run SQL directly on sql.js and PGlite.
 */
import initSqlJs, { type Database, type SqlJsStatic } from 'sql.js';
import type { ColumnInfo, Dialect, TableSchema, UniqueKey } from '../../src/engine/types';
import { type BuilderState, type Strategy, defaultBuilderState } from '../../src/builder/model';
import { POSTGRES_KEYWORDS, SQLITE_KEYWORDS } from '../../src/builder/quote';
import { strategyAvailability } from '../../src/builder/sql';

/** A setup with a partial unique index, a composite unique constraint and hostile names. */
export const SETUP = `
CREATE TABLE users (
  id integer PRIMARY KEY,
  email text NOT NULL,
  name text,
  visits integer NOT NULL DEFAULT 0,
  score integer,
  seen text,
  deleted integer NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX users_live_email ON users (email) WHERE deleted = 0;
INSERT INTO users VALUES (1, 'ann@x', 'Ann', 3, 10, '2024-01-01', 0);
INSERT INTO users VALUES (2, 'bob@x', 'Bob', 1, NULL, '2024-01-01', 0);
INSERT INTO users VALUES (3, 'cy@x', 'Cy old', 7, 5, '2023-05-05', 1);
CREATE TABLE "Order Items" (
  "select" integer NOT NULL,
  "Qty" integer,
  "a""b" text,
  "naïve;--" text,
  "group" text NOT NULL,
  CONSTRAINT "oi key" UNIQUE ("select", "group")
);
INSERT INTO "Order Items" VALUES (1, 2, 'it''s', 'x;--y', 'g1');
`;

function column(name: string, type: string, extra: Partial<ColumnInfo> = {}): ColumnInfo {
  return { name, type, notNull: false, defaultExpr: null, generated: false, identity: false, ...extra };
}

function key(name: string, kind: UniqueKey['kind'], columns: string[], predicate: string | null = null): UniqueKey {
  return { name, kind, columns, predicate, hasExpressions: false };
}

/** The schemas of SETUP as each engine reports them (constraint names differ per engine). */
export function setupTables(dialect: Dialect): TableSchema[] {
  const pg = dialect === 'postgres';
  const users: TableSchema = {
    name: 'users',
    schema: pg ? 'public' : 'main',
    columns: [
      column('id', 'integer', { notNull: true, identity: !pg }),
      column('email', 'text', { notNull: true }),
      column('name', 'text'),
      column('visits', 'integer', { notNull: true, defaultExpr: '0' }),
      column('score', 'integer'),
      column('seen', 'text'),
      column('deleted', 'integer', { notNull: true, defaultExpr: '0' }),
    ],
    primaryKey: ['id'],
    uniqueKeys: [
      key(pg ? 'users_pkey' : 'pk', 'primary', ['id']),
      key('users_live_email', 'index', ['email'], pg ? '(deleted = 0)' : 'deleted = 0'),
    ],
    hasRowid: !pg,
  };
  const items: TableSchema = {
    name: 'Order Items',
    schema: pg ? 'public' : 'main',
    columns: [
      column('select', 'integer', { notNull: true }),
      column('Qty', 'integer'),
      column('a"b', 'text'),
      column('naïve;--', 'text'),
      column('group', 'text', { notNull: true }),
    ],
    primaryKey: [],
    uniqueKeys: [key(pg ? 'oi key' : 'sqlite_autoindex_Order Items_1', 'unique', ['select', 'group'])],
    hasRowid: !pg,
  };
  return [users, items];
}

/** Per-dialect DDL and the matching schema of a table with one column of each literal family. */
export const TYPED: Record<Dialect, { setup: string; table: TableSchema; select: string }> = {
  sqlite: {
    setup: `CREATE TABLE typed (k INTEGER PRIMARY KEY, flag BOOLEAN, day DATE, amount NUMERIC(10,2), data BLOB, ratio REAL, label VARCHAR(20), big BIGINT);
INSERT INTO typed VALUES (1, 0, '2024-01-01', 1.5, X'00', 0.5, 'old', 1);`,
    table: {
      name: 'typed',
      schema: 'main',
      columns: [
        column('k', 'INTEGER', { identity: true }),
        column('flag', 'BOOLEAN'),
        column('day', 'DATE'),
        column('amount', 'NUMERIC(10,2)'),
        column('data', 'BLOB'),
        column('ratio', 'REAL'),
        column('label', 'VARCHAR(20)'),
        column('big', 'BIGINT'),
      ],
      primaryKey: ['k'],
      uniqueKeys: [{ name: 'PRIMARY KEY', kind: 'primary', columns: ['k'], predicate: null, hasExpressions: false }],
      hasRowid: true,
    },
    select: `SELECT k, flag, typeof(flag), day, amount, typeof(amount), hex(data), ratio, label, CAST(big AS TEXT), typeof(big) FROM typed ORDER BY k`,
  },
  postgres: {
    setup: `CREATE TABLE typed (k integer PRIMARY KEY, flag boolean, day date, amount numeric(10,2), data bytea, ratio real, label varchar(20), big bigint);
INSERT INTO typed VALUES (1, false, '2024-01-01', 1.5, '\\x00', 0.5, 'old', 1);`,
    table: {
      name: 'typed',
      schema: 'public',
      columns: [
        column('k', 'integer', { notNull: true }),
        column('flag', 'boolean'),
        column('day', 'date'),
        column('amount', 'numeric(10,2)'),
        column('data', 'bytea'),
        column('ratio', 'real'),
        column('label', 'character varying(20)'),
        column('big', 'bigint'),
      ],
      primaryKey: ['k'],
      uniqueKeys: [{ name: 'typed_pkey', kind: 'primary', columns: ['k'], predicate: null, hasExpressions: false }],
      hasRowid: false,
    },
    select: `SELECT k, flag::text, day::text, amount::text, encode(data, 'hex'), ratio::text, label, big::text FROM typed ORDER BY k`,
  },
};

/** Input cells: spellings people type or paste. */
export const TYPED_ROWS = [
  {
    k: '1',
    flag: 'yes',
    day: '2024-02-29',
    amount: '12.34',
    data: '0xCAFE',
    ratio: '0.25',
    label: "l'a",
    big: '9007199254740993',
  },
  { k: '2', flag: 'f', day: '1999-12-31', amount: '-0.5', data: "X'00ff'", ratio: '1e-3', label: '', big: null },
];

/** A state for the typed table with a given strategy. */
export function typedState(dialect: Dialect, strategy: Strategy): BuilderState {
  const s = defaultBuilderState(TYPED[dialect].table, dialect);
  s.strategy = strategy;
  s.insertColumns = TYPED[dialect].table.columns.map((c) => c.name);
  s.rows = TYPED_ROWS.map((r) => ({ ...r }));
  return s;
}

/** Values that break naive escaping in SQL, Python or SQLAlchemy's text(). */
const HOSTILE_VALUES = [
  "'",
  "''",
  '"',
  ';',
  '--',
  '/*',
  '*/',
  '\\',
  "\\'",
  '$$',
  "E'\\n'",
  'line\nbreak',
  'tab\there',
  '🎉',
  'é',
  'e\u0301',
  'שלום',
  'zero\u200bwidth',
  'NULL',
  '',
  '%s',
  '%(x)s',
  ':name',
  '?',
  "'); DROP TABLE t; --",
  'excluded.v',
];

/** A table with a key column and the given text columns, plus its CREATE statement. */
export function hostileTable(
  dialect: Dialect,
  schema: string,
  name: string,
  textCols: string[],
): { table: TableSchema; create: string } {
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
    columns: [column('Key Col', 'integer', { notNull: true }), ...textCols.map((c) => column(c, 'text'))],
    primaryKey: ['Key Col'],
    uniqueKeys: [{ name: 'pk', kind: 'primary', columns: ['Key Col'], predicate: null, hasExpressions: false }],
    hasRowid: dialect === 'sqlite',
  };
  return { table, create: `${create};\nINSERT INTO ${full} (${q('Key Col')}) VALUES (1), (2);` };
}

/** Rows for a hostile table: row 1 conflicts with key 1, the rest are new; every hostile value appears. */
export function valuesFor(width: number): (string | null)[][] {
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

/** Hostile tables: every keyword as a column, a table named excluded, odd names, non-default schemas. */
export const HOSTILE_TABLES: {
  title: string;
  schema: (d: Dialect) => string;
  name: string;
  cols: (d: Dialect) => string[];
}[] = [
  {
    title: 'every keyword as a column name',
    schema: (d) => (d === 'sqlite' ? 'main' : 'public'),
    name: 'order',
    cols: (d) => [...(d === 'sqlite' ? SQLITE_KEYWORDS : POSTGRES_KEYWORDS)],
  },
  {
    title: 'a table named "excluded"',
    schema: (d) => (d === 'sqlite' ? 'main' : 'public'),
    name: 'excluded',
    cols: () => ['v', 'excluded', 'Mixed Case'],
  },
  {
    title: 'a hostile table name',
    schema: (d) => (d === 'sqlite' ? 'main' : 'public'),
    name: `we"ird ;-- table ✓`,
    cols: () => ["it's", 'a"b', '/*c*/'],
  },
  {
    title: 'a table outside the default schema',
    schema: (d) => (d === 'sqlite' ? 'temp' : 'My Schema'),
    name: 'Select',
    cols: () => ['from', 'v'],
  },
];

/** Upserts rows (key 1 conflicts, the others are new) with every strategy and reads the table back. */
export function hostileStates(
  table: TableSchema,
  dialect: Dialect,
  values: (string | null)[][],
): { strategy: Strategy; state: BuilderState }[] {
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

let sqlJs: Promise<SqlJsStatic> | undefined;

/** A fresh sql.js database with the setup applied. */
export async function sqliteDb(setup = SETUP): Promise<Database> {
  sqlJs ??= initSqlJs();
  const db = new (await sqlJs).Database();
  db.exec(setup);
  return db;
}

/** Makes values comparable across engines: bytes as hex, bigint as number, dates as ISO text. */
export function normalise(v: unknown): unknown {
  if (v instanceof Uint8Array) return { blob: Buffer.from(v).toString('hex') };
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return v.toISOString();
  return v;
}
