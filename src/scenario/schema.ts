/**
 * Validation of an incoming scenario object (link, saved work, import), apart from scenario.ts:
 * it needs valibot, which the page loads only when there is something to read (see linkReader.ts).
 */
import * as v from 'valibot';
import type { Dialect } from '../engine/types';
import { plainObject } from '../lib/plainObject';
import { normalizeRace } from '../race/model';
import { raceInputSchema } from '../race/schema';
import type { Origin } from './provenance';
import type { Scenario } from './scenario';

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
 * with valibot, whose functions are tree-shaken one by one.
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
