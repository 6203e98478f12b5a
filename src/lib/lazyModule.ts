/** Modules loaded on first use (or ahead, when the page is idle), off the path to the first result. */

/**
 * A module loaded on first use: `load()` imports it once (later calls share the same promise; a
 * failed load can be retried), `loaded()` gives it synchronously once it is there.
 */
export interface LazyModule<M> {
  load: () => Promise<M>;
  loaded: () => M | null;
}

/** Wrap a dynamic import (`() => import('./x')`). */
export function lazyModule<M>(importer: () => Promise<M>): LazyModule<M> {
  let mod: M | null = null;
  let loading: Promise<M> | null = null;
  return {
    load: () =>
      (loading ??= importer().then(
        (m) => (mod = m),
        (err: unknown) => {
          loading = null;
          throw err;
        },
      )),
    loaded: () => mod,
  };
}
