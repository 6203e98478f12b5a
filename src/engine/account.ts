/**
 * The engine's row-by-row account of a statement ("why each row ended up this way"): the row
 * events the engine fired while it ran, in order, recorded by the engine's own row triggers.
 * Plain data, like the rest of the result.
 */
import type { Value } from './types.ts';

/**
 * One row event:
 * - 'proposed': a row the statement is about to insert (BEFORE INSERT: defaults filled in, before
 *   any conflict check);
 * - 'updating': a row about to be updated (BEFORE UPDATE: OLD and the NEW about to be written).
   It fires at once on both engines, where PostgreSQL fires AFTER row triggers only at the end of
   the statement (and not at all when the statement fails);
 * - 'inserted' / 'updated' / 'deleted': a row written (AFTER INSERT / UPDATE / DELETE).
 */
export type AccountOp = 'proposed' | 'updating' | 'inserted' | 'updated' | 'deleted';

/** Event kinds in the order of their codes in the engines' trigger calls. */
export const ACCOUNT_OPS: readonly AccountOp[] = ['proposed', 'inserted', 'updated', 'deleted', 'updating'];

export interface AccountEvent {
  op: AccountOp;
  /** Display name of the table (as in TableDiff.name). */
  table: string;
  /** The row before the write (updated, deleted). */
  old?: Value[];
  /** The row written, or proposed. */
  new?: Value[];
}

/** The account of one statement. */
export interface StatementAccount {
  events: AccountEvent[];
  /** Column names of every table named by an event. */
  columns: Record<string, string[]>;
  /**
   * SQLite: per table, the column that is the rowid (INTEGER PRIMARY KEY). A BEFORE INSERT trigger
   * sees -1 there when SQLite has not yet assigned it.
   */
  autoRowid?: Record<string, number>;
  /** True when the events were cut at ACCOUNT_EVENT_LIMIT (the rest were not recorded). */
  cut?: boolean;
}

/** At most this many events are kept per statement. */
const ACCOUNT_EVENT_LIMIT = 10_000;

/** Collects events during one statement. */
export class AccountLog {
  events: AccountEvent[] = [];
  cut = false;
  columns: Record<string, string[]> = {};
  autoRowid: Record<string, number> = {};

  push(e: AccountEvent): void {
    if (this.events.length >= ACCOUNT_EVENT_LIMIT) {
      this.cut = true;
      return;
    }
    this.events.push(e);
  }

  result(): StatementAccount {
    const used: Record<string, string[]> = {};
    const auto: Record<string, number> = {};
    for (const e of this.events) {
      if (!used[e.table] && this.columns[e.table]) used[e.table] = this.columns[e.table]!;
      if (this.autoRowid[e.table] !== undefined) auto[e.table] = this.autoRowid[e.table]!;
    }
    const out: StatementAccount = { events: this.events, columns: used };
    if (Object.keys(auto).length) out.autoRowid = auto;
    if (this.cut) out.cut = true;
    return out;
  }
}
