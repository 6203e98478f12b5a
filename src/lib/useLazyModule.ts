/** A lazily loaded module (lazyModule.ts) as React state. */
import { useEffect, useState } from 'react';
import type { LazyModule } from './lazyModule';

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
