/**
 * The store as a hook: the reducer (store.ts) with one gate in front of its load events. A load
 * is one event; persistence follows the loads in the state (address, autosave) and holds the gate,
 * because the one part of a load that must come before it — setting the edited work it replaces
 * aside — can be refused (storage full), and then nothing may be replaced.
 */
import { useCallback, useReducer, useRef } from 'react';
import { reducer, type Action, type LoadEvent, type PlaygroundState } from './store';

/** Runs before a load reaches the reducer; false: the load does not happen (it said why). */
export type LoadGate = (event: LoadEvent) => boolean;

/** The store: state, dispatch (loads pass the gate) and the gate's setter (null removes it). */
export function useStore(
  init: () => PlaygroundState,
): [PlaygroundState, (action: Action) => void, (gate: LoadGate | null) => void] {
  const [state, send] = useReducer(reducer, undefined, init);
  const gate = useRef<LoadGate | null>(null);
  const dispatch = useCallback((action: Action) => {
    if (action.type === 'load' && gate.current && !gate.current(action)) return;
    send(action);
  }, []);
  const gateLoads = useCallback((g: LoadGate | null) => {
    gate.current = g;
  }, []);
  return [state, dispatch, gateLoads];
}
