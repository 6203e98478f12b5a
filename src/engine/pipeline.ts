/**
 * Longer than 300 lines: the run's phases in the order they happen, read top to bottom.
 *
 * The run pipeline shared by both engines: reset → setup → Before → statements → After → diff.
 * Each engine supplies a Driver (how to reset, run a script, introspect and snapshot); the
 * pipeline owns the order of the phases, the timings and the per-statement diff rule.
 */
import { capture, diffAll, sumCounts, totalRows } from './capture.ts';
import type { TableSnapshot } from './diff.ts';
import { engineError, markRestart, restartReason } from './restart.ts';
import {
  DEFAULT_ROW_LIMIT,
  HELD_ROW_LIMIT,
  type Dialect,
  type Engine,
  type EngineError,
  type RunInput,
  type RunParams,
  type RunResult,
  type RunTimings,
  type Span,
  type StatementResult,
  type StatementStep,
  type TableSchema,
  type Value,
  type WriteTracking,
} from './types.ts';
import { isReadOnlyKind } from './sqlText.ts';
import { accountDecision, explainStatements } from './why.ts';
import { capLongValues } from './cellCap.ts';
import { holdsRows } from './heldRows.ts';
import { resolveParams, unboundError, type ResolvedParams, type Scalar } from './binding.ts';
import type { PlanFacts, PlanLine } from './plan.ts';
import { DatasetStore, type Field } from './datasets.ts';

/** What running one script produced. */
export interface ScriptOutcome {
  results: StatementResult[];
  notRun: { index: number; sql: string; span: Span }[];
  error?: EngineError;
}

/** Written rowids per table key (SQLite trigger tracking). */
export type WrittenRows = Map<string, Set<number | string>>;

/** The engine-specific half of a run. */
export interface Driver {
  readonly dialect: Dialect;
  readonly versionLabel: string;
  /** Bring the database to a clean state (nothing from a previous run survives). */
  reset: () => Promise<void>;
  /** Statement spans of a script, without running it (the first `limit` only, when given). */
  split: (script: string, limit?: number) => Span[];
  /**
   * Run a script statement by statement (autocommit), stopping at the first error (PostgreSQL:
   * unless `opts.continueAfterError`, see RunInput.onError); placeholders bind `opts.params`; `opts.account` records the row-by-row account of writing statements (`opts.accountAuto`: on by default rather than by hand).
   */
  runScript: (
    script: string,
    phase: 'setup' | 'statement',
    afterEach?: (r: StatementResult) => Promise<void>,
    opts?: { account?: boolean; accountAuto?: boolean; params?: ResolvedParams; continueAfterError?: boolean },
  ) => Promise<ScriptOutcome>;
  /** The value of one SQL expression (SELECT expr), for parameters given as expressions. */
  evaluate: (expr: string) => Promise<Scalar>;
  /** The user tables, in creation order. */
  introspect: () => Promise<TableSchema[]>;
  /** Rows of one table, in identity order, at most `rowLimit`. */
  snapshot: (table: TableSchema, rowLimit: number) => Promise<TableSnapshot>;
  /**
   * The engine's plan of one statement on the current state, changing nothing (PostgreSQL:
   * EXPLAIN ANALYZE in a transaction rolled back; SQLite: EXPLAIN QUERY PLAN). Throws the
   * engine's error.
   */
  plan?: (sql: string, params: ResolvedParams) => Promise<{ raw: string; lines: PlanLine[]; facts?: PlanFacts }>;
  /** Run engine queries so that a failure cannot disturb the user's open transaction. */
  guard: <T>(fn: () => Promise<T>) => Promise<T>;
  /** Start recording writes; the tracking kind per table key. */
  startTracking: (tables: TableSchema[]) => Promise<Map<string, WriteTracking>>;
  /** Rowids written since the previous call (null: the engine uses row versions instead). */
  writtenSinceLast: () => Promise<WrittenRows | null>;
  /** Every rowid written by the statements and still recorded (writes rolled back are gone). */
  writtenAll: () => Promise<WrittenRows | null>;
  /** After a script: roll back a failed transaction, report an open one. */
  settleTransaction: () => Promise<{ notes: string[] }>;
  /**
   * Insert rows into `table` (a loaded CSV file, see datasets.ts) all at once or not at all, as the
   * user's session would; a refused row throws RowRefused.
   */
  insertRows?: (table: TableSchema, columns: string[], batches: Iterable<Field[][]>) => Promise<void>;
  /** After the After snapshot: roll back whatever transaction the script left open. */
  finish: () => Promise<void>;
  /**
   * At the very end of a run: null when the engine is fine for the next run, else why it must be
   * restarted from a clean copy (in a learner's words). `errors`: the messages the run met.
   */
  afterRun?: (errors: string[]) => Promise<string | null>;
}

