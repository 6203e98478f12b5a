/**
 * The inside of an engine worker: creates the engine once, then answers the page's messages one
 * at a time. Shared by the SQLite and PostgreSQL workers.
 */
import type { FromWorker, ToWorker } from './protocol';
import type { Engine } from './types';

/** An engine that may also snapshot its clean data directory (PGlite). */
export type HostedEngine = Engine & { dumpDataDir?: () => Promise<Blob> };

/** Start answering messages on this worker's global scope. */
export function serveEngine(create: (loadDataDir?: Blob) => Promise<HostedEngine>): void {
  const scope = self as unknown as {
    postMessage(msg: FromWorker): void;
    addEventListener(type: 'message', cb: (e: MessageEvent<ToWorker>) => void): void;
  };
  const post = (msg: FromWorker) => scope.postMessage(msg);
  let engine: Promise<HostedEngine> | null = null;
  // Messages are handled strictly in order: a run never interleaves with another.
  let queue: Promise<void> = Promise.resolve();

  const handle = async (msg: ToWorker): Promise<void> => {
    if (msg.type === 'init') {
      if (engine) return;
      const t0 = performance.now();
      engine = create(msg.loadDataDir);
      try {
        const e = await engine;
        post({ type: 'ready', dialect: e.dialect, version: e.version(), startupMs: performance.now() - t0, fromSnapshot: Boolean(msg.loadDataDir) });
      } catch (err) {
        engine = null;
        post({ type: 'fatal', message: `The engine could not start: ${errorText(err)}` });
      }
      return;
    }
    if (!engine) {
      post({ type: 'fatal', id: msg.id, message: 'The engine was not started.' });
      return;
    }
    try {
      const e = await engine;
      if (msg.type === 'run') {
        post({ type: 'started', id: msg.id });
        post({ type: 'result', id: msg.id, result: await e.run(msg.input) });
      } else if (msg.type === 'describe') {
        const d = await e.describe(msg.setup);
        post({ type: 'described', id: msg.id, tables: d.tables, error: d.error });
      } else if (msg.type === 'dump') {
        post({ type: 'dumped', id: msg.id, dataDir: e.dumpDataDir ? await e.dumpDataDir() : null });
      }
    } catch (err) {
      post({ type: 'fatal', id: msg.id, message: errorText(err) });
    }
  };

  scope.addEventListener('message', (e) => {
    queue = queue.then(() => handle(e.data));
  });
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
