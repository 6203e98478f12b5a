/**
 * Linking proposed rows to the statement's Before and After rows: by content, and by unique key
 * where the content changed (a skipped row names the row it conflicted with, a REPLACE the rows it
 * removed).
 */
import { sameValue } from './diff.ts';
import type { ProposedRow } from './fates.ts';
import type { Dialect, TableDiff, TableSchema, Value } from './types.ts';

/** Stable text key of a row or some of its cells. */
function rowKey(row: Value[], cols?: number[]): string {
  const idx = cols ?? row.map((_v, i) => i);
  return idx.map((c) => JSON.stringify(row[c] ?? null)).join('\u0001');
}

/** Unique keys over plain columns whose values are all equal and not NULL in both rows. */
export function sharedKeys(schema: TableSchema, a: Value[], b: Value[]): string[] {
  const col = new Map(schema.columns.map((c, i) => [c.name, i]));
  const out: string[] = [];
  for (const k of schema.uniqueKeys) {
    if (k.hasExpressions) continue;
    const idx = k.columns.map((c) => col.get(c));
    if (idx.some((i) => i === undefined)) continue;
    const same = idx.every((i) => a[i!] !== null && a[i!] !== undefined && sameValue(a[i!] ?? null, b[i!] ?? null));
    // SQLite names the indexes of inline constraints sqlite_autoindex_…: say what they are.
    const name = k.name.startsWith('sqlite_autoindex_') ? (k.kind === 'primary' ? 'PRIMARY KEY' : 'UNIQUE') : k.name;
    if (same) out.push(`${name} (${k.columns.join(', ')})`);
  }
  return out;
}

/** Lookup keys of a row: one per unique key over plain columns whose values are all non-NULL. */
function keyStrings(schema: TableSchema, row: Value[]): string[] {
  const col = new Map(schema.columns.map((c, i) => [c.name, i]));
  const out: string[] = [];
  for (const k of schema.uniqueKeys) {
    if (k.hasExpressions) continue;
    const idx = k.columns.map((c) => col.get(c));
    if (idx.some((i) => i === undefined || row[i] === null || row[i] === undefined)) continue;
    out.push(`${k.name}\u0002${rowKey(row, idx as number[])}`);
  }
  return out;
}

/** Rows by each of their key strings (first row wins). */
class KeyIndex {
  private m = new Map<string, number>();
  constructor(private readonly schema: TableSchema) {}
  add(row: Value[], i: number): void {
    for (const k of keyStrings(this.schema, row)) if (!this.m.has(k)) this.m.set(k, i);
  }
  find(row: Value[]): number | undefined {
    for (const k of keyStrings(this.schema, row)) {
      const i = this.m.get(k);
      if (i !== undefined) return i;
    }
    return undefined;
  }
}

/** Index of each row of a table side by content, to link account rows to Before/After rows. */
function indexRows(rows: Value[][] | undefined): Map<string, number[]> {
  const m = new Map<string, number[]>();
  rows?.forEach((r, i) => {
    const k = rowKey(r);
    const list = m.get(k);
    if (list) list.push(i);
    else m.set(k, [i]);
  });
  return m;
}

const SQLITE_REPLACE = /^(INSERT OR REPLACE|REPLACE)$/;

