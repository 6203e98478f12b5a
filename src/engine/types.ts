/**
 * Longer than 300 lines: the whole contract stays in one file, so the worker and the page read one definition.
 *
 * The engine contract: what a run takes and what it gives back.
 * Everything here is plain data (structured-cloneable, JSON-friendly), so the same objects cross
 * the worker boundary, feed the UI and are asserted on in Node tests. No React, no engine imports.
 */

import type { StatementAccount } from './account.ts';
import type { ProposedRows } from './fates.ts';
import type { StatementPlan } from './plan.ts';
import type { RaceInput, RaceOutcome } from './race.ts';
import type { DatasetStore } from './datasets.ts';

/** The two engines the playground runs. */
export type Dialect = 'sqlite' | 'postgres';

/** Human labels for the dialects (PGlite embeds PostgreSQL 18). */
export const DIALECT_LABEL: Record<Dialect, string> = {
  sqlite: 'SQLite',
  postgres: 'PostgreSQL',
};

/** A blob cell, kept as lower-case hex so it survives JSON. */
export interface BlobValue {
  blob: string;
}

/**
 * A SQLite REAL. Kept apart from INTEGER (a JavaScript number cannot tell 2.0 from 2) so the page
 * shows it as SQLite writes it (`realDisplay` in values.ts: 2.0, 1.0e+20) and the diff can tell a
 * REAL from an INTEGER of the same value, as SQLite's storage classes do.
 */
export interface RealValue {
  real: number;
  /** SQLite's own text, present only where the page cannot write it exactly (realTextExact). */
  text?: string;
}

/**
 * One cell value, normalised in the engine:
 * - SQLite: INTEGER → number when it is a safe integer (|n| ≤ 2^53 − 1), else its exact decimal
 *   text (a string; sql.js reads it as a BigInt); REAL → RealValue; TEXT → string; BLOB →
 *   BlobValue; NULL → null. (An integer past 2^53 − 1 and a TEXT of the same digits look alike.)
 * - Postgres: int2/int4/float4/float8/oid → number, int8 → number when safe else its exact decimal
 *   text, bool → boolean, bytea → BlobValue, json/jsonb → their JSON text, everything else
 *   (numeric, dates, timestamps, arrays, …) → Postgres' own text output.
 */
export type Value = null | boolean | number | string | BlobValue | RealValue;

/** A column of a user table, as introspected by the engine. */
export interface ColumnInfo {
  name: string;
  /** Declared type as the engine reports it ('' for an untyped SQLite column). */
  type: string;
  notNull: boolean;
  /** Default expression text, or null. */
  defaultExpr: string | null;
  /** Generated (computed) column: cannot be inserted or SET. */
  generated: boolean;
  /** Postgres identity column (GENERATED … AS IDENTITY) or SQLite INTEGER PRIMARY KEY alias. */
  identity: boolean;
}

/** A primary key, unique constraint or unique index: the candidates for a conflict target. */
export interface UniqueKey {
  /** Constraint or index name (SQLite auto-indexes have generated names like sqlite_autoindex_t_1). */
  name: string;
  kind: 'primary' | 'unique' | 'index';
  columns: string[];
  /** Predicate of a partial unique index (the text after WHERE), else null. */
  predicate: string | null;
  /** True when the key contains expressions, not only plain columns (not usable as a column list). */
  hasExpressions: boolean;
}

/** The shape of one user table. */
export interface TableSchema {
  /** Display name: the bare name for main/public tables, `schema.name` otherwise. */
  name: string;
  /** Postgres schema or SQLite database name ('main', 'temp'). */
  schema: string;
  columns: ColumnInfo[];
  /** Primary key columns in key order (empty when none). */
  primaryKey: string[];
  /** Primary key first, then unique constraints, then unique indexes. */
  uniqueKeys: UniqueKey[];
  /** SQLite: the table has a rowid (not WITHOUT ROWID). Always false on Postgres. */
  hasRowid: boolean;
}

/** How rows of a table were matched between Before and After. */
export interface RowIdentity {
  kind: 'primaryKey' | 'rowid' | 'unique' | 'wholeRow';
  /** Columns of the key (empty for rowid and wholeRow). */
  columns: string[];
  /** Name of the unique key used, when kind is 'unique'. */
  keyName?: string;
}

