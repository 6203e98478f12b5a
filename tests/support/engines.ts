/**
 * Starting the real engines in tests. PostgreSQL always starts from the run's clean data-directory
 * snapshot (made once by pgSnapshot.globalSetup.ts), as the page does with the one it ships.
 */
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, inject } from 'vitest';
import { createPostgresEngine, type PostgresEngine } from '../../src/engine/postgres';
import { createSqliteEngine } from '../../src/engine/sqlite';
import type { Engine } from '../../src/engine/types';

let snapshot: Blob | undefined;

/** The clean data directory as a Blob (PGlite's `loadDataDir`). */
function pgSnapshot(): Blob {
  snapshot ??= new Blob([readFileSync(inject('pgSnapshot'))]);
  return snapshot;
}

/** The app's PostgreSQL engine, started from the clean snapshot. */
export function startPostgres(): Promise<PostgresEngine> {
  return createPostgresEngine({ loadDataDir: pgSnapshot() });
}

/** A plain PGlite (no engine code around it), started from the clean snapshot. */
export function startPGlite(): Promise<PGlite> {
  return PGlite.create({ loadDataDir: pgSnapshot() });
}

export interface BothEngines {
  sqlite: Engine;
  postgres: PostgresEngine;
}

/**
 * Starts both engines before the file's tests and closes them after; the returned object is
 * filled in by then (read its fields inside tests, not at module level).
 */
export function useEngines(): BothEngines {
  const engines = {} as BothEngines;
  beforeAll(async () => {
    [engines.sqlite, engines.postgres] = await Promise.all([createSqliteEngine(), startPostgres()]);
  });
  afterAll(async () => {
    await Promise.all([engines.sqlite?.close(), engines.postgres?.close()]);
  });
  return engines;
}
