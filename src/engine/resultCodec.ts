/**
 * How a RunResult crosses from the engine worker to the page. Structured cloning a large result
 * (tens of thousands of row arrays and RowChange objects) costs tens of ms on each side, most of
 * it on the page's main thread; one JSON string crosses almost for free and JSON.parse builds the
 * same objects several times faster. JSON cannot carry every value, though: non-finite numbers
 * and -0 (both possible in SQLite REAL columns) would come back as null and 0. A result holding
 * any of them is sent by structured clone instead, unchanged.
 */
import type { RunResult, Value } from './types';

/** A RunResult as posted: JSON text when that is exact, else the object itself. */
export type WireResult = { json: string } | { result: RunResult };

function exactInJson(v: Value): boolean {
  return typeof v !== 'number' || (Number.isFinite(v) && !Object.is(v, -0));
}

function rowsExact(rows: readonly (readonly Value[])[]): boolean {
  for (const row of rows) for (const v of row) if (!exactInJson(v)) return false;
  return true;
}

/** True when JSON.parse(JSON.stringify(r)) gives back every value of `r` exactly. */
export function jsonExact(r: RunResult): boolean {
  for (const s of [...r.setup, ...r.statements]) if (!rowsExact(s.rows)) return false;
  for (const t of r.tables) {
    if (t.before && !rowsExact(t.before.rows)) return false;
    if (t.after && !rowsExact(t.after.rows)) return false;
  }
  return true;
}

/** Encode for postMessage. */
export function toWire(result: RunResult): WireResult {
  return jsonExact(result) ? { json: JSON.stringify(result) } : { result };
}

/** Decode what toWire produced. */
export function fromWire(w: WireResult): RunResult {
  return 'json' in w ? (JSON.parse(w.json) as RunResult) : w.result;
}
