/**
 * The Scenario: the unit that is run, saved and shared — the selected dialect and, per dialect,
 * a setup script and a statement script (plus optional title, notes and compare mode).
 */
import type { Dialect } from '../engine/types';
import type { ParamValue } from './params';
import type { Origin } from './provenance';
import type { Race } from '../race/model';

/** The two scripts of one dialect. */
export interface Scripts {
  setup: string;
  statement: string;
}

/** A complete scenario. */
export interface Scenario {
  dialect: Dialect;
  sqlite: Scripts;
  postgres: Scripts;
  /** Short title shown above the results (optional). */
  title?: string;
  /** Plain-text notes shown above the results (optional). */
  notes?: string;
  /** Compare mode: run on both engines side by side. */
  compare?: boolean;
  /** Where each dialect's scripts came from (absent: both written by hand, as links before it said). */
  origin?: Record<Dialect, Origin>;
  /** Values of the scripts' placeholders (:name, ?, %(name)s, $1), bound by the engine; same in both dialects. */
  params?: Record<string, ParamValue>;
  /** Race lab: the sessions' steps and the timeline per dialect (absent: an ordinary scenario). */
  race?: Race;
}

/** Structural equality of two scenarios (ignores absent vs empty optional fields). */
export function sameScenario(a: Scenario, b: Scenario): boolean {
  return (
    a.dialect === b.dialect &&
    a.sqlite.setup === b.sqlite.setup &&
    a.sqlite.statement === b.sqlite.statement &&
    a.postgres.setup === b.postgres.setup &&
    a.postgres.statement === b.postgres.statement &&
    (a.title ?? '') === (b.title ?? '') &&
    (a.notes ?? '') === (b.notes ?? '') &&
    Boolean(a.compare) === Boolean(b.compare) &&
    JSON.stringify(a.params ?? {}) === JSON.stringify(b.params ?? {}) &&
    JSON.stringify(a.race ?? null) === JSON.stringify(b.race ?? null)
  );
}

export { defaultScenario } from './defaults';
