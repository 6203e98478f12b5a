/**
 * The playground's one store: the scenario being edited, the last result per dialect, and what
 * is running. A reducer over plain actions, so it is testable without a browser.
 */
import { DEFAULT_LIMIT_MS } from '../engine/client';
import type { Dialect, RunInput, RunResult } from '../engine/types';
import type { Scenario, Scripts } from '../scenario/scenario';
import { originOf, withOrigin, type Origin } from '../scenario/provenance';
import { carryReducer, type CarryAction, type CarryState } from './carry';

/** The result of one run together with the scripts it ran, to tell when it went stale. */
export interface RunRecord {
  result: RunResult;
  ran: Scripts;
  /** Wall-clock time from pressing Run (or loading) to the result, as the page saw it. */
  elapsedMs: number;
  /** Where the scripts it ran came from (own, or translated from the other dialect). */
  origin?: Origin;
  /** The parameter values it bound (JSON), to tell when they changed. */
  params?: string;
  /** What the engine was asked to run (replayed for Explain and Run again). */
  input?: RunInput;
}

/** Where the current scenario came from, shown to the user. */
export type ScenarioSource = 'default' | 'saved' | 'link' | 'example' | 'import' | 'edited';

/**
 * What persistence needs to know about a load; it follows the store's loads (usePersistence).
 * `address`: 'push' adds a history entry (`fragment`, else the scenario's link), the entry being
 * left keeping its last edits; 'opened' (typed or pasted into the address bar) and 'history'
 * (Back/Forward) mean the address shows the scenario already.
 */
interface LoadOrigin {
  address: 'push' | 'opened' | 'history';
  fragment?: string;
  /** Edited work it replaces is set aside first (Recent work); if storage refuses, nothing loads. */
  setAside?: boolean;
  /** The set-aside work it reopens (its Recent work id, or null when kept only in memory). */
  reopens?: string | null;
}

/** Loading a scenario: one event, with everything persistence needs. */
export interface LoadEvent {
  type: 'load';
  scenario: Scenario;
  source: ScenarioSource;
  exampleId?: string | null;
  origin: LoadOrigin;
}

/** The whole UI state. */
export interface PlaygroundState {
  scenario: Scenario;
  source: ScenarioSource;
  /** Gallery example id when the scenario is an unedited example. */
  exampleId: string | null;
  /** Gallery example whose explanation is shown (kept while the user edits it, with a note). */
  explainId: string | null;
  results: Partial<Record<Dialect, RunRecord>>;
  running: Partial<Record<Dialect, boolean>>;
  /** Per-run time limit in seconds. */
  timeLimitS: number;
  /** A message about loading (bad link, import problem), shown until dismissed. */
  message: { kind: 'error' | 'info'; text: string } | null;
  /** Incremented on every load: a run started before a load must not show its result after it. */
  loadSeq: number;
  /** The latest load (null before the first): persistence follows it (address, autosave). */
  loaded: { scenario: Scenario; origin: LoadOrigin } | null;
  /** Scripts carried over from the other dialect: under way, or done (with notes and Undo). */
  carry: CarryState;
  /** The row-by-row account: undefined = on below the engine's size limit, else as switched. */
  account?: boolean;
  /** Per dialect, incremented when its scripts are replaced (carry-over, Undo): a run of the old ones shows nothing. */
  scriptSeq?: Partial<Record<Dialect, number>>;
}

/** Everything that changes the state. */
export type Action =
  | { type: 'edit'; dialect: Dialect; part: keyof Scripts; text: string }
  | { type: 'setDialect'; dialect: Dialect }
  | { type: 'setScenario'; scenario: Scenario }
  | { type: 'closeExplanation' }
  | LoadEvent
  | { type: 'patch'; patch: Partial<Pick<Scenario, 'title' | 'notes' | 'compare' | 'race'>> }
  | { type: 'runStart'; dialect: Dialect }
  | { type: 'runDone'; dialect: Dialect; record: RunRecord; loadSeq: number; scriptSeq?: number }
  | { type: 'setTimeLimit'; seconds: number }
  | { type: 'setAccount'; on: boolean }
  | { type: 'message'; message: PlaygroundState['message'] }
  | { type: 'setParams'; params: Scenario['params'] }
  | CarryAction;

