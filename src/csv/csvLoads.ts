/**
 * The CSV files loaded into one engine for this session, on the page's side: each load runs a CSV
 * worker of its own (csv.worker.ts) whose row batches are relayed, by transfer and unread, to the
 * engine worker, which keeps them and inserts them after the setup of every run (datasets.ts).
 *
 * A loaded file belongs to the session, not to the scenario: it is not in a shared link or a saved
 * scenario. When the engine worker is replaced (a Stop, a time-out, a crash, a restart the engine
 * asked for), what it kept is gone: the page keeps the File and the load shows as lost, with a
 * "Load again" button that reads the same File again (the page does not re-send it by itself, so
 * that a run is never held up by a reload nobody asked for); runs meanwhile fail with a message
 * that says so, rather than run silently without the rows.
 */
import type { EngineClient } from '../engine/client';
import type { CsvJob, CsvWorkerMessage } from './csvRead';
import type { TableSchema } from '../engine/types';
import { registerCsvLoads } from './forRun';

/** Larger files are refused before reading: the engine keeps about the file's size in memory. */
const MAX_FILE_BYTES = 512 * 1024 * 1024;

/** One loaded (or loading) file. */
export interface CsvLoad {
  id: string;
  table: string;
  file: File;
  state: 'loading' | 'loaded' | 'failed';
  /** Bytes read and rows parsed so far (the rows of a loaded file). */
  bytes: number;
  rows: number;
  /** Why it failed, in a person's words. */
  message?: string;
  /** The engine worker it was loaded into (EngineClient.generation). */
  generation: number;
}

/** What a view shows. */
export interface CsvLoadsView {
  loads: readonly CsvLoad[];
  generation: number;
}

/** True when the engine worker that kept this file's rows has been replaced since. */
export function isLost(load: CsvLoad, view: CsvLoadsView): boolean {
  return load.state === 'loaded' && load.generation !== view.generation;
}

let nextId = 1;

/** The loads of one engine client. */
export class CsvLoads {
  private list: readonly CsvLoad[] = [];
  private listeners = new Set<() => void>();
  private workers = new Map<string, Worker>();

  constructor(private readonly client: EngineClient) {}

  private view: CsvLoadsView = { loads: [], generation: 0 };

  /** The loads, newest last, and the engine worker's generation (a new object after any change). */
  readonly snapshot = (): CsvLoadsView => {
    if (this.view.loads !== this.list || this.view.generation !== this.client.generation)
      this.view = { loads: this.list, generation: this.client.generation };
    return this.view;
  };

  readonly subscribe = (cb: () => void): (() => void) => {
    this.listeners.add(cb);
    // A replaced worker makes loaded files lost: their views must show it.
    const off = this.client.subscribe(() => cb());
    return () => {
      this.listeners.delete(cb);
      off();
    };
  };

  /** What a run inserts: the loaded files' ids, and their rows (for the time limit). */
  forRun(): { ids: string[]; rows: number } {
    const loaded = this.list.filter((l) => l.state === 'loaded');
    return { ids: loaded.map((l) => l.id), rows: loaded.reduce((n, l) => n + l.rows, 0) };
  }

  private update(id: string, patch: Partial<CsvLoad>): void {
    this.list = this.list.map((l) => (l.id === id ? { ...l, ...patch } : l));
    for (const cb of this.listeners) cb();
  }

  private set(list: readonly CsvLoad[]): void {
    this.list = list;
    for (const cb of this.listeners) cb();
  }

  /**
   * Load `file` into `table` (replacing a file loaded into it before); `done` is called once the
   * engine keeps every row (to run with them).
   */
  load(file: File, table: TableSchema, done: () => void): void {
    for (const l of this.list.filter((x) => x.table === table.name)) this.remove(l.id);
    const id = `csv-${nextId++}`;
    const load: CsvLoad = { id, table: table.name, file, state: 'loading', bytes: 0, rows: 0, generation: 0 };
    this.set([...this.list, load]);
    if (file.size === 0) {
      this.update(id, { state: 'failed', message: `${file.name} is empty.` });
      return;
    }
    if (file.size > MAX_FILE_BYTES) {
      const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
      this.update(id, {
        state: 'failed',
        message: `${file.name} is too large to load here (${mb(file.size)}; at most ${mb(MAX_FILE_BYTES)}): the rows are kept in this tab's memory.`,
      });
      return;
    }
    const worker = new Worker(new URL('./csv.worker.ts', import.meta.url), { type: 'module', name: 'csv-reader' });
    this.workers.set(id, worker);
    const generation = this.client.generation;
    const fail = (message: string) => {
      this.stopWorker(id);
      this.client.postDataset({ type: 'dataset', op: 'drop', dataset: id });
      this.update(id, { state: 'failed', message });
    };
    worker.onmessage = (e: MessageEvent<CsvWorkerMessage>) => {
      const msg = e.data;
      if (msg.type === 'header') {
        this.client.postDataset({
          type: 'dataset',
          op: 'begin',
          info: { id, table: table.name, columns: msg.columns, fileName: file.name },
        });
      } else if (msg.type === 'batch') {
        this.client.postDataset({ type: 'dataset', op: 'rows', dataset: id, data: msg.data, rows: msg.rows });
        this.update(id, { bytes: msg.progress.bytes, rows: msg.progress.rows });
      } else if (msg.type === 'failed') {
        fail(msg.message);
      } else {
        this.stopWorker(id);
        this.update(id, { bytes: file.size, rows: msg.rows });
        // The reply comes once the engine worker has taken every batch posted before it.
        void this.client.stored(id).then((rows) => {
          if (!this.workersDone(id)) return; // removed or cancelled meanwhile
          if (rows !== msg.rows || this.client.generation !== generation) {
            fail(`The engine was restarted while ${file.name} was loading; load it again.`);
            return;
          }
          this.update(id, { state: 'loaded', generation });
          done();
        });
      }
    };
    worker.onerror = (e) => {
      e.preventDefault();
      fail(`${file.name} could not be read: ${e.message || 'the CSV reader stopped (out of memory?)'}.`);
    };
    worker.postMessage({ file, table } satisfies CsvJob);
  }

  private workersDone(id: string): boolean {
    return this.list.some((l) => l.id === id && l.state === 'loading');
  }

  private stopWorker(id: string): void {
    this.workers.get(id)?.terminate();
    this.workers.delete(id);
  }

  /** Stop a load under way, or forget a loaded file (the engine drops its rows). */
  remove(id: string): void {
    this.stopWorker(id);
    this.client.postDataset({ type: 'dataset', op: 'drop', dataset: id });
    this.set(this.list.filter((l) => l.id !== id));
  }
}

const byClient = new WeakMap<EngineClient, CsvLoads>();

/** The CSV loads of an engine client. */
export function csvLoadsOf(client: EngineClient): CsvLoads {
  let loads = byClient.get(client);
  if (!loads) {
    byClient.set(client, (loads = new CsvLoads(client)));
    registerCsvLoads(client, loads);
  }
  return loads;
}
