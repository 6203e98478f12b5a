/**
 * The difference model of Compare mode: what differs between a SQLite run and a PostgreSQL run of
 * the same scenario. Plain data (JSON-friendly), produced by `compareRuns`, rendered by
 * `DifferenceSummary` and turned into sentences by `summarizeDifferences`.
 */
import type { Dialect, EngineError, Value } from '../engine/types';
import type { NormalisationRule } from './values';

/** A row as column name → value (names as the engine reported them). */
export type RowSample = Record<string, Value>;

/** One cell that differs between the engines, for a row matched by `key`. */
export interface CellDifference {
  key: RowSample;
  column: string;
  sqlite: Value;
  postgres: Value;
}

/** A pair of values that were called equal by a normalisation rule (an example for the notes). */
export interface ValuePair {
  sqlite: Value;
  postgres: Value;
}

/** Where two statement outcomes or table states differ, or a note on how they were compared. */
export type Difference =
  /** The setup script failed on one engine (or on both, with different statements failing). */
  | { kind: 'setupError'; failsOn: Dialect | 'both'; sqlite: EngineError | null; postgres: EngineError | null }
  /** The engine itself failed or the run hit the time limit (not an SQL error of the scenario). */
  | { kind: 'runError'; failsOn: Dialect | 'both'; sqlite: EngineError | null; postgres: EngineError | null }
  /** The statement scripts have different numbers of statements: they are paired by position. */
  | { kind: 'statementCount'; sqlite: number; postgres: number }
  /** Statement `statement` (0-based) fails on one engine, or on both (then it is a note). */
  | {
      kind: 'statementError';
      statement: number;
      failsOn: Dialect | 'both';
      sqlite: EngineError | null;
      postgres: EngineError | null;
      /** How many later statements each engine did not run because of its error. */
      notRun: { sqlite: number; postgres: number };
    }
  /** Both ran statement `statement`, reporting different numbers of affected rows. */
  | { kind: 'rowsAffected'; statement: number; sqlite: number; postgres: number }
  /** Returned rows differ (compared as multisets: neither engine promises a RETURNING order). */
  | {
      kind: 'returnedRows';
      statement: number;
      /** Set when the column lists differ (names compared case-insensitively). */
      columns?: { sqlite: string[] | null; postgres: string[] | null };
      /** The columns whose values were compared. */
      compared: string[];
      count: { sqlite: number; postgres: number };
      onlySqlite: RowSample[];
      onlyPostgres: RowSample[];
      /** Set when the rows pair up once generated id columns are ignored: only those differ. */
      onlyIdentity?: string[];
    }
  /** A table exists after the run on one engine only. */
  | { kind: 'tableMissing'; table: string; presentOn: Dialect }
  /** The table's columns differ (names compared case-insensitively). */
  | { kind: 'tableColumns'; table: string; onlySqlite: string[]; onlyPostgres: string[] }
  /** The after-state rows differ: rows on one side only, or cells of matched rows. */
  | {
      kind: 'tableRows';
      table: string;
      /** Key columns rows were matched by ([] = whole row compared). */
      matchedBy: string[];
      rowCount: { sqlite: number; postgres: number };
      onlySqlite: RowSample[];
      onlyPostgres: RowSample[];
      /** Totals (the sample lists above are capped). */
      totals: { onlySqlite: number; onlyPostgres: number; cells: number; rowsWithCells: number };
      cells: CellDifference[];
    }
  /** Identity/serial/rowid values differ for rows that otherwise match: a real divergence. */
  | {
      kind: 'identityGap';
      table: string;
      columns: string[];
      rows: number;
      matchedBy: string[];
      samples: CellDifference[];
    }
  /** Note: values compared equal only after a normalisation (which, and examples). */
  | { kind: 'normalisation'; rule: NormalisationRule; places: string[]; samples: ValuePair[] }
  /** Note: timestamps a second or two apart, read from each engine's clock at a different moment. */
  | { kind: 'clock'; table: string; columns: string[]; maxSeconds: number; samples: CellDifference[] }
  /** Note: the same returned rows came back in a different order. */
  | { kind: 'order'; statement: number }
  /** Note: the table already differed before the statements ran (the setups differ). */
  | { kind: 'beforeDiffers'; table: string }
  /** Note: a snapshot was cut at the row limit, so only the kept rows were compared. */
  | {
      kind: 'truncated';
      table: string;
      total: { sqlite: number; postgres: number };
      kept: { sqlite: number; postgres: number };
    };

/** Notes explain how things were compared; everything else is a real difference. */
export function isNote(d: Difference): boolean {
  return (
    d.kind === 'normalisation' ||
    d.kind === 'clock' ||
    d.kind === 'order' ||
    d.kind === 'truncated' ||
    d.kind === 'beforeDiffers' ||
    ((d.kind === 'statementError' || d.kind === 'setupError') && d.failsOn === 'both' && sameFailure(d))
  );
}

/** Both engines failed in the same place: the outcome agrees even if the wording does not. */
function sameFailure(d: Extract<Difference, { kind: 'statementError' | 'setupError' }>): boolean {
  if (d.kind === 'statementError') return true;
  return d.sqlite?.statementIndex === d.postgres?.statementIndex;
}

/** True when the list holds at least one real difference (not only notes). */
export function hasDifferences(diffs: readonly Difference[]): boolean {
  return diffs.some((d) => !isNote(d));
}

/** The heading a difference is grouped under: "Setup", "Statement 2", "Table users" or "Notes". */
export function differenceGroup(d: Difference): string {
  switch (d.kind) {
    case 'setupError':
      return 'Setup';
    case 'runError':
      return 'Run';
    case 'statementCount':
      return 'Statements';
    case 'statementError':
    case 'rowsAffected':
    case 'returnedRows':
    case 'order':
      return `Statement ${d.statement + 1}`;
    case 'tableMissing':
    case 'tableColumns':
    case 'tableRows':
    case 'identityGap':
    case 'clock':
    case 'truncated':
    case 'beforeDiffers':
      return `Table ${d.table}`;
    case 'normalisation':
      return 'How values were compared';
  }
}
