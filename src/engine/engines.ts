/**
 * The page's two engine clients, one Web Worker each. Creating a client starts nothing. The
 * SQLite worker's script is loaded by index.html while the page loads (the worker then idles
 * until it is sent 'init'); PostgreSQL's worker, code and wasm are fetched only when first needed.
 */
import { takeBootWorker } from './bootWorker.ts';
import { EngineClient } from './client.ts';
import { compiledSqliteWasm } from './sqliteWasm.ts';
import { pgSnapshotFile, pgSnapshotKey } from './snapshotFile.ts';
import { indexedDbSnapshotStore, withShippedSnapshot } from './snapshotStore.ts';
import type { Dialect } from './types.ts';

/**
 * The installed PGlite's version, put in by the build (vite.config.ts `define`): part of the
 * snapshot's file name and IndexedDB key, so a new PGlite never loads an old data directory.
 */
declare const __PGLITE_VERSION__: string | undefined;
const PGLITE_VERSION = typeof __PGLITE_VERSION__ === 'string' ? __PGLITE_VERSION__ : 'unknown';

/** One client per dialect. */
export const engines: Record<Dialect, EngineClient> = {
  sqlite: new EngineClient(
    'sqlite',
    () =>
      takeBootWorker() ??
      new Worker(new URL('./sqlite.worker.ts', import.meta.url), { type: 'module', name: 'sqlite-engine' }),
    undefined,
    compiledSqliteWasm,
  ),
  postgres: new EngineClient(
    'postgres',
    () => new Worker(new URL('./postgres.worker.ts', import.meta.url), { type: 'module', name: 'postgres-engine' }),
    withShippedSnapshot(
      indexedDbSnapshotStore(pgSnapshotKey(PGLITE_VERSION)),
      new URL(pgSnapshotFile(PGLITE_VERSION), document.baseURI).href,
    ),
  ),
};
