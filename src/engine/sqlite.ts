/**
 * The SQLite engine (sql.js). A fresh in-memory Database per run; scripts are run with sql.js'
 * own statement iterator, so statements split exactly where SQLite splits them.
 */
import initSqlJs, { type Database, type SqlJsStatic, type Statement } from 'sql.js';
import { splitSqlite } from './pgSplit.ts';
import { tableKey } from './capture.ts';
import { engineFromDriver, type Driver, type ScriptOutcome } from './pipeline.ts';
import { SqliteAccount } from './sqliteAccount.ts';
import { introspectSqlite, snapshotSqlite, all, realTextOf, registerRawCells, valueReader } from './sqliteSchema.ts';
import { HookRecorder } from './sqliteWrites.ts';
import { statementKind, trimStatement } from './sqlText.ts';
import type { Engine, StatementResult, TableSchema, Value } from './types.ts';
import { sqliteStatementArgs, type ResolvedParams } from './binding.ts';
import { findPlaceholders } from './placeholders.ts';
import { sqliteRefusal } from './sqliteBlocked.ts';
import { errorResult, failed } from './sqliteErrors.ts';

/** Statement kinds the row-by-row account traces. */
const TRACED_KINDS = /^(INSERT|UPDATE|DELETE|REPLACE)\b/;

/** Statement kinds whose row count sqlite3_changes() reports. */
const WRITE_KINDS = /^(INSERT|UPDATE|DELETE|REPLACE)\b/;

/** Run a script with sql.js' iterator: statement by statement, autocommit, stop at the first error. */
/** Called around each statement of a script (after it is prepared, before and after it runs). */
interface StatementWatch {
  begin: (sql: string, kind: string) => void;
  end: (sql: string, kind: string, r: StatementResult) => void;
}

function runSqliteScript(
  db: Database,
  script: string,
  phase: 'setup' | 'statement',
  afterEach?: (r: StatementResult) => Promise<void>,
  watch?: StatementWatch,
  params: ResolvedParams = {},
): Promise<ScriptOutcome> {
  return (async () => {
    const results: StatementResult[] = [];
    const it = db.iterateStatements(respellPyformat(script));
    let pos = 0; // where the next statement's text (with its leading whitespace) begins
    const rest = (from: number, first: number): ScriptOutcome['notRun'] =>
      splitSqlite(script.slice(from)).map((s, k) => {
        const span = { start: s.start + from, end: s.end + from };
        return { index: first + k, span, sql: script.slice(span.start, span.end) };
      });
    try {
      for (let index = 0; ; index++) {
        let stmt: Statement;
        try {
          const next = it.next();
          if (next.done) break;
          stmt = next.value;
        } catch (e) {
          // Preparing failed. What the iterator had left to read starts with the failing
          // statement (after the previous one's end); SQLite never says where that one ends.
          pos = script.length - it.getRemainingSQL().length;
          const pending = rest(pos, index);
          const span = pending[0]?.span ?? { start: pos, end: script.length };
          const error = failed(db, script, phase, index, span, e);
          results.push(errorResult(index, script, span, error));
          return { results, notRun: pending.slice(1), error };
        }
        const raw = stmt.getSQL();
        const rawSpan = { start: pos, end: pos + raw.length };
        pos = rawSpan.end;
        const span = trimStatement(script, rawSpan, 'sqlite') ?? rawSpan;
        const sql = script.slice(span.start, span.end);
        const kind = statementKind(sql, 'sqlite');
        const names = stmt.getColumnNames();
        const rows: Value[][] = [];
        watch?.begin(sql, kind);
        const t0 = performance.now();
        try {
          const refused = sqliteRefusal(sql, kind);
          if (refused) throw new Error(refused);
          const { args } = sqliteStatementArgs(raw, params);
          if (args) stmt.bind(args.map((v) => (typeof v === 'boolean' ? Number(v) : v)));
          const read = valueReader(stmt, realTextOf(db));
          while (stmt.step()) rows.push(read());
        } catch (e) {
          const error = failed(db, script, phase, index, span, e);
          const r = { ...errorResult(index, script, span, error, kind), durationMs: performance.now() - t0 };
          watch?.end(sql, kind, r);
          results.push(r);
          return { results, notRun: rest(pos, index + 1), error };
        }
        const r: StatementResult = {
          index,
          sql,
          span,
          kind,
          columns: names.length ? names : null,
          rows,
          rowsAffected: WRITE_KINDS.test(kind) ? db.getRowsModified() : null,
          durationMs: performance.now() - t0,
        };
        watch?.end(sql, kind, r);
        results.push(r);
        if (afterEach) await afterEach(r);
      }
    } finally {
      // Frees the statement in progress (declared by sql.js, missing from its type definitions).
      (it as { return?: () => unknown }).return?.();
    }
    return { results, notRun: [] };
  })();
}

