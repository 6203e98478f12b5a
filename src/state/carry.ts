/**
 * Carrying scripts across dialects, the store's half: the state of a carry-over per dialect (being
 * translated, or done with the translator's notes and the scripts it replaced, for Undo) and the
 * reducer cases that move a scenario's provenance (see scenario/provenance.ts).
 */
import type { Dialect } from '../engine/types';
import { originOf, withOrigin, withTranslation, type Origin } from '../scenario/provenance';
import type { Scripts } from '../scenario/scenario';
import { DIALECT_LABEL } from '../engine/types';
import type { PlaygroundState } from './store';

/** What an automatic carry-over did, shown above the editors until dismissed. */
export interface CarryNote {
  from: Dialect;
  /** The scripts run unchanged on both engines: copied as they are. */
  unchanged: boolean;
  /** The translator's notes, each "Setup line 3: …" / "Statement line 1: …". */
  changes: string[];
  untranslatable: string[];
  warnings: string[];
  /** The dialect's own scripts before the carry-over (Undo puts them back). */
  undo: { scripts: Scripts; origin: Origin };
}

/** Per dialect: a carry-over under way, or the note of the last one. */
export type CarryState = Partial<Record<Dialect, 'working' | CarryNote>>;

/** Actions of the carry-over. */
export type CarryAction =
  | { type: 'carryStart'; dialect: Dialect }
  | {
      type: 'carryDone';
      dialect: Dialect;
      scripts: Scripts;
      source: Scripts;
      note: Omit<CarryNote, 'undo'>;
      loadSeq: number;
    }
  | { type: 'carryFailed'; dialect: Dialect; message: string }
  | { type: 'carryUndo'; dialect: Dialect }
  | { type: 'carryDismiss'; dialect: Dialect };

function without<T>(rec: Partial<Record<Dialect, T>>, d: Dialect): Partial<Record<Dialect, T>> {
  const out = { ...rec };
  delete out[d];
  return out;
}

const bump = (state: PlaygroundState, d: Dialect) => ({ ...state.scriptSeq, [d]: (state.scriptSeq?.[d] ?? 0) + 1 });

/** The reducer cases of the carry-over. */
export function carryReducer(state: PlaygroundState, action: CarryAction): PlaygroundState {
  const d = action.dialect;
  switch (action.type) {
    case 'carryStart':
      return { ...state, carry: { ...state.carry, [d]: 'working' } };
    case 'carryDone': {
      // Dropped when another scenario was loaded meanwhile, or the person started writing here.
      if (action.loadSeq !== state.loadSeq || originOf(state.scenario, d) === 'edited')
        return { ...state, carry: without(state.carry, d) };
      const undo = { scripts: state.scenario[d], origin: originOf(state.scenario, d) };
      return {
        ...state,
        scenario: withTranslation(state.scenario, d, action.scripts, action.source),
        results: without(state.results, d),
        scriptSeq: bump(state, d),
        carry: { ...state.carry, [d]: { ...action.note, undo } },
      };
    }
    case 'carryFailed':
      return { ...state, carry: without(state.carry, d), message: { kind: 'error', text: action.message } };
    case 'carryUndo': {
      const note = state.carry[d];
      if (!note || note === 'working') return state;
      // The person chose this dialect's own scripts: from now on they are theirs (never replaced).
      const scenario = withOrigin({ ...state.scenario, [d]: note.undo.scripts }, d, 'edited');
      return {
        ...state,
        scenario,
        results: without(state.results, d),
        scriptSeq: bump(state, d),
        carry: without(state.carry, d),
        message: {
          kind: 'info',
          text: `Undone: ${DIALECT_LABEL[d]} has its own scripts again; they are not replaced when you switch dialects.`,
        },
      };
    }
    case 'carryDismiss':
      return { ...state, carry: without(state.carry, d) };
  }
}

/** Whether a dialect's scripts came from the other one, for labels ("translated from SQLite"). */
export function translatedFrom(origin: Origin | undefined): Dialect | null {
  return origin && typeof origin === 'object' ? origin.from : null;
}
