/**
 * Vite build plugin: ships a snapshot of a clean, freshly initialised PGlite data directory with
 * the site, so even a first visit starts PostgreSQL without running initdb in the browser
 * (seconds of CPU). Made at build time by the same engine code the page runs; the tests' global
 * set-up makes theirs with `cleanPgSnapshot()` too.
 */
import type { Plugin } from 'vite';
import { createPostgresEngine } from '../src/engine/postgres.ts';
import { pgSnapshotFile } from '../src/engine/snapshotFile.ts';
import { installedPgliteVersion } from './pgliteVersion.ts';

/** A gzip tarball of a clean PGlite data directory, as the engine dumps it before any run. */
export async function cleanPgSnapshot(): Promise<Uint8Array<ArrayBuffer>> {
  const engine = await createPostgresEngine();
  try {
    const dump = await engine.dumpDataDir();
    if (!dump) throw new Error('the PostgreSQL engine gave no clean data directory');
    return new Uint8Array(await dump.arrayBuffer());
  } finally {
    await engine.close();
  }
}

/** Emit the clean data-directory snapshot as a static asset (production builds only). */
export function pgSnapshotPlugin(): Plugin {
  return {
    name: 'upsert-playground:pg-snapshot',
    apply: 'build',
    async generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: pgSnapshotFile(installedPgliteVersion()),
        source: await cleanPgSnapshot(),
      });
    },
  };
}
