/**
 * Checking a learner's statement: run it and the reference solution on the same engine, first on
 * the visible data set, then on each hidden one, and compare the results (compare.ts). The runner
 * is passed in: the page's engine client in the browser, the engines themselves in Node tests.
 */
import type { Dialect, EngineError, RunInput, RunResult } from '../engine/types';
import { compareRuns, type Problem } from './compare';
import { learnerHint } from './errorHints';
import { bindParams } from './params';
import { forDialect, type Exercise } from './types';

/** Runs scripts on one engine. */
export type Runner = (input: RunInput) => Promise<RunResult>;

/** The reference's and the learner's run on the visible data set. */
interface VisibleRuns {
  ref: RunResult;
  mine: RunResult | null;
}

/** The outcome of a check. */
export type Verdict =
  | { kind: 'correct'; visible: VisibleRuns }
  | { kind: 'invalid'; message: string }
  | {
      kind: 'not-yet';
      /** 0: the visible set; 1…: a hidden one. */
      set: number;
      about?: string;
      problems: Problem[];
      visible: VisibleRuns;
    }
  | { kind: 'error'; set: number; about?: string; error: EngineError; hint: string | null; visible: VisibleRuns };

/** The setup script of one data set: the schema, then its rows. */
export function setupFor(ex: Exercise, dialect: Dialect, set: number): string {
  return `${forDialect(ex.schema, dialect).trim()}\n\n${ex.sets[set]!.rows.trim()}\n`;
}

/** The names of the exercise's parameters (in the visible set). */
function paramNames(ex: Exercise): string[] {
  return Object.keys(ex.sets[0].params ?? {});
}

/** Memoises reference runs (they do not change between checks). */
export class ReferenceCache {
  private runs = new Map<string, Promise<RunResult>>();

  get(ex: Exercise, dialect: Dialect, set: number, run: Runner): Promise<RunResult> {
    const k = `${ex.id}\u0000${dialect}\u0000${set}`;
    let p = this.runs.get(k);
    if (!p) {
      const bound = bindParams(forDialect(ex.solution, dialect), ex.sets[set]!.params ?? {});
      if (!bound.ok) throw new Error(`The solution of ${ex.id} uses unknown parameters: ${bound.unknown.join(', ')}`);
      p = run({ setup: setupFor(ex, dialect, set), statement: bound.sql });
      // Volatile timestamps age and a stopped run should be retried: keep only successful runs.
      p.then(
        (r) => (!r.ok || ex.volatile ? this.runs.delete(k) : undefined),
        () => this.runs.delete(k),
      );
      this.runs.set(k, p);
    }
    return p;
  }
}

/** Run the reference on the visible set (for the expected tables). */
export function referenceRun(
  ex: Exercise,
  dialect: Dialect,
  run: Runner,
  cache = new ReferenceCache(),
): Promise<RunResult> {
  return cache.get(ex, dialect, 0, run);
}

/** Check a learner's statement on every data set, stopping at the first one that differs. */
export async function checkAttempt(
  ex: Exercise,
  dialect: Dialect,
  statement: string,
  run: Runner,
  cache = new ReferenceCache(),
): Promise<Verdict> {
  if (statement.trim() === '') return { kind: 'invalid', message: 'Write a statement first.' };
  const names = paramNames(ex);
  let visible: VisibleRuns | null = null;
  for (let set = 0; set < ex.sets.length; set++) {
    const data = ex.sets[set]!;
    const bound = bindParams(statement, data.params ?? {});
    if (!bound.ok) {
      const known = names.length
        ? `This exercise has ${names.map((n) => `:${n}`).join(', ')}.`
        : 'This exercise has no parameters.';
      return {
        kind: 'invalid',
        message: `Unknown parameter ${bound.unknown.map((n) => `:${n}`).join(', ')}. ${known}`,
      };
    }
    const ref = await cache.get(ex, dialect, set, run);
    if (!ref.ok)
      throw new Error(
        `The reference solution of ${ex.id} failed on ${dialect}: ${ref.error?.message ?? 'unknown error'}`,
      );
    const mine = await run({ setup: setupFor(ex, dialect, set), statement: bound.sql });
    if (set === 0) visible = { ref, mine };
    const about = set > 0 ? data.about : undefined;
    const shown = visible!;
    if (!mine.ok && mine.error) {
      const error = bound.sql === statement ? mine.error : withoutPosition(mine.error);
      return {
        kind: 'error',
        set,
        ...(about ? { about } : {}),
        error,
        hint: learnerHint(mine.error, dialect),
        visible: shown,
      };
    }
    const problems = compareRuns(ex, ref, mine);
    if (problems.length) return { kind: 'not-yet', set, ...(about ? { about } : {}), problems, visible: shown };
  }
  return { kind: 'correct', visible: visible! };
}

/**
 * The error without its place in the text: positions count in the statement as run, with the
 * parameters replaced by values, so they would point at the wrong spot of what the learner wrote.
 */
function withoutPosition(e: EngineError): EngineError {
  const { position: _p, line: _l, column: _c, span: _s, ...rest } = e;
  return rest;
}

/** The verdict as sentences (hidden sets without their data): what the page shows and tests read. */
export function verdictLines(v: Verdict): string[] {
  switch (v.kind) {
    case 'correct':
      return ['Correct.'];
    case 'invalid':
      return [v.message];
    case 'error': {
      const where =
        v.set > 0
          ? `In a hidden check (${v.about ?? 'other data'}), the engine stopped with an error: `
          : 'The engine stopped with an error: ';
      return [where + v.error.message, ...(v.hint ? [v.hint] : [])];
    }
    case 'not-yet':
      if (v.set === 0) return v.problems.map((p) => p.text);
      return [
        `Your statement gives the expected result here, but not in a hidden check: ${v.about ?? 'other data'}.`,
        ...[...new Set(v.problems.map((p) => p.summary))],
      ];
  }
}
