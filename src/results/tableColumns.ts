/** Which columns of a table diff matter for a narrowed view, and the diff's counts in words. Pure. */
import type { RowIdentity, TableDiff } from '../engine/types';
import { formatCount } from './format';

/** Names of the After columns that hold a changed cell in some row. */
export function changedColumns(diff: TableDiff): Set<string> {
  // A table held in the engine: the engine scanned its rows (the page holds only some).
  if (diff.held) return new Set(diff.held.changedColumns);
  const cols = diff.after?.columns ?? [];
  const out = new Set<string>();
  for (const c of diff.changes) for (const i of c.changed ?? []) if (cols[i] !== undefined) out.add(cols[i]);
  return out;
}

/** The columns rows are matched by, when they are columns (not rowid or the whole row). */
export function keyColumns(id: RowIdentity): string[] {
  return id.kind === 'primaryKey' || id.kind === 'unique' ? id.columns : [];
}

/** "1 inserted · 1 updated": only the kinds that occur ("no rows" for an empty table). */
export function diffSummary(counts: TableDiff['counts']): string {
  const parts = [
    counts.inserted && `${formatCount(counts.inserted)} inserted`,
    counts.updated &&
      `${formatCount(counts.updated)} updated${counts.sameValues ? ` (${formatCount(counts.sameValues)} with the same values)` : ''}`,
    counts.deleted && `${formatCount(counts.deleted)} deleted`,
    counts.unchanged && `${formatCount(counts.unchanged)} unchanged`,
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : 'no rows';
}
