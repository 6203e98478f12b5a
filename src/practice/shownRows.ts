/** Rows of a run as the practice tables show them: normalised, with change marks and differences. */
import type { RunResult, TableDiff, Value } from '../engine/types';
import { normalisedRows, returnedRows, returnedStatements, type Problem } from './compare';
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
      const columns = cols.map((col) => beforeCols.indexOf(col));
      return {
        values: columns.map((i) => b[i] ?? null),
        change: c,
        ...(t.before && c.before !== undefined ? { source: { rows: t.before.rows, row: c.before, columns } } : {}),
      };
    }
    const mine = problems.filter((p) => p.table === t.name && p.row === c.after);
    const differs = differsOf(mine);
    const source = { rows: t.after!.rows, row: c.after };
    return { values: norm[c.after]!, change: c, source, ...(differs ? { differs } : {}) };
  });
}

/** The rows a table held before the statement (the setup). */
export function beforeRows(t: TableDiff): ShownRow[] {
  const rows = t.before?.rows ?? [];
  return rows.map((values, row) => ({ values, source: { rows, row } }));
}

/** The rows the statement returned. */
export function shownReturned(
  result: RunResult,
  problems: Problem[] = [],
): { columns: string[]; rows: ShownRow[] } | null {
  const r = returnedRows(result);
  if (r.columns === null) return null;
  // Where each returned row came from (returnedRows joins the statements' rows in order).
  const sources = returnedStatements(result).flatMap((s) => s.rows.map((_, row) => ({ rows: s.rows, row })));
  return {
    columns: r.columns,
    rows: r.rows.map((row, i) => {
      const values: Value[] = row.map((v) => v ?? null);
      const differs = differsOf(problems.filter((p) => p.returned === i));
      const source = sources[i];
      return { values, ...(source ? { source } : {}), ...(differs ? { differs } : {}) };
    }),
  };
}