/** `%(name)s` as `:name` padded to the same length (SQLite does not read the psycopg style; offsets stay put). */
function respellPyformat(script: string): string {
  let out = script;
  for (const p of findPlaceholders(script, 'sqlite')) {
    if (p.style === 'pyformat')
      out = out.slice(0, p.start) + `:${p.key}`.padEnd(p.end - p.start, ' ') + out.slice(p.end);
  }
  return out;
}

/** True inside an explicit transaction: BEGIN fails there, and succeeds (then is undone) otherwise. */
function inTransaction(db: Database): boolean {
  try {
    db.run('BEGIN');
  } catch {
    return true;
  }
  db.run('ROLLBACK');
  return false;
}

type SqlJsConfig = Parameters<typeof initSqlJs>[0];

/**
 * sql.js on an already compiled module, through Emscripten's instantiateWasm hook. Should
 * instantiating fail (it should not: same file), sql.js loads its wasm itself as usual.
 */
async function fromModule(module: WebAssembly.Module, config: SqlJsConfig): Promise<SqlJsStatic> {
  let failed!: (e: unknown) => void;
  const failure = new Promise<never>((_, reject) => (failed = reject));
  try {
    return await Promise.race([
      initSqlJs({
        ...config,
        instantiateWasm: (imports: WebAssembly.Imports, done: (instance: WebAssembly.Instance) => void) => {
          WebAssembly.instantiate(module, imports).then(done, failed);
          return {};
        },
      }),
      failure,
    ]);
  } catch {
    return initSqlJs(config);
  }
}

