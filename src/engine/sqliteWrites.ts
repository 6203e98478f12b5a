/**
 * Which rows the statements rewrote, on SQLite, through sql.js' update hook
 * (sqlite3_update_hook): SQLite calls it for every row inserted, updated or deleted in a rowid
 * table, in order, and it leaves nothing in the database — no object in sqlite_temp_schema, no
 * change counted by changes()/total_changes(), no effect on the user's triggers.
 *
 * The hook also reports writes that a failed statement or a ROLLBACK later undid, so the
 * recorder follows statement outcomes and transaction boundaries and forgets those writes.
 */
import type { Database, SqlJsStatic } from 'sql.js';
import type { TableSchema, WriteTracking } from './types.ts';
import { bareName, rowidAlias } from './sqliteSchema.ts';
import { integerValue } from './values.ts';

/** Rowids written per table key. */
export type Written = Map<string, Set<number | string>>;

type Write = [key: string, rowid: number | string];

const SAVEPOINT = /^\s*SAVEPOINT\s+("(?:[^"]|"")*"|\S+?)\s*;?\s*$/i;
const RELEASE = /^\s*RELEASE\s+(?:SAVEPOINT\s+)?("(?:[^"]|"")*"|\S+?)\s*;?\s*$/i;
const ROLLBACK_TO = /^\s*ROLLBACK(?:\s+TRANSACTION)?\s+TO\s+(?:SAVEPOINT\s+)?("(?:[^"]|"")*"|\S+?)\s*;?\s*$/i;

/** The parts of sql.js' Emscripten module the hook needs (present at run time, not in its types). */
interface WasmModule {
  addFunction: (
    fn: (ctx: number, op: number, dbName: number, table: number, rowid: bigint | number) => void,
    sig: string,
  ) => number;
  removeFunction: (ptr: number) => void;
  cwrap: (name: string, ret: string, args: string[]) => (...args: number[]) => number;
  UTF8ToString: (ptr: number) => string;
}

/** SQLITE_UPDATE, the operation code the hook is told for an UPDATE. */
const SQLITE_UPDATE = 23;

/**
 * sqlite3_update_hook registered directly: sql.js' own updateHook throws "rowId too big to fit
 * inside a Number" for a rowid past 2^53, which aborts the user's statement. Here a rowid is
 * kept as the contract keeps an INTEGER (exact text past 2^53), as the snapshots do.
 */
function installHook(
  SQL: SqlJsStatic,
  db: Database,
  onUpdate: (name: string, rowid: number | string) => void,
): { uninstall: () => void; forgetNames: () => void } {
  const m = SQL as unknown as WasmModule;
  const handle = (db as unknown as { db: number }).db;
  const setHook = m.cwrap('sqlite3_update_hook', 'number', ['number', 'number', 'number']);
  // SQLite passes the same two name pointers for every row a statement updates in one table:
  // their text is read once per statement (by pointer), not twice per row. A statement cannot
  // change the schema under its own feet, so the pointers stay valid until it ends; between
  // statements the memory may be reused for other names, so the cache is emptied then.
  let names = new Map<number, Map<number, string>>();
  const fp = m.addFunction((_ctx, op, dbName, table, rowid) => {
    if (op !== SQLITE_UPDATE) return;
    let byTable = names.get(dbName);
    if (!byTable) names.set(dbName, (byTable = new Map<number, string>()));
    let name = byTable.get(table);
    if (name === undefined) byTable.set(table, (name = `${m.UTF8ToString(dbName)}\u0000${m.UTF8ToString(table)}`));
    onUpdate(name, typeof rowid === 'number' ? rowid : integerValue(rowid));
  }, 'viiiij');
  setHook(handle, fp, 0);
  return {
    uninstall: () => {
      setHook(handle, 0, 0);
      m.removeFunction(fp);
    },
    forgetNames: () => {
      if (names.size) names = new Map();
    },
  };
}

const spName = (s: string): string => (s.startsWith('"') ? s.slice(1, -1).replace(/""/g, '"') : s).toLowerCase();

