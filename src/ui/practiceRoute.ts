/**
 * Practice in the address: `#practice` (the path) and `#practice/ID` (an exercise). This small hook
 * lives in the app shell; Practice's own code (exercises, checker, views) loads on first use.
 * Moving between exercises adds history entries, so Back returns to the previous one; leaving
 * Practice puts the playground's scenario back into the address.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { encodeScenario } from '../scenario/link';
import type { Scenario } from '../scenario/scenario';
import { practiceFragment, practiceIdOf, pushFragment, readFragment } from '../persistence/history';

/** What the app needs to show Practice and move around in it. */
export interface PracticeRoute {
  /** null: Practice is closed; '': the path; else the exercise id. */
  id: string | null;
  /** Open the path, or an exercise (a new history entry). */
  go: (id?: string | null) => void;
  /** Back to the playground: its scenario returns to the address (a new history entry). */
  close: () => void;
  /** Practice was left by loading another scenario (which writes its own address). */
  left: () => void;
}

/** True while the address names Practice. */
export function practiceIsOpen(): boolean {
  return practiceIdOf(readFragment()) !== null;
}

/** Track and change the Practice part of the address. */
export function usePracticeRoute(scenario: Scenario): PracticeRoute {
  const [id, setId] = useState<string | null>(() => practiceIdOf(readFragment()));
  const current = useRef(scenario);
  useLayoutEffect(() => {
    current.current = scenario;
  });
  useEffect(() => {
    const sync = () => setId(practiceIdOf(readFragment()));
    window.addEventListener('popstate', sync);
    window.addEventListener('hashchange', sync);
    return () => {
      window.removeEventListener('popstate', sync);
      window.removeEventListener('hashchange', sync);
    };
  }, []);
  const go = useCallback((next?: string | null) => {
    pushFragment(practiceFragment(next));
    setId(next ?? '');
    window.scrollTo?.(0, 0);
  }, []);
  const close = useCallback(() => {
    pushFragment(encodeScenario(current.current));
    setId(null);
  }, []);
  const left = useCallback(() => setId(null), []);
  return { id, go, close, left };
}