/** Link rows to the statement's Before/After rows; name keys and the rows REPLACE removed. */
export function link(
  rows: ProposedRow[],
  diff: TableDiff | undefined,
  schema: TableSchema | undefined,
  kind: string,
  dialect: Dialect,
  notes: string[],
): void {
  const afterIdx = indexRows(diff?.after?.rows);
  const beforeIdx = indexRows(diff?.before?.rows);
  const used = new Set<number>();
  // Rows with the same values (a key with NULLs, or no key) are told apart by their marks: a row
  // the statement wrote is linked to a written After row before an untouched one.
  const untouched = new Set<number>();
  diff?.changes.forEach((c) => {
    if (c.change === 'unchanged' && c.after !== undefined) untouched.add(c.after);
  });
  const take = (m: Map<string, number[]>, row: Value[] | undefined, usedSet?: Set<number>): number | undefined => {
    if (!row) return undefined;
    const list = m.get(rowKey(row));
    const free = (i: number): boolean => !usedSet?.has(i);
    const hit = usedSet ? (list?.find((i) => free(i) && !untouched.has(i)) ?? list?.find(free)) : list?.[0];
    if (hit !== undefined) usedSet?.add(hit);
    return hit;
  };
  // The last write of a row is what the After table holds: link from the last proposed row back.
  for (let k = rows.length - 1; k >= 0; k--) {
    const r = rows[k]!;
    if (r.action === 'deleted') continue;
    r.afterRow = take(afterIdx, r.written, used);
  }
  // Before rows the statement removed or rewrote, for INSERT OR REPLACE (a replacement under the
  // same rowid is matched to the old row, so it shows as an update of it).
  const deletedBefore: number[] = [];
  diff?.changes.forEach((c) => {
    if ((c.change === 'deleted' || (c.change === 'updated' && !c.sameValues)) && c.before !== undefined)
      deletedBefore.push(c.before);
  });
  deletedBefore.sort((a, b) => a - b);
  const deletedSet = new Set(deletedBefore);
  const claimed = new Set<number>();
  // Lookups by content and by key, built once (a statement may propose thousands of rows).
  const writtenBy = new Map<string, number>(); // written row content → index in rows
  const writtenKeys = schema ? new KeyIndex(schema) : null;
  let beforeKeys: KeyIndex | null = null;
  const replace = dialect === 'sqlite' && SQLITE_REPLACE.test(kind);
  // REPLACE: rows this statement wrote that are still in the table, by key string.
  const live = new Map<string, number>();
  for (const r of rows) {
    if (r.existing) r.beforeRow = take(beforeIdx, r.existing);
    if (schema && r.existing && r.fate !== 'error') r.keys = sharedKeys(schema, r.values, r.existing);
    if (schema && r.existing && r.action === undefined) {
      const k = writtenBy.get(rowKey(r.existing));
      if (k !== undefined) r.earlier = rows[k]!.n;
    }
    if ((r.fate === 'skipped' || r.fate === 'ignored') && schema && diff?.before) {
      if (!beforeKeys) {
        beforeKeys = new KeyIndex(schema);
        diff.before.rows.forEach((b, i) => beforeKeys!.add(b, i));
      }
      const hit = beforeKeys.find(r.values) ?? -1;
      if (hit >= 0) {
        r.beforeRow = hit;
        r.existing = diff.before.rows[hit];
        r.keys = sharedKeys(schema, r.values, r.existing!);
      } else {
        const k = writtenKeys?.find(r.values);
        const earlier = k === undefined ? undefined : rows[k];
        if (earlier) {
          r.earlier = earlier.n;
          r.keys = sharedKeys(schema, r.values, earlier.written!);
        }
      }
    }
    if (replace && r.fate === 'inserted' && r.written && schema && diff?.before) {
      // A Before row identical to the new one shows unchanged, yet SQLite deleted it and wrote it again.
      const again = beforeIdx.get(rowKey(r.written)) ?? [];
      const removed = [...deletedBefore, ...again.filter((i) => !deletedSet.has(i))]
        .filter((i) => !claimed.has(i) && sharedKeys(schema, r.written!, diff.before!.rows[i]!).length > 0)
        .sort((a, b) => a - b);
      if (removed.length) {
        removed.forEach((i) => claimed.add(i));
        r.removed = [...(r.removed ?? []), ...removed.map((i) => diff.before!.rows[i]!)];
        r.beforeRow = removed[0];
        r.existing = diff.before.rows[removed[0]!];
        r.keys = sharedKeys(schema, r.written, r.existing!);
      }
    }
    if (replace && r.fate === 'inserted' && r.written && schema) replaceEarlier(rows, r, schema, live);
    if (r.removed?.length && r.fate === 'inserted') r.fate = 'replaced';
    if (r.written) {
      const i = r.n - 1;
      const c = rowKey(r.written);
      if (!writtenBy.has(c)) writtenBy.set(c, i);
      writtenKeys?.add(r.written, i);
    }
  }
  if (replace) {
    notes.push(
      diff
        ? 'SQLite does not fire delete triggers for the rows REPLACE removes (recursive_triggers is off): the rows named as replaced are the Before rows this statement deleted, and the rows it wrote itself before, that had the same key as the new row.'
        : 'SQLite does not report which rows REPLACE removed (its delete triggers fire only with recursive_triggers on), and the tables were not captured around this statement.',
    );
  }
  if (!diff)
    notes.push(
      'The tables were not captured around this statement, so the rows are not linked to Before and After rows.',
    );
}

/**
 * INSERT OR REPLACE: the rows written earlier in this statement that row `r` removed (SQLite
 * deletes every row that shares a unique key with the new one, its own earlier rows too).
 */
function replaceEarlier(rows: ProposedRow[], r: ProposedRow, schema: TableSchema, live: Map<string, number>): void {
  const gone = new Set<number>();
  for (const k of keyStrings(schema, r.written!)) {
    const i = live.get(k);
    if (i !== undefined) gone.add(i);
  }
  for (const i of [...gone].sort((a, b) => a - b)) {
    const e = rows[i]!;
    for (const k of keyStrings(schema, e.written!)) if (live.get(k) === i) live.delete(k);
    e.removedBy = r.n;
    r.removed = [...(r.removed ?? []), e.written!];
    r.earlier ??= e.n;
    if (!r.keys?.length) r.keys = sharedKeys(schema, r.written!, e.written!);
  }
  for (const k of keyStrings(schema, r.written!)) live.set(k, r.n - 1);
}
