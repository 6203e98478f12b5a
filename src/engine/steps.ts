/**
 * The tables around one statement of a run: just before and just after it, marked with that
 * statement's changes alone (the engine's per-statement snapshots).
 */
import type { RunResult, TableDiff } from './types.ts';

/**
 * Tables around statement `index` (0-based), or undefined when they were not captured (a statement
 * that only reads, a failed statement, or a run too large for per-statement snapshots). A
 * one-statement script's step is the run's own Before/After (`result.tables`), not repeated in
 * `result.steps`.
 */
export function tablesAround(result: RunResult, index: number): TableDiff[] | undefined {
  const step = result.steps?.find((s) => s.statementIndex === index);
  if (step) return step.tables;
  const only = result.statements.length === 1 ? result.statements[0] : undefined;
  return only && index === 0 && result.singleStep ? result.tables : undefined;
}
