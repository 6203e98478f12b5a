/**
 * The page's two engine clients, one Web Worker each. Creating a client starts nothing. The
 * SQLite worker's script is loaded by index.html while the page loads (the worker then idles
 * until it is sent 'init'); PostgreSQL's worker, code and wasm are fetched only when first needed.
 */
import { takeBootWorker } from './bootWorker.ts';
import { EngineClient } from './client.ts';
import { compiledSqliteWasm } from './sqliteWasm.ts';
import { PG_SNAPSHOT_FILE } from './snapshotFile.ts';
import { indexedDbSnapshotStore, withShippedSnapshot } from './snapshotStore.ts';
import type { Dialect } from './types.ts';

/** PGlite version, part of the snapshot key: a new PGlite must not load an old data directory. */
const PGLITE_SNAPSHOT_KEY = 'pglite-0.5.16-pg18';

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
    withShippedSnapshot(indexedDbSnapshotStore(PGLITE_SNAPSHOT_KEY), new URL(PG_SNAPSHOT_FILE, document.baseURI).href),
  ),
};
