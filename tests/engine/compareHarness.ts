/**
 * A minimal harness for the translation tests: runs a setup and a statement script on raw sql.js
 * and PGlite and returns each table's after-state shaped as the engine contract's TableDiff, so
 * after-states of the two engines can be compared with compareRuns. (The full engines add row
 * diffs, introspection and statement splitting; translation tests need only the end state.)
 */
import { PGlite } from '@electric-sql/pglite';
import initSqlJs, { type Database, type SqlJsStatic } from 'sql.js';
import type { Dialect, RunResult, TableDiff, TableSchema, Value } from '../../src/engine/types';

/** The end state of one raw run. */
export interface RawRun {
  dialect: Dialect;
  /** First error, with the phase it happened in. */
  error: { phase: 'setup' | 'statement'; message: string } | null;
  tables: TableDiff[];
}

function schema(name: string, columns: string[]): TableSchema {
  return {
    name,
    schema: 'main',
    columns: columns.map((c) => ({ name: c, type: '', notNull: false, defaultExpr: null, generated: false, identity: false })),
    primaryKey: [],
    uniqueKeys: [],
    hasRowid: false,
  };
}

function tableDiff(name: string, columns: string[], rows: Value[][]): TableDiff {
  return {
    name,
    status: 'kept',
    schema: schema(name, columns),
    identity: { kind: 'wholeRow', columns: [] },
    writeTracking: 'none',
    before: null,
    after: { columns, rows, totalRows: rows.length },
    changes: [],
    counts: { inserted: 0, updated: 0, deleted: 0, unchanged: 0, sameValues: 0, replaced: 0 },
    notes: [],
  };
}

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

function sqliteValue(v: unknown): Value {
  if (v instanceof Uint8Array) return { blob: hex(v) };
  return v as Value;
}

function pgValue(v: unknown): Value {
  if (v instanceof Date) return v.toISOString();
  if (v instanceof Uint8Array) return { blob: hex(v) };
  if (typeof v === 'bigint') return Number(v);
  if (v !== null && typeof v === 'object') return JSON.stringify(v);
  return v as Value;
}

let SQL: SqlJsStatic | null = null;

/** Run setup then statement on a fresh sql.js database. */
export async function runSqliteRaw(setup: string, statement: string): Promise<RawRun> {
  SQL ??= await initSqlJs();
  const db: Database = new SQL.Database();
  let error: RawRun['error'] = null;
  try {
    db.exec(setup);
  } catch (e) {
    error = { phase: 'setup', message: (e as Error).message };
  }
  if (!error) {
    try {
      db.exec(statement);
    } catch (e) {
      error = { phase: 'statement', message: (e as Error).message };
    }
  }
  const names = db.exec("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")[0]?.values ?? [];
  const tables = names.map(([name]) => {
    const r = db.exec(`SELECT * FROM "${String(name)}"`)[0];
    const cols = r?.columns ?? (db.exec(`SELECT name FROM pragma_table_info('${String(name)}')`)[0]?.values.map((v) => String(v[0])) ?? []);
    return tableDiff(String(name), cols, (r?.values ?? []).map((row) => row.map(sqliteValue)));
  });
  db.close();
  return { dialect: 'sqlite', error, tables };
}

/** One PGlite instance, reset between runs. */
export class PostgresRaw {
  private constructor(private readonly pg: PGlite) {}

  /** Start PGlite (seconds: share one per test file). */
  static async create(): Promise<PostgresRaw> {
    return new PostgresRaw(await PGlite.create());
  }

  /** Run setup then statement on an empty public schema. */
  async run(setup: string, statement: string): Promise<RawRun> {
    await this.pg.exec('ROLLBACK; DROP SCHEMA public CASCADE; CREATE SCHEMA public;').catch(() =>
      this.pg.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;'),
    );
    let error: RawRun['error'] = null;
    try {
      await this.pg.exec(setup);
    } catch (e) {
      error = { phase: 'setup', message: (e as Error).message };
    }
    if (!error) {
      try {
        await this.pg.exec(statement);
      } catch (e) {
        error = { phase: 'statement', message: (e as Error).message };
      }
    }
    const names = await this.pg.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name",
    );
    const tables: TableDiff[] = [];
    for (const { table_name: name } of names.rows) {
      const r = await this.pg.query<Record<string, unknown>>(`SELECT * FROM "${name}"`, [], { rowMode: 'object' });
      const cols = r.fields.map((f) => f.name);
      tables.push(tableDiff(name, cols, r.rows.map((row) => cols.map((c) => pgValue(row[c])))));
    }
    return { dialect: 'postgres', error, tables };
  }

  /** Stop PGlite. */
  close(): Promise<void> {
    return this.pg.close();
  }
}

/** Shape a raw run as a RunResult (no statements) so compareRuns can compare the after-states. */
export function asRunResult(raw: RawRun): RunResult {
  return {
    dialect: raw.dialect,
    engineVersion: 'raw',
    ok: !raw.error,
    setup: [],
    statements: [],
    notRun: [],
    tables: raw.tables,
    notes: [],
    timings: { reset: 0, setup: 0, before: 0, statements: 0, after: 0, diff: 0, total: 0 },
    ...(raw.error ? { error: { message: raw.error.message, phase: raw.error.phase } } : {}),
  };
}
