/** What the page reports when an engine produced no result: stopped, timed out, crashed or never started. */
import type { Dialect, EngineError, RunResult } from './types.ts';
import type { Pending } from './workerRpc.ts';

export function label(d: Dialect): string {
  return d === 'sqlite' ? 'SQLite' : 'PostgreSQL';
}

function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}

export function engineError(phase: EngineError['phase'], message: string): EngineError {
  return { phase, message };
}

/** A RunResult for a run that produced nothing (stopped, crashed, engine failed to start). */
export function failedRun(dialect: Dialect, version: string | null, error: EngineError): RunResult {
  return {
    dialect,
    engineVersion: version ?? label(dialect),
    ok: false,
    setup: [],
    statements: [],
    notRun: [],
    tables: [],
    error,
    notes: [],
    timings: { reset: 0, setup: 0, before: 0, statements: 0, after: 0, diff: 0, total: 0 },
  };
}

/** The answer to a request stopped by the user or at its time limit. */
export function stoppedMessage(why: 'timeout' | 'user', p: Pending): string {
  if (why === 'user')
    return 'Stopped: you stopped the run. The engine was restarted; the next run starts from a clean database.';
  const seconds =
    p.limitMs === undefined
      ? ''
      : formatSeconds(p.limitMs) +
        (p.graceMs ? ` (${formatSeconds(p.limitMs + p.graceMs)} for the engine's first run, as it warms up)` : '');
  const what = p.msg.type === 'describe' ? 'the setup' : 'the run';
  // A run with loaded CSV files was given time for their rows too (csvTimeMs), and they are gone with the engine.
  const csv = p.msg.type === 'run' && p.msg.input.datasets?.length;
  return `Stopped at the time limit of ${seconds}${csv ? ' (with time for the loaded CSV rows)' : ''}: ${what} was still going. The engine was restarted; the next run starts from a clean database${csv ? ', and the loaded CSV files must be loaded again (Form tab)' : ''}.`;
}
