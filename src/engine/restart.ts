/**
 * Engine failures and restarts in a result: the driver says whether the engine must restart after
 * a run (or a describe), and the reason replaces an engine failure or leads the notes.
 */
import type { Driver } from './pipeline.ts';
import { DIALECT_LABEL, type EngineError, type RunResult } from './types.ts';

export function engineError(e: unknown): EngineError {
  return { message: e instanceof Error ? e.message : String(e), phase: 'engine' };
}

/** Ask the driver whether the engine needs a restart; an engine that cannot even answer does. */
export async function restartReason(d: Driver, errors: (EngineError | undefined)[]): Promise<string | null> {
  if (!d.afterRun) return null;
  const messages = errors.filter((e): e is EngineError => e !== undefined).map((e) => e.message);
  return d
    .afterRun(messages)
    .catch(
      () =>
        `The ${DIALECT_LABEL[d.dialect]} engine stopped answering correctly and was restarted; your next run starts clean.`,
    );
}

/** Put a restart reason into a result: it replaces an engine failure, else it is the first note. */
export function markRestart(result: RunResult, reason: string): void {
  result.restart = reason;
  const e = result.error;
  if (e && e.phase === 'engine')
    result.error = { phase: 'engine', message: reason, detail: `The engine said: ${e.message}` };
  else result.notes.unshift(reason);
}
