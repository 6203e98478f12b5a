/**
 * The race lab's runner: two or three sessions' steps, run in timeline order on the page's one
 * connection, each step a complete autocommitted statement, with the tables captured after every
 * step and marked with that step's changes alone.
 *
 * Each session holds the values its steps read, as an application holds what it fetched: the
 * columns of the first row a step returns become that session's named values (`SELECT login_count
 * AS count …` gives `:count`), and its later steps bind them through the engine like any other
 * placeholder (binding.ts). They never become part of the SQL text.
 *
 * Both engines give the page a single connection, so two transactions cannot be open at once:
 * a transaction-control statement in a step is refused before anything runs (RACE_TRANSACTION_REFUSAL).
 */
import { resolveParams, unboundError, type ResolvedParams, type Scalar } from './binding.ts';
import type { DatasetStore } from './datasets.ts';
import { findPlaceholders, isPositionalKey } from './placeholders.ts';
import { capture, diffAll, sumCounts, totalRows } from './capture.ts';
import { emptyResult, finishRun, PER_STATEMENT_ROWS, type Driver } from './pipeline.ts';
import { engineError } from './restart.ts';
import { isReadOnlyKind, statementKind } from './sqlText.ts';
import type { TableSnapshot } from './diff.ts';
import {
  DEFAULT_ROW_LIMIT,
  type EngineError,
  type RunInput,
  type RunResult,
  type StatementResult,
  type StatementStep,
} from './types.ts';

/** One step of the timeline: which session runs it, its label (A1, B2, …) and its one statement. */
interface RaceStepInput {
  /** Index into RaceInput.sessions. */
  session: number;
  label: string;
  sql: string;
}

/** A race: the sessions' names and their steps in timeline order (a step may appear twice). */
export interface RaceInput {
  sessions: string[];
  steps: RaceStepInput[];
}

/** What one step of the timeline did with its session's values. */
export interface RaceStepOutcome {
  session: number;
  label: string;
  /** The session values this step's placeholders were bound to. */
  used: Record<string, Scalar>;
  /** The values this step gave its session (its first returned row), when it returned columns. */
  captured?: Record<string, Scalar>;
  /** The step returned columns but no row: the session's values of those names were cleared. */
  emptyRead?: string[];
}

/** The race part of a RunResult. */
export interface RaceOutcome {
  steps: RaceStepOutcome[];
  /** False when the tables were too large to capture after every step (the UI says so). */
  tablesEachStep: boolean;
}

/** Statement kinds that open, end or split a transaction. */
const TRANSACTION_KINDS = new Set([
  'BEGIN',
  'START TRANSACTION',
  'COMMIT',
  'END',
  'ROLLBACK',
  'ABORT',
  'SAVEPOINT',
  'RELEASE',
]);

/** Why a transaction-control statement cannot run in a session (shown as the step's error). */
export function raceTransactionRefusal(kind: string): string {
  return (
    `${kind} is refused in the race lab: this page has one connection to the database (PGlite is single-user; ` +
    'sql.js opens one database), so two sessions cannot each hold a transaction open at the same time. ' +
    'Every step runs as its own autocommitted statement, which is what lets the sessions interleave faithfully. ' +
    'Blocking, SELECT … FOR UPDATE, deadlocks and serialization failures need two real connections and cannot be run live here.'
  );
}

/** The first step that cannot run at all (not exactly one statement, or transaction control), as an error. */
function refusal(d: Driver, input: RaceInput): EngineError | null {
  for (const [i, step] of input.steps.entries()) {
    const spans = d.split(step.sql);
    const at = (message: string): EngineError => ({
      message,
      phase: 'statement',
      statementIndex: i,
      span: spans[0] ?? { start: 0, end: step.sql.length },
    });
    if (!input.sessions[step.session]) return at(`Step ${step.label} belongs to no session.`);
    if (spans.length === 0) return at(`Step ${step.label} is empty: write one SQL statement in it.`);
    if (spans.length > 1)
      return at(
        `Step ${step.label} holds ${spans.length} statements: a step is one statement, so that the timeline can put the other sessions' steps between them. Split it into steps.`,
      );
    const first = spans[0]!;
    const kind = statementKind(step.sql.slice(first.start, first.end), d.dialect);
    if (TRANSACTION_KINDS.has(kind)) return at(raceTransactionRefusal(kind));
  }
  return null;
}

/** The session values a step needs but its session does not hold, as that step's error. */
function missingValue(d: Driver, step: RaceStepInput, sessionName: string, values: ResolvedParams, index: number) {
  const error = unboundError(step.sql, 'statement', d.dialect, values, d.split(step.sql));
  if (!error) return null;
  const p = findPlaceholders(step.sql, d.dialect).find((x) => !Object.prototype.hasOwnProperty.call(values, x.key));
  if (p && !isPositionalKey(p.key))
    error.message = `Session ${sessionName} holds no value for ${p.text}, so step ${step.label} was not run: a session's values are the columns of the first row its earlier steps returned (e.g. SELECT login_count AS ${p.key} …), or the Parameters.`;
  error.statementIndex = index;
  return error;
}