export class HookRecorder {
  /** Hook name (database + table) → table key, for the tables tracked. */
  private names = new Map<string, string>();
  /** Writes that are part of the database as it stands (committed, or in the open transaction). */
  private kept: Write[] = [];
  /** Writes of the statement running now. */
  private current: Write[] = [];
  /** Length of `kept` when the open transaction began, and at each open savepoint. */
  private txnMark: number | null = null;
  private savepoints: { name: string; mark: number }[] = [];
  private readFrom = 0;
  private active = false;
  private hook: { uninstall: () => void; forgetNames: () => void } | null = null;

  constructor(
    private readonly SQL: SqlJsStatic,
    private readonly db: Database,
  ) {}

  /** Start recording for these tables; the tracking kind per table key. */
  start(tables: { key: string; schema: TableSchema }[], inTransaction: boolean): Map<string, WriteTracking> {
    const out = new Map<string, WriteTracking>();
    this.names.clear();
    for (const { key, schema } of tables) {
      // WITHOUT ROWID tables never reach the hook; a table whose columns hide every rowid name
      // cannot be snapshotted with its rowids: neither can be told.
      if (!schema.hasRowid || !rowidAlias(schema.columns)) {
        out.set(key, 'none');
        continue;
      }
      this.names.set(`${schema.schema}\u0000${bareName(schema)}`, key);
      out.set(key, 'hook');
    }
    this.kept = [];
    this.current = [];
    this.readFrom = 0;
    this.savepoints = [];
    this.txnMark = inTransaction ? 0 : null;
    this.active = true;
    this.hook?.uninstall();
    this.hook = installHook(this.SQL, this.db, (name, rowid) => {
      const key = this.names.get(name);
      if (key !== undefined) this.current.push([key, rowid]);
    });
    return out;
  }

  /** Stop recording (the hook is removed). */
  stop(): void {
    if (!this.active) return;
    this.active = false;
    this.hook?.uninstall();
    this.hook = null;
  }

  /**
   * A statement ended. `ok`: it succeeded; `inTransaction`: whether a transaction is open now.
   * A failed statement's own writes are undone by SQLite (its default ABORT); a failure that
   * ended the transaction (OR ROLLBACK) undid the transaction's too.
   */
  statementEnded(sql: string, ok: boolean, inTransaction: boolean): void {
    if (!this.active) return;
    this.hook?.forgetNames();
    const wasIn = this.txnMark !== null;
    if (ok) {
      // One push per rowid: spreading a statement's writes (hundreds of thousands of rows) into
      // one call's arguments overflows the stack.
      for (const w of this.current) this.kept.push(w);
      const sp = SAVEPOINT.exec(sql);
      const to = ROLLBACK_TO.exec(sql);
      const rel = RELEASE.exec(sql);
      if (to) {
        const name = spName(to[1]!);
        const k = this.savepoints.map((s) => s.name).lastIndexOf(name);
        if (k >= 0) {
          this.truncate(this.savepoints[k]!.mark);
          this.savepoints.length = k + 1;
        }
      } else if (sp) {
        if (!wasIn) this.txnMark = this.kept.length;
        this.savepoints.push({ name: spName(sp[1]!), mark: this.kept.length });
      } else if (rel) {
        const name = spName(rel[1]!);
        const k = this.savepoints.map((s) => s.name).lastIndexOf(name);
        if (k >= 0) this.savepoints.length = k;
      } else if (!wasIn && inTransaction) this.txnMark = this.kept.length - this.current.length;
      if (wasIn && !inTransaction && /^\s*ROLLBACK\b/i.test(sql) && !to) this.truncate(this.txnMark ?? 0);
    } else if (wasIn && !inTransaction) {
      this.truncate(this.txnMark ?? 0);
    }
    if (!inTransaction) {
      this.txnMark = null;
      this.savepoints = [];
    }
    this.current = [];
  }

  private truncate(mark: number): void {
    if (this.kept.length > mark) this.kept.length = mark;
    if (this.readFrom > mark) this.readFrom = mark;
  }

  private collect(from: number): Written {
    const out: Written = new Map();
    for (let i = from; i < this.kept.length; i++) {
      const [key, rowid] = this.kept[i]!;
      let set = out.get(key);
      if (!set) out.set(key, (set = new Set()));
      set.add(rowid);
    }
    return out;
  }

  /** Rowids written since the previous call. */
  since(): Written {
    const out = this.collect(this.readFrom);
    this.readFrom = this.kept.length;
    return out;
  }

  /** Every rowid written by the statements and not undone. */
  all(): Written {
    return this.collect(0);
  }
}
