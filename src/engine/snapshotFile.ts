/** Where the build puts PGlite's clean data-directory snapshot (see scripts/pgSnapshotPlugin.ts). */
export const PG_SNAPSHOT_FILE = 'assets/pglite-0.5.16-clean.tar.gz';
