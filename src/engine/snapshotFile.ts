/**
 * Names derived from the installed PGlite version (read from its package.json at build time, see
 * scripts/pgliteVersion.ts): the shipped clean data-directory snapshot's file and its IndexedDB key.
 * A newer PGlite must never load a data directory written by an older one.
 */

/** Prefix of every snapshot key in IndexedDB (keys of other versions are deleted on save). */
export const PG_SNAPSHOT_KEY_PREFIX = 'pglite-';

/** Where the build puts PGlite's clean data-directory snapshot (see scripts/pgSnapshotPlugin.ts). */
export function pgSnapshotFile(pgliteVersion: string): string {
  return `assets/pglite-${pgliteVersion}-clean.tar.gz`;
}

/** The IndexedDB key of the stored snapshot for one PGlite version. */
export function pgSnapshotKey(pgliteVersion: string): string {
  return `${PG_SNAPSHOT_KEY_PREFIX}${pgliteVersion}`;
}
