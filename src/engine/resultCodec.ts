/**
 * How a RunResult crosses from the engine worker to the page. Structured cloning a large result
 * (tens of thousands of row arrays and RowChange objects) costs tens of ms on each side, most of
 * it on the page's main thread; JSON text crosses almost for free and JSON.parse builds the same
 * objects several times faster. JSON cannot carry every value, though: non-finite numbers and -0
 * (both possible in SQLite REAL columns) would come back as null and 0. A result holding any of
 * them is sent by structured clone instead, unchanged.
 *
 * A large result is sent in parts (each table's Before rows, After rows and row changes as their
 * own text) that the page parses one per task, so that no single task holds the page for the
 * whole result: at 100,000 rows one JSON.parse of everything takes over 100 ms.
 */
import { openHeld, type WireTable } from './heldRows.ts';
import type { RunResult, TableDiff, Value } from './types.ts';

/**
 * A RunResult as posted: JSON text when that is exact (`json` holds everything but, when `parts`
 * is present, the tables' rows and changes, which are in `parts`: three per table), else the
 * object itself.
 */
export type WireResult = { json: string; parts?: (string | null)[] } | { result: RunResult };

/** Results whose rows and changes add up to more cells than this are sent in parts. */
const SPLIT_ABOVE_CELLS = 200_000;

function rowsExact(rows: readonly (readonly Value[])[]): boolean {
  for (const row of rows) {
    for (const cell of row) {
      const v = cell !== null && typeof cell === 'object' && 'real' in cell ? cell.real : cell;
      // Finite and not -0 (0 === -0, so the sign is checked through division).
      if (typeof v === 'number' && (v - v !== 0 || (v === 0 && 1 / v < 0))) return false;
    }
  }
  return true;
}

/** True when JSON.parse(JSON.stringify(r)) gives back every value of `r` exactly. */
export function jsonExact(r: RunResult): boolean {
  for (const s of [...r.setup, ...r.statements]) if (!rowsExact(s.rows)) return false;
  for (const t of r.tables as WireTable[]) {
    if (t.before && !rowsExact(t.before.rows)) return false;
    if (t.after && !rowsExact(t.after.rows)) return false;
    // A held table's first rows (heldRows.ts).
    if (t.first && !t.first.before.every(([, row]) => rowsExact([row]))) return false;
    if (t.first && !t.first.after.every(([, row]) => rowsExact([row]))) return false;
  }
  return true;
}

function cells(r: RunResult): number {
  let n = 0;
  for (const t of r.tables) {
    const width = Math.max(1, t.schema.columns.length);
    n += ((t.before?.rows.length ?? 0) + (t.after?.rows.length ?? 0)) * width + t.changes.length;
  }
  return n;
}

/** Encode for postMessage. */
export function toWire(result: RunResult): WireResult {
  if (!jsonExact(result)) return { result };
  if (cells(result) <= SPLIT_ABOVE_CELLS) return { json: JSON.stringify(result) };
  const parts: (string | null)[] = [];
  const tables = result.tables.map((t): TableDiff => {
    parts.push(
      t.before ? JSON.stringify(t.before.rows) : null,
      t.after ? JSON.stringify(t.after.rows) : null,
      JSON.stringify(t.changes),
    );
    return {
      ...t,
      before: t.before && { ...t.before, rows: [] },
      after: t.after && { ...t.after, rows: [] },
      changes: [],
    };
  });
  return { json: JSON.stringify({ ...result, tables }), parts };
}

/** Let the page handle input and paint between two parts. */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Decode what toWire produced: one part per task when it came in parts. */
export async function fromWire(w: WireResult): Promise<RunResult> {
  const result = 'json' in w ? (JSON.parse(w.json) as RunResult) : w.result;
  result.tables = result.tables.map(openHeld);
  if (!('json' in w) || !w.parts) return result;
  for (let i = 0; i < result.tables.length; i++) {
    const t = result.tables[i]!;
    const [before, after, changes] = w.parts.slice(3 * i, 3 * i + 3);
    if (t.held) continue; // its rows are in the worker; the parts hold empty lists
    await nextTask();
    if (t.before && before) t.before.rows = JSON.parse(before) as Value[][];
    await nextTask();
    if (t.after && after) t.after.rows = JSON.parse(after) as Value[][];
    await nextTask();
    t.changes = JSON.parse(changes!) as TableDiff['changes'];
  }
  return result;
}
