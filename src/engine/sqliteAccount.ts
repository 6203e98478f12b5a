/**
 * The row-by-row account on SQLite: temporary row triggers (BEFORE INSERT, AFTER INSERT, AFTER
 * UPDATE, AFTER DELETE) that hand OLD/NEW to a JavaScript function, in the order SQLite fires
 * them. SQLite has no other way to show a row it was about to insert and then skipped (sql.js
 * offers no pre-update hook).
 *
 * Kept out of the user's sight: the triggers exist only while one writing statement runs (created
 * just before it, dropped right after, so a later `SELECT … FROM sqlite_temp_schema` sees nothing),
 * and they write nothing — a function call changes no row, so changes(), total_changes() and
 * last_insert_rowid() stay as on a plain database. A statement that itself reads the temporary
 * schema is not traced.
 */
import type { Database, SqlValue } from 'sql.js';
import { ACCOUNT_OPS, AccountLog } from './account.ts';
import { realTextOf, tableRef } from './sqliteSchema.ts';
import type { TableSchema, Value } from './types.ts';
import { fromQuoted, quoteIdent } from './values.ts';

const FN = '__upsert_why_';
const TRIGGER = '__upsert_why_';
/** SQLite's default limit on function arguments. */
const MAX_ARGS = 127;

/** Statements that read the temporary schema would see the triggers: they are not traced. */
const READS_TEMP_SCHEMA = /sqlite_temp_(schema|master)|\btemp\s*\.\s*sqlite_(schema|master)/i;

export class SqliteAccount {
  private arities = new Set<number>();
  private tables: TableSchema[] = [];
  private log: AccountLog | null = null;
  private armed: string[] = [];

  constructor(
    private readonly db: Database,
    /** Unregister a function (sqlite3_create_function_v2 with no implementation). */
    private readonly deleteFunction: (name: string, arity: number) => void,
  ) {}

  /** Whether a statement can be traced without being able to see the tracing. */
  static traceable(sql: string): boolean {
    return !READS_TEMP_SCHEMA.test(sql);
  }

  /**
   * One function per arity, each under its own name (sql.js registers a function with its
   * JavaScript arity, and keeps one callback per name). Unregistered after the statement, so
   * pragma_function_list shows none of them.
   */
  private ensureFunction(arity: number): void {
    if (this.arities.has(arity)) return;
    const fn = (table: number, op: number, ...cells: SqlValue[]): null => {
      const log = this.log;
      const t = this.tables[table];
      if (!log || !t) return null;
      const n = t.columns.length;
      const text = realTextOf(this.db);
      // Each cell arrives as SQLite's quote() of it: exact for 64-bit integers and REALs, which
      // a function's number arguments are not (sql.js reads both as a double).
      const row = (from: number): Value[] => cells.slice(from, from + n).map((c) => fromQuoted(c as string, text));
      const kind = ACCOUNT_OPS[op]!;
      if (kind === 'updated' || kind === 'updating') log.push({ op: kind, table: t.name, old: row(0), new: row(n) });
      else if (kind === 'deleted') log.push({ op: kind, table: t.name, old: row(0) });
      else log.push({ op: kind, table: t.name, new: row(0) });
      return null;
    };
    Object.defineProperty(fn, 'length', { value: arity });
    this.db.create_function(`${FN}${arity}`, fn);
    this.arities.add(arity);
  }

  /** Create the triggers on every table before a writing statement runs. */
  arm(tables: TableSchema[]): void {
    this.tables = tables;
    this.log = new AccountLog();
    this.armed = [];
    tables.forEach((t, k) => {
      const n = t.columns.length;
      if (n === 0 || 2 + 2 * n > MAX_ARGS) return;
      this.log!.columns[t.name] = t.columns.map((c) => c.name);
      const rowid = t.columns.findIndex((c) => c.identity);
      if (rowid >= 0) this.log!.autoRowid[t.name] = rowid;
      const cols = (side: 'new' | 'old'): string =>
        t.columns.map((c) => `quote(${side}.${quoteIdent(c.name)})`).join(', ');
      const call = (op: number, args: string): string =>
        `SELECT ${FN}${op === 2 || op === 4 ? 2 + 2 * n : 2 + n}(${k}, ${op}, ${args});`;
      const on = tableRef(t);
      const defs: [string, string, string][] = [
        ['bi', 'BEFORE INSERT', call(0, cols('new'))],
        ['ai', 'AFTER INSERT', call(1, cols('new'))],
        ['bu', 'BEFORE UPDATE', call(4, `${cols('old')}, ${cols('new')}`)],
        ['au', 'AFTER UPDATE', call(2, `${cols('old')}, ${cols('new')}`)],
        ['ad', 'AFTER DELETE', call(3, cols('old'))],
      ];
      this.ensureFunction(2 + n);
      this.ensureFunction(2 + 2 * n);
      let sql = '';
      for (const [suffix, when, body] of defs) {
        const name = quoteIdent(`${TRIGGER}${k}_${suffix}`);
        this.armed.push(`temp.${name}`);
        sql += `CREATE TEMP TRIGGER ${name} ${when} ON ${on} BEGIN ${body} END;`;
      }
      this.db.exec(sql);
    });
  }

  /** Drop the triggers; the events recorded while they existed. */
  disarm(): AccountLog | null {
    if (this.armed.length) this.db.exec(this.armed.map((n) => `DROP TRIGGER IF EXISTS ${n};`).join(''));
    this.armed = [];
    for (const arity of this.arities) this.deleteFunction(`${FN}${arity}`, arity);
    this.arities.clear();
    const log = this.log;
    this.log = null;
    return log;
  }
}
