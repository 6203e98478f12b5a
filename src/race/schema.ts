/**
 * Validation of an incoming race (the scenario's optional `race` key, see model.ts). Apart from
 * the model because it needs valibot, which the page loads only to read a link or saved work.
 */
import * as v from 'valibot';
import { plainObject } from '../lib/plainObject';
import { MAX_SESSIONS, MAX_STEPS, MAX_TIMELINE } from './model';

const index = v.pipe(v.number(), v.integer(), v.minValue(0));
const entrySchema = plainObject({ session: index, step: index });
const scriptSchema = plainObject({
  sessions: v.pipe(
    v.array(v.pipe(v.array(v.string()), v.maxLength(MAX_STEPS))),
    v.minLength(2),
    v.maxLength(MAX_SESSIONS),
  ),
  timeline: v.pipe(v.array(entrySchema), v.maxLength(MAX_TIMELINE)),
});

/** Validation of an incoming race (link, import); one dialect part may be missing. */
export const raceInputSchema = v.pipe(
  plainObject({ sqlite: v.optional(scriptSchema), postgres: v.optional(scriptSchema) }),
  v.check((r) => r.sqlite !== undefined || r.postgres !== undefined, 'needs a "sqlite" or a "postgres" part'),
  v.check(
    (r) =>
      [r.sqlite, r.postgres].every((x) => !x || x.timeline.every((e) => e.step < (x.sessions[e.session]?.length ?? 0))),
    'every timeline entry must name an existing session step',
  ),
);
