/**
 * The playground hook: the store plus the effects that talk to the engines (runs, auto-runs on
 * load and dialect switch, background warm-up of PostgreSQL).
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { Dialect, RunInput } from '../engine/types';
import { MAX_AGAIN } from '../engine/replay';
import type { Scenario } from '../scenario/scenario';
import { nulRefusal } from './nulCheck';
import { raceInput } from '../race/model';
import type { TranslationResult } from '../translate/translate';
import { applyTranslation } from '../translate/scenarioTranslation';
import { findPlaceholders, placeholderKeys } from '../engine/placeholders';
import { bindValues, toBindValue, type ParamValue } from '../scenario/params';
import { carryDecision, originOf } from '../scenario/provenance';
import { DIALECT_LABEL } from '../engine/types';
import { carryOver } from './carryOver';
import { useEngines } from './engineContext';
import { whenIdle } from '../lib/idle';
import { isStale, type LoadEvent, type PlaygroundState } from './store';
import { useStore, type LoadGate } from './useStore';
import { csvForRun, csvTimeMs } from '../csv/forRun';

/** Actions the UI calls. */
export interface PlaygroundActions {
  /** Run; `again`: run the statement script once more on the state the shown run left (Run again). */
  run: (dialect?: Dialect, opts?: RunOptions) => void;
  /** Run again: one more run of a dialect's statement script on the state its shown run left. */
  runAgain: (dialect: Dialect) => void;
  /** Switch the row-by-row account on or off, and run again with it. */
  setAccount: (dialect: Dialect, on: boolean) => void;
  stop: (dialect?: Dialect) => void;
  edit: (part: 'setup' | 'statement', text: string, dialect?: Dialect) => void;
  setDialect: (dialect: Dialect) => void;
  /** Replace the scenario as an edit. */
  setScenario: (scenario: Scenario) => void;
  /** Put an accepted translation into its dialect's editors (they are then "translated from" the other). */
  acceptTranslation: (r: TranslationResult) => void;
  /** Undo / dismiss the automatic carry-over note of a dialect. */
  undoCarry: (dialect: Dialect) => void;
  dismissCarry: (dialect: Dialect) => void;
  /** Set (or with null, unset) one parameter's value. */
  setParam: (key: string, value: ParamValue | null) => void;
  closeExplanation: () => void;
  /** Load a scenario: one event, with what persistence needs (`origin`); persistence's gate may refuse it. */
  load: (load: Omit<LoadEvent, 'type'>) => void;
  /** Put a gate in front of loads (persistence's set-aside; see useStore); null removes it. */
  gateLoads: (gate: LoadGate | null) => void;
  patch: (patch: Partial<Pick<Scenario, 'title' | 'notes' | 'compare' | 'race'>>) => void;
  setTimeLimit: (seconds: number) => void;
  dismissMessage: () => void;
  showMessage: (kind: 'error' | 'info', text: string) => void;
}

/** How to run, beyond the scripts. */
interface RunOptions {
  again?: boolean;
  account?: boolean;
  /** When a run of the dialect is under way, run once more after it (its inputs changed meanwhile, e.g. a CSV file loaded). */
  queue?: boolean;
}

/** Dialects a scenario shows results for (both in compare mode). */
export function shownDialects(s: Scenario): Dialect[] {
  return s.compare ? ['sqlite', 'postgres'] : [s.dialect];
}