/** Create the SQLite engine. In Node, sql.js finds its wasm itself; a browser worker passes locateFile. */
export async function createSqliteEngine(opts?: {
  locateFile?: (file: string) => string;
  wasmBinary?: ArrayBuffer;
  /** sql.js' wasm, already compiled (the page compiles it while the worker's script loads). */
  wasmModule?: WebAssembly.Module;
}): Promise<Engine> {
  const config: { locateFile?: (file: string) => string; wasmBinary?: ArrayBuffer } = {};
  if (opts?.locateFile) config.locateFile = opts.locateFile;
  if (opts?.wasmBinary) config.wasmBinary = opts.wasmBinary;
  const SQL: SqlJsStatic = opts?.wasmModule ? await fromModule(opts.wasmModule, config) : await initSqlJs(config);
  let db: Database = new SQL.Database();
  registerRawCells(SQL, db);
  // True while nothing has run on `db` since it was opened: a reset would only reopen it. The
  // first run on a cold engine skips that (closing and opening a database is not free there).
  let untouched = true;
  const version = `SQLite ${String(all(db, 'SELECT sqlite_version()')[0]![0])}`;
  let recorder = new HookRecorder(SQL, db);
  const createFunctionV2 = (
    SQL as unknown as { cwrap: (n: string, r: string, a: string[]) => (...x: unknown[]) => number }
  ).cwrap('sqlite3_create_function_v2', 'number', [
    'number',
    'string',
    'number',
    'number',
    'number',
    'number',
    'number',
    'number',
    'number',
  ]);
  const deleteFunction = (name: string, arity: number): void => {
    createFunctionV2((db as unknown as { db: number }).db, name, arity, 1, 0, 0, 0, 0, 0);
  };
  let account = new SqliteAccount(db, deleteFunction);
  // Tables for the account's triggers, re-read only when a schema changed.
  let known: { version: string; tables: TableSchema[] } | null = null;
  const schemaVersion = (): string =>
    `${String(all(db, 'PRAGMA main.schema_version')[0]![0])}/${String(all(db, 'PRAGMA temp.schema_version')[0]![0])}`;
  const currentTables = (): TableSchema[] => {
    const version = schemaVersion();
    if (known?.version !== version) known = { version, tables: introspectSqlite(db) };
    return known.tables;
  };
  const watch = {
    begin(sql: string, kind: string): void {
      if (!tracing || !TRACED_KINDS.test(kind) || !SqliteAccount.traceable(sql)) return;
      try {
        account.arm(currentTables());
      } catch {
        account.disarm();
      }
    },
    end(sql: string, _kind: string, r: StatementResult): void {
      const log = account.disarm();
      if (log) {
        known = known && { ...known, version: schemaVersion() };
        r.account = log.result();
      }
      recorder.statementEnded(sql, !r.error, inTransaction(db));
    },
  };
  let tracing = true;

  const driver: Driver = {
    dialect: 'sqlite',
    versionLabel: version,
    async reset() {
      if (untouched) return;
      recorder.stop();
      db.close();
      db = new SQL.Database();
      recorder = new HookRecorder(SQL, db);
      account = new SqliteAccount(db, deleteFunction);
      known = null;
    },
    split: splitSqlite,
    runScript: (script, phase, afterEach, opts) => {
      untouched = false;
      tracing = opts?.account ?? false;
      return runSqliteScript(db, script, phase, afterEach, phase === 'statement' ? watch : undefined, opts?.params);
    },
    async evaluate(expr) {
      untouched = false;
      const v = all(db, `SELECT ${expr}`)[0]?.[0] ?? null;
      if (v instanceof Uint8Array) throw new Error('a blob cannot be a parameter value here');
      return v;
    },
    async introspect() {
      // The account's triggers are made from the same tables while the schema stays as it is.
      known = { version: schemaVersion(), tables: introspectSqlite(db) };
      return known.tables;
    },
    async snapshot(table, rowLimit) {
      return snapshotSqlite(db, table, rowLimit);
    },
    guard: (fn) => fn(),
    async plan(sql) {
      // EXPLAIN QUERY PLAN only plans: nothing runs, so nothing needs undoing. Placeholders stay
      // unbound (NULL), which does not change the plan's shape.
      const stmt = db.prepare(`EXPLAIN QUERY PLAN ${respellPyformat(sql)}`);
      const rows: [number, number, string][] = [];
      try {
        while (stmt.step()) {
          const [id, parent, , detail] = stmt.get();
          rows.push([Number(id), Number(parent), String(detail)]);
        }
      } finally {
        stmt.free();
      }
      const { readSqlitePlan } = await import('./plan.ts');
      return { raw: rows.map((r) => r.join('|')).join('\n'), lines: readSqlitePlan(rows) };
    },
    async startTracking(tables) {
      return recorder.start(
        tables.map((schema) => ({ key: tableKey(schema), schema })),
        inTransaction(db),
      );
    },
    async writtenSinceLast() {
      return recorder.since();
    },
    async writtenAll() {
      return recorder.all();
    },
    async settleTransaction() {
      if (!inTransaction(db)) return { notes: [] };
      return {
        notes: [
          'The script left a transaction open: the After view includes its uncommitted changes, and it was rolled back after the run.',
        ],
      };
    },
    async insertRows(table, columns, batches) {
      // Loaded with the first file to insert (datasetLoad.ts, which imports it, is loaded then too).
      const { insertSqliteRows } = await import('./sqliteLoad.ts');
      untouched = false;
      insertSqliteRows(db, table, columns, batches);
    },
    async finish() {
      recorder.stop();
      if (inTransaction(db)) db.run('ROLLBACK');
    },
  };
  return engineFromDriver(driver, async () => db.close()).engine;
}
