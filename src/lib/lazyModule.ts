/** Modules loaded on first use (or ahead, when the page is idle), off the path to the first result. */
import { useEffect, useState } from 'react';

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

/**
 * The module once loaded ('failed' if it could not be fetched), loading it while `active`. Held in
 * state rather than behind React.lazy: a lazy part shows its fallback at least once even when the
 * code is already there, and React then holds the part back for up to 300 ms after that fallback.
 */
export function useLazyModule<M>(mod: LazyModule<M>, active: boolean, what: string): M | 'failed' | null {
  const [state, setState] = useState<M | 'failed' | null>(mod.loaded());
  const current = state ?? mod.loaded();
  useEffect(() => {
    if (!active || current !== null) return;
    let live = true;
    mod.load().then(
      (m) => live && setState(() => m),
      (e: unknown) => {
        console.error(`Loading ${what} failed`, e);
        if (live) setState('failed');
      },
    );
    return () => {
      live = false;
    };
  }, [mod, active, current, what]);
  return current;
}