/** State and actions of the playground. */
export function usePlayground(init: () => PlaygroundState): [PlaygroundState, PlaygroundActions] {
  const [state, dispatch, gateLoads] = useStore(init);
  const engines = useEngines();
  // The committed state, for actions called from event handlers and engine callbacks.
  const stateRef = useRef(state);
  useLayoutEffect(() => {
    stateRef.current = state;
  });

  /**
   * When dialect `d` should get the other dialect's scripts first (see carryDecision), start that
   * (once) and return true: the run follows when the translated scripts are in (auto-run).
   */
  // Carry-overs under way, known at once (the state shows them only after the next render).
  const carrying = useRef(new Set<Dialect>());
  const carryIfNeeded = useCallback(
    (d: Dialect): boolean => {
      const s = stateRef.current;
      if (carrying.current.has(d) || s.carry[d] === 'working') return true;
      if (carryDecision(s.scenario, d) !== 'carry') return false;
      carrying.current.add(d);
      const source = { ...s.scenario[d === 'sqlite' ? 'postgres' : 'sqlite'] };
      const loadSeq = s.loadSeq;
      dispatch({ type: 'carryStart', dialect: d });
      carryOver(
        engines,
        d,
        source,
        usedParams(s.scenario, d === 'sqlite' ? 'postgres' : 'sqlite'),
        s.timeLimitS * 1000,
      ).then(
        ({ scripts, note }) => {
          carrying.current.delete(d);
          dispatch({ type: 'carryDone', dialect: d, scripts, source, note, loadSeq });
        },
        (err: unknown) => {
          carrying.current.delete(d);
          dispatch({
            type: 'carryFailed',
            dialect: d,
            message: `The scripts could not be carried over to ${DIALECT_LABEL[d]}: ${err instanceof Error ? err.message : String(err)}. Its own scripts were kept.`,
          });
        },
      );
      return true;
    },
    [engines, dispatch],
  );

  // Dialects to run again once their run under way has finished (RunOptions.queue).
  const queued = useRef(new Set<Dialect>());
  const run = useCallback(
    (dialect?: Dialect, opts?: RunOptions) => {
      const s = stateRef.current;
      const targets = dialect ? [dialect] : shownDialects(s.scenario);
      for (const d of targets) {
        if (s.running[d] && opts?.queue) queued.current.add(d);
        if (s.running[d] || carryIfNeeded(d)) continue;
        const invalid = invalidParam(s.scenario, d);
        if (invalid) {
          dispatch({ type: 'message', message: { kind: 'error', text: invalid } });
          continue;
        }
        const scripts = { ...s.scenario[d] };
        const params = usedParams(s.scenario, d);
        // Large tables stay in the worker: the results view asks for the rows it shows.
        const input: RunInput = { setup: scripts.setup, statement: scripts.statement, hold: true };
        if (params) input.params = params;
        // Loaded CSV files go in after the setup; the time limit grows with their rows.
        const csv = csvForRun(engines[d]);
        if (csv.ids.length) input.datasets = csv.ids;
        const account = opts?.account ?? s.account;
        if (account !== undefined) input.account = account;
        if (opts?.again) {
          // One run more than the shown one, when it ran these very scripts.
          const prev = s.results[d];
          const same = prev && !isStale(prev, scripts, paramsKey(s.scenario));
          input.again = Math.min(MAX_AGAIN, (same ? (prev.input?.again ?? 0) : 0) + 1);
        }
        dispatch({ type: 'runStart', dialect: d });
        const t0 = performance.now();
        const loadSeq = s.loadSeq;
        const scriptSeq = s.scriptSeq?.[d] ?? 0;
        const origin = originOf(s.scenario, d);
        const ranParams = paramsKey(s.scenario);
        const refused = nulRefusal(d, scripts);
        if (refused) {
          dispatch({
            type: 'runDone',
            dialect: d,
            record: { result: refused, ran: scripts, elapsedMs: 0, origin, params: ranParams },
            loadSeq,
            scriptSeq,
          });
          continue;
        }
        // Race lab: the timeline runs instead of the statement script.
        if (s.scenario.race) Object.assign(input, { race: raceInput(s.scenario.race[d]), statement: '' });
        void engines[d].run(input, s.timeLimitS * 1000 + csvTimeMs(d, csv.rows)).then((result) => {
          dispatch({
            type: 'runDone',
            dialect: d,
            record: { result, ran: scripts, elapsedMs: performance.now() - t0, origin, params: ranParams, input },
            loadSeq,
            scriptSeq,
          });
        });
      }
    },
    [carryIfNeeded, engines, dispatch],
  );

  // One actions object for the hook's life, so that memoised views do not re-render on its account.
  const actions = useMemo<PlaygroundActions>(
    () => ({
      run,
      runAgain: (dialect) => run(dialect, { again: true }),
      setAccount: (dialect, on) => {
        dispatch({ type: 'setAccount', on });
        run(dialect, { account: on });
      },
      stop: (dialect) => {
        for (const d of dialect ? [dialect] : shownDialects(stateRef.current.scenario)) engines[d].stop();
      },
      edit: (part, text, dialect) =>
        dispatch({ type: 'edit', dialect: dialect ?? stateRef.current.scenario.dialect, part, text }),
      setDialect: (dialect) => dispatch({ type: 'setDialect', dialect }),
      setScenario: (scenario) => dispatch({ type: 'setScenario', scenario }),
      acceptTranslation: (r) =>
        dispatch({ type: 'setScenario', scenario: applyTranslation(stateRef.current.scenario, r) }),
      undoCarry: (d) => dispatch({ type: 'carryUndo', dialect: d }),
      dismissCarry: (d) => dispatch({ type: 'carryDismiss', dialect: d }),
      setParam: (key, value) => {
        const params = { ...(stateRef.current.scenario.params ?? {}) };
        if (value) params[key] = value;
        else delete params[key];
        dispatch({ type: 'setParams', params });
      },
      closeExplanation: () => dispatch({ type: 'closeExplanation' }),
      load: (load) => dispatch({ type: 'load', ...load }),
      gateLoads,
      patch: (patch) => dispatch({ type: 'patch', patch }),
      setTimeLimit: (seconds) => dispatch({ type: 'setTimeLimit', seconds }),
      dismissMessage: () => dispatch({ type: 'message', message: null }),
      showMessage: (kind, text) => dispatch({ type: 'message', message: { kind, text } }),
    }),
    [run, engines, dispatch, gateLoads],
  );

  // Carry-over: when a dialect is shown (a switch, compare turned on, a scenario loaded) and its
  // scripts are not the person's while the other side's are, it gets a translation of them first.
  const { scenario, results, running } = state;
  useEffect(() => {
    for (const d of shownDialects(stateRef.current.scenario)) carryIfNeeded(d);
  }, [scenario.dialect, scenario.compare, state.loadSeq, carryIfNeeded]);

  // Auto-run: whenever a shown dialect has no result yet (first load, a loaded scenario, a dialect
  // switch, compare turned on, scripts carried over). Edits do not auto-run: they mark the result stale instead.
  useEffect(() => {
    for (const d of shownDialects(scenario)) {
      if (!results[d] && !running[d] && state.carry[d] !== 'working') run(d);
    }
  }, [scenario, results, running, run, state.carry]);

  useEffect(() => {
    for (const d of queued.current) {
      if (running[d]) continue;
      queued.current.delete(d);
      run(d);
    }
  }, [running, run]);

  // Warm PostgreSQL in the background once the page has shown its first result and is idle, so a
  // later switch is instant. Skipped when the browser asks to save data.
  const firstResult = Boolean(results.sqlite || results.postgres);
  useEffect(() => {
    if (!firstResult) return;
    const saveData = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData;
    if (saveData || engines.postgres.info.status !== 'cold') return;
    return whenIdle(() => void engines.postgres.start().catch(() => undefined), 1500, 1500);
  }, [firstResult, engines]);

  return [state, actions];
}

