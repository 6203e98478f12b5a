import * as v from 'valibot';

/**
 * A valibot object schema that refuses lists: valibot's `object` takes any JS object, arrays
 * included, where a scenario's JSON must have a `{…}`. Unknown keys are dropped, as in `object`.
 */
export const plainObject = <const E extends v.ObjectEntries>(entries: E) =>
  v.pipe(
    v.unknown(),
    v.check((x) => !Array.isArray(x), 'should be an object, not a list'),
    v.object(entries),
  );
