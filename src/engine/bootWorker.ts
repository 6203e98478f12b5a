/**
 * The SQLite worker that index.html creates while the page is still loading (see
 * scripts/preloadAppPlugin.ts): the engine client takes it instead of creating its own, once.
 */

/** Where index.html leaves the worker. */
export const BOOT_WORKER_GLOBAL = '__upsertSqliteWorker';

/** The worker index.html started, if any; later calls (restarts) get null. */
export function takeBootWorker(): Worker | null {
  if (typeof window === 'undefined') return null;
  const w = window as unknown as Record<string, unknown>;
  const worker = w[BOOT_WORKER_GLOBAL];
  delete w[BOOT_WORKER_GLOBAL];
  return typeof Worker !== 'undefined' && worker instanceof Worker ? worker : null;
}
