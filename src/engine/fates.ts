/**
 * Proposed rows and their fates, read from a statement's account (the engine's row events in
 * the order it fired them). Nothing here decides what an upsert does: a proposed row's fate is
 * the event that followed it — an insert, an update of an existing row, or nothing at all — and
 * the only inference is from the statement's own text (which clause can skip a row) and from the
 * engine's error.
 */
import type { AccountEvent, StatementAccount } from './account.ts';
import { sameValue } from './diff.ts';
import { targetKeys } from './conflictTarget.ts';
import { link, sharedKeys } from './fateLinks.ts';
import type { Dialect, EngineError, TableDiff, TableSchema, Value } from './types.ts';

/** What became of one proposed row. */
type Fate =
  'inserted' | 'updated' | 'same-values' | 'skipped' | 'replaced' | 'ignored' | 'deleted' | 'error' | 'unknown';

export interface ProposedRow {
  /** 1-based position in the order the engine processed the rows. */
  n: number;
  /** The row as proposed (defaults filled in), or for MERGE/UPDATE/DELETE the row acted on. */
  values: Value[];
  fate: Fate;
  /** The existing row it conflicted with (the row the update changed). */
  existing?: Value[];
  /** The row as the engine wrote it. */
  written?: Value[];
  /** Columns whose value the update changed (indexes into `columns`). */
  changed?: number[];
  /** Unique keys on which the proposed row and the existing row have the same non-NULL values. */
  keys?: string[];
  /** The earlier proposed row (its n) that inserted or wrote the row this one conflicted with. */
  earlier?: number;
  /** Rows deleted to make room for this one (INSERT OR REPLACE), when they can be told. */
  removed?: Value[][];
  /** INSERT OR REPLACE: the later proposed row (its n) that deleted the row this one wrote. */
  removedBy?: number;
  /** MERGE, UPDATE, DELETE: the action the engine took. */
  action?: 'inserted' | 'updated' | 'deleted';
  /** The reason in plain words, beyond the fate. */
  reason?: string;
  /** Index into the statement's After rows of the row it produced or touched. */
  afterRow?: number;
  /** Index into the statement's Before rows of the existing row it conflicted with or removed. */
  beforeRow?: number;
}

export interface ProposedRows {
  /** The table the statement wrote. */
  table: string;
  columns: string[];
  /** 'upsert': INSERT/REPLACE (proposed rows); 'actions': MERGE/UPDATE/DELETE (rows acted on). */
  mode: 'upsert' | 'actions';
  rows: ProposedRow[];
  /** What the engine could not tell. */
  notes: string[];
}

/** Why a proposed row with no write after it was skipped, from the statement's clauses. */
function skipReason(sql: string, kind: string): { fate: Fate; reason: string } {
  if (kind === 'INSERT OR IGNORE')
    return { fate: 'ignored', reason: 'INSERT OR IGNORE: the row broke a constraint and was not inserted' };
  const nothing = /\bDO\s+NOTHING\b/i.test(sql);
  const guarded = /\bDO\s+UPDATE\b[\s\S]*\bWHERE\b/i.test(sql);
  if (nothing && !guarded) return { fate: 'skipped', reason: 'conflicted → skipped by DO NOTHING' };
  if (guarded && !nothing)
    return { fate: 'skipped', reason: 'conflicted → skipped because the DO UPDATE … WHERE was false' };
  if (nothing && guarded)
    return { fate: 'skipped', reason: 'conflicted → skipped (DO NOTHING, or a DO UPDATE … WHERE that was false)' };
  return { fate: 'skipped', reason: 'not written (no insert or update followed it; a trigger may have skipped it)' };
}