/**
 * Returned rows beyond the row limit are not sent to the page (a SELECT of millions of rows
 * would freeze it); `totalRows` keeps the real count so the UI can say what it left out. The same
 * for the lines of a COPY … TO STDOUT (`copyOutCut`).
 */
export function capReturnedRows(r: StatementResult, rowLimit: number): StatementResult {
  if (r.copyOut !== undefined) {
    const lines = r.copyOut.split('\n');
    if (lines.length - 1 <= rowLimit) return r;
    return { ...r, copyOut: `${lines.slice(0, rowLimit).join('\n')}\n`, copyOutCut: true };
  }
  if (r.rows.length <= rowLimit) return r;
  return { ...r, rows: r.rows.slice(0, rowLimit), totalRows: r.rows.length };
}

const now = (): number => performance.now();

/**
 * Per-statement diff rule: when the statement script has 2–50 statements and the Before tables
 * hold fewer than PER_STATEMENT_ROWS rows in total, every statement that may write rows (not a
 * SELECT, BEGIN, SET, …) is followed by a snapshot and a diff against the previous one; as soon as
 * a snapshot reaches the budget, that statement and the later ones get no diffCounts. Otherwise
 * only a single-statement script gets diffCounts, taken from the overall diff.
 */
export const PER_STATEMENT_ROWS = 20_000;
const PER_STATEMENT_MAX_STATEMENTS = 50;

/** A successful result with nothing in it yet: the start of a run (plain or race). */
export function emptyResult(d: Driver): RunResult {
  return {
    dialect: d.dialect,
    engineVersion: d.versionLabel,
    ok: true,
    setup: [],
    statements: [],
    notRun: [],
    tables: [],
    notes: [],
    timings: { reset: 0, setup: 0, before: 0, statements: 0, after: 0, diff: 0, total: 0 },
  };
}

/** Run one scenario on a driver. Never throws: failures come back in the result. */
async function runPipeline(
  d: Driver,
  input: RunInput,
  keep: Map<number, Value>,
  datasets: DatasetStore,
): Promise<RunResult> {
  const rowLimit = input.rowLimit ?? (input.hold ? HELD_ROW_LIMIT : DEFAULT_ROW_LIMIT);
  const result = emptyResult(d);
  const timings = result.timings;
  const start = now();
  let t = start;
  const lap = (phase: keyof RunTimings): void => {
    const n = now();
    timings[phase] = n - t;
    t = n;
  };
  // A placeholder without a value stops the run before anything runs (never a silent NULL).
  const unbound =
    unboundError(input.setup, 'setup', d.dialect, input.params, d.split(input.setup)) ??
    unboundError(input.statement, 'statement', d.dialect, input.params, d.split(input.statement));
  if (unbound) {
    result.ok = false;
    result.error = unbound;
    return result;
  }
  try {
    await d.reset();
    const params = await resolveParams(input.params, (expr) => d.evaluate(expr));
    lap('reset');
    const setup = await d.runScript(input.setup, 'setup', undefined, { params });
    result.setup = setup.results;
    // The loaded CSV files go in after the setup, as if it had inserted them (a failure counts as
    // the setup's: the statement is not run).
    const loadError = setup.error ? undefined : await datasets.load(d, input.datasets ?? [], result.notes);
    lap('setup');
    if (setup.error || loadError) {
      result.ok = false;
      result.error = setup.error ?? loadError;
      result.notRun = d.split(input.statement).map((span, index) => ({
        index,
        span,
        sql: input.statement.slice(span.start, span.end),
      }));
      result.notes.push(
        `The statement script was not run because ${loadError ? 'a CSV file could not be loaded' : 'the setup failed'}.`,
      );
      result.notes.push(...(await d.settleTransaction()).notes);
      // Show the tables as the setup left them (Before = After, nothing changed).
      const snaps = await capture(d, rowLimit);
      result.tables = diffAll(snaps, snaps, new Map(), null, d.dialect);
      await d.finish();
      lap('after');
      return await finishRun(d, result, start, keep, holdsRows(input));
    }
    // Run again and Explain, and the race lab below, load their code when first asked for: a
    // plain run (the page's first) does not evaluate it.
    if ((input.again ?? 0) >= 1) await (await import('./replay.ts')).runEarlier(d, input, params, result);
    if (input.explain !== undefined) {
      await (await import('./replay.ts')).planStatement(d, input, params, result);
      await d.finish();
      lap('statements');
      return await finishRun(d, result, start);
    }
    const before = await capture(d, rowLimit);
    const tracking = await d.startTracking([...before.values()].map((s) => s.schema));
    const account = accountDecision(input.account, totalRows(before), d.dialect);
    result.account = account;
    const steps: StatementStep[] = [];
    lap('before');

    let perStatement = totalRows(before) < PER_STATEMENT_ROWS;
    if (perStatement) {
      const count = d.split(input.statement, PER_STATEMENT_MAX_STATEMENTS + 1).length;
      perStatement = count > 1 && count <= PER_STATEMENT_MAX_STATEMENTS;
    }
    let prev = before;
    const afterEach = async (r: StatementResult): Promise<void> => {
      if (!perStatement || isReadOnlyKind(r.kind)) return;
      const snap = await capture(d, PER_STATEMENT_ROWS);
      const written = await d.writtenSinceLast();
      if (totalRows(snap) >= PER_STATEMENT_ROWS) {
        // Over budget (and possibly cut at the limit): counts would be wrong; stop here.
        perStatement = false;
        return;
      }
      const diffs = diffAll(prev, snap, tracking, written, d.dialect);
      r.diffCounts = sumCounts(diffs);
      steps.push({ statementIndex: r.index, tables: diffs });
      prev = snap;
    };
    const stmts = await d.runScript(input.statement, 'statement', perStatement ? afterEach : undefined, {
      account: account.on,
      accountAuto: input.account === undefined,
      params,
      continueAfterError: input.onError === 'continue',
    });
    // Returned rows are sent whole, so a held run cuts them at the default limit.
    result.statements = stmts.results.map((r) => capReturnedRows(r, Math.min(rowLimit, DEFAULT_ROW_LIMIT)));
    result.notRun = stmts.notRun;
    if (stmts.error) {
      result.ok = false;
      result.error = stmts.error;
    }
    lap('statements');

    result.notes.push(...(await d.settleTransaction()).notes);
    const after = await capture(d, rowLimit);
    const written = await d.writtenAll();
    lap('after');
    result.tables = diffAll(before, after, tracking, written, d.dialect);
    const only = result.statements[0];
    if (result.statements.length === 1 && only && !only.error) {
      only.diffCounts = sumCounts(result.tables);
      if (totalRows(before) < PER_STATEMENT_ROWS && !isReadOnlyKind(only.kind)) result.singleStep = true;
    }
    if (steps.length) result.steps = steps;
    explainStatements(d.dialect, result);
    lap('diff');
    await d.finish();
  } catch (e) {
    result.ok = false;
    result.error = engineError(e);
  }
  return finishRun(d, result, start, keep, holdsRows(input));
}