/** Rows of one table at one moment. */
export interface TableData {
  columns: string[];
  rows: Value[][];
  /** Total rows in the table; larger than rows.length when the snapshot was cut at the row limit. */
  totalRows: number;
}

/** The kind of change of one row in the After view. */
export type ChangeKind = 'inserted' | 'updated' | 'deleted' | 'unchanged';

/** One row of the After view, in display order (deleted rows interleaved where they stood). */
export interface RowChange {
  change: ChangeKind;
  /** Index into `before.rows` (absent for inserted rows). */
  before?: number;
  /** Index into `after.rows` (absent for deleted rows). */
  after?: number;
  /** For updated rows: indexes into `after.columns` of the cells whose value changed. */
  changed?: number[];
  /** Updated row whose values are all the same: the statement wrote it with identical values. */
  sameValues?: boolean;
  /**
   * SQLite: the same key came back under a new rowid (INSERT OR REPLACE deletes, then inserts).
   * Such a pair is reported as a 'deleted' row plus an 'inserted' row, both flagged `replaced`.
   */
  replaced?: boolean;
}

/** Whether the engine can tell a row rewritten with identical values from an untouched one. */
export type WriteTracking =
  | 'xmin' // Postgres: a row version written by the run has a new xmin
  | 'hook' // SQLite: the update hook (sqlite3_update_hook) reported the rowids the run updated
  | 'none'; // cannot tell (e.g. SQLite WITHOUT ROWID table): say so in the UI

/** Before/After of one user table and the row-by-row comparison. */
export interface TableDiff {
  name: string;
  /** 'created' / 'dropped' by the statement script, else 'kept'. */
  status: 'kept' | 'created' | 'dropped';
  /** Schema after the run (before the run for a dropped table). */
  schema: TableSchema;
  identity: RowIdentity;
  writeTracking: WriteTracking;
  /** Null when the table did not exist at that moment. */
  before: TableData | null;
  after: TableData | null;
  /** The After view, row by row; deleted rows are included, so it may be longer than after.rows. */
  changes: RowChange[];
  counts: Record<ChangeKind, number> & { sameValues: number; replaced: number };
  /** Human notes for the UI, e.g. why an update shows as delete + insert. */
  notes: string[];
  /**
   * Set when the table's rows stay in the engine's worker (RunInput.hold): `before.rows`,
   * `after.rows` and `changes` have their full lengths on the page but hold only the entries it
   * has asked for so far (holes elsewhere); EngineClient.fillHeld asks for more.
   */
  held?: HeldTable;
}

/** Where a held table's rows are (TableDiff.held). */
export interface HeldTable {
  /** The worker's number for the run that holds them (a newer hold run replaces them). */
  run: number;
  /** Index of the table in RunResult.tables. */
  index: number;
  /** Names of the After columns with a changed cell in some row (the page cannot scan every row). */
  changedColumns: string[];
  /** Full lengths of `before.rows`, `after.rows` and `changes`. */
  lengths: { before: number; after: number; changes: number };
  /** On the page: which of its engine's workers holds them (EngineClient.generation). */
  worker?: number;
}

/** A span of a script, in UTF-16 offsets (as JavaScript strings count). */
export interface Span {
  start: number;
  end: number;
}

/** An error as the engine reported it, located in the script it came from. */
export interface EngineError {
  message: string;
  /** SQLSTATE (Postgres) or SQLite result code name (e.g. SQLITE_CONSTRAINT_UNIQUE) where given. */
  code?: string;
  detail?: string;
  hint?: string;
  /**
   * PostgreSQL: where the error arose, innermost first, one line each (psql's CONTEXT), e.g.
   * "PL/pgSQL function f() line 3 at RAISE" for an error inside a function or trigger.
   */
  context?: string;
  /** PostgreSQL: the query inside a function that failed (psql's QUERY), when it is not the statement. */
  internalQuery?: string;
  /** PostgreSQL: 1-based character position of the error within `internalQuery`. */
  internalPosition?: number;
  /** Which script failed, or the engine itself / the time limit. */
  phase: 'setup' | 'statement' | 'engine' | 'timeout';
  /** Index of the failing statement within its script (0-based). */
  statementIndex?: number;
  /** Span of the failing statement within its script. */
  span?: Span;
  /** Exact error offset within its script (0-based), when the engine reports one. */
  position?: number;
  /** 1-based line and column of `position` (or of the statement start when there is none). */
  line?: number;
  column?: number;
}