/** The values a returned row gives its session: its columns by name (blobs are not kept). */
function rowValues(r: StatementResult): Record<string, Scalar> | null {
  if (!r.columns || r.error) return null;
  const row = r.rows[0];
  if (!row) return null;
  const out: Record<string, Scalar> = {};
  r.columns.forEach((c, k) => {
    const v = row[k];
    if (v === undefined || (v !== null && typeof v === 'object')) return;
    out[c] = v;
  });
  return out;
}

/** Run a race on a driver: setup, then every step in timeline order. Never throws. */
export async function runRace(d: Driver, input: RunInput, race: RaceInput, datasets: DatasetStore): Promise<RunResult> {
  const rowLimit = input.rowLimit ?? DEFAULT_ROW_LIMIT;
  const outcome: RaceOutcome = { steps: [], tablesEachStep: false };
  // The race is set from the start: a refused or failed race is still shown as a race.
  const result: RunResult = { ...emptyResult(d), race: outcome };
  const start = performance.now();
  const stop = refusal(d, race) ?? unboundError(input.setup, 'setup', d.dialect, input.params, d.split(input.setup));
  if (stop) {
    result.ok = false;
    result.error = stop;
    result.notRun = race.steps.map((s, index) => ({ index, sql: s.sql, span: { start: 0, end: s.sql.length } }));
    return result;
  }
  try {
    await d.reset();
    const base = await resolveParams(input.params, (expr) => d.evaluate(expr));
    const setup = await d.runScript(input.setup, 'setup', undefined, { params: base });
    result.setup = setup.results;
    // Loaded CSV files go in after the setup, as for a plain run (pipeline.ts).
    const loadError = setup.error ? undefined : await datasets.load(d, input.datasets ?? [], result.notes);
    result.notes.push(...(await d.settleTransaction()).notes);
    if (setup.error || loadError) {
      result.ok = false;
      result.error = setup.error ?? loadError;
      result.notRun = race.steps.map((s, index) => ({ index, sql: s.sql, span: { start: 0, end: s.sql.length } }));
      result.notes.push(
        `The timeline was not run because ${loadError ? 'a CSV file could not be loaded' : 'the setup failed'}.`,
      );
      await d.finish();
      return await finishRun(d, result, start);
    }
    const before = await capture(d, rowLimit);
    const tracking = await d.startTracking([...before.values()].map((s) => s.schema));
    let eachStep = totalRows(before) < PER_STATEMENT_ROWS;
    const values: ResolvedParams[] = race.sessions.map(() => ({ ...base }));
    const outcomes = outcome.steps;
    const steps: StatementStep[] = [];
    let prev: Map<string, TableSnapshot> = before;
    for (const [i, step] of race.steps.entries()) {
      const held = values[step.session]!;
      const done: RaceStepOutcome = { session: step.session, label: step.label, used: {} };
      outcomes.push(done);
      let r: StatementResult;
      const missing = missingValue(d, step, race.sessions[step.session]!, held, i);
      if (missing) {
        const span = missing.span ?? { start: 0, end: step.sql.length };
        r = { index: i, sql: step.sql, span, kind: '', columns: null, rows: [], rowsAffected: null, durationMs: 0 };
        r.error = missing;
      } else {
        for (const p of findPlaceholders(step.sql, d.dialect)) done.used[p.key] = held[p.key] ?? null;
        const out = await d.runScript(step.sql, 'statement', undefined, { params: held });
        result.notes.push(...(await d.settleTransaction()).notes);
        r = out.results[0]!;
        r.index = i;
        if (r.error) r.error.statementIndex = i;
        const got = rowValues(r);
        if (got) {
          done.captured = got;
          Object.assign(held, got);
        } else if (r.columns && !r.error) {
          // An application that read no row holds nothing for those names.
          done.emptyRead = r.columns;
          for (const c of r.columns) delete held[c];
        }
      }
      result.statements.push(r);
      if (!eachStep) continue;
      // A step that cannot write (SELECT, …) or did not run leaves the tables as they were: its
      // tables are the previous capture, all unchanged (no second capture on the engine).
      if (isReadOnlyKind(r.kind) || (r.error && !r.kind)) {
        steps.push({ statementIndex: i, tables: diffAll(prev, prev, tracking, null, d.dialect) });
        continue;
      }
      const snap = await capture(d, PER_STATEMENT_ROWS);
      const written = await d.writtenSinceLast();
      if (totalRows(snap) >= PER_STATEMENT_ROWS) {
        eachStep = false;
        continue;
      }
      const diffs = diffAll(prev, snap, tracking, written, d.dialect);
      if (!r.error && !isReadOnlyKind(r.kind)) r.diffCounts = sumCounts(diffs);
      steps.push({ statementIndex: i, tables: diffs });
      prev = snap;
    }
    // A failed step does not stop the timeline (each session goes on, as applications do), so the
    // run itself stays ok: the steps' errors are in `statements`.
    if (!eachStep)
      result.notes.push('The tables are too large to show after every step: only Before and After are shown.');
    const after = await capture(d, rowLimit);
    const written = await d.writtenAll();
    result.tables = diffAll(before, after, tracking, written, d.dialect);
    result.steps = steps;
    outcome.tablesEachStep = eachStep;
    await d.finish();
  } catch (e) {
    result.ok = false;
    result.error = engineError(e);
  }
  return finishRun(d, result, start);
}
