/**
 * Very long values are cut before a result leaves the engine: one 10-million-character cell
 * would otherwise cost the page seconds of parsing and rendering and a gigabyte of memory. The
 * diff has already compared the full values in the engine, so marks stay exact; a note says what
 * was cut.
 */
import type { RunResult, Value } from './types.ts';

/** Characters of a text cell (and hex digits of a blob) kept for display. */
export const MAX_CELL_CHARS = 10_000;

function cutRows(rows: Value[][], seen: { count: number; longest: number; done: Set<Value[][]> }): void {
  if (seen.done.has(rows)) return; // Before and After of an unchanged table may share their rows
  seen.done.add(rows);
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) {
      const v = row[i];
      if (typeof v === 'string' && v.length > MAX_CELL_CHARS) {
        seen.count++;
        seen.longest = Math.max(seen.longest, v.length);
        row[i] = `${v.slice(0, MAX_CELL_CHARS)}…`;
      } else if (v !== null && typeof v === 'object' && 'blob' in v && v.blob.length > MAX_CELL_CHARS) {
        seen.count++;
        seen.longest = Math.max(seen.longest, v.blob.length / 2);
        row[i] = { blob: v.blob.slice(0, MAX_CELL_CHARS) };
      }
    }
  }
}

/** Cut every over-long cell of a result in place; adds a note when it cut any. */
export function capLongValues(r: RunResult): void {
  const seen = { count: 0, longest: 0, done: new Set<Value[][]>() };
  for (const s of [...r.setup, ...r.statements]) cutRows(s.rows, seen);
  for (const t of r.tables) {
    if (t.before) cutRows(t.before.rows, seen);
    if (t.after) cutRows(t.after.rows, seen);
  }
  if (seen.count === 0) return;
  const n = seen.count === 1 ? 'One value was' : `${seen.count.toLocaleString('en')} values were`;
  r.notes.push(
    `${n} longer than ${MAX_CELL_CHARS.toLocaleString('en')} characters (the longest: ${seen.longest.toLocaleString('en')}) and ${seen.count === 1 ? 'is' : 'are'} shown cut there, ending in "…" (blobs: their first ${(MAX_CELL_CHARS / 2).toLocaleString('en')} bytes). The comparison of Before and After used the full values.`,
  );
}