/** True when the shown result for a dialect no longer matches the editors (or the parameter values). */
export function resultIsStale(state: PlaygroundState, d: Dialect): boolean {
  return isStale(state.results[d], state.scenario[d], paramsKey(state.scenario));
}

/** The parameter values as a comparable string. */
function paramsKey(s: Scenario): string {
  // The race lab's timeline counts as input too: editing it makes the result stale.
  return JSON.stringify(s.params ?? {}) + (s.race ? JSON.stringify(s.race) : '');
}

/** The placeholder keys of a dialect's scripts. */
export function scriptKeys(s: Scenario, d: Dialect): string[] {
  return placeholderKeys([...findPlaceholders(s[d].setup, d), ...findPlaceholders(s[d].statement, d)]);
}

/** The values to bind for a dialect's run (undefined when its scripts have no placeholders). */
function usedParams(s: Scenario, d: Dialect) {
  const keys = scriptKeys(s, d);
  if (!keys.length) return undefined;
  const all = bindValues(s.params);
  return Object.fromEntries(keys.filter((k) => k in all).map((k) => [k, all[k]!]));
}

/** A message when a placeholder's value cannot be read as its type (the run waits for a fix). */
function invalidParam(s: Scenario, d: Dialect): string | null {
  for (const k of scriptKeys(s, d)) {
    const p = s.params?.[k];
    const v = p && toBindValue(p);
    if (v && !v.ok)
      return `The value of parameter ${/^[0-9]+$/.test(k) ? `number ${k}` : k} cannot be used: ${v.message}. Fix it in Parameters, then run.`;
  }
  return null;
}
