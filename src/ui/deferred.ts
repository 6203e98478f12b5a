/**
 * Code the page's first result does not need, kept out of the bytes loaded before it: each part
 * loads on first use, and all of them load ahead when the page is idle after the first result
 * (useEnhanced), so that a person's first click on them rarely waits for the network.
 */
import { useEffect, useState } from 'react';
import { lazyModule, type LazyModule } from '../lib/lazyModule';

/** Scenario files: export as JSON or SQL, parse an imported file. */
export const fileFormats = lazyModule(() => import('../scenario/file'));
/** The Race lab's timeline of results. */
export const raceResults = lazyModule(() => import('../race/RaceResults'));
/** The body of the Explain card (the plan, read). */
export const planBody = lazyModule(() => import('../results/why/PlanBody'));
/** Hints for the commonest upsert mistakes, shown with an error. */
export const learnerHints = lazyModule(() => import('./LearnerHints'));
/** A conflict target that matches no unique key: the table's keys, shown with that error. */
export const targetHelp = lazyModule(() => import('../results/why/TargetHelp'));

/** Load every deferred part (failures are ignored here: each use reports its own). */
export function preloadDeferred(): void {
  for (const part of [fileFormats, raceResults, planBody, learnerHints, targetHelp])
    void part.load().catch(() => undefined);
}

/**
 * A deferred module for rendering: the module once loaded (at once when it already is, without
 * the moment of fallback React.lazy would show), null while it loads or until `active`, 'failed'
 * when it could not be fetched.
 */
export function useDeferred<M>(part: LazyModule<M>, active: boolean, what: string): M | 'failed' | null {
  const [state, setState] = useState<M | 'failed' | null>(part.loaded());
  const mod = state ?? part.loaded();
  useEffect(() => {
    if (!active || mod !== null) return;
    let live = true;
    part.load().then(
      (m) => live && setState(m),
      (e: unknown) => {
        console.error(`Loading ${what} failed`, e);
        if (live) setState('failed');
      },
    );
    return () => {
      live = false;
    };
  }, [active, mod, part, what]);
  return mod;
}