/** A notice or warning the engine sent while a statement ran. */
export interface EngineNotice {
  /** NOTICE, WARNING, INFO, … */
  severity: string;
  message: string;
  detail?: string;
  hint?: string;
}

/** The outcome of one statement of a script. */
export interface StatementResult {
  /** 0-based index within its script. */
  index: number;
  /** The statement text, as run. */
  sql: string;
  span: Span;
  /** Leading keyword(s), upper case: INSERT, UPDATE, MERGE, SELECT, CREATE TABLE, BEGIN, … */
  kind: string;
  /** Column names of returned rows (RETURNING or SELECT); null when the statement returns none. */
  columns: string[] | null;
  rows: Value[][];
  /** Rows the statement returned in all, when more than `rows` holds (cut at the row limit). */
  totalRows?: number;
  /** Rows inserted, updated or deleted, when the engine reports it for this statement. */
  rowsAffected: number | null;
  durationMs: number;
  /** PostgreSQL COPY … TO STDOUT: the text it sent (psql prints it as it comes), line by line. */
  copyOut?: string;
  /** `copyOut` holds only the first lines (as many as the row limit): the rest were not sent to the page. */
  copyOutCut?: boolean;
  /** PostgreSQL: the notices and warnings this statement raised (at most 20). */
  notices?: EngineNotice[];
  /** Per-statement inserted/updated/deleted counts from a diff around it, when computed. */
  diffCounts?: { inserted: number; updated: number; deleted: number };
  error?: EngineError;
  /** The row events the engine fired while this statement ran (INSERT/UPDATE/DELETE/MERGE), when traced. */
  account?: StatementAccount;
  /**
   * The account was left off for this statement (PostgreSQL, account not asked for by hand): the
   * planner expected it to write this many rows (EXPLAIN).
   */
  accountSkipped?: { plannedRows: number };
  /** The proposed rows of an upsert and what became of each, read from `account`. */
  proposed?: ProposedRows;
}

/**
 * A value bound to a placeholder (`:name`, `?`, `?NNN`, `%(name)s`, `$1`). `{ sql }` is an SQL
 * expression the engine evaluates once per run (SELECT expr, before the setup) and binds the result of.
 */
export type BindValue = null | boolean | number | string | { sql: string };

/**
 * Values by placeholder key: a name (`email` for `:email` and `%(email)s`) or a 1-based position
 * (`'1'` for the first `?` of a statement, for `?1` and for `$1`).
 */
export type RunParams = Record<string, BindValue>;

/** Input of one run. */
export interface RunInput {
  setup: string;
  statement: string;
  /** Values for the scripts' placeholders; a placeholder without one fails the run before it starts. */
  params?: RunParams;
  /**
   * Maximum rows kept per table snapshot (the UI says what it left out). Default: DEFAULT_ROW_LIMIT,
   * or HELD_ROW_LIMIT when `hold` is set.
   */
  rowLimit?: number;
  /**
   * Keep large tables in the engine's worker (see heldRows.ts): the page receives their counts and
   * first rows, and asks for more as it shows them. Only a page that can ask (the playground's
   * results) sets it; a run without it sends every row, as consumers that read whole tables need.
   */
  hold?: boolean;
  /**
   * Record the row-by-row account of each writing statement (default: on while the Before tables
   * hold at most ACCOUNT_AUTO_ROWS rows).
   */
  account?: boolean;
  /**
   * Run again: run the statement script this many times after the setup, before the run that is
   * shown (1–9). The shown Before is the state those runs left, and the marks are the last run's.
   */
  again?: number;
  /**
   * Explain statement `explain` (0-based) of the statement script instead of showing a run: the
   * setup and the statements before it run as usual, then the engine's plan of that statement is
   * taken (PostgreSQL: EXPLAIN ANALYZE inside a transaction it rolls back) and returned as
   * `RunResult.plan`.
   */
  explain?: number;
  /**
   * PostgreSQL: what the statement script does after an error. 'stop' (the default): the rest is
   * not run. 'continue': every statement runs, as psql runs a script, each with its own result or
   * error (after an error inside a transaction block PostgreSQL refuses each statement until the
   * block ends); the run's `error` is the first one. SQLite scripts always stop.
   */
  onError?: 'stop' | 'continue';
  /**
   * Ids of loaded CSV files (Engine.datasets) to insert into their tables right after the setup,
   * in this order. They belong to the engine's session, not to the scenario.
   */
  datasets?: string[];
  /**
   * Race lab: run this timeline of sessions' steps instead of `statement` (see race.ts). The
   * result's `statements` and `steps` are then the timeline's steps, in timeline order.
   */
  race?: RaceInput;
}

