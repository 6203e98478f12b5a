/**
 * The row-by-row account on PostgreSQL: per-table row triggers (BEFORE INSERT, AFTER INSERT,
 * AFTER UPDATE, AFTER DELETE) whose function raises a NOTICE carrying OLD/NEW, in the order the
 * executor fires them. Notices reach the client even when the statement then fails (a table
 * written by the trigger would be rolled back with it), and they write nothing: ROW_COUNT, the
 * statement's row count, sequences and the user's own triggers are as without them.
 *
 * The function and its triggers exist only while one writing statement runs (created just before
 * it, dropped right after), so the user's catalog queries in later statements see none of them.
 * The BEFORE trigger's name sorts after any ASCII name, so it fires after the user's own BEFORE
 * triggers (PostgreSQL fires them by name) and sees the row they let through. PostgreSQL fires
 * AFTER row triggers only when the statement ends, so the BEFORE UPDATE event is what places a
 * conflict among the proposed rows.
 */
import type { PGlite } from '@electric-sql/pglite';
import { ACCOUNT_OPS, AccountLog } from './account.ts';
import { jsonCell, jsonRowSql, MAX_ARGS, type PgTableInfo } from './pgSchema.ts';
import type { Value } from './types.ts';
import { quoteIdent } from './values.ts';

export class PgAccount {
  /** Prefix of the account's notices: a random tag, so no user notice is mistaken for one. */
  readonly tag = `upsert-why:${Math.random().toString(36).slice(2)}:`;
  private log: AccountLog | null = null;
  private tables: PgTableInfo[] = [];
  private drops = '';

  constructor(private readonly pg: PGlite) {}

  /** Route a notice: true when it belonged to the account. */
  notice(message: string | undefined): boolean {
    if (!message || !message.startsWith(this.tag)) return false;
    const log = this.log;
    if (!log) return true;
    const [k, op, oldRow, newRow] = JSON.parse(message.slice(this.tag.length)) as [
      number,
      number,
      Value[] | null,
      Value[] | null,
    ];
    const t = this.tables[k];
    if (!t) return true;
    const e = { op: ACCOUNT_OPS[op]!, table: t.schema.name } as Parameters<AccountLog['push']>[0];
    // A row wider than MAX_ARGS columns arrives as an array of arrays (see jsonRowSql).
    const flat = (r: Value[]): Value[] => (t.schema.columns.length > MAX_ARGS ? (r as unknown as Value[][]).flat() : r);
    if (oldRow) e.old = flat(oldRow);
    if (newRow) e.new = flat(newRow);
    log.push(e);
    return true;
  }

  /** The DDL that creates the function and triggers for every table. */
  private ddl(tables: PgTableInfo[]): { create: string; drop: string } {
    let create = '';
    let drop = '';
    tables.forEach((t, k) => {
      if (t.schema.columns.length === 0) return;
      const cells = t.schema.columns.map((c, i) => jsonCell(c.name, t.typeOids[i] ?? 0));
      const row = (side: 'OLD' | 'NEW'): string =>
        `(SELECT ${jsonRowSql(cells)} FROM (SELECT (${side}).*) AS upsert_t)`;
      const schema = quoteIdent(t.schema.schema);
      const fn = `${schema}.${quoteIdent(`upsert_why_${k}_${this.tag.slice(11, 19)}`)}`;
      const say = (op: number, o: string, n: string): string =>
        `RAISE NOTICE USING MESSAGE = ${quote(this.tag)} || pg_catalog.json_build_array(${k}, ${op}, ${o}, ${n})::text;`;
      create += `CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql SET client_min_messages = notice AS $upsert_why$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF TG_WHEN = 'BEFORE' THEN ${say(0, 'NULL', row('NEW'))} RETURN NEW; END IF;
    ${say(1, 'NULL', row('NEW'))}
  ELSIF TG_OP = 'UPDATE' THEN
    IF TG_WHEN = 'BEFORE' THEN ${say(4, row('OLD'), row('NEW'))} RETURN NEW; END IF;
    ${say(2, row('OLD'), row('NEW'))}
  ELSE ${say(3, row('OLD'), 'NULL')}
  END IF;
  RETURN NULL;
END $upsert_why$;
CREATE TRIGGER "~upsert_why_b" BEFORE INSERT OR UPDATE ON ${t.ref} FOR EACH ROW EXECUTE FUNCTION ${fn}();
CREATE TRIGGER "~upsert_why_a" AFTER INSERT OR UPDATE OR DELETE ON ${t.ref} FOR EACH ROW EXECUTE FUNCTION ${fn}();
`;
      drop += `DROP TRIGGER IF EXISTS "~upsert_why_b" ON ${t.ref}; DROP TRIGGER IF EXISTS "~upsert_why_a" ON ${t.ref}; DROP FUNCTION IF EXISTS ${fn}();\n`;
    });
    return { create, drop };
  }

  /** Create the triggers before a writing statement. False when that is not possible here. */
  async arm(tables: PgTableInfo[], guard: <T>(fn: () => Promise<T>) => Promise<T>): Promise<boolean> {
    this.tables = tables;
    const { create, drop } = this.ddl(tables);
    if (!create) return false;
    try {
      await guard(() => this.pg.exec(create));
    } catch {
      this.drops = '';
      return false;
    }
    this.drops = drop;
    this.log = new AccountLog();
    tables.forEach((t) => {
      this.log!.columns[t.schema.name] = t.schema.columns.map((c) => c.name);
    });
    return true;
  }

  /** Drop the triggers (when the transaction still allows it); the events recorded. */
  async disarm(guard: <T>(fn: () => Promise<T>) => Promise<T>): Promise<AccountLog | null> {
    if (this.drops) {
      const drops = this.drops;
      try {
        await guard(() => this.pg.exec(drops));
      } catch {
        // The statement aborted the user's transaction: its rollback removes them.
      }
    }
    this.drops = '';
    const log = this.log;
    this.log = null;
    return log;
  }
}

function quote(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
