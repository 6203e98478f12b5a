/**
 * The playground hook: the store plus the effects that talk to the engines (runs, auto-runs on
 * load and dialect switch, background warm-up of PostgreSQL).
 */
import { useCallback, useEffect, useLayoutEffect, useReducer, useRef } from 'react';
import { engines } from '../engine/engines';
import type { Dialect } from '../engine/types';
import type { Scenario } from '../scenario/scenario';
import { isStale, reducer, type PlaygroundState, type ScenarioSource } from './store';

/** Actions the UI calls. */
export interface PlaygroundActions {
  run: (dialect?: Dialect) => void;
  stop: (dialect?: Dialect) => void;
  edit: (part: 'setup' | 'statement', text: string, dialect?: Dialect) => void;
  setDialect: (dialect: Dialect) => void;
  /** Replace the scenario as an edit (e.g. an accepted translation). */
  setScenario: (scenario: Scenario) => void;
  closeExplanation: () => void;
  load: (scenario: Scenario, source: ScenarioSource, exampleId?: string | null) => void;
  patch: (patch: Partial<Pick<Scenario, 'title' | 'notes' | 'compare'>>) => void;
  setTimeLimit: (seconds: number) => void;
  dismissMessage: () => void;
  showMessage: (kind: 'error' | 'info', text: string) => void;
}

/** Dialects a scenario shows results for (both in compare mode). */
export function shownDialects(s: Scenario): Dialect[] {
  return s.compare ? ['sqlite', 'postgres'] : [s.dialect];
}

/** State and actions of the playground. */
export function usePlayground(init: () => PlaygroundState): [PlaygroundState, PlaygroundActions] {
  const [state, dispatch] = useReducer(reducer, undefined, init);
  // The committed state, for actions called from event handlers and engine callbacks.
  const stateRef = useRef(state);
  useLayoutEffect(() => {
    stateRef.current = state;
  });

  const run = useCallback((dialect?: Dialect) => {
    const s = stateRef.current;
    const targets = dialect ? [dialect] : shownDialects(s.scenario);
    for (const d of targets) {
      if (s.running[d]) continue;
      const scripts = { ...s.scenario[d] };
      dispatch({ type: 'runStart', dialect: d });
      const t0 = performance.now();
      const loadSeq = s.loadSeq;
      void engines[d].run({ setup: scripts.setup, statement: scripts.statement }, s.timeLimitS * 1000).then((result) => {
        dispatch({ type: 'runDone', dialect: d, record: { result, ran: scripts, elapsedMs: performance.now() - t0 }, loadSeq });
      });
    }
  }, []);

  const actions: PlaygroundActions = {
    run,
    stop: (dialect) => {
      for (const d of dialect ? [dialect] : shownDialects(stateRef.current.scenario)) engines[d].stop();
    },
    edit: (part, text, dialect) => dispatch({ type: 'edit', dialect: dialect ?? stateRef.current.scenario.dialect, part, text }),
    setDialect: (dialect) => dispatch({ type: 'setDialect', dialect }),
    setScenario: (scenario) => dispatch({ type: 'setScenario', scenario }),
    closeExplanation: () => dispatch({ type: 'closeExplanation' }),
    load: (scenario, source, exampleId) => dispatch({ type: 'load', scenario, source, exampleId }),
    patch: (patch) => dispatch({ type: 'patch', patch }),
    setTimeLimit: (seconds) => dispatch({ type: 'setTimeLimit', seconds }),
    dismissMessage: () => dispatch({ type: 'message', message: null }),
    showMessage: (kind, text) => dispatch({ type: 'message', message: { kind, text } }),
  };

  // Auto-run: whenever a shown dialect has no result yet (first load, a loaded scenario, a dialect
  // switch, compare turned on). Edits do not auto-run: they mark the result stale instead.
  const { scenario, results, running } = state;
  useEffect(() => {
    for (const d of shownDialects(scenario)) {
      if (!results[d] && !running[d]) run(d);
    }
  }, [scenario, results, running, run]);

  // Warm PostgreSQL in the background once the page has shown its first result and is idle, so a
  // later switch is instant. Skipped when the browser asks to save data.
  const firstResult = Boolean(results.sqlite || results.postgres);
  useEffect(() => {
    if (!firstResult) return;
    const saveData = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData;
    if (saveData || engines.postgres.info.status !== 'cold') return;
    const idle = (cb: () => void): (() => void) => {
      // Safari has no requestIdleCallback.
      const w = window as Partial<Pick<Window, 'requestIdleCallback' | 'cancelIdleCallback'>> & Window;
      if (w.requestIdleCallback && w.cancelIdleCallback) {
        const h = w.requestIdleCallback(cb, { timeout: 1500 });
        return () => w.cancelIdleCallback(h);
      }
      const h = w.setTimeout(cb, 1500);
      return () => w.clearTimeout(h);
    };
    return idle(() => void engines.postgres.start().catch(() => undefined));
  }, [firstResult]);

  return [state, actions];
}

/** True when the shown result for a dialect no longer matches the editors. */
export function resultIsStale(state: PlaygroundState, d: Dialect): boolean {
  return isStale(state.results[d], state.scenario[d]);
}