function errorReason(
  sql: string,
  error: EngineError,
  row: ProposedRow,
  done: ProposedRow[],
  schema: TableSchema | undefined,
): string {
  if (error.code === '21000' && schema) {
    // 21000: the row it conflicted with on the conflict target was written by this same
    // statement — by an earlier proposed row with the same values on that key.
    const named = targetKeys(sql, schema);
    const arb = named.length ? { ...schema, uniqueKeys: named } : schema;
    const first = done.find((p) => p.n < row.n && sharedKeys(arb, row.values, p.written ?? p.values).length > 0);
    if (first) {
      row.earlier = first.n;
      row.keys = sharedKeys(arb, row.values, first.written ?? first.values);
      const did = first.existing ? 'already updated' : 'already inserted';
      return `error 21000: row ${row.n} would update the row that row ${first.n} ${did} in this statement (same ${row.keys.join(', ')})`;
    }
  }
  return `error${error.code ? ` ${error.code}` : ''}: ${error.message}${error.detail ? ` (${error.detail})` : ''}`;
}

/**
 * The proposed rows of one statement. `step` is the diff of the tables around this statement
 * (links to Before/After rows and the rows an INSERT OR REPLACE removed), when it was taken.
 */
export function proposedRows(
  dialect: Dialect,
  sql: string,
  kind: string,
  account: StatementAccount,
  error: EngineError | undefined,
  step: TableDiff[] | undefined,
  schemas: TableSchema[] = [],
): ProposedRows | undefined {
  const events = account.events;
  const upsert = /^(INSERT|REPLACE)\b/.test(kind);
  const first = upsert ? events.find((e) => e.op === 'proposed') : events.find((e) => e.op !== 'proposed');
  if (!first) return undefined;
  const table = first.table;
  const columns = account.columns[table] ?? [];
  const diff = step?.find((d) => d.name === table);
  const schema = diff?.schema ?? schemas.find((t) => t.name === table);
  const notes: string[] = [];
  const rows: ProposedRow[] = [];
  const mine = events.filter((e) => e.table === table);
  // PostgreSQL drops the AFTER row events of a statement that fails.
  const afterEvents = !(error && dialect === 'postgres');
  if (upsert) readUpsert(mine, rows, afterEvents, dialect === 'sqlite');
  else readActions(mine, rows);

  const auto = account.autoRowid?.[table];
  if (auto !== undefined && upsert) {
    let shown = false;
    for (const r of rows) {
      if (r.values[auto] === -1 && (!r.written || r.written[auto] !== -1)) {
        r.values = r.values.map((v, i) => (i === auto ? null : v));
        shown = true;
      }
    }
    if (shown) {
      notes.push(
        `SQLite assigns the rowid (${columns[auto]}) after the BEFORE INSERT triggers have seen the row: it is shown as NULL in the proposed rows.`,
      );
    }
  }
  const last = rows[rows.length - 1];
  for (const row of rows) {
    if (row === last && error && !row.written) {
      row.fate = 'error';
      row.reason = errorReason(sql, error, row, rows, schema);
      continue;
    }
    if (row.fate === 'unknown') {
      row.reason =
        'inserted or skipped: PostgreSQL drops the AFTER row events of a statement that fails, so this cannot be told';
      continue;
    }
    if (row.fate !== 'skipped') continue;
    if (row === last && error) {
      row.fate = 'error';
      row.reason = errorReason(sql, error, row, rows, schema);
      continue;
    }
    const why = skipReason(sql, kind);
    row.fate = why.fate;
    row.reason = why.reason;
  }
  if (error && (!last || last.fate !== 'error')) {
    notes.push(
      `The statement failed (${error.message}) after the rows above; the engine does not tell which row it was working on.`,
    );
  }
  if (error)
    notes.push(
      'The statement failed, so the engine rolled back every row it had written; the fates above are what happened before the error.',
    );
  if (account.cut) notes.push(`Only the first ${account.events.length.toLocaleString('en')} row events were recorded.`);
  link(rows, diff, schema, kind, dialect, notes);
  if (upsert && rows.some((r) => r.fate === 'skipped' || r.fate === 'ignored')) {
    notes.push(
      'For a skipped row the engine does not report which existing row it conflicted with; the rows named are the Before rows with the same key values.',
    );
  }
  if (kind === 'MERGE') {
    notes.push(
      'PostgreSQL reports the rows MERGE inserted, updated or deleted; source rows for which it did nothing, and which WHEN clause applied, are not reported.',
    );
  }
  return { table, columns, mode: upsert ? 'upsert' : 'actions', rows, notes };
}

