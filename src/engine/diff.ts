/**
 * The row-by-row comparison of one table's Before and After snapshots. Pure and engine-free:
 * rows are matched through a hash map keyed by a cheap identity string, so the work is linear in
 * the number of rows.
 */
import type {
  ChangeKind,
  RowChange,
  RowIdentity,
  TableData,
  TableDiff,
  TableSchema,
  Value,
  WriteTracking,
} from './types.ts';
import { matcher, unwrittenFirst, type RowKey } from './rowMatch.ts';

/** One table at one moment, as an engine captured it. */
export interface TableSnapshot {
  schema: TableSchema;
  data: TableData;
  /** SQLite: the rowid of each row (parallel to data.rows), when the table has one. */
  rowids: (number | string)[] | null;
  /** Postgres: the xmin of each row (parallel to data.rows). */
  versions: string[] | null;
}

/** How writes with identical values are recognised for one table. */
export interface WriteInfo {
  tracking: WriteTracking;
  /** 'hook': rowids the statements updated. */
  written?: ReadonlySet<number | string> | null;
}

/** Stable string for one value; strings are length-prefixed so joined keys cannot collide. */
function enc(v: Value): string {
  if (v === null) return '~';
  switch (typeof v) {
    case 'string':
      return `s${v.length}:${v}`;
    case 'number':
      return `n${v}`;
    case 'boolean':
      return v ? 'T' : 'F';
    default:
      return 'blob' in v ? `b${v.blob}` : `r${v.real}`;
  }
}

/** Two cells are equal: same type and value (blobs by content, a REAL never equal to an INTEGER). */
export function sameValue(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if ('real' in a) return 'real' in b && a.real === b.real;
  return 'blob' in b && a.blob === b.blob;
}

/** A key NOT NULL on every column, without predicate or expressions: safe to match rows by. */
function usableUnique(schema: TableSchema): { name: string; columns: string[] } | undefined {
  const notNull = new Set(schema.columns.filter((c) => c.notNull).map((c) => c.name));
  return schema.uniqueKeys.find(
    (k) => k.kind !== 'primary' && !k.predicate && !k.hasExpressions && k.columns.every((c) => notNull.has(c)),
  );
}

/** Row identity of a table: primary key, else SQLite rowid, else a NOT NULL unique key, else the whole row. */
export function chooseIdentity(schema: TableSchema): RowIdentity {
  if (schema.primaryKey.length > 0) return { kind: 'primaryKey', columns: [...schema.primaryKey] };
  if (schema.hasRowid) return { kind: 'rowid', columns: [] };
  const uk = usableUnique(schema);
  if (uk) return { kind: 'unique', columns: [...uk.columns], keyName: uk.name };
  return { kind: 'wholeRow', columns: [] };
}

/** Identity usable on both sides (a schema change may remove a key column or the rowid). */
function commonIdentity(before: TableSnapshot, after: TableSnapshot): RowIdentity {
  const id = chooseIdentity(after.schema);
  const bCols = new Set(before.data.columns);
  const aCols = new Set(after.data.columns);
  if (id.kind === 'rowid') return before.rowids && after.rowids ? id : { kind: 'wholeRow', columns: [] };
  if (id.kind === 'wholeRow' || id.columns.every((c) => bCols.has(c) && aCols.has(c))) return id;
  return { kind: 'wholeRow', columns: [] };
}

/** Map key of one value: primitives as themselves (a Map tells 1 from '1'), blobs and NULL tagged. */
const NULL_KEY = '\u0000null';
function single(v: Value | undefined): RowKey {
  if (v === null || v === undefined) return NULL_KEY;
  if (typeof v !== 'object') return v;
  return 'blob' in v ? `\u0000b${v.blob}` : `\u0000r${v.real}`;
}

/** Builds the identity key of each row of one side. */
function keyFn(id: RowIdentity, snap: TableSnapshot, cols: number[]): (row: Value[], i: number) => RowKey {
  if (id.kind === 'rowid') {
    const rowids = snap.rowids!;
    return (_row, i) => rowids[i]!;
  }
  if (cols.length === 1) {
    const c = cols[0]!;
    return (row) => single(row[c]);
  }
  return (row) => {
    let k = '';
    for (const c of cols) k += enc(row[c] ?? null) + '|';
    return k;
  };
}

/** Indexes of `names` within `columns` (-1 when missing). */
function indexesOf(columns: string[], names: string[]): number[] {
  return names.map((n) => columns.indexOf(n));
}

