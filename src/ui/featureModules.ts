/**
 * The code of the features a person opens from the top bar (Examples, Practice, Compare's
 * difference summary), loaded on first use, or ahead once the page has shown its first result and
 * is idle (not when the browser asks to save data): then opening one shows it at once, with no
 * loading note (the service worker precaches these files in any case).
 */
import { useEffect } from 'react';
import { whenIdle } from '../lib/idle';
import { lazyModule, type LazyModule } from '../lib/lazyModule';
import { DEFERRED_PARTS } from './deferred';
import { galleryModule } from './galleryLoader';

/** The Practice page. */
export const practiceModule = lazyModule(() => import('../practice/PracticeView'));

/** Compare mode's difference summary. */
export const compareSummaryModule = lazyModule(() => import('./CompareSummary'));

// The features first, then the smaller parts kept off the first result's path (deferred.ts).
const AHEAD: LazyModule<unknown>[] = [galleryModule, practiceModule, compareSummaryModule, ...DEFERRED_PARTS];

/** Once `ready` (a result is on screen), load the features' code one module per idle period. */
export function usePreloadFeatures(ready: boolean): void {
  useEffect(() => {
    if (!ready) return;
    const saveData = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData;
    if (saveData) return;
    let cancel: (() => void) | null = null;
    let live = true;
    const next = (i: number) => {
      const mod = AHEAD[i];
      if (!mod || !live) return;
      cancel = whenIdle(
        () =>
          void mod.load().then(
            () => next(i + 1),
            () => undefined,
          ),
        5000,
        2000,
      );
    };
    next(0);
    return () => {
      live = false;
      cancel?.();
    };
  }, [ready]);
}
