/**
 * The page's side of one engine worker, its lifecycle: starts the worker on demand, runs and
 * describes under a time limit, and replaces the worker when a request is stopped, times out or
 * crashes it (the only way to halt sql.js or PGlite). Requests and replies: `workerRpc.ts`; when
 * PostgreSQL starts from a snapshot: `pgSnapshotPolicy.ts`.
 */
import { CutValues } from './cutValues.ts';
import type { EngineInfo } from './engineInfo.ts';
import { PgSnapshotPolicy, type SnapshotStore } from './pgSnapshotPolicy.ts';
import type { DatasetMessage, FromWorker, ToWorker } from './protocol.ts';
import { fillSlice, type HeldRequest } from './heldRows.ts';
import { fromWire } from './resultCodec.ts';
import { engineError, failedRun, label, stoppedMessage } from './runFailure.ts';
import type { Dialect, RunInput, RunParams, RunResult, TableDiff, Value } from './types.ts';
import { EarlyRun } from './earlyRun.ts';
import { DescribeQueue, type Described, type DescribeOptions } from './describeQueue.ts';
import { WorkerRpc, type Request } from './workerRpc.ts';

export type { SnapshotStore } from './pgSnapshotPolicy.ts';
export type { Described, DescribeOptions } from './describeQueue.ts';

/** The per-request time limit when the caller names none (the app's default, too). */
export const DEFAULT_LIMIT_MS = 5000;

/**
 * Extra time for the first request a new worker starts when the worker compiles the engine's wasm
 * itself (PostgreSQL; SQLite's module is compiled once on the page and shared): the engine warms
 * up on that request (code compiled and caches filled as they are first used), which takes many
 * times a warm run on a slow or busy device. Without it, a first run cut at the limit would
 * restart the engine cold again, and the next run would meet the same fate.
 */
export const WARM_UP_GRACE_MS = 10_000;

