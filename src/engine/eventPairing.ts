/**
 * A table without a usable key is diffed by whole rows, so an updated row looks like a deleted
 * row plus an inserted one. The engine's update events say exactly which old row became which
 * new row: this turns such pairs back into one updated row.
 */
import type { AccountEvent } from './account.ts';
import { sameValue } from './diff.ts';
import type { RowChange, TableDiff, Value } from './types.ts';

const key = (row: Value[]): string => row.map((v) => JSON.stringify(v ?? null)).join('\u0001');

const PAIRED_NOTE =
  'This table has no key: rows are matched by their whole content, and the rows the engine reported as updated are paired with their old version.';

/**
 * Pair deleted + inserted rows of a whole-row diff through update events (in the order the
 * engine fired them, over the statements the diff spans). Changes the diff in place.
 */
export function pairUpdatesByEvents(diff: TableDiff, events: AccountEvent[]): void {
  if (diff.identity.kind !== 'wholeRow' || diff.status !== 'kept' || !diff.before || !diff.after) return;
  const mine = events.filter((e) => e.op === 'updated' && e.table === diff.name && e.old && e.new);
  if (mine.length === 0) return;
  const sameColumns =
    diff.before.columns.length === diff.after.columns.length &&
    diff.before.columns.every((c, i) => diff.after!.columns[i] === c);
  if (!sameColumns) return;
  // Follow chains: a row updated twice is one change from its first old to its last new version.
  const chains: { from: string; to: string }[] = [];
  const open = new Map<string, number[]>(); // current content → chain indexes
  for (const e of mine) {
    const o = key(e.old!);
    const n = key(e.new!);
    const list = open.get(o);
    let c: number;
    if (list && list.length) {
      c = list.shift()!;
      chains[c]!.to = n;
    } else c = chains.push({ from: o, to: n }) - 1;
    const next = open.get(n);
    if (next) next.push(c);
    else open.set(n, [c]);
  }
  const deleted = new Map<string, RowChange[]>();
  const inserted = new Map<string, RowChange[]>();
  for (const c of diff.changes) {
    const m = c.change === 'deleted' ? deleted : c.change === 'inserted' ? inserted : null;
    if (!m) continue;
    const row = c.change === 'deleted' ? diff.before.rows[c.before!]! : diff.after.rows[c.after!]!;
    const k = key(row);
    const list = m.get(k);
    if (list) list.push(c);
    else m.set(k, [c]);
  }
  const drop = new Set<RowChange>();
  let paired = 0;
  for (const ch of chains) {
    if (ch.from === ch.to) continue;
    const d = deleted.get(ch.from)?.shift();
    const i = d && inserted.get(ch.to)?.shift();
    if (!d || !i) continue;
    const bRow = diff.before.rows[d.before!]!;
    const aRow = diff.after.rows[i.after!]!;
    const changed: number[] = [];
    for (let c = 0; c < aRow.length; c++) if (!sameValue(aRow[c] ?? null, bRow[c] ?? null)) changed.push(c);
    i.change = 'updated';
    i.before = d.before!;
    i.changed = changed;
    drop.add(d);
    paired++;
  }
  if (paired === 0) return;
  diff.changes = diff.changes.filter((c) => !drop.has(c));
  diff.counts.deleted -= paired;
  diff.counts.inserted -= paired;
  diff.counts.updated += paired;
  diff.notes = diff.notes.map((n) => (n.startsWith('Rows are matched by their whole content') ? PAIRED_NOTE : n));
}
