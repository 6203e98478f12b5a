/**
 * The inside of an engine worker: creates the engine once, then answers the page's messages one
 * at a time. Shared by the SQLite and PostgreSQL workers.
 *
 * 'init' is handled as soon as it arrives, so the page may post a run right behind it (or even
 * before it, while it reads a stored snapshot): queued requests simply wait for the engine.
 */
import type { FromWorker, ToWorker } from './protocol.ts';
import { HeldRows, holdsRows } from './heldRows.ts';
import { toWire } from './resultCodec.ts';
import type { Engine } from './types.ts';

/** An engine that may also snapshot its clean data directory (PGlite). */
export type HostedEngine = Engine & { dumpDataDir?: () => Promise<Blob | null> };

/** What the page hands over with 'init': a stored data directory, an already compiled wasm module. */
export interface InitOptions {
  loadDataDir?: Blob | undefined;
  wasmModule?: WebAssembly.Module | undefined;
}

/** The worker's global scope, as far as serving needs it. */
export interface WorkerScope {
  postMessage: (msg: FromWorker) => void;
  addEventListener: (type: 'message', cb: (e: MessageEvent<ToWorker>) => void) => void;
}

/** Start answering messages on this worker's global scope (or on `scope`, for tests in Node). */
export function serveEngine(create: (init: InitOptions) => Promise<HostedEngine>, scope: WorkerScope = self): void {
  const post = (msg: FromWorker) => scope.postMessage(msg);
  let begin!: (init: InitOptions) => void;
  let started = false;
  const engine = new Promise<HostedEngine>((resolve, reject) => {
    begin = (init) => {
      const t0 = performance.now();
      create(init).then(
        (e) => {
          post({
            type: 'ready',
            dialect: e.dialect,
            version: e.version(),
            startupMs: performance.now() - t0,
            fromSnapshot: Boolean(init.loadDataDir),
          });
          resolve(e);
        },
        (err: unknown) => {
          post({ type: 'fatal', message: `The engine could not start: ${errorText(err)}` });
          reject(err instanceof Error ? err : new Error(errorText(err)));
        },
      );
    };
  });
  engine.catch(() => undefined); // reported above; queued requests get their own message
  // Requests are handled strictly in order: a run never interleaves with another.
  let queue: Promise<void> = Promise.resolve();
  // Once a run says the engine needs a restart, nothing more runs here: the page replaces this
  // worker and hands the requests still waiting to the new one.
  let retired = false;
  const held = new HeldRows();

  const handle = async (msg: Exclude<ToWorker, { type: 'init' }>): Promise<void> => {
    if (retired) return;
    try {
      const e = await engine;
      if (msg.type === 'run') {
        post({ type: 'started', id: msg.id });
        const r = await e.run(msg.input);
        // The raw row events have been read into each statement's proposed rows; the page shows
        // those, so the events (up to 10,000 per run) stay here.
        for (const st of r.statements) delete st.account;
        if (r.restart) retired = true;
        // (A run that restarts the engine holds too: its large tables were cut for the page on
        // that understanding, and the page shows their first rows.)
        const sent = holdsRows(msg.input) ? held.hold(r) : r;
        post({ type: 'result', id: msg.id, ...(r.restart ? { restart: true } : {}), ...toWire(sent) });
      } else if (msg.type === 'describe') {
        // A describe runs the user's setup: it is under the time limit too.
        post({ type: 'started', id: msg.id });
        const d = await e.describe(msg.setup, msg.params);
        if (d.restart) retired = true;
        post({
          type: 'described',
          id: msg.id,
          tables: d.tables,
          error: d.error,
          ...(d.restart ? { restart: true } : {}),
        });
      } else if (msg.type === 'dataset') {
        if (msg.op === 'begin') e.datasets.begin(msg.info);
        else if (msg.op === 'rows') e.datasets.add(msg.dataset, msg.data, msg.rows);
        else e.datasets.drop(msg.dataset);
      } else if (msg.type === 'stored') {
        post({ type: 'stored', id: msg.id, rows: e.datasets.rows(msg.dataset) });
      } else if (msg.type === 'value') {
        post({ type: 'valued', id: msg.id, value: await e.fullValue(msg.cut) });
      } else {
        post({ type: 'dumped', id: msg.id, dataDir: e.dumpDataDir ? await e.dumpDataDir() : null });
      }
    } catch (err) {
      if (msg.type !== 'dataset') post({ type: 'fatal', id: msg.id, message: errorText(err) });
    }
  };

  scope.addEventListener('message', (e) => {
    const msg = e.data;
    if (msg.type === 'init') {
      if (!started) {
        started = true;
        begin({ loadDataDir: msg.loadDataDir, wasmModule: msg.wasmModule });
      }
      return;
    }
    if (msg.type === 'rows') {
      // Held rows are plain data: answered as soon as the worker gets a turn, even mid-run.
      post({ type: 'rowsOf', id: msg.id, slice: held.slice(msg.request) });
      return;
    }
    queue = queue.then(() => handle(msg));
  });
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
