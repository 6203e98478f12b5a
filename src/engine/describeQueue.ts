/**
 * Describes (the tables a setup creates) go to the engine one at a time. The Form asks again on
 * every pause in typing: a newer latest-only request replaces the one still waiting, which
 * resolves `superseded` without ever reaching the engine. Other requests (Translate, carrying
 * scripts over) always run.
 */
import type { EngineError, RunParams, TableSchema } from './types.ts';

/** What a describe gives back. */
export interface Described {
  tables: TableSchema[];
  error?: EngineError | undefined;
  /** Replaced by a newer latest-only describe before it ran: nothing was asked of the engine. */
  superseded?: true;
}

/** How to describe. */
export interface DescribeOptions {
  /** Time limit of the setup, as for a run (default: the app's default limit). */
  limitMs?: number;
  /** A newer latest-only describe replaces this one while it waits. */
  latestOnly?: boolean;
}

interface Waiting {
  setup: string;
  params: RunParams | undefined;
  limitMs: number;
  latestOnly: boolean;
  resolve: (d: Described) => void;
}

/** One engine's describes: one in flight, the rest waiting. */
export class DescribeQueue {
  private waiting: Waiting[] = [];
  private busy = false;

  constructor(
    private readonly describe: (setup: string, params: RunParams | undefined, limitMs: number) => Promise<Described>,
    private readonly defaultLimitMs = 5000,
  ) {}

  /** Queue a describe; resolves with its result, or `superseded`. */
  add(setup: string, params: RunParams | undefined, opts: DescribeOptions): Promise<Described> {
    const latestOnly = opts.latestOnly ?? false;
    if (latestOnly) {
      for (const w of this.waiting.filter((x) => x.latestOnly)) w.resolve({ tables: [], superseded: true });
      this.waiting = this.waiting.filter((x) => !x.latestOnly);
    }
    return new Promise((resolve) => {
      this.waiting.push({ setup, params, limitMs: opts.limitMs ?? this.defaultLimitMs, latestOnly, resolve });
      this.next();
    });
  }

  private next(): void {
    if (this.busy) return;
    const w = this.waiting.shift();
    if (!w) return;
    this.busy = true;
    void this.describe(w.setup, w.params, w.limitMs)
      .catch((e: unknown): Described => ({ tables: [], error: { phase: 'engine', message: String(e) } }))
      .then((d) => {
        this.busy = false;
        w.resolve(d);
        this.next();
      });
  }
}
