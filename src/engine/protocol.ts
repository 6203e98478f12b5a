/**
 * The typed message protocol between the page and an engine worker.
 * Failures travel as values (RunResult.ok = false, or a 'fatal' message), never as thrown errors.
 */
import type { WireResult } from './resultCodec.ts';
import type { Dialect, EngineError, RunInput, RunParams, TableSchema, Value } from './types.ts';
import type { DatasetInfo } from './datasets.ts';
import type { HeldRequest, HeldSlice } from './heldRows.ts';

/**
 * A loaded CSV file's part (see datasets.ts), posted without a reply: 'begin', then its row
 * batches as they are parsed (JSON text as UTF-8, transferred), or 'drop'. 'stored' (a request)
 * answers once every batch before it is kept.
 */
export type DatasetMessage =
  | { type: 'dataset'; op: 'begin'; info: DatasetInfo }
  | { type: 'dataset'; op: 'rows'; dataset: string; data: Uint8Array; rows: number }
  | { type: 'dataset'; op: 'drop'; dataset: string };

/** Messages the page sends to a worker. */
export type ToWorker =
  | { type: 'init'; loadDataDir?: Blob; wasmModule?: WebAssembly.Module }
  | { type: 'run'; id: number; input: RunInput }
  | { type: 'describe'; id: number; setup: string; params?: RunParams }
  | { type: 'dump'; id: number }
  | { type: 'value'; id: number; cut: number }
  | { type: 'stored'; id: number; dataset: string }
  /** Rows of a held table (heldRows.ts): answered at once, not after the run in progress. */
  | { type: 'rows'; id: number; request: HeldRequest }
  | DatasetMessage;

/** Messages a worker sends to the page. */
export type FromWorker =
  | { type: 'ready'; dialect: Dialect; version: string; startupMs: number; fromSnapshot: boolean }
  | { type: 'started'; id: number }
  | ({ type: 'result'; id: number; restart?: true } & WireResult)
  | { type: 'described'; id: number; tables: TableSchema[]; error?: EngineError; restart?: true }
  | { type: 'dumped'; id: number; dataDir: Blob | null }
  | { type: 'valued'; id: number; value: Value }
  /** The rows asked for; null when that run's rows are no longer kept. */
  | { type: 'rowsOf'; id: number; slice: HeldSlice | null }
  /** Rows of the dataset kept in the engine; null when it has none by that id (dropped, or a new worker). */
  | { type: 'stored'; id: number; rows: number | null }
  | { type: 'fatal'; id?: number; message: string };
