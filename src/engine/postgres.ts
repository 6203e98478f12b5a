/**
 * The PostgreSQL engine (PGlite, PostgreSQL 18). One instance for the engine's life; every run
 * starts by resetting the session and dropping every user object, which costs milliseconds where
 * a fresh initdb costs seconds.
 */
import { PGlite, type ParserOptions } from '@electric-sql/pglite';
import { splitPostgres } from './pgSplit.ts';
import { introspectPostgres, snapshotPostgres, valueParsers, type PgTableInfo } from './pgSchema.ts';
import { tableKey } from './capture.ts';
import { engineFromDriver, type Driver, type ScriptOutcome } from './pipeline.ts';
import { resetPostgres, userObjects } from './pgReset.ts';
import { PgAccount } from './pgAccount.ts';
import { browserRefusal } from './pgBlocked.ts';
import { engineIdentity, FileWatch, restoreSession, systemFingerprint, withEngineRights } from './pgIsolation.ts';
import { copiesFromStdin, copiesToStdout, isReadOnlyKind, statementKind } from './sqlText.ts';
import type { Engine, EngineError, EngineNotice, StatementResult, Value } from './types.ts';
import { execStatement } from './pgStatement.ts';
import { postgresStatementArgs, type ResolvedParams } from './binding.ts';
import { plannedRows, planPostgres } from './pgPlan.ts';
import { toEngineError } from './pgErrors.ts';
import { insertPostgresRows } from './pgLoad.ts';

/** The PostgreSQL engine, plus a clean data-directory snapshot for fast replacements. */
export interface PostgresEngine extends Engine {
  /** A gzip tarball of a clean, freshly initialised data directory (for `loadDataDir`). */
  dumpDataDir: () => Promise<Blob | null>;
}

const WRITE_COMMANDS = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE', 'COPY']);
/** Statement kinds the row-by-row account traces. */
const TRACED_KINDS = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE']);
const MAX_NOTICES = 20;
/**
 * A statement the planner expects to write more rows than this gets no automatic account (see
 * plannedRows). Well above what the planner guesses for a never-analyzed small table (about ten
 * pages' worth of rows), so that examples over a few rows are always traced.
 */
const ACCOUNT_PLANNED_ROWS = 20_000;

