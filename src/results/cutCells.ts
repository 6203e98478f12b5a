/**
 * Which cells of a result show a value cut for display (RunResult.cut), and how to get each whole
 * from its engine. ResultsView provides them to the tables below it through context; a table
 * looks a cell up by the rows array it shows (a statement's returned rows, a table's Before or
 * After rows) and the cell's row and column there.
 */
import { createContext, useContext, useMemo } from 'react';
import type { CutCell, RunResult, Value } from '../engine/types';
import { EnginesContext } from '../state/engineContext';

/** A cut cell as a table shows it. */
export interface ShownCut {
  cell: CutCell;
  /** A file name for the whole value (.txt for text, .bin for a blob). */
  fileName: string;
  /** The whole value from the engine; null once it has run again since. */
  fetch: () => Promise<Value | null>;
}

/** The cut cells of one result, by rows array, then "row:column". */
type CutCells = Map<readonly Value[][], Map<string, ShownCut>>;

/** The cut cells of the result shown; null outside a result or when none was cut. */
export const CutCellsContext = createContext<CutCells | null>(null);

const safe = (s: string) => s.replace(/[^\w.-]+/g, '_').replace(/^_+|_+$/g, '') || 'value';

/** The cut cells of `r`; `fullValue` asks its engine for a whole value (absent: nothing to ask). */
function cutCells(r: RunResult, fullValue?: (id: number) => Promise<Value | null>): CutCells | null {
  if (!r.cut?.length) return null;
  const cells: CutCells = new Map();
  for (const cell of r.cut) {
    const { where, index, row, column } = cell;
    let rows: Value[][] | undefined;
    let name: string;
    if (where === 'setup' || where === 'statement') {
      const s = (where === 'setup' ? r.setup : r.statements)[index];
      rows = s?.rows;
      name = `${where}-${(s?.index ?? index) + 1}-${s?.columns?.[column] ?? `column-${column + 1}`}`;
    } else {
      const step = cell.step === undefined ? undefined : r.steps?.[cell.step];
      const t = (step ? step.tables : r.tables)[index];
      rows = t?.[where]?.rows;
      const around = step ? `statement-${step.statementIndex + 1}-` : '';
      name = `${t?.name ?? 'table'}-${around}${where}-${t?.[where]?.columns[column] ?? `column-${column + 1}`}`;
    }
    if (!rows) continue;
    let byPlace = cells.get(rows);
    if (!byPlace) cells.set(rows, (byPlace = new Map<string, ShownCut>()));
    byPlace.set(`${row}:${column}`, {
      cell,
      fileName: `${safe(name)}-row-${row + 1}.${cell.blob ? 'bin' : 'txt'}`,
      fetch: fullValue ? () => fullValue(cell.id) : () => Promise.resolve(null),
    });
  }
  return cells;
}

/** The cut cells of `result`, each fetched whole from the page's engine of its dialect. */
export function useResultCuts(result: RunResult): CutCells | null {
  const client = useContext(EnginesContext)?.[result.dialect];
  return useMemo(() => cutCells(result, client && ((id) => client.fullValue(id))), [result, client]);
}

/** Look up the cut cell at `row`, `column` of `rows` in the result shown (undefined: not cut). */
export function useCutCells(): (
  rows: readonly Value[][] | undefined,
  row: number | undefined,
  column: number | undefined,
) => ShownCut | undefined {
  const cells = useContext(CutCellsContext);
  return (rows, row, column) =>
    cells && rows && row !== undefined && column !== undefined ? cells.get(rows)?.get(`${row}:${column}`) : undefined;
}
