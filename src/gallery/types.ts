/**
 * The examples gallery's data model: an example is a scenario (setup + statement per dialect) with a
 * short explanation per dialect and machine-checkable expectations that the test suite asserts on
 * the real engines, so an explanation cannot drift from what the engine does.
 */
import type { ChangeKind, Dialect, Value } from '../engine/types';
import type { RaceScript } from '../race/model';

/** The tags an example can carry; the gallery filters on them. */
export const TAGS = [
  'basics',
  'bulk',
  'counters',
  'timestamps',
  'conditional',
  'pitfalls',
  'postgres-only',
  'sqlite-only',
  'race',
] as const;

/** One gallery tag. */
export type Tag = (typeof TAGS)[number];

/** Labels of the tags for buttons and badges. */
export const TAG_LABEL: Record<Tag, string> = {
  basics: 'Basics',
  bulk: 'Bulk',
  counters: 'Counters',
  timestamps: 'Timestamps',
  conditional: 'Conditional',
  pitfalls: 'Pitfalls',
  'postgres-only': 'PostgreSQL only',
  'sqlite-only': 'SQLite only',
  race: 'Race lab',
};

/** An expected cell: an exact value, or `{ like }` (a regular expression) for values that differ per run. */
export type CellExpect = Value | { like: string };

/** An expected error: the message contains `message`; `code` (SQLSTATE) is checked when given. */
export interface ErrorMatch {
  message: string;
  code?: string;
}

/** The expected error of a run: which statement of the statement script fails, and how. */
interface ErrorExpect extends ErrorMatch {
  statementIndex: number;
}

/** What one statement of the statement script must give. */
interface StatementExpect {
  /** 0-based index within the statement script. */
  index: number;
  rowsAffected?: number;
  /** Column names of the returned rows, in order. */
  columns?: string[];
  /** Returned rows (any order: neither engine promises a RETURNING order). */
  rows?: CellExpect[][];
  /** Rows the statement inserted, updated and deleted in all tables, from the diff around it. */
  diffCounts?: { inserted: number; updated: number; deleted: number };
}

/** A row the explanation points at, found by its values in After (or in Before for a deleted row). */
export interface MarkExpect {
  key: Record<string, Value>;
  change: ChangeKind;
  /** For updated rows: exactly the columns shown as changed. */
  changed?: string[];
  sameValues?: boolean;
  replaced?: boolean;
}

/** What a table must look like after the run. */
export interface TableExpect {
  /** The columns compared (a subset of the table's, in this order). */
  columns: string[];
  /** Every row of After, projected on `columns`, in any order. */
  rows: CellExpect[][];
  /** Exact counts of the diff, for the kinds given. */
  counts?: Partial<Record<ChangeKind | 'sameValues' | 'replaced', number>>;
  marks?: MarkExpect[];
}

/** Everything a run of one dialect's scripts must show. */
export interface Expectation {
  statements: StatementExpect[];
  /** Tables by display name. */
  tables: Record<string, TableExpect>;
  /** The intended error (always in the last statement); absent means the run succeeds. */
  error?: ErrorExpect;
}

/** One dialect's version of an example. */
export interface DialectVariant {
  setup: string;
  statement: string;
  /** Short plain-text paragraphs; `backticks` mark code. */
  explanation: string[];
  expect: Expectation;
}

/** A gallery example. */
export interface Example {
  /** Stable kebab-case id, used in `#example/ID` links. */
  id: string;
  title: string;
  /** One line for the list. */
  summary: string;
  tags: Tag[];
  /** The dialects it runs on. */
  dialects: Partial<Record<Dialect, DialectVariant>>;
  /** For a one-dialect example: why the other dialect cannot express it. */
  reason?: string;
  /**
   * For a one-dialect example: the nearest attempt on the other dialect and the error it gives
   * (the test suite runs it, so the reason is checked too). Shown when someone switches dialect.
   */
  attempt?: { setup: string; statement: string; error: ErrorMatch };
  /** Opens in the Race lab: the sessions' steps and timeline per dialect (the run is the timeline). */
  race?: Record<Dialect, RaceScript>;
}
