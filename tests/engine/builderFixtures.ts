/**
 * Shared fixtures for the builder's engine tests: one setup script valid on both engines, the
 * TableSchema each engine's introspection should report for it (written by hand), and small
 * helpers that run SQL directly on sql.js and PGlite.
 */
import initSqlJs, { type Database, type SqlJsStatic } from 'sql.js';
import type { PGlite } from '@electric-sql/pglite';
import type { ColumnInfo, Dialect, TableSchema, UniqueKey } from '../../src/engine/types';

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

function col(name: string, type: string, extra: Partial<ColumnInfo> = {}): ColumnInfo {
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
      col('id', 'integer', { notNull: true, identity: !pg }),
      col('email', 'text', { notNull: true }),
      col('name', 'text'),
      col('visits', 'integer', { notNull: true, defaultExpr: '0' }),
      col('score', 'integer'),
      col('seen', 'text'),
      col('deleted', 'integer', { notNull: true, defaultExpr: '0' }),
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
      col('select', 'integer', { notNull: true }),
      col('Qty', 'integer'),
      col('a"b', 'text'),
      col('naïve;--', 'text'),
      col('group', 'text', { notNull: true }),
    ],
    primaryKey: [],
    uniqueKeys: [key(pg ? 'oi key' : 'sqlite_autoindex_Order Items_1', 'unique', ['select', 'group'])],
    hasRowid: !pg,
  };
  return [users, items];
}

let sqlJs: Promise<SqlJsStatic> | undefined;

/** A fresh sql.js database with the setup applied. */
export async function sqliteDb(setup = SETUP): Promise<Database> {
  sqlJs ??= initSqlJs();
  const db = new (await sqlJs).Database();
  db.exec(setup);
  return db;
}

/** Rows returned by each statement of a script on sql.js (statements that return none give []). */
export function sqliteRun(db: Database, sql: string): { columns: string[]; rows: unknown[][] }[] {
  const out: { columns: string[]; rows: unknown[][] }[] = [];
  for (const stmt of db.iterateStatements(sql)) {
    const rows: unknown[][] = [];
    while (stmt.step()) rows.push(stmt.get().map(normalise));
    out.push({ columns: stmt.getColumnNames(), rows });
    stmt.free();
  }
  return out;
}

/** A whole table on sql.js, ordered by every column. */
export function sqliteTable(db: Database, table: string): unknown[][] {
  const res = sqliteRun(db, `SELECT * FROM "${table.replaceAll('"', '""')}"`);
  return sortRows(res[0]?.rows ?? []);
}

/** Resets the PGlite instance to the setup. */
export async function pgReset(pg: PGlite, setup = SETUP): Promise<void> {
  await pg.exec('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
  await pg.exec(setup);
}

/** Rows returned by each statement of a script on PGlite, run one statement at a time. */
export async function pgRun(pg: PGlite, sql: string): Promise<{ columns: string[]; rows: unknown[][] }[]> {
  const results = await pg.exec(sql);
  return results.map((r) => ({
    columns: r.fields.map((f) => f.name),
    rows: r.rows.map((row) => r.fields.map((f) => normalise((row as Record<string, unknown>)[f.name]))),
  }));
}

/** A whole table on PGlite, ordered by every column. */
export async function pgTable(pg: PGlite, table: string): Promise<unknown[][]> {
  const res = await pgRun(pg, `SELECT * FROM "${table.replaceAll('"', '""')}"`);
  return sortRows(res[0]?.rows ?? []);
}

/** Makes values comparable across engines: bytes as hex, bigint as number, dates as ISO text. */
export function normalise(v: unknown): unknown {
  if (v instanceof Uint8Array) return { blob: Buffer.from(v).toString('hex') };
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return v.toISOString();
  return v;
}

/** Sorts rows by their JSON text so order does not matter. */
export function sortRows(rows: unknown[][]): unknown[][] {
  return [...rows].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : JSON.stringify(a) > JSON.stringify(b) ? 1 : 0));
}