/** A worker-backed engine with time limits and restarts. */
export class EngineClient {
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;
  /** No request has started on the current worker yet (its first one gets the warm-up grace). */
  private fresh = true;
  private readonly rpc = new WorkerRpc();
  private readonly cuts = new CutValues();
  private readonly describes = new DescribeQueue(
    (setup, params, limitMs) => this.describeNow(setup, params, limitMs),
    DEFAULT_LIMIT_MS,
  );
  private readonly snapshots: PgSnapshotPolicy | null;
  private listeners = new Set<(info: EngineInfo) => void>();
  private readonly early = new EarlyRun();
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
    snapshotStore?: SnapshotStore,
    /** The engine's wasm compiled on the page (null: the worker loads it itself). */
    private readonly wasmModule?: () => Promise<WebAssembly.Module | null>,
  ) {
    this.snapshots = dialect === 'postgres' || snapshotStore ? new PgSnapshotPolicy(snapshotStore) : null;
  }

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

  /** Start the worker (at once: it queues requests) and its engine (after 'init' with a snapshot or wasm); resolves when ready. */
  start(): Promise<void> {
    if (this.ready) return this.ready;
    this.setInfo({ status: this.infoValue.status === 'restarting' ? 'restarting' : 'starting', failure: null });
    const worker = this.makeWorker();
    this.worker = worker;
    this.fresh = true;
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
            status: this.rpc.size > 0 ? 'running' : 'ready',
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
    void this.init(worker);
    this.ready = ready.catch((err: unknown) => {
      const message = err instanceof Error ? err.message : String(err);
      // Requests already posted to the failed worker get an answer too.
      this.rpc.failAll(`The engine could not start: ${message}`);
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

  /** Hand the worker what it starts from: a data-directory snapshot, the compiled wasm. */
  private async init(worker: Worker): Promise<void> {
    const loadDataDir = this.snapshots ? await this.snapshots.forStart() : null;
    const wasmModule = this.wasmModule ? await this.wasmModule().catch(() => null) : null;
    if (this.worker !== worker) return;
    const init: ToWorker = { type: 'init' };
    if (loadDataDir) init.loadDataDir = loadDataDir;
    try {
      worker.postMessage(wasmModule ? { ...init, wasmModule } : init);
    } catch {
      // A browser that cannot pass a compiled module to a worker: the worker loads the wasm itself.
      worker.postMessage(init);
    }
  }

  private onMessage(msg: FromWorker): void {
    if (msg.type === 'ready' || !('id' in msg) || msg.id === undefined) return;
    const p = this.rpc.get(msg.id);
    if (!p) return; // a reply for a request that was stopped: drop it
    if (msg.type === 'started') {
      // The time limit counts the request itself, not the engine's start-up or queueing.
      if (p.limitMs !== undefined) {
        p.graceMs = this.fresh && !this.wasmModule ? WARM_UP_GRACE_MS : 0;
        p.timer = setTimeout(() => this.stop(msg.id, 'timeout'), p.limitMs + p.graceMs);
      }
      this.fresh = false;
      return;
    }
    this.rpc.settle(msg.id, msg);
    if ((msg.type === 'result' || msg.type === 'described') && msg.restart) this.replaceWorker();
  }

  /** A new worker (clean) gets the requests still waiting: the old one is unusable, or a describe hit its limit. */
  private replaceWorker(): void {
    this.cuts.replaced();
    this.generation++;
    this.worker?.terminate();
    this.worker = null;
    this.ready = null;
    this.setInfo({ status: 'restarting' });
    this.start().catch(() => undefined);
    this.rpc.repost(this.worker!);
  }

  /** Post a request (the worker queues it until its engine is up); 'ready' again once none waits. */
  private async send(msg: Request, limitMs?: number): Promise<FromWorker> {
    this.start().catch(() => undefined);
    const reply = await this.rpc.request(this.worker!, msg, limitMs);
    if (this.infoValue.status === 'running' && this.rpc.size === 0) this.setInfo({ status: 'ready' });
    return reply;
  }

  /** Start a run before the app has loaded; the first `run` of the same scripts takes its result. */
  runEarly(input: RunInput, limitMs: number): void {
    this.early.keep(input, this.run(input, limitMs));
  }

  /** Run a scenario's scripts; resolves with a RunResult also when stopped, timed out or crashed. */
  run(input: RunInput, limitMs: number): Promise<RunResult> {
    return this.early.take(input) ?? this.runNow(input, limitMs);
  }

  private async runNow(input: RunInput, limitMs: number): Promise<RunResult> {
    // Posted at once: the worker runs it as soon as its engine is up (no round trip in between).
    const reply = this.send({ type: 'run', id: this.rpc.id(), input }, limitMs);
    const run = this.cuts.sent();
    if (this.infoValue.status === 'ready') this.setInfo({ status: 'running' });
    const msg = await reply;
    if (msg.type === 'result') {
      this.snapshots?.afterRun(() => (this.worker ? this.dump() : null));
      const result = await fromWire(msg);
      this.cuts.adopt(result, run);
      for (const t of result.tables) if (t.held) t.held.worker = this.generation;
      return result;
    }
    if (msg.type === 'fatal') {
      const phase = msg.message.startsWith('Stopped') ? 'timeout' : 'engine';
      return failedRun(this.dialect, this.infoValue.version, engineError(phase, msg.message));
    }
    return failedRun(this.dialect, this.infoValue.version, engineError('engine', 'Unexpected reply from the engine.'));
  }

  /** Introspect the tables the setup creates, under the run's time limit (one at a time; see DescribeQueue). */
  describe(setup: string, params?: RunParams, opts: DescribeOptions = {}): Promise<Described> {
    return this.describes.add(setup, params, opts);
  }

  private async describeNow(setup: string, params: RunParams | undefined, limitMs: number): Promise<Described> {
    const id = this.rpc.id();
    const reply = await this.send(
      params ? { type: 'describe', id, setup, params } : { type: 'describe', id, setup },
      limitMs,
    );
    if (reply.type === 'described') return { tables: reply.tables, error: reply.error };
    const timeout = reply.type === 'fatal' && reply.message.startsWith('Stopped');
    const message = reply.type === 'fatal' ? reply.message : 'Unexpected reply from the engine.';
    return { tables: [], error: engineError(timeout ? 'timeout' : 'engine', message) };
  }

  /** A value the latest run showed cut (its CutCell.id), whole; null once the engine ran again or restarted. */
  fullValue(cutId: number): Promise<Value | null> {
    return this.cuts.fetch(cutId, (cut) => this.send({ type: 'value', id: this.rpc.id(), cut }));
  }

  /**
   * Ask the worker for entries `from`..`to` of a held table's After view ('changes', with the rows
   * they show) or of its Before or After rows, and put them into the table's arrays in place.
   * 'gone' when the worker no longer holds them (a newer run, or a new worker); 'replaced' when
   * they are gone because a run is on its way, whose result will take the table's place.
   */
  async fillHeld(
    t: TableDiff,
    part: HeldRequest['part'],
    from: number,
    to: number,
  ): Promise<'filled' | 'gone' | 'replaced'> {
    const held = t.held;
    const gone = () => (this.rpc.ids().some((id) => this.rpc.get(id)?.msg.type === 'run') ? 'replaced' : 'gone');
    if (!held || held.worker !== this.generation || !this.worker) return gone();
    const request: HeldRequest = { run: held.run, table: held.index, part, from, to };
    const reply = await this.send({ type: 'rows', id: this.rpc.id(), request });
    if (reply.type !== 'rowsOf' || !reply.slice || held.worker !== this.generation) return gone();
    fillSlice(t, reply.slice);
    return 'filled';
  }

  /** How many times the worker was replaced: what was loaded into an earlier one is gone. */
  generation = 0;

  /** Post a loaded CSV file's part (see datasets.ts; row batches are transferred); no reply. */
  postDataset(msg: DatasetMessage): void {
    this.start().catch(() => undefined);
    this.worker?.postMessage(msg, msg.op === 'rows' ? [msg.data.buffer] : []);
  }

  /** Rows of a dataset the worker keeps once every part posted before is in (null: it has none). */
  async stored(dataset: string): Promise<number | null> {
    const reply = await this.send({ type: 'stored', id: this.rpc.id(), dataset });
    return reply.type === 'stored' ? reply.rows : null;
  }

  /** The worker's clean data directory (PostgreSQL), for fast restarts. */
  private async dump(): Promise<Blob | null> {
    const reply = await this.send({ type: 'dump', id: this.rpc.id() });
    return reply.type === 'dumped' ? reply.dataDir : null;
  }

  /** Stop the request in flight (or all): a new worker; a describe stopped at its limit hands the requests behind it over. */
  stop(id?: number, why: 'timeout' | 'user' = 'user'): void {
    const targets = id === undefined ? this.rpc.ids() : [id];
    if (targets.length === 0) return;
    let describeOnly = why === 'timeout';
    for (const t of targets) {
      const p = this.rpc.get(t);
      if (!p) continue;
      if (p.msg.type !== 'describe') describeOnly = false;
      this.rpc.settle(t, { type: 'fatal', id: t, message: stoppedMessage(why, p) });
    }
    if (describeOnly) this.replaceWorker();
    else
      this.restart(
        `The ${label(this.dialect)} engine was restarted (after a stop, a time-out or a crash) before this run began; run it again.`,
      );
  }

  /** After a stop or crash: runs still waiting are given up with `message`; schema reads go to the new worker. */
  private restart(message: string): void {
    for (const id of this.rpc.ids()) {
      if (this.rpc.get(id)?.msg.type !== 'describe') this.rpc.settle(id, { type: 'fatal', id, message });
    }
    this.replaceWorker();
  }

  private crash(message: string): void {
    this.restart(
      `The ${label(this.dialect)} engine crashed (${message}) and was restarted; your next run starts clean.`,
    );
  }

  /** Terminate the worker for good. */
  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    this.ready = null;
  }
}
