/**
 * Vite build plugin: ships a snapshot of a clean, freshly initialised PGlite data directory with
 * the site, so even a first visit starts PostgreSQL without running initdb in the browser
 * (seconds of CPU). Made at build time by the same engine code the page runs.
 */
import type { Plugin } from 'vite';
import { createPostgresEngine } from '../src/engine/postgres.ts';
import { pgSnapshotFile } from '../src/engine/snapshotFile.ts';
import { installedPgliteVersion } from './pgliteVersion.ts';

/** Emit the clean data-directory snapshot as a static asset (production builds only). */
export function pgSnapshotPlugin(): Plugin {
  return {
    name: 'upsert-playground:pg-snapshot',
    apply: 'build',
    async generateBundle() {
      const engine = await createPostgresEngine();
      try {
        const dump = await engine.dumpDataDir();
        if (!dump) throw new Error('the PostgreSQL engine gave no clean data directory');
        this.emitFile({
          type: 'asset',
          fileName: pgSnapshotFile(installedPgliteVersion()),
          source: new Uint8Array(await dump.arrayBuffer()),
        });
      } finally {
        await engine.close();
      }
    },
  };
}
