/**
 * When PostgreSQL starts from a clean data-directory snapshot, and when one is taken: a (re)start
 * uses the snapshot in memory, else the stored one (the build ships one); after the first
 * successful run, when the page is idle, the worker is asked once for a dump of its clean data
 * directory, kept in memory and stored for the next visit.
 */
import { whenIdle } from '../lib/idle.ts';

/** Optional persistence for a clean data-directory snapshot (PostgreSQL). */
export interface SnapshotStore {
  load: () => Promise<Blob | null>;
  save: (dataDir: Blob) => Promise<void>;
}

/** The snapshot policy of one PostgreSQL client. */
export class PgSnapshotPolicy {
  private snapshot: Blob | null = null;
  private requested = false;

  constructor(private readonly store?: SnapshotStore) {}

  /** The data directory to start from: the one in memory, else the stored one, else none. */
  async forStart(): Promise<Blob | null> {
    if (!this.snapshot && this.store) this.snapshot = await this.store.load().catch(() => null);
    return this.snapshot;
  }

  /** After a successful run: once, when idle, `dump` the clean data directory and keep it. */
  afterRun(dump: () => Promise<Blob | null> | null): void {
    if (this.snapshot || this.requested) return;
    this.requested = true;
    whenIdle(
      () => {
        const dumped = dump();
        if (!dumped) {
          this.requested = false;
          return;
        }
        void dumped.then((dataDir) => {
          if (dataDir) {
            this.snapshot = dataDir;
            void this.store?.save(dataDir).catch(() => undefined);
          } else {
            this.requested = false;
          }
        });
      },
      3000,
      500,
    );
  }
}
