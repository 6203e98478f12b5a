/**
 * The Scenario: the unit that is run, saved and shared — the selected dialect and, per dialect,
 * a setup script and a statement script (plus optional title, notes and compare mode).
 */
import * as v from 'valibot';
import { plainObject } from '../lib/plainObject';
import type { Dialect } from '../engine/types';
import type { ParamValue } from './params';
import type { Origin } from './provenance';
import { normalizeRace, raceInputSchema, type Race } from '../race/model';

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

const scriptsSchema = plainObject({ setup: v.string(), statement: v.string() });
const dialectSchema = v.picklist(['sqlite', 'postgres']);
const originSchema = v.union([
  v.picklist(['authored', 'edited']),
  plainObject({ from: dialectSchema, version: v.pipe(v.string(), v.maxLength(40)) }),
]);
const paramSchema = plainObject({ type: v.picklist(['text', 'number', 'boolean', 'null', 'sql']), value: v.string() });

/**
 * Validation of an incoming scenario object (link, import). Unknown keys are ignored; one dialect
 * part may be missing (it falls back to the other part's texts, see `normalizeScenario`). Written
 * with valibot: this is on the path to the first result, and valibot's functions are tree-shaken
 * one by one, so the page carries only the few it uses.
 */
export const scenarioInputSchema = v.pipe(
  plainObject({
    dialect: dialectSchema,
    sqlite: v.optional(scriptsSchema),
    postgres: v.optional(scriptsSchema),
    title: v.optional(v.pipe(v.string(), v.maxLength(200))),
    notes: v.optional(v.string()),
    compare: v.optional(v.boolean()),
    origin: v.optional(plainObject({ sqlite: v.optional(originSchema), postgres: v.optional(originSchema) })),
    params: v.optional(v.record(v.pipe(v.string(), v.minLength(1), v.maxLength(100)), paramSchema)),
    race: v.optional(raceInputSchema),
  }),
  v.check(
    (s) => s.sqlite !== undefined || s.postgres !== undefined,
    'needs a "sqlite" or a "postgres" part with "setup" and "statement"',
  ),
);

/**
 * Turn a validated input into a complete Scenario. A missing part holds a copy of the other until
 * it is shown: its origin says it still needs translating (see provenance.ts).
 */
export function normalizeScenario(input: v.InferOutput<typeof scenarioInputSchema>): Scenario {
  const sqlite = input.sqlite ?? input.postgres!;
  const postgres = input.postgres ?? input.sqlite!;
  const out: Scenario = {
    dialect: input.dialect,
    sqlite: { setup: sqlite.setup, statement: sqlite.statement },
    postgres: { setup: postgres.setup, statement: postgres.statement },
  };
  if (input.title) out.title = input.title;
  if (input.notes) out.notes = input.notes;
  if (input.compare) out.compare = true;
  const missing: Dialect | null = !input.sqlite ? 'sqlite' : !input.postgres ? 'postgres' : null;
  if (input.origin || missing) {
    const given = (d: Dialect): Origin => input.origin?.[d] ?? 'edited';
    const origin: Record<Dialect, Origin> = { sqlite: given('sqlite'), postgres: given('postgres') };
    if (missing) origin[missing] = { from: missing === 'sqlite' ? 'postgres' : 'sqlite', version: '' };
    out.origin = origin;
  }
  if (input.params && Object.keys(input.params).length) out.params = { ...input.params };
  if (input.race) out.race = normalizeRace(input.race);
  return out;
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
