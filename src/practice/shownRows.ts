/** Rows of a run as the practice tables show them: normalised, with change marks and differences. */
import type { RunResult, TableDiff, Value } from '../engine/types';
import { normalisedRows, returnedRows, type Problem } from './compare';
import type { ShownRow } from './PracticeTable';
import type { Exercise } from './types';

function differsOf(ps: Problem[]): ShownRow['differs'] {
  if (ps.length === 0) return undefined;
  return { row: ps.some((p) => p.extra), columns: ps.flatMap((p) => (p.column ? [p.column] : [])) };
}

/** The After view of one table (deleted rows included, struck through), marked by the engine's diff. */
export function afterRows(ex: Exercise, result: RunResult, t: TableDiff, problems: Problem[] = []): ShownRow[] {
  const norm = normalisedRows(ex, result, t);
  const cols = t.after?.columns ?? [];
  const beforeCols = t.before?.columns ?? [];
  return t.changes.map((c) => {
    if (c.after === undefined) {
      const b = t.before?.rows[c.before ?? -1] ?? [];
      return { values: cols.map((col) => b[beforeCols.indexOf(col)] ?? null), change: c };
    }
    const mine = problems.filter((p) => p.table === t.name && p.row === c.after);
    const differs = differsOf(mine);
    return { values: norm[c.after]!, change: c, ...(differs ? { differs } : {}) };
  });
}

/** The rows a table held before the statement (the setup). */
export function beforeRows(t: TableDiff): ShownRow[] {
  return (t.before?.rows ?? []).map((values) => ({ values }));
}

/** The rows the statement returned. */
export function shownReturned(
  result: RunResult,
  problems: Problem[] = [],
): { columns: string[]; rows: ShownRow[] } | null {
  const r = returnedRows(result);
  if (r.columns === null) return null;
  return {
    columns: r.columns,
    rows: r.rows.map((row, i) => {
      const values: Value[] = row.map((v) => v ?? null);
      const differs = differsOf(problems.filter((p) => p.returned === i));
      return { values, ...(differs ? { differs } : {}) };
    }),
  };
}