/** Create the PostgreSQL engine; `loadDataDir` (from dumpDataDir) skips initdb. */
export async function createPostgresEngine(opts?: {
  loadDataDir?: Blob;
  /** Without loadDataDir: dump the clean data directory before the first run (for restarts). */
  keepCleanDump?: boolean;
}): Promise<PostgresEngine> {
  const pg = opts?.loadDataDir ? await PGlite.create({ loadDataDir: opts.loadDataDir }) : await PGlite.create();
  const parsers: ParserOptions = valueParsers(pg);
  const q = (sql: string) => pg.query<Value[]>(sql, [], { rowMode: 'array', parsers });
  const version = `PostgreSQL ${(await q('SHOW server_version')).rows[0]![0] as string} (PGlite)`;
  const identity = await engineIdentity(pg);
  const { superuser } = identity;
  // Objects outside schemas that exist in a clean cluster: anything else was made by a run.
  const baseline = new Set(await userObjects(pg));
  // Everything outside the user schemas as a clean cluster has it, after the first reset (which
  // recreates public): a run that changes it gets the engine restarted.
  await resetPostgres(pg, baseline, superuser);
  await pg.exec('DO $$ BEGIN END $$'); // loads plpgsql, whose settings then show in pg_settings
  const cleanSystem = await systemFingerprint(pg);
  const files = new FileWatch(
    (pg as unknown as { Module?: { FS?: ConstructorParameters<typeof FileWatch>[0] } }).Module?.FS,
  );
  let health = 0;
  let tables = new Map<string, PgTableInfo>();
  let notices: string[] = [];
  let used = false;
  let cleanDump: Blob | null = opts?.loadDataDir ?? null;
  const account = new PgAccount(pg);
  let tracing = false;
  // The tables the account's triggers go on; read again after any statement that may change the schema.
  let accountTables: PgTableInfo[] | null = null;
  /** The current statement's notices, as the engine sent them. */
  let statementNotices: EngineNotice[] = [];
  const onNotice = (n: { message?: string; severity?: string; detail?: string; hint?: string }): void => {
    if (account.notice(n.message)) return;
    if (notices.length < MAX_NOTICES) notices.push(`${n.severity ?? 'NOTICE'}: ${n.message ?? ''}`);
    if (statementNotices.length < MAX_NOTICES) {
      const notice: EngineNotice = { severity: n.severity ?? 'NOTICE', message: n.message ?? '' };
      if (n.detail) notice.detail = n.detail;
      if (n.hint) notice.hint = n.hint;
      statementNotices.push(notice);
    }
  };

  async function runScript(
    script: string,
    phase: 'setup' | 'statement',
    afterEach?: (r: StatementResult) => Promise<void>,
    opts?: { account?: boolean; accountAuto?: boolean; params?: ResolvedParams; continueAfterError?: boolean },
  ): Promise<ScriptOutcome> {
    tracing = phase === 'statement' && (opts?.account ?? false);
    accountTables = null;
    const spans = splitPostgres(script);
    const results: StatementResult[] = [];
    let firstError: EngineError | undefined;
    for (let index = 0; index < spans.length; index++) {
      const span = spans[index]!;
      const sql = script.slice(span.start, span.end);
      const kind = statementKind(sql, 'postgres');
      let armed = false;
      let skipped: number | null = null;
      const bound = postgresStatementArgs(sql, opts?.params ?? {});
      // A plain INSERT is not traced: it can write any number of rows (INSERT … SELECT
      // generate_series), and each event costs a NOTICE; UPDATE/DELETE/MERGE touch table rows.
      const traced = TRACED_KINDS.has(kind) && (kind !== 'INSERT' || /\bON\s+CONFLICT\b/i.test(sql));
      if (tracing && traced) {
        if (opts?.accountAuto) {
          // Nor is, unless asked for by hand, one the planner expects to write very many rows.
          const planned = await driver
            .guard(() => plannedRows(pg, bound ? bound.sql : sql, bound ? bound.args : []))
            .catch(() => null); // cannot be planned apart (it may depend on earlier statements)
          if (planned !== null && planned > ACCOUNT_PLANNED_ROWS) skipped = planned;
        }
        try {
          if (skipped === null) {
            accountTables ??= await driver.guard(() => introspectPostgres(pg, parsers));
            armed = await account.arm(accountTables, driver.guard);
          }
        } catch {
          armed = false;
        }
      } else if (!isReadOnlyKind(kind) && !TRACED_KINDS.has(kind)) accountTables = null;
      const disarm = async (r: StatementResult): Promise<void> => {
        if (skipped !== null) r.accountSkipped = { plannedRows: skipped };
        if (!armed) return;
        const log = await account.disarm(driver.guard);
        if (log) r.account = log.result();
      };
      const t0 = performance.now();
      statementNotices = [];
      let res;
      try {
        if (kind === 'COPY' && copiesFromStdin(sql)) {
          throw new Error(
            'COPY … FROM STDIN needs a client that streams the data, which this playground has not: use INSERT … VALUES instead.',
          );
        }
        const refused = browserRefusal(sql);
        if (refused) throw Object.assign(new Error(refused.message), refused);
        res = await execStatement(pg, bound ? bound.sql : sql, bound ? bound.args : [], {
          parsers,
          onNotice,
          superuser,
          copyToStdout: kind === 'COPY' && copiesToStdout(sql),
        });
      } catch (e) {
        const error = toEngineError(e, script, span, index, phase, bound);
        const failed: StatementResult = {
          index,
          sql,
          span,
          kind,
          columns: null,
          rows: [],
          rowsAffected: null,
          durationMs: performance.now() - t0,
          error,
        };
        if (statementNotices.length) failed.notices = statementNotices;
        await disarm(failed);
        results.push(failed);
        // psql's way: carry on with the next statement; the outcome's error is the first one.
        if (opts?.continueAfterError) {
          firstError ??= error;
          continue;
        }
        const notRun = spans
          .slice(index + 1)
          .map((s, k) => ({ index: index + 1 + k, span: s, sql: script.slice(s.start, s.end) }));
        return { results, notRun, error };
      }
      const durationMs = performance.now() - t0;
      const command = res.command;
      // No RowDescription means no result set; a SELECT of zero columns still returns one
      // (CREATE TABLE AS reports a SELECT tag too, but returns nothing).
      const returnsSet =
        res.fields.length > 0 || res.rows.length > 0 || (command === 'SELECT' && !kind.startsWith('CREATE'));
      const columns = returnsSet ? res.fields.map((f) => f.name) : null;
      const r: StatementResult = {
        index,
        sql,
        span,
        kind,
        columns,
        rows: res.rows,
        rowsAffected: WRITE_COMMANDS.has(command) ? res.rowCount : null,
        durationMs,
      };
      if (res.copyOut !== undefined) r.copyOut = res.copyOut;
      if (statementNotices.length) r.notices = statementNotices;
      await disarm(r);
      results.push(r);
      if (afterEach) await afterEach(r);
    }
    return firstError ? { results, notRun: [], error: firstError } : { results, notRun: [] };
  }

  const SP = 'upsert_playground_guard';
  const driver: Driver = {
    dialect: 'postgres',
    versionLabel: version,
    async reset() {
      if (!used && !cleanDump && opts?.keepCleanDump) cleanDump = await pg.dumpDataDir('gzip');
      used = true;
      notices = [];
      files.clear();
      await resetPostgres(pg, baseline, superuser);
    },
    split: splitPostgres,
    runScript,
    async evaluate(expr) {
      const v = (await q(`SELECT ${expr}`)).rows[0]?.[0] ?? null;
      if (v !== null && typeof v === 'object') throw new Error('a bytea cannot be a parameter value here');
      return v;
    },
    async introspect() {
      tables = new Map((await introspectPostgres(pg, parsers)).map((t) => [tableKey(t.schema), t]));
      return [...tables.values()].map((t) => t.schema);
    },
    async snapshot(table, rowLimit) {
      const info = tables.get(tableKey(table));
      if (!info) throw new Error(`table ${table.name} was not introspected`);
      return snapshotPostgres(pg, parsers, info, rowLimit);
    },
    async guard(userFn) {
      // The engine's queries run with its own rights, whatever role the script set.
      const fn = () => withEngineRights(pg, identity, userFn);
      // Inside the user's transaction a failing engine query must not abort it: use a savepoint.
      if (!pg.isInTransaction()) return fn();
      await pg.query(`SAVEPOINT ${SP}`);
      try {
        const out = await fn();
        await pg.query(`RELEASE SAVEPOINT ${SP}`);
        return out;
      } catch (e) {
        await pg.query(`ROLLBACK TO SAVEPOINT ${SP}`);
        await pg.query(`RELEASE SAVEPOINT ${SP}`);
        throw e;
      }
    },
    plan: (sql, params) => planPostgres(pg, sql, params),
    async startTracking(list) {
      return new Map(list.map((t) => [tableKey(t), 'xmin' as const]));
    },
    writtenSinceLast: async () => null,
    writtenAll: async () => null,
    async settleTransaction() {
      const notes = notices.map((n) => n);
      notices = [];
      if (!pg.isInTransaction()) return { notes };
      try {
        await pg.query(`SAVEPOINT ${SP}`);
        await pg.query(`RELEASE SAVEPOINT ${SP}`);
      } catch {
        // 25P02: every command fails until the transaction ends.
        await pg.query('ROLLBACK');
        notes.push("The script's transaction was aborted by the error and rolled back.");
        return { notes };
      }
      notes.push(
        'The script left a transaction open: the After view includes its uncommitted changes, and it was rolled back after the run.',
      );
      return { notes };
    },
    insertRows: (table, columns, batches) => insertPostgresRows(pg, table, columns, batches),
    async finish() {
      if (pg.isInTransaction()) await pg.query('ROLLBACK');
    },
    async afterRun(errors) {
      return checkEngine(errors);
    },
  };

  /**
   * After each run: is the engine still answering, and is everything outside the user schemas as
   * a clean cluster has it? Else the engine must be restarted (a learner's message says why).
   */
  async function checkEngine(errors: string[]): Promise<string | null> {
    const seen = [...errors];
    const recursion = (): boolean => seen.some((m) => /ERRORDATA_STACK_SIZE|stack depth limit|call stack/i.test(m));
    try {
      // A deep recursion leaves PGlite answering each query with the previous one's reply.
      const token = ++health;
      const r = await pg.query<[number]>(`SELECT ${token}::int4`, [], { rowMode: 'array' });
      if (r.rows[0]?.[0] !== token) throw new Error('out of step');
      await restoreSession(pg, superuser);
    } catch (e) {
      // The reply that comes late is often the recursion's own error.
      seen.push(e instanceof Error ? e.message : String(e));
      return recursion()
        ? 'The PostgreSQL engine hit its recursion limit (a function, trigger or recursive query calling itself too deeply) and was restarted; your next run starts clean.'
        : 'The PostgreSQL engine stopped answering correctly and was restarted; your next run starts clean.';
    }
    if (files.written.length > 0) {
      return "The script wrote to the engine's file system, which a reset cannot undo, so the PostgreSQL engine was restarted from a clean copy; your next run starts clean.";
    }
    if ((await systemFingerprint(pg)) !== cleanSystem) {
      return 'The script changed the database outside your own schemas (system catalogs, settings, roles or extensions), which a reset cannot undo, so the PostgreSQL engine was restarted from a clean copy; your next run starts clean.';
    }
    return null;
  }
  const { engine, serial } = engineFromDriver(driver, () => pg.close());
  return {
    ...engine,
    dumpDataDir: () =>
      serial(async () => {
        if (!cleanDump) {
          // Only a data directory that no script has touched is ever kept (it may be stored).
          if (used) return null;
          cleanDump = await pg.dumpDataDir('gzip');
        }
        return cleanDump;
      }),
  };
}
