/**
 * Very long values are cut before a result leaves the engine: one 10-million-character cell
 * would otherwise cost the page seconds of parsing and rendering and a gigabyte of memory. The
 * diff has already compared the full values in the engine, so marks stay exact; a note says what
 * was cut. The engine keeps each cut value whole until the next run, so the page can fetch one on
 * demand (copy or download) by its `CutCell.id`.
 */
import { large } from './heldRows.ts';
import type { CutCell, RunResult, Value } from './types.ts';

/** Characters of a text cell (and hex digits of a blob) kept for display. */
export const MAX_CELL_CHARS = 10_000;

/** Characters of text (and hex digits) one result may carry to the page, all cells together. */
const MAX_RESULT_CHARS = 20_000_000;

/** Past MAX_RESULT_CHARS, values longer than this are cut to it. */
const TIGHT_CELL_CHARS = 200;

type Where = CutCell['where'];
interface Place {
  where: Where;
  index: number;
  /** The index in RunResult.steps, for a table around one statement. */
  step?: number;
}

const placeKey = (p: Place, row: number, column: number): string =>
  `${p.step ?? ''}:${p.where}:${p.index}:${row}:${column}`;

const size = (v: Value): number =>
  typeof v === 'string' ? v.length : v !== null && typeof v === 'object' && 'blob' in v ? v.blob.length : 0;

/** A long text or blob cut to `limit` characters (hex digits); text ends in "…". */
const cutTo = (v: Value, limit: number): Value =>
  typeof v === 'string' ? `${v.slice(0, limit)}…` : { blob: (v as { blob: string }).blob.slice(0, limit) };

class Cutter {
  cut: CutCell[] = [];
  longest = 0;
  /** The places of each rows array (Before and After of an unchanged table share theirs). */
  private places = new Map<Value[][], Place[]>();
  /** Rows arrays that stay in the worker (held tables): not counted in the page's budget. */
  readonly staying = new Set<Value[][]>();

  constructor(private readonly keep: Map<number, Value>) {}

  add(rows: Value[][], place: Place): void {
    const list = this.places.get(rows);
    if (list) list.push(place);
    else this.places.set(rows, [place]);
  }

  /**
   * Rows of the row-by-row account (proposed, existing, written and removed rows). They repeat
   * values of the statement and its tables, where a cut value can be fetched whole, so here they
   * are only cut, not kept.
   */
  private plain: Value[][] = [];

  addPlain(rows: Value[][]): void {
    for (const row of rows) this.plain.push(row); // not spread: a large account overflows the stack
  }

  total(): number {
    let n = 0;
    for (const rows of [...this.places.keys(), this.plain]) {
      if (this.staying.has(rows)) continue;
      for (const row of rows) for (const v of row) n += size(v);
    }
    return n;
  }

  /** Cut every value longer than `limit` (characters; hex digits for blobs), skipping `staying` rows if asked. */
  pass(limit: number, skipStaying = false): number {
    let count = 0;
    for (const [rows, places] of this.places) {
      if (skipStaying && this.staying.has(rows)) continue;
      rows.forEach((row, r) => {
        for (let c = 0; c < row.length; c++) {
          const v = row[c]!;
          if (size(v) <= limit) continue;
          const blob = typeof v !== 'string';
          const prior = this.find(places[0]!, r, c);
          const whole = prior ? this.keep.get(prior.id)! : v;
          const length = blob ? size(whole) / 2 : size(whole);
          if (!prior) {
            const id = this.keep.size + 1;
            this.keep.set(id, whole);
            for (const p of places) {
              const cell = { id, ...p, row: r, column: c, length, blob };
              this.cut.push(cell);
              this.byPlace.set(placeKey(p, r, c), cell);
            }
          }
          count++;
          this.longest = Math.max(this.longest, length);
          row[c] = cutTo(v, limit);
        }
      });
    }
    for (const row of this.plain) {
      for (let c = 0; c < row.length; c++) {
        const v = row[c]!;
        if (size(v) <= limit) continue;
        row[c] = cutTo(v, limit);
      }
    }
    return count;
  }

  private byPlace = new Map<string, CutCell>();

  private find(p: Place, row: number, column: number): CutCell | undefined {
    return this.byPlace.get(placeKey(p, row, column));
  }
}

/**
 * Cut every over-long cell of a result in place, keeping the whole values in `keep` (id → value);
 * adds `result.cut` and a note when it cut any. With `hold` (heldRows.ts, holdsRows), the tables that will
 * stay in the worker (heldRows.ts) reach the page a chunk at a time: each value is still cut at
 * MAX_CELL_CHARS, but they do not count against the result's total (MAX_RESULT_CHARS), which
 * would otherwise cut most values of a large table of long texts, and list each cut cell.
 */
export function capLongValues(r: RunResult, keep: Map<number, Value> = new Map(), hold = false): void {
  const cutter = new Cutter(keep);
  r.setup.forEach((s, i) => cutter.add(s.rows, { where: 'setup', index: i }));
  r.statements.forEach((s, i) => cutter.add(s.rows, { where: 'statement', index: i }));
  r.tables.forEach((t, i) => {
    if (t.before) cutter.add(t.before.rows, { where: 'before', index: i });
    if (t.after) cutter.add(t.after.rows, { where: 'after', index: i });
    if (hold && large(t)) {
      if (t.before) cutter.staying.add(t.before.rows);
      if (t.after) cutter.staying.add(t.after.rows);
    }
  });
  r.steps?.forEach((s, step) =>
    s.tables.forEach((t, i) => {
      if (t.before) cutter.add(t.before.rows, { where: 'before', index: i, step });
      if (t.after) cutter.add(t.after.rows, { where: 'after', index: i, step });
    }),
  );
  for (const s of r.statements) {
    for (const p of s.proposed?.rows ?? []) {
      cutter.addPlain([
        p.values,
        ...(p.existing ? [p.existing] : []),
        ...(p.written ? [p.written] : []),
        ...(p.removed ?? []),
      ]);
    }
  }
  const count = cutter.pass(MAX_CELL_CHARS);
  if (count > 0) {
    const n = count === 1 ? 'One value was' : `${count.toLocaleString('en')} values were`;
    r.notes.push(
      `${n} longer than ${MAX_CELL_CHARS.toLocaleString('en')} characters (the longest: ${cutter.longest.toLocaleString('en')}) and ${count === 1 ? 'is' : 'are'} shown cut there, ending in "…" (blobs: their first ${(MAX_CELL_CHARS / 2).toLocaleString('en')} bytes); each cut value can be copied or downloaded whole. The comparison of Before and After used the full values.`,
    );
  }
  const total = cutter.total();
  if (total > MAX_RESULT_CHARS) {
    const more = cutter.pass(TIGHT_CELL_CHARS, true);
    r.notes.push(
      `The result held ${total.toLocaleString('en')} characters of values, more than the ${MAX_RESULT_CHARS.toLocaleString('en')} the page takes: ${more.toLocaleString('en')} values longer than ${TIGHT_CELL_CHARS} characters are shown cut to ${TIGHT_CELL_CHARS}, ending in "…" (each can be copied or downloaded whole). The comparison of Before and After used the full values.`,
    );
  }
  if (cutter.cut.length) r.cut = cutter.cut;
}