/** Wall-clock time spent in each phase of a run, in ms. */
export interface RunTimings {
  reset: number;
  setup: number;
  before: number;
  statements: number;
  after: number;
  diff: number;
  total: number;
}

/** Everything a run produced; `ok` is false when a script stopped at an error. */
export interface RunResult {
  dialect: Dialect;
  /** e.g. "SQLite 3.54.1" or "PostgreSQL 18.x (PGlite)". */
  engineVersion: string;
  ok: boolean;
  setup: StatementResult[];
  statements: StatementResult[];
  /** Statements of the statement script that were not run because an earlier one failed. */
  notRun: { index: number; sql: string; span: Span }[];
  tables: TableDiff[];
  /**
   * The tables just after each statement that may write, with the change marks of that statement
   * alone (diffed against the tables just before it). Present for small runs (see pipeline).
   */
  steps?: StatementStep[];
  /**
   * A one-statement script whose tables around that statement are `tables` itself (not repeated in
   * `steps`). Read steps through tablesAround() in steps.ts.
   */
  singleStep?: boolean;
  /** Run again: how many runs of the statement script came before the one shown, and how they ended. */
  again?: { runs: number; error?: EngineError };
  /** The plan asked for with `RunInput.explain`. */
  plan?: StatementPlan;
  /** Whether the row-by-row account was recorded, and why not when it was not. */
  account?: { on: boolean; note?: string };
  error?: EngineError;
  /**
   * Values shown cut, each fetchable whole from the engine until its next run (on the page: ids
   * the engine client gave them, see cutValues.ts).
   */
  cut?: CutCell[];
  /** Notes about the run, e.g. an open transaction that was rolled back. */
  notes: string[];
  timings: RunTimings;
  /**
   * Set when the run left the engine unusable or changed beyond what a reset undoes (why, in a
   * learner's words): the engine is restarted from a clean copy before the next run.
   */
  restart?: string;
  /** Race lab: per-step session values (present when the input had `race`). */
  race?: RaceOutcome;
}

/** A value shown cut (too long for the page); the engine keeps it whole until its next run. */
export interface CutCell {
  /** Ask the engine for the whole value with this id (Engine.fullValue; EngineClient.fullValue on the page). */
  id: number;
  /** Which rows: a setup or statement result, or a table's Before or After (by index). */
  where: 'setup' | 'statement' | 'before' | 'after';
  index: number;
  /** Before or After of a table around one statement: the index in RunResult.steps. */
  step?: number;
  row: number;
  column: number;
  /** Full length: characters of text, bytes of a blob. */
  length: number;
  blob: boolean;
}

/** The engine interface, the same in a Web Worker and in Node tests. */
export interface Engine {
  readonly dialect: Dialect;
  /** Engine name and version for labels. */
  version: () => string;
  /** Run setup then statement on a clean database and return the whole outcome. Never throws for SQL errors. */
  run: (input: RunInput) => Promise<RunResult>;
  /** Run only the setup script on a clean database and introspect the user tables it creates. */
  describe: (
    setup: string,
    params?: RunParams,
  ) => Promise<{ tables: TableSchema[]; error?: EngineError; restart?: string }>;
  /** A value the last run showed cut (CutCell.id), whole; null once another run replaced it. */
  fullValue: (id: number) => Promise<Value | null>;
  /** Release the engine. */
  close: () => Promise<void>;
  /** The CSV files loaded into this engine for the session (RunInput.datasets names them). */
  readonly datasets: DatasetStore;
}

/** The tables around one statement of the statement script. */
export interface StatementStep {
  /** Index of the statement within the statement script. */
  statementIndex: number;
  /** Each table before → after this statement, marked with this statement's changes. */
  tables: TableDiff[];
}

/** Default per-table snapshot row limit: larger tables are cut there, and the UI says what it left out. */
export const DEFAULT_ROW_LIMIT = 100_000;

/**
 * Per-table row limit of a run whose large tables stay in the worker (RunInput.hold). Rows a
 * statement returns are still cut at DEFAULT_ROW_LIMIT: they are sent whole.
 */
export const HELD_ROW_LIMIT = 1_000_000;
