/**
 * Before and After captures of every user table, and their diff: what the pipeline compares
 * around the statement script (and around each statement, for the per-statement rule).
 */
import { changeTotals, diffTable, type TableSnapshot } from './diff.ts';
import type { Driver, WrittenRows } from './pipeline.ts';
import type { Dialect, TableDiff, TableSchema, WriteTracking } from './types.ts';

/** Key of a table across snapshots. */
export const tableKey = (t: TableSchema): string => `${t.schema}\u0000${t.name}`;

export async function capture(d: Driver, rowLimit: number): Promise<Map<string, TableSnapshot>> {
  return d.guard(async () => {
    const out = new Map<string, TableSnapshot>();
    for (const t of await d.introspect()) out.set(tableKey(t), await d.snapshot(t, rowLimit));
    return out;
  });
}

export function totalRows(snaps: Map<string, TableSnapshot>): number {
  let n = 0;
  for (const s of snaps.values()) n += s.data.totalRows;
  return n;
}

/** Diff every table of two captures, Before's order first, then tables created since. */
export function diffAll(
  before: Map<string, TableSnapshot>,
  after: Map<string, TableSnapshot>,
  tracking: Map<string, WriteTracking>,
  written: WrittenRows | null,
  dialect: Dialect,
): TableDiff[] {
  const keys = [...before.keys(), ...[...after.keys()].filter((k) => !before.has(k))];
  return keys.map((k) => {
    const b = before.get(k) ?? null;
    const a = after.get(k) ?? null;
    const kind: WriteTracking = dialect === 'postgres' ? 'xmin' : (tracking.get(k) ?? 'none');
    const d = diffTable(b, a, { tracking: kind, written: written?.get(k) ?? new Set() }, (a ?? b)!.schema.name);
    if (kind === 'none' && d.status === 'kept' && dialect === 'sqlite' && tracking.size > 0) {
      d.notes.push(
        d.schema.hasRowid
          ? 'Columns named rowid, _rowid_ and oid hide the rowid: a row rewritten with identical values cannot be told from an untouched one.'
          : 'WITHOUT ROWID table: a row rewritten with identical values cannot be told from an untouched one.',
      );
    }
    return d;
  });
}

/** Sum of inserted/updated/deleted over all tables. */
export function sumCounts(diffs: TableDiff[]): { inserted: number; updated: number; deleted: number } {
  const out = { inserted: 0, updated: 0, deleted: 0 };
  for (const d of diffs) {
    const c = changeTotals(d);
    out.inserted += c.inserted;
    out.updated += c.updated;
    out.deleted += c.deleted;
  }
  return out;
}
