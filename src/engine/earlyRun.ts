/**
 * A run started before the app has loaded (the page's entry guesses the first scenario), taken by
 * the app's first run if that has exactly the same scripts, instead of running them again.
 */
import type { RunInput, RunResult } from './types.ts';

function runKey(input: RunInput): string {
  return `${input.rowLimit ?? ''}\u0000${input.hold ? 'hold' : ''}\u0000${input.setup}\u0000${input.statement}\u0000${JSON.stringify(input.params ?? null)}\u0000${JSON.stringify(input.race ?? null)}\u0000${(input.datasets ?? []).join(',')}`;
}

export class EarlyRun {
  private early: { key: string; result: Promise<RunResult> } | null = null;

  /** Keep the result of the run of `input` started early. */
  keep(input: RunInput, result: Promise<RunResult>): void {
    this.early = { key: runKey(input), result };
  }

  /** The first run after an early one: that one's result when its scripts are the same, else null. */
  take(input: RunInput): Promise<RunResult> | null {
    const early = this.early;
    this.early = null;
    return early && early.key === runKey(input) ? early.result : null;
  }
}