export async function finishRun(
  d: Driver,
  result: RunResult,
  start: number,
  keep?: Map<number, Value>,
  /** The run keeps its large tables in the worker (holdsRows): their rows do not count against the page's budget. */
  hold?: boolean,
): Promise<RunResult> {
  capLongValues(result, keep, hold);
  const reason = await restartReason(d, [
    result.error,
    ...result.setup.map((s) => s.error),
    ...result.statements.map((s) => s.error),
  ]);
  if (reason) markRestart(result, reason);
  result.timings.total = now() - start;
  return result;
}

/** Setup on a clean database, then the user tables it created. */
async function describePipeline(
  d: Driver,
  setup: string,
  params?: RunParams,
): Promise<{ tables: TableSchema[]; error?: EngineError; restart?: string }> {
  const unbound = unboundError(setup, 'setup', d.dialect, params, d.split(setup));
  if (unbound) return { tables: [], error: unbound };
  let out: { tables: TableSchema[]; error?: EngineError; restart?: string };
  try {
    await d.reset();
    const resolved = await resolveParams(params, (expr) => d.evaluate(expr));
    const script = await d.runScript(setup, 'setup', undefined, { params: resolved });
    await d.settleTransaction();
    const tables = await d.guard(() => d.introspect());
    await d.finish();
    out = script.error ? { tables, error: script.error } : { tables };
  } catch (e) {
    out = { tables: [], error: engineError(e) };
  }
  const reason = await restartReason(d, [out.error]);
  if (reason) {
    out.restart = reason;
    if (out.error?.phase === 'engine')
      out.error = { phase: 'engine', message: reason, detail: `The engine said: ${out.error.message}` };
  }
  return out;
}

/** Wrap a driver as an Engine whose calls never overlap (one database, one run at a time). */
export function engineFromDriver(
  d: Driver,
  close: () => Promise<void>,
): { engine: Engine; serial: <T>(fn: () => Promise<T>) => Promise<T> } {
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn, fn);
    queue = next.catch(() => undefined);
    return next;
  };
  let kept = new Map<number, Value>(); // the last run's cut values, whole
  const datasets = new DatasetStore();
  const engine: Engine = {
    datasets,
    dialect: d.dialect,
    version: () => d.versionLabel,
    // A race-lab timeline (input.race) has its own runner, on the same driver and queue.
    run: (input) =>
      serial(() => {
        kept = new Map();
        const race = input.race;
        return race
          ? import('./race.ts').then((m) => m.runRace(d, input, race, datasets))
          : runPipeline(d, input, kept, datasets);
      }),
    fullValue: (id) => Promise.resolve(kept.get(id) ?? null),
    describe: (setup, params) => serial(() => describePipeline(d, setup, params)),
    close: () => serial(close),
  };
  return { engine, serial };
}
