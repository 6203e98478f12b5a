/**
 * The page's side of one engine worker: starts it on demand, runs scenarios with a time limit,
 * and replaces the worker when a run is stopped (the only way to halt sql.js or PGlite).
 */
import type { FromWorker, ToWorker } from './protocol.ts';
import { fromWire } from './resultCodec.ts';
import { engineError, failedRun, formatSeconds, label } from './runFailure.ts';
import type { Dialect, EngineError, RunInput, RunParams, RunResult, TableSchema } from './types.ts';

/** Where the engine is in its life, for the UI. */
export type EngineStatus = 'cold' | 'starting' | 'ready' | 'running' | 'restarting' | 'failed';

/** What the UI shows about an engine. */
export interface EngineInfo {
  status: EngineStatus;
  version: string | null;
  /** Last start-up time of the worker's engine, in ms. */
  startupMs: number | null;
  /** Whether the last start-up came from a stored data-directory snapshot. */
  fromSnapshot: boolean;
  /** Message when the engine could not start. */
  failure: string | null;
}

/** Optional persistence for a clean data-directory snapshot (PostgreSQL). */
export interface SnapshotStore {
  load: () => Promise<Blob | null>;
  save: (dataDir: Blob) => Promise<void>;
}

interface Pending {
  resolve: (msg: FromWorker) => void;
  /** The request, to hand it to a replacement worker. */
  msg?: ToWorker;
  input?: RunInput;
  timer?: ReturnType<typeof setTimeout>;
  limitMs?: number;
}

/** A worker-backed engine with time limits and restarts. */
export class EngineClient {
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private listeners = new Set<(info: EngineInfo) => void>();
  private snapshot: Blob | null = null;
  private snapshotRequested = false;
  /** A run started before the app loaded (see `runEarly`), taken by the first identical `run`. */
  private early: { key: string; result: Promise<RunResult> } | null = null;
  private infoValue: EngineInfo = {
    status: 'cold',
    version: null,
    startupMs: null,
    fromSnapshot: false,
    failure: null,
  };

  constructor(
    readonly dialect: Dialect,
    private readonly makeWorker: () => Worker,
    private readonly snapshotStore?: SnapshotStore,
    /** The engine's wasm compiled on the page (null: the worker loads it itself). */
    private readonly wasmModule?: () => Promise<WebAssembly.Module | null>,
  ) {}

  /** Current engine info. */
  get info(): EngineInfo {
    return this.infoValue;
  }