/** Initial state for a scenario. */
export function initialState(
  scenario: Scenario,
  source: ScenarioSource,
  message: PlaygroundState['message'] = null,
  exampleId: string | null = null,
): PlaygroundState {
  return {
    scenario,
    source,
    exampleId,
    explainId: exampleId,
    results: {},
    running: {},
    timeLimitS: DEFAULT_LIMIT_MS / 1000,
    message,
    loadSeq: 0,
    loaded: null,
    carry: {},
  };
}

/** The reducer. */
export function reducer(state: PlaygroundState, action: Action): PlaygroundState {
  switch (action.type) {
    case 'edit': {
      const d = action.dialect;
      if (state.scenario[d][action.part] === action.text) return state;
      const scripts = { ...state.scenario[d], [action.part]: action.text };
      // Edited here: these scripts are the person's now, never replaced by a carry-over.
      const scenario =
        originOf(state.scenario, d) === 'edited' && !state.scenario.origin
          ? { ...state.scenario, [d]: scripts }
          : withOrigin({ ...state.scenario, [d]: scripts }, d, 'edited');
      // The carry-over note goes with the edit (unless one is under way); when there is none, the
      // same object stays, so that views of it are not rendered again on every keystroke.
      let carry = state.carry;
      if (carry[d] !== undefined && carry[d] !== 'working') {
        carry = { ...carry };
        delete carry[d];
      }
      return { ...state, scenario, source: 'edited', exampleId: null, carry };
    }
    case 'setParams': {
      const scenario = { ...state.scenario };
      if (action.params && Object.keys(action.params).length) scenario.params = action.params;
      else delete scenario.params;
      return { ...state, scenario, source: state.source === 'example' ? 'edited' : state.source };
    }
    case 'carryStart':
    case 'carryDone':
    case 'carryFailed':
    case 'carryUndo':
    case 'carryDismiss':
      return carryReducer(state, action);
    case 'setDialect':
      return { ...state, scenario: { ...state.scenario, dialect: action.dialect } };
    case 'setScenario':
      return { ...state, scenario: action.scenario, source: 'edited', exampleId: null };
    case 'closeExplanation':
      return { ...state, explainId: null };
    case 'load':
      return {
        ...state,
        scenario: action.scenario,
        source: action.source,
        exampleId: action.exampleId ?? null,
        explainId: action.exampleId ?? null,
        results: {},
        loadSeq: state.loadSeq + 1,
        loaded: { scenario: action.scenario, origin: action.origin },
        carry: {},
      };
    case 'patch':
      return {
        ...state,
        scenario: { ...state.scenario, ...action.patch },
        source: state.source === 'example' ? 'edited' : state.source,
        exampleId: state.source === 'example' && !('compare' in action.patch) ? null : state.exampleId,
      };
    case 'runStart':
      return { ...state, running: { ...state.running, [action.dialect]: true } };
    case 'runDone':
      if (action.loadSeq !== state.loadSeq || (action.scriptSeq ?? 0) !== (state.scriptSeq?.[action.dialect] ?? 0))
        return { ...state, running: { ...state.running, [action.dialect]: false } };
      return {
        ...state,
        running: { ...state.running, [action.dialect]: false },
        results: { ...state.results, [action.dialect]: action.record },
      };
    case 'setTimeLimit':
      return { ...state, timeLimitS: action.seconds };
    case 'setAccount':
      return { ...state, account: action.on };
    case 'message':
      return { ...state, message: action.message };
  }
}

/** True when a result was produced from different scripts (or parameter values, when given) than the current ones. */
export function isStale(record: RunRecord | undefined, scripts: Scripts, params?: string): boolean {
  if (!record) return false;
  if (params !== undefined && (record.params ?? '{}') !== params) return true;
  return record.ran.setup !== scripts.setup || record.ran.statement !== scripts.statement;
}