const WHOLE_ROW_NOTE =
  'Rows are matched by their whole content (no primary key or unique key over NOT NULL columns), so a changed row shows as deleted + inserted.';

/** Compare two snapshots of one table (null side: the table did not exist then). */
export function diffTable(
  before: TableSnapshot | null,
  after: TableSnapshot | null,
  write: WriteInfo,
  name: string,
): TableDiff {
  const counts = { inserted: 0, updated: 0, deleted: 0, unchanged: 0, sameValues: 0, replaced: 0 };
  const notes: string[] = [];
  const schema = (after ?? before)!.schema;
  const base = {
    name,
    schema,
    writeTracking: write.tracking,
    before: before ? before.data : null,
    after: after ? after.data : null,
    counts,
    notes,
  };
  if (!before || !after) {
    const side = (after ?? before)!;
    const change: ChangeKind = after ? 'inserted' : 'deleted';
    const changes: RowChange[] = side.data.rows.map((_r, i) => (after ? { change, after: i } : { change, before: i }));
    counts[change] = changes.length;
    return { ...base, status: after ? 'created' : 'dropped', identity: chooseIdentity(schema), changes };
  }
  const identity = commonIdentity(before, after);
  const bData = before.data;
  const aData = after.data;
  // Cells are compared by column name, so an added or dropped column does not shift the others.
  const bOfA = indexesOf(bData.columns, aData.columns);
  const common = aData.columns.filter((c) => bData.columns.includes(c));
  const idCols = identity.kind === 'wholeRow' ? common : identity.columns;
  const bKey = keyFn(identity, before, indexesOf(bData.columns, idCols));
  const aKey = keyFn(identity, after, indexesOf(aData.columns, idCols));

  const bRows = bData.rows;
  const bKeys: RowKey[] = new Array<RowKey>(bRows.length);
  for (let i = 0; i < bRows.length; i++) bKeys[i] = bKey(bRows[i]!, i);
  const take = matcher(bKeys);

  const bRowids = before.rowids;
  const aRowids = after.rowids;
  const keyed = identity.kind === 'primaryKey' || identity.kind === 'unique';
  const checkReplace = keyed && bRowids !== null && aRowids !== null;
  const bVersions = before.versions;
  const aVersions = after.versions;
  const written = write.written ?? null;

  const matchOf = new Int32Array(bRows.length).fill(-1); // before row → after row
  const aRows = aData.rows;
  const perAfter: RowChange[] = new Array<RowChange>(aRows.length);
  const replacedPartner = new Map<number, number>(); // after row → the before row it replaced
  // Unwritten rows are matched first: of equal rows (no key, NULLs in it) Before's is the untouched one.
  const bv = bVersions && aVersions ? new Set(bVersions) : null;
  const isNew = (j: number) =>
    (bv !== null && !bv.has(aVersions![j]!)) || (aRowids?.[j] !== undefined && !!written?.has(aRowids[j]));
  for (const j of unwrittenFirst(aRows.length, isNew)) {
    const row = aRows[j]!;
    const i = take(aKey(row, j));
    if (i === undefined) {
      perAfter[j] = { change: 'inserted', after: j };
      continue;
    }
    if (checkReplace && bRowids[i] !== aRowids[j]) {
      // Same key, new rowid: INSERT OR REPLACE deleted the old row and inserted a new one.
      perAfter[j] = { change: 'inserted', after: j, replaced: true };
      replacedPartner.set(j, i);
      continue;
    }
    matchOf[i] = j;
    const bRow = bRows[i]!;
    let changed: number[] | undefined;
    for (let c = 0; c < row.length; c++) {
      const bc = bOfA[c]!;
      if (bc >= 0 && !sameValue(row[c] ?? null, bRow[bc] ?? null)) (changed ??= []).push(c);
    }
    if (changed) perAfter[j] = { change: 'updated', before: i, after: j, changed };
    else if (
      (bVersions !== null && aVersions !== null && bVersions[i] !== aVersions[j]) ||
      (written !== null && aRowids !== null && written.has(aRowids[j]!))
    ) {
      perAfter[j] = { change: 'updated', before: i, after: j, changed: [], sameValues: true };
    } else perAfter[j] = { change: 'unchanged', before: i, after: j };
  }
  const replacedBefore = new Set(replacedPartner.values());
  if (bRowids !== null && aRowids !== null)
    pairReplacedByUniqueKey(before, after, matchOf, perAfter, replacedPartner, replacedBefore);

  // Display order: After rows in snapshot order; each deleted Before row goes just before the
  // first After row whose Before partner came later (a replacement right after its original).
  const changes: RowChange[] = [];
  let p = 0;
  const flushTo = (limit: number): void => {
    for (; p < limit; p++) {
      if (matchOf[p] === -1) {
        changes.push(
          replacedBefore.has(p) ? { change: 'deleted', before: p, replaced: true } : { change: 'deleted', before: p },
        );
      }
    }
  };
  // Within a gap between matched rows, deletions come before insertions (an update seen as
  // delete + insert then reads in that order): an inserted row flushes up to the next anchor.
  const nextAnchor = new Int32Array(perAfter.length);
  for (let j = perAfter.length - 1, next = bRows.length; j >= 0; j--) {
    const rc = perAfter[j]!;
    const partner = replacedPartner.get(j);
    if (rc.before !== undefined) next = rc.before;
    else if (partner !== undefined) next = partner + 1;
    nextAnchor[j] = next;
  }
  for (let j = 0; j < perAfter.length; j++) {
    const rc = perAfter[j]!;
    flushTo(nextAnchor[j]!);
    changes.push(rc);
    counts[rc.change]++;
    if (rc.sameValues) counts.sameValues++;
  }
  flushTo(bRows.length);
  counts.deleted = countDeleted(matchOf);
  counts.replaced = replacedPartner.size;
  if (identity.kind === 'wholeRow') notes.push(WHOLE_ROW_NOTE);
  if (counts.replaced > 0) {
    notes.push(
      'A row was removed and a new row with the same key inserted (what INSERT OR REPLACE does on a conflict): shown as a deleted row plus an inserted row.',
    );
  }
  const added = aData.columns.filter((c) => !bData.columns.includes(c));
  const removed = bData.columns.filter((c) => !aData.columns.includes(c));
  if (added.length) notes.push(`Column(s) added by the statements: ${added.join(', ')} (not compared).`);
  if (removed.length) notes.push(`Column(s) dropped by the statements: ${removed.join(', ')}.`);
  if (bData.totalRows > bData.rows.length || aData.totalRows > aData.rows.length) {
    notes.push('Only the first rows of this table were captured; rows beyond the limit were not compared.');
  }
  return { ...base, status: 'kept', identity, changes };
}

