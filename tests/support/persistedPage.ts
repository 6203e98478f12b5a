/**
 * The app's store with persistence on it, as a hook for renderHook: the page's start decision, the
 * store (loads pass persistence's gate), and persistence following it. No engines: nothing runs.
 */
import { useMemo, useState } from 'react';
import type { Scenario } from '../../src/scenario/scenario';
import { startScenario, type ExampleLookup } from '../../src/persistence/start';
import { usePersistence } from '../../src/persistence/usePersistence';
import { initialState, type LoadEvent } from '../../src/state/store';
import { useStore } from '../../src/state/useStore';

/** What the app does with the scenario: starts it, keeps it in the store and persists it. */
export function usePersistedPage(findExample?: ExampleLookup) {
  const [first] = useState(() => startScenario(findExample));
  const [state, dispatch, gateLoads] = useStore(() =>
    initialState(first.scenario, first.source, null, first.exampleId ?? null),
  );
  const actions = useMemo(
    () => ({ load: (l: Omit<LoadEvent, 'type'>) => dispatch({ type: 'load', ...l }), gateLoads }),
    [dispatch, gateLoads],
  );
  const p = usePersistence({ state, actions }, first, findExample);
  return {
    scenario: state.scenario,
    /** The user's edit: the whole scenario replaced. */
    set: (s: Scenario) => dispatch({ type: 'setScenario', scenario: s }),
    /** One load event, as the app dispatches it. */
    load: actions.load,
    p,
  };
}