  /** Subscribe to info changes; returns the unsubscribe function. */
  subscribe(cb: (info: EngineInfo) => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  private setInfo(patch: Partial<EngineInfo>): void {
    this.infoValue = { ...this.infoValue, ...patch };
    for (const cb of this.listeners) cb(this.infoValue);
  }

  /**
   * Start the worker and its engine if not yet started; resolves when it is ready. The worker is
   * created at once (requests may be posted right away: it queues them); a stored snapshot is read,
   * or the engine's wasm compiled, meanwhile and handed over with 'init'.
   */
  start(): Promise<void> {
    if (this.ready) return this.ready;
    this.setInfo({ status: this.infoValue.status === 'restarting' ? 'restarting' : 'starting', failure: null });
    const worker = this.makeWorker();
    this.worker = worker;
    let settled = false;
    const ready = new Promise<void>((resolve, reject) => {
      const fail = (err: Error) => {
        if (settled) return;
        settled = true;
        reject(err);
      };
      worker.onmessage = (e: MessageEvent<FromWorker>) => {
        const msg = e.data;
        if (msg.type === 'ready') {
          settled = true;
          this.setInfo({
            status: this.pending.size > 0 ? 'running' : 'ready',
            version: msg.version,
            startupMs: msg.startupMs,
            fromSnapshot: msg.fromSnapshot,
          });
          resolve();
        } else if (msg.type === 'fatal' && msg.id === undefined) {
          fail(new Error(msg.message));
        } else {
          this.onMessage(msg);
        }
      };
      worker.onerror = (e) => {
        e.preventDefault();
        if (!settled) fail(new Error(e.message || 'the engine worker failed to load'));
        else this.crash(e.message || 'the engine worker crashed');
      };
    });
    void (async () => {
      if (!this.snapshot && this.snapshotStore) this.snapshot = await this.snapshotStore.load().catch(() => null);
      const wasmModule = this.wasmModule ? await this.wasmModule().catch(() => null) : null;
      if (this.worker !== worker) return;
      const init: ToWorker = { type: 'init' };
      if (this.snapshot) init.loadDataDir = this.snapshot;
      try {
        worker.postMessage(wasmModule ? { ...init, wasmModule } : init);
      } catch {
        // A browser that cannot pass a compiled module to a worker: the worker loads the wasm itself.
        worker.postMessage(init);
      }
    })();
    this.ready = ready.catch((err: unknown) => {
      const message = err instanceof Error ? err.message : String(err);
      // Requests already posted to the failed worker get an answer too.
      for (const [id, p] of this.pending) {
        if (p.timer) clearTimeout(p.timer);
        p.resolve({ type: 'fatal', id, message: `The engine could not start: ${message}` });
      }
      this.pending.clear();
      if (this.worker === worker) {
        worker.terminate();
        this.worker = null;
        this.ready = null;
      }
      this.setInfo({ status: 'failed', failure: message });
      throw err;
    });
    return this.ready;
  }

  private onMessage(msg: FromWorker): void {
    if (msg.type === 'ready' || !('id' in msg) || msg.id === undefined) return;
    const p = this.pending.get(msg.id);
    if (!p) return; // a reply for a run that was stopped: drop it
    if (msg.type === 'started') {
      // The time limit counts the run itself, not the engine's start-up or queueing.
      if (p.limitMs !== undefined) p.timer = setTimeout(() => this.stop(msg.id, 'timeout'), p.limitMs);
      return;
    }
    if (p.timer) clearTimeout(p.timer);
    this.pending.delete(msg.id);
    p.resolve(msg);
    if ((msg.type === 'result' || msg.type === 'described') && msg.restart) this.replaceWorker();
  }

  /**
   * The engine said the last run left it unusable or changed beyond a reset: start a new worker
   * (from the clean snapshot, like after a time-out) and hand it the requests still waiting,
   * which the old worker no longer runs.
   */
  private replaceWorker(): void {
    const waiting = [...this.pending.values()];
    this.worker?.terminate();
    this.worker = null;
    this.ready = null;
    this.setInfo({ status: 'restarting' });
    this.start().catch(() => undefined);
    for (const p of waiting) {
      if (p.timer) clearTimeout(p.timer);
      delete p.timer;
      if (p.msg) this.worker!.postMessage(p.msg);
    }
  }

  private send(msg: ToWorker, extra: Omit<Pending, 'resolve'> = {}): Promise<FromWorker> {
    return new Promise((resolve) => {
      if ('id' in msg) this.pending.set(msg.id, { resolve, msg, ...extra });
      this.worker!.postMessage(msg);
    });
  }

  /**
   * Start a run before the app has loaded (the page's entry guesses the first scenario); the
   * app's first `run` with exactly these scripts gets this result instead of running again.
   */
  runEarly(input: RunInput, limitMs: number): void {
    this.early = { key: runKey(input), result: this.run(input, limitMs) };
  }

  /** Run a scenario's scripts; resolves with a RunResult also when stopped, timed out or crashed. */
  run(input: RunInput, limitMs: number): Promise<RunResult> {
    const early = this.early;
    if (early) {
      this.early = null;
      if (early.key === runKey(input)) return early.result;
    }
    return this.runNow(input, limitMs);
  }

  private async runNow(input: RunInput, limitMs: number): Promise<RunResult> {
    // Posted at once: the worker runs it as soon as its engine is up (no round trip in between).
    this.start().catch(() => undefined);
    const id = this.nextId++;
    if (this.infoValue.status === 'ready') this.setInfo({ status: 'running' });
    const reply = await this.send({ type: 'run', id, input }, { limitMs, input });
    if (this.infoValue.status === 'running' && this.pending.size === 0) this.setInfo({ status: 'ready' });
    if (reply.type === 'result') {
      this.maybeSnapshot();
      return await fromWire(reply);
    }
    if (reply.type === 'fatal') {
      const phase = reply.message.startsWith('Stopped') ? 'timeout' : 'engine';
      return failedRun(this.dialect, this.infoValue.version, engineError(phase, reply.message));
    }
    return failedRun(this.dialect, this.infoValue.version, engineError('engine', 'Unexpected reply from the engine.'));
  }

  /** Introspect the tables the setup script creates. */
  async describe(
    setup: string,
    params?: RunParams,
  ): Promise<{ tables: TableSchema[]; error?: EngineError; restart?: string }> {
    this.start().catch(() => undefined);
    const reply = await this.send(
      params ? { type: 'describe', id: this.nextId++, setup, params } : { type: 'describe', id: this.nextId++, setup },
    );
    if (reply.type === 'described') return { tables: reply.tables, error: reply.error };
    return {
      tables: [],
      error: engineError('engine', reply.type === 'fatal' ? reply.message : 'Unexpected reply from the engine.'),
    };
  }

  /** Stop the run in flight (or every pending request): terminate the worker and start a new one. */
  stop(id?: number, why: 'timeout' | 'user' = 'user'): void {
    const targets = id === undefined ? [...this.pending.keys()] : [id];
    if (targets.length === 0) return;
    for (const t of targets) {
      const p = this.pending.get(t);
      if (!p) continue;
      if (p.timer) clearTimeout(p.timer);
      this.pending.delete(t);
      const seconds = p.limitMs !== undefined ? formatSeconds(p.limitMs) : '';
      p.resolve({
        type: 'fatal',
        id: t,
        message:
          why === 'timeout'
            ? `Stopped at the time limit of ${seconds}: the run was still going. The engine was restarted; the next run starts from a clean database.`
            : 'Stopped: you stopped the run. The engine was restarted; the next run starts from a clean database.',
      });
    }
    this.restart();
  }

  /** Replace the worker (after a stop or crash); starts the replacement at once. */
  private restart(): void {
    for (const [id, p] of this.pending) {
      if (p.timer) clearTimeout(p.timer);
      p.resolve({
        type: 'fatal',
        id,
        message: `The ${label(this.dialect)} engine was restarted (after a stop, a time-out or a crash) before this run began; run it again.`,
      });
    }
    this.pending.clear();
    this.worker?.terminate();
    this.worker = null;
    this.ready = null;
    this.setInfo({ status: 'restarting' });
    this.start().catch(() => undefined);
  }

  private crash(message: string): void {
    for (const [id, p] of this.pending) {
      if (p.timer) clearTimeout(p.timer);
      p.resolve({
        type: 'fatal',
        id,
        message: `The ${label(this.dialect)} engine crashed (${message}) and was restarted; your next run starts clean.`,
      });
    }
    this.pending.clear();
    this.restart();
  }

  /** After the first successful run, keep a clean data-directory snapshot for fast restarts. */
  private maybeSnapshot(): void {
    if (this.snapshot || this.snapshotRequested || this.dialect !== 'postgres') return;
    this.snapshotRequested = true;
    const idle = (cb: () => void) =>
      typeof (globalThis as { requestIdleCallback?: unknown }).requestIdleCallback === 'function'
        ? requestIdleCallback(cb, { timeout: 3000 })
        : setTimeout(cb, 500);
    idle(() => {
      if (!this.worker) return;
      void this.send({ type: 'dump', id: this.nextId++ }).then((reply) => {
        if (reply.type === 'dumped' && reply.dataDir) {
          this.snapshot = reply.dataDir;
          void this.snapshotStore?.save(reply.dataDir).catch(() => undefined);
        } else {
          this.snapshotRequested = false;
        }
      });
    });
  }

  /** Terminate the worker for good. */
  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    this.ready = null;
  }
}

function runKey(input: RunInput): string {
  return `${input.rowLimit ?? ''}\u0000${input.setup}\u0000${input.statement}\u0000${JSON.stringify(input.params ?? null)}`;
}
