/**
 * The typed message protocol between the page and an engine worker.
 * Failures travel as values (RunResult.ok = false, or a 'fatal' message), never as thrown errors.
 */
import type { WireResult } from './resultCodec.ts';
import type { Dialect, EngineError, RunInput, RunParams, TableSchema, Value } from './types.ts';

/** Messages the page sends to a worker. */
export type ToWorker =
  | { type: 'init'; loadDataDir?: Blob; wasmModule?: WebAssembly.Module }
  | { type: 'run'; id: number; input: RunInput }
  | { type: 'describe'; id: number; setup: string; params?: RunParams }
  | { type: 'dump'; id: number }
  | { type: 'value'; id: number; cut: number };

/** Messages a worker sends to the page. */
export type FromWorker =
  | { type: 'ready'; dialect: Dialect; version: string; startupMs: number; fromSnapshot: boolean }
  | { type: 'started'; id: number }
  | ({ type: 'result'; id: number; restart?: true } & WireResult)
  | { type: 'described'; id: number; tables: TableSchema[]; error?: EngineError; restart?: true }
  | { type: 'dumped'; id: number; dataDir: Blob | null }
  | { type: 'valued'; id: number; value: Value }
  | { type: 'fatal'; id?: number; message: string };
