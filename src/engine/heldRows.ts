/**
 * Large tables of a run stay in the engine's worker (RunInput.hold): the page receives each
 * table's counts, notes and first rows, and asks for the rows it is about to show as the user
 * scrolls. At a million rows, sending everything would cost the page hundreds of MB of heap and
 * seconds of parsing for rows nobody scrolls to.
 *
 * The worker keeps the tables of its latest hold run only; an older run's rows are gone, and the
 * page says so. A slice names rows by their index in the run's own arrays, so the page's arrays
 * keep the full lengths and their holes fill in place (see fillSlice).
 */
import type { HeldTable, RowChange, RunInput, RunResult, TableData, TableDiff, Value } from './types.ts';

/** Tables with more rows than this on either side (or in the After view) are held. */
export const HOLD_ABOVE = 2_000;

/** How many rows of the After view (and of Before) a held table sends with its result. */
export const FIRST_ROWS = 300;

/** The most rows one request may ask for. */
export const MAX_SLICE = 20_000;

/** Rows of a held table, by their index in the run's arrays. */
export interface HeldSlice {
  /** Entries of the After view from `changesFrom` on. */
  changesFrom?: number;
  changes?: RowChange[];
  before: [number, Value[]][];
  after: [number, Value[]][];
}

/** What a page asks of a held table: rows of the After view (with the rows they show) or of Before. */
export interface HeldRequest {
  run: number;
  table: number;
  part: 'changes' | 'before' | 'after';
  from: number;
  to: number;
}

/** A held table as it crosses to the page: the arrays empty, the first rows in `first`. */
export type WireTable = TableDiff & { first?: HeldSlice };

function changedColumns(t: TableDiff): string[] {
  const cols = t.after?.columns ?? [];
  const seen = new Set<number>();
  for (const c of t.changes) for (const i of c.changed ?? []) seen.add(i);
  return [...seen].sort((a, b) => a - b).flatMap((i) => (cols[i] === undefined ? [] : [cols[i]]));
}

/**
 * True when a run keeps its large tables in the worker: it asks to (RunInput.hold) and shows
 * tables of its own. The race lab reads every row of its steps on the page, and an Explain
 * answers about a result on screen, whose held rows it must not replace.
 */
export const holdsRows = (input: RunInput): boolean =>
  Boolean(input.hold) && !input.race && input.explain === undefined;

/** True when a run that holds rows (holdsRows) keeps table `t` in the worker. */
export const large = (t: TableDiff): boolean =>
  t.changes.length > HOLD_ABOVE ||
  (t.before?.rows.length ?? 0) > HOLD_ABOVE ||
  (t.after?.rows.length ?? 0) > HOLD_ABOVE;

const emptied = (d: TableData | null): TableData | null => d && { ...d, rows: [] };

/** The worker's side: keeps the latest hold run's large tables and answers requests for their rows. */
export class HeldRows {
  private run = 0;
  private tables = new Map<number, TableDiff>();

  /** Keep `r`'s large tables (the previous hold run's are dropped); returns `r` as the page receives it. */
  hold(r: RunResult): RunResult {
    this.tables.clear();
    const run = ++this.run;
    if (!r.tables.some(large)) return r;
    const tables = r.tables.map((t, index): WireTable => {
      if (!large(t)) return t;
      this.tables.set(index, t);
      const lengths = {
        before: t.before?.rows.length ?? 0,
        after: t.after?.rows.length ?? 0,
        changes: t.changes.length,
      };
      const held: HeldTable = { run, index, changedColumns: changedColumns(t), lengths };
      const first = this.slice({ run, table: index, part: 'changes', from: 0, to: FIRST_ROWS })!;
      first.before.push(...this.slice({ run, table: index, part: 'before', from: 0, to: FIRST_ROWS })!.before);
      return { ...t, before: emptied(t.before), after: emptied(t.after), changes: [], held, first };
    });
    return { ...r, tables };
  }

  /** Rows of a held table; null when that run's rows are no longer kept. */
  slice(req: HeldRequest): HeldSlice | null {
    const t = req.run === this.run ? this.tables.get(req.table) : undefined;
    if (!t) return null;
    const from = Math.max(0, Math.floor(req.from));
    const to = Math.min(Math.floor(req.to), from + MAX_SLICE);
    const pairs = (rows: Value[][] | undefined, a: number, b: number): [number, Value[]][] => {
      const out: [number, Value[]][] = [];
      for (let i = a; i < Math.min(b, rows?.length ?? 0); i++) out.push([i, rows![i]!]);
      return out;
    };
    if (req.part === 'before') return { before: pairs(t.before?.rows, from, to), after: [] };
    if (req.part === 'after') return { before: [], after: pairs(t.after?.rows, from, to) };
    const changes = t.changes.slice(from, to);
    const before: [number, Value[]][] = [];
    const after: [number, Value[]][] = [];
    for (const c of changes) {
      if (c.before !== undefined && t.before) before.push([c.before, t.before.rows[c.before]!]);
      if (c.after !== undefined && t.after) after.push([c.after, t.after.rows[c.after]!]);
    }
    return { changesFrom: from, changes, before, after };
  }
}

/** An array of `length` with nothing in it yet (the page's arrays of a held table). */
function holes<T>(length: number): T[] {
  // A sparse array of a known length is the point: its holes are the rows not yet asked for.
  return new Array<T>(length);
}

/** On the page: give a held table its full-length arrays and the rows sent with it, in place. */
export function openHeld(t: WireTable): TableDiff {
  if (!t.held) return t;
  const { lengths } = t.held;
  const first = t.first;
  delete t.first;
  if (t.before) t.before.rows = holes(lengths.before);
  if (t.after) t.after.rows = holes(lengths.after);
  t.changes = holes(lengths.changes);
  if (first) fillSlice(t, first);
  return t;
}

/** On the page: put a slice's rows into a held table's arrays, in place. */
export function fillSlice(t: TableDiff, s: HeldSlice): void {
  if (s.changes && s.changesFrom !== undefined)
    for (let i = 0; i < s.changes.length; i++) t.changes[s.changesFrom + i] = s.changes[i]!;
  if (t.before) for (const [i, row] of s.before) t.before.rows[i] = row;
  if (t.after) for (const [i, row] of s.after) t.after.rows[i] = row;
}

/** True when entries `from`..`to` of `list` are all on the page. */
export function present(list: readonly unknown[], from: number, to: number): boolean {
  for (let i = Math.max(0, from); i < Math.min(to, list.length); i++) if (list[i] === undefined) return false;
  return true;
}
