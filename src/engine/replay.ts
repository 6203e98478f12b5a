/**
 * The two runs that replay the statement script: "Run again" (the script runs once or more
 * before the run that is shown, so Before is the state it left) and "Explain" (the statements
 * before one statement run, then the engine plans that statement). Both happen after the setup,
 * on the engine's clean database, inside an ordinary run.
 */
import type { Driver } from './pipeline.ts';
import type { ResolvedParams } from './binding.ts';
import { POSTGRES_PLAN_NOTE, SQLITE_PLAN_NOTE, type StatementPlan } from './plan.ts';
import { conflictTargetHelp } from './conflictTarget.ts';
import type { EngineError, RunInput, RunResult } from './types.ts';

/** At most this many earlier runs. */
export const MAX_AGAIN = 9;

/**
 * Run the statement script `input.again` times. A transaction a run leaves open is rolled back
 * before the next (as when a retried job's connection closes).
 */
export async function runEarlier(d: Driver, input: RunInput, params: ResolvedParams, result: RunResult): Promise<void> {
  const runs = Math.max(0, Math.min(MAX_AGAIN, Math.floor(input.again ?? 0)));
  if (!runs) return;
  const again: NonNullable<RunResult['again']> = { runs };
  result.again = again;
  for (let k = 0; k < runs; k++) {
    const out = await d.runScript(input.statement, 'statement', undefined, {
      params,
      continueAfterError: input.onError === 'continue',
    });
    const settled = await d.settleTransaction();
    await d.finish();
    if (out.error && !again.error) again.error = out.error;
    if (settled.notes.some((n) => /transaction/.test(n)))
      result.notes.push(
        `Run ${k + 1} left a transaction open (or aborted): it was rolled back before the next run, as when a job's connection closes.`,
      );
  }
}

/** An error thrown by a driver, as an EngineError of the statement. */
function planError(e: unknown, index: number): EngineError {
  const err = (typeof e === 'object' && e !== null ? e : { message: String(e) }) as {
    message?: string;
    code?: string;
    detail?: string;
    hint?: string;
  };
  const out: EngineError = { message: err.message ?? String(e), phase: 'statement', statementIndex: index };
  if (typeof err.code === 'string') out.code = err.code;
  if (err.detail) out.detail = err.detail;
  if (err.hint) out.hint = err.hint;
  return out;
}

/**
 * Explain statement `input.explain`: run the statements before it, then ask the engine for its
 * plan. The result carries the plan (`result.plan`), or why there is none.
 */
export async function planStatement(
  d: Driver,
  input: RunInput,
  params: ResolvedParams,
  result: RunResult,
): Promise<void> {
  const k = input.explain ?? 0;
  const spans = d.split(input.statement);
  const span = spans[k];
  if (!span || !d.plan) {
    result.ok = false;
    result.error = { phase: 'engine', message: `There is no statement ${k + 1} to explain.` };
    return;
  }
  const sql = input.statement.slice(span.start, span.end);
  const plan: StatementPlan = {
    dialect: d.dialect,
    statementIndex: k,
    sql,
    raw: '',
    lines: [],
    notes: [d.dialect === 'postgres' ? POSTGRES_PLAN_NOTE : SQLITE_PLAN_NOTE],
  };
  result.plan = plan;
  if (k > 0) {
    // The statements before it, as in the run (blank out the rest, so positions stay put).
    const before = input.statement.slice(0, span.start);
    const out = await d.runScript(before, 'statement', undefined, { params });
    if (out.error) {
      plan.error = out.error;
      plan.notes.push(`Statement ${(out.error.statementIndex ?? 0) + 1} failed before it, so it was not planned.`);
      return;
    }
  }
  try {
    const p = await d.plan(sql, params);
    plan.raw = p.raw;
    plan.lines = p.lines;
    if (p.facts) plan.facts = p.facts;
    if (d.dialect === 'sqlite' && p.lines.length === 0)
      plan.notes.push('SQLite has no plan steps to show for this statement (it reads no table to find its rows).');
  } catch (e) {
    plan.error = planError(e, k);
    const help = conflictTargetHelp(sql, plan.error, await d.guard(() => d.introspect()));
    if (help) plan.help = help;
  }
}