function countDeleted(matchOf: Int32Array): number {
  let n = 0;
  for (let i = 0; i < matchOf.length; i++) if (matchOf[i] === -1) n++;
  return n;
}

/**
 * SQLite: a deleted row and an inserted row with the same NOT NULL unique key (other than the
 * primary key) are one INSERT OR REPLACE: the key stayed, the rowid changed. Flag such pairs.
 */
function pairReplacedByUniqueKey(
  before: TableSnapshot,
  after: TableSnapshot,
  matchOf: Int32Array,
  perAfter: RowChange[],
  partner: Map<number, number>,
  replacedBefore: Set<number>,
): void {
  const uk = usableUnique(after.schema);
  if (!uk || !uk.columns.every((c) => before.data.columns.includes(c))) return;
  const bIdx = indexesOf(before.data.columns, uk.columns);
  const aIdx = indexesOf(after.data.columns, uk.columns);
  const key = (row: Value[], idx: number[]): string => idx.map((c) => enc(row[c] ?? null)).join('|');
  const deleted = new Map<string, number>();
  for (let i = 0; i < matchOf.length; i++) {
    if (matchOf[i] === -1) deleted.set(key(before.data.rows[i]!, bIdx), i);
  }
  if (deleted.size === 0) return;
  for (let j = 0; j < perAfter.length; j++) {
    const rc = perAfter[j]!;
    if (rc.change !== 'inserted') continue;
    const i = deleted.get(key(after.data.rows[j]!, aIdx));
    if (i === undefined) continue;
    deleted.delete(key(after.data.rows[j]!, aIdx));
    rc.replaced = true;
    partner.set(j, i);
    replacedBefore.add(i);
  }
}

/** Inserted/updated/deleted totals of a diff (for per-statement counts). */
export function changeTotals(d: TableDiff): { inserted: number; updated: number; deleted: number } {
  return { inserted: d.counts.inserted, updated: d.counts.updated, deleted: d.counts.deleted };
}
