/**
 * The PostgreSQL engine (PGlite, PostgreSQL 18). One instance for the engine's life; every run
 * starts by resetting the session and dropping every user object, which costs milliseconds where
 * a fresh initdb costs seconds.
 */
import { PGlite, type ParserOptions } from '@electric-sql/pglite';
import { splitPostgres } from './pgSplit';
import { introspectPostgres, snapshotPostgres, valueParsers, type PgTableInfo } from './pgSchema';
import { engineFromDriver, tableKey, type Driver, type ScriptOutcome } from './pipeline';
import { resetPostgres, userObjects } from './pgReset';
import { codePointOffset, copiesFromStdin, lineColumn, statementKind } from './sqlText';
import type { Engine, EngineError, Span, StatementResult, Value } from './types';
import { postgresStatementArgs, type ResolvedParams, type Scalar } from './binding';

/** The PostgreSQL engine, plus a clean data-directory snapshot for fast replacements. */
export interface PostgresEngine extends Engine {
  /** A gzip tarball of a clean, freshly initialised data directory (for `loadDataDir`). */
  dumpDataDir(): Promise<Blob>;
}

const WRITE_COMMANDS = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE', 'COPY']);
const MAX_NOTICES = 20;

interface PgErrorLike {
  message: string;
  code?: string;
  position?: string;
  detail?: string;
  hint?: string;
}

/** An error of one statement, located in the whole script (Postgres counts characters, 1-based). */
function toEngineError(
  e: unknown,
  script: string,
  span: Span,
  index: number,
  phase: 'setup' | 'statement',
  bound?: { sql: string; toOriginal(offset: number): number } | null,
): EngineError {
  const err = (typeof e === 'object' && e !== null ? e : { message: String(e) }) as PgErrorLike;
  const out: EngineError = { message: err.message ?? String(e), phase, statementIndex: index, span };
  if (err.code) out.code = err.code;
  if (err.detail) out.detail = err.detail;
  if (err.hint) out.hint = err.hint;
  const pos = Number(err.position);
  if (Number.isInteger(pos) && pos > 0) {
    // With placeholders respelled as $n, the server counts in the respelled text: map back.
    out.position = bound ? span.start + bound.toOriginal(codePointOffset(bound.sql, 0, pos - 1)) : codePointOffset(script, span.start, pos - 1);
  }
  const { line, column } = lineColumn(script, out.position ?? span.start);
  out.line = line;
  out.column = column;
  return out;
}

/** Create the PostgreSQL engine; `loadDataDir` (from dumpDataDir) skips initdb. */
export async function createPostgresEngine(opts?: { loadDataDir?: Blob }): Promise<PostgresEngine> {
  const pg = opts?.loadDataDir ? await PGlite.create({ loadDataDir: opts.loadDataDir }) : await PGlite.create();
  const parsers: ParserOptions = valueParsers(pg);
  const q = (sql: string) => pg.query<Value[]>(sql, [], { rowMode: 'array', parsers });
  const version = `PostgreSQL ${String((await q('SHOW server_version')).rows[0]![0])} (PGlite)`;
  // Objects outside schemas that exist in a clean cluster: anything else was made by a run.
  const baseline = new Set(await userObjects(pg));
  let tables = new Map<string, PgTableInfo>();
  let notices: string[] = [];
  let used = false;
  let cleanDump: Blob | null = opts?.loadDataDir ?? null;
  const onNotice = (n: { message?: string; severity?: string }): void => {
    if (notices.length < MAX_NOTICES) notices.push(`${n.severity ?? 'NOTICE'}: ${n.message ?? ''}`);
  };

  async function runScript(
    script: string,
    phase: 'setup' | 'statement',
    afterEach?: (r: StatementResult) => Promise<void>,
    params: ResolvedParams = {},
  ): Promise<ScriptOutcome> {
    const spans = splitPostgres(script);
    const results: StatementResult[] = [];
    for (let index = 0; index < spans.length; index++) {
      const span = spans[index]!;
      const sql = script.slice(span.start, span.end);
      const kind = statementKind(sql, 'postgres');
      const t0 = performance.now();
      let res;
      const bound = postgresStatementArgs(sql, params);
      try {
        if (kind === 'COPY' && copiesFromStdin(sql)) {
          throw new Error('COPY … FROM STDIN needs a client that streams the data, which this playground has not: use INSERT … VALUES instead.');
        }
        res = await pg.query<Value[]>(bound ? bound.sql : sql, bound ? bound.args : [], { rowMode: 'array', parsers, onNotice });
      } catch (e) {
        const error = toEngineError(e, script, span, index, phase, bound);
        results.push({ index, sql, span, kind, columns: null, rows: [], rowsAffected: null, durationMs: performance.now() - t0, error });
        const notRun = spans.slice(index + 1).map((s, k) => ({ index: index + 1 + k, span: s, sql: script.slice(s.start, s.end) }));
        return { results, notRun, error };
      }
      const durationMs = performance.now() - t0;
      const command = (res as { command?: string }).command ?? '';
      // No RowDescription means no result set; a SELECT of zero columns still returns one
      // (CREATE TABLE AS reports a SELECT tag too, but returns nothing).
      const returnsSet = res.fields.length > 0 || res.rows.length > 0 || (command === 'SELECT' && !kind.startsWith('CREATE'));
      const columns = returnsSet ? res.fields.map((f) => f.name) : null;
      const r: StatementResult = {
        index,
        sql,
        span,
        kind,
        columns,
        rows: res.rows,
        rowsAffected: WRITE_COMMANDS.has(command) ? (res.rowCount ?? res.affectedRows ?? null) : null,
        durationMs,
      };
      results.push(r);
      if (afterEach) await afterEach(r);
    }
    return { results, notRun: [] };
  }

  const SP = 'upsert_playground_guard';
  const driver: Driver = {
    dialect: 'postgres',
    versionLabel: version,
    async reset() {
      used = true;
      notices = [];
      await resetPostgres(pg, baseline);
    },
    split: splitPostgres,
    runScript,
    async evaluate(expr) {
      const v = (await q(`SELECT ${expr}`)).rows[0]?.[0] ?? null;
      if (v !== null && typeof v === 'object') throw new Error('a bytea cannot be a parameter value here');
      return v as Scalar;
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
    async guard(fn) {
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
    async finish() {
      if (pg.isInTransaction()) await pg.query('ROLLBACK');
    },
  };
  const { engine, serial } = engineFromDriver(driver, () => pg.close());
  return {
    ...engine,
    dumpDataDir: () =>
      serial(async () => {
        if (!cleanDump) {
          if (used) await resetPostgres(pg, baseline);
          cleanDump = await pg.dumpDataDir('gzip');
        }
        return cleanDump;
      }),
  };
}
