// Every gallery example, on the real engine of every dialect it supports: the run must show exactly
// what its explanation describes (After rows and marks, returned rows, rows affected, the error).
// One-dialect examples: what the other dialect's editor shows must fail as the reason says.
import { describe, expect, it } from 'vitest';
import { useEngines } from '../support/engines';
import type { Dialect } from '../../src/engine/types';
import { checkError, checkRun } from '../../src/gallery/check';
import { EXAMPLES, exampleToScenario, supportedDialects } from '../../src/gallery/gallery';
import { raceInput } from '../../src/race/model';

const engines = useEngines();
const ran = new Set<string>();

describe.each(EXAMPLES.map((e) => [e.id, e] as const))('%s', (_id, example) => {
  for (const dialect of supportedDialects(example)) {
    it(`runs on ${dialect} as its explanation says`, async () => {
      const v = example.dialects[dialect]!;
      // A race example's run is its timeline (the Race lab's Run).
      const race = example.race ? { race: raceInput(example.race[dialect]) } : {};
      const r = await engines[dialect].run({ setup: v.setup, statement: v.statement, ...race });
      expect(r.dialect).toBe(dialect);
      expect(r.setup.filter((s) => s.error).map((s) => s.error?.message)).toEqual([]);
      expect(checkRun(r, v.expect)).toEqual([]);
      // Every statement ran: an intended error is the last statement, never hiding later ones.
      expect(r.notRun).toEqual([]);
      if (v.expect.error) {
        expect(r.statements.length).toBe(v.expect.error.statementIndex + 1);
      } else {
        expect(r.ok).toBe(true);
      }
      ran.add(`${example.id}:${dialect}`);
    });
  }

  if (supportedDialects(example).length === 1) {
    const other: Dialect = example.dialects.sqlite ? 'postgres' : 'sqlite';
    it(`shows, on ${other}, an attempt that fails as the reason says`, async () => {
      const scripts = exampleToScenario(example, other)[other];
      const r = await engines[other].run(scripts);
      expect(r.setup.filter((s) => s.error).map((s) => s.error?.message)).toEqual([]);
      expect(r.ok).toBe(false);
      expect(checkError(r.error, example.attempt!.error, 'attempt')).toEqual([]);
      ran.add(`${example.id}:${other}:attempt`);
    });
  }
});

it('ran every supported dialect of every example', () => {
  const expected = EXAMPLES.flatMap((e) => supportedDialects(e).map((d) => `${e.id}:${d}`));
  for (const key of expected) expect(ran.has(key), key).toBe(true);
  expect(expected.length).toBeGreaterThanOrEqual(40);
});