/**
 * INSERT / REPLACE. Each BEFORE INSERT event opens a proposed row. A BEFORE UPDATE event before
 * the next proposed row means the row conflicted and the DO UPDATE ran on the existing row (OLD);
 * the matching AFTER UPDATE (the k-th after the k-th BEFORE UPDATE) holds the row as written.
 * AFTER INSERT events come in the order of the rows inserted (at once on SQLite, at the end of the
 * statement on PostgreSQL): each is the next proposed row, in order, that it equals.
 */
function readUpsert(events: AccountEvent[], rows: ProposedRow[], afterEvents: boolean, immediate: boolean): void {
  let cur: ProposedRow | null = null;
  let awaiting = false; // cur has had no BEFORE UPDATE yet
  const updating: ProposedRow[] = [];
  const inserted: AccountEvent[] = [];
  const updated: AccountEvent[] = [];
  for (const e of events) {
    if (e.op === 'proposed') {
      cur = { n: rows.length + 1, values: e.new!, fate: afterEvents ? 'skipped' : 'unknown' };
      rows.push(cur);
      awaiting = true;
    } else if (e.op === 'updating' && cur && awaiting) {
      cur.existing = e.old!;
      cur.written = e.new!;
      cur.changed = changedCells(e.old!, e.new!);
      cur.fate = cur.changed.length ? 'updated' : 'same-values';
      updating.push(cur);
      awaiting = false;
    } else if (e.op === 'deleted' && cur && awaiting) (cur.removed ??= []).push(e.old!);
    else if (e.op === 'inserted' && immediate && cur && awaiting) {
      // SQLite fires AFTER INSERT right after the row: it is the current proposed row's insert.
      cur.fate = 'inserted';
      cur.written = e.new!;
      awaiting = false;
    } else if (e.op === 'inserted' && !immediate) inserted.push(e);
    else if (e.op === 'updated') updated.push(e);
  }
  updating.forEach((r, k) => {
    const after = updated[k];
    if (!after) return;
    r.written = after.new!;
    r.changed = changedCells(r.existing!, after.new!);
    r.fate = r.changed.length ? 'updated' : 'same-values';
  });
  let next = 0;
  for (const e of inserted) {
    for (let k = next; k < rows.length; k++) {
      const r = rows[k]!;
      if (r.existing || r.written || !proposes(r.values, e.new!)) continue;
      r.fate = 'inserted';
      r.written = e.new!;
      next = k + 1;
      break;
    }
  }
}

/** The written row is the proposed one (cells the engine computed after the proposal, NULL then, aside). */
function proposes(proposed: Value[], written: Value[]): boolean {
  for (let i = 0; i < written.length; i++) {
    const p = proposed[i] ?? null;
    if (p !== null && !sameValue(p, written[i] ?? null)) return false;
  }
  return true;
}

/** MERGE / UPDATE / DELETE: each write is one row acted on. */
function readActions(events: AccountEvent[], rows: ProposedRow[]): void {
  for (const e of events) {
    if (e.op === 'proposed' || e.op === 'updating') continue;
    const n = rows.length + 1;
    if (e.op === 'inserted') rows.push({ n, values: e.new!, written: e.new!, fate: 'inserted', action: 'inserted' });
    else if (e.op === 'deleted') rows.push({ n, values: e.old!, existing: e.old!, fate: 'deleted', action: 'deleted' });
    else {
      const changed = changedCells(e.old!, e.new!);
      rows.push({
        n,
        values: e.old!,
        existing: e.old!,
        written: e.new!,
        changed,
        fate: changed.length ? 'updated' : 'same-values',
        action: 'updated',
      });
    }
  }
}

function changedCells(a: Value[], b: Value[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < b.length; i++) if (!sameValue(a[i] ?? null, b[i] ?? null)) out.push(i);
  return out;
}
