/**
 * Practice exercises as data. An exercise is a task, a schema, data sets (the first one shown, the
 * others hidden) and a reference solution; a learner's statement is checked by running it and the
 * reference on the same engine, on every data set, and comparing what the engine returns.
 */
import type { Dialect, Value } from '../engine/types';

/** The units of the path, in order. */
export const UNITS = [
  { id: 'basics', title: 'First upserts' },
  { id: 'values', title: 'Keeping and combining values' },
  { id: 'conditional', title: 'Conditional updates' },
  { id: 'keys', title: 'Keys and conflict targets' },
  { id: 'batches', title: 'Batches and staging tables' },
  { id: 'dialects', title: 'What each engine adds' },
] as const;

/** One unit's id. */
export type UnitId = (typeof UNITS)[number]['id'];

/** A text per dialect, or one text for every dialect. */
export type PerDialect = string | Partial<Record<Dialect, string>>;

/** One data set: rows loaded after the schema, and the values of the statement's parameters. */
interface DataSet {
  /** INSERT statements run after the schema (same text on every dialect). */
  rows: string;
  /** Values of the `:name` parameters the statement uses. */
  params?: Record<string, Value>;
  /**
   * For a hidden set: the kind of case it checks, said without its data ("a contact whose new
   * phone is NULL"). Shown when the hidden check fails.
   */
  about?: string;
}

/** A practice exercise. */
export interface Exercise {
  /** Stable kebab-case id, used in `#practice/ID` links and in stored progress. */
  id: string;
  unit: UnitId;
  title: string;
  /** The task in 2–4 sentences; `backticks` mark code. */
  task: string;
  /** One sentence on what the exercise taught, shown when it is solved. */
  lesson: string;
  /** Hints, revealed one at a time. */
  hints: string[];
  /** The dialects it applies to. */
  dialects: Dialect[];
  /** Why it applies to one dialect only (shown when the other one is selected). */
  dialectNote?: string;
  /** CREATE statements. */
  schema: PerDialect;
  /** The visible data set first, then at least one hidden one. */
  sets: [DataSet, DataSet, ...DataSet[]];
  /** The reference solution (may use the parameters). */
  solution: PerDialect;
  /** Columns that name a row in feedback, per table (default: the table's row identity). */
  keys?: Record<string, string[]>;
  /** Tables compared (default: every table). */
  tables?: string[];
  /** Compare the rows the statement returns: in any order, or in order when the task says so. */
  returning?: 'unordered' | 'ordered';
  /** Rows that must stay untouched must not be rewritten, even with the same values. */
  strictWrites?: boolean;
  /** Columns set to the current time: compared as "set by the run" or as their old value. */
  volatile?: string[];
}

/** A learner's progress on one exercise in one dialect. */
export interface AttemptRecord {
  solved: boolean;
  attempts: number;
  /** The statement as last typed. */
  last: string;
}

/** Progress on every exercise: exercise id → dialect → record. */
export type Progress = Record<string, Partial<Record<Dialect, AttemptRecord>>>;

/** The text of a per-dialect field for one dialect. */
export function forDialect(v: PerDialect, dialect: Dialect): string {
  if (typeof v === 'string') return v;
  return v[dialect] ?? v.sqlite ?? v.postgres ?? '';
}
