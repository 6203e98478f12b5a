// The practice checker on real engines against plausible wrong answers (listed in practiceWrong.ts):
// each one is refused on every dialect it applies to, with feedback naming the right row or cause;
// a hidden-set failure names the kind of case and never the hidden data.
import { describe, expect, it } from 'vitest';
import { useEngines } from '../support/engines';
import { checkAttempt, ReferenceCache, verdictLines } from '../../src/practice/check';
import { EXERCISES, findExercise } from '../../src/practice/exercises';
import { sqlLiteral } from '../../src/practice/params';
import { WRONG } from './practiceWrong';

const engines = useEngines();
const cache = new ReferenceCache();

it('lists at least two wrong answers for every exercise, on every dialect it claims', () => {
  for (const ex of EXERCISES) {
    for (const d of ex.dialects) {
      const n = WRONG.filter((w) => w.id === ex.id && (w.dialects ?? ex.dialects).includes(d)).length;
      expect(n, `${ex.id} on ${d}`).toBeGreaterThanOrEqual(2);
    }
  }
  for (const w of WRONG) expect(findExercise(w.id), w.id).toBeDefined();
});

describe.each(WRONG.map((w) => [`${w.id}: ${w.why}`, w] as const))('%s', (_name, w) => {
  const ex = findExercise(w.id)!;
  for (const dialect of w.dialects ?? ex.dialects) {
    it(`is refused on ${dialect} with feedback that names the row or cause`, async () => {
      expect(ex.dialects).toContain(dialect);
      const v = await checkAttempt(ex, dialect, w.sql, (input) => engines[dialect].run(input), cache);
      expect(v.kind).not.toBe('correct');
      const text = verdictLines(v).join('\n');
      for (const s of w.says) expect(text).toContain(s);
      if (v.kind === 'not-yet' || v.kind === 'error') {
        expect(v.set > 0, text).toBe(Boolean(w.hidden));
        if (w.hidden) {
          // Nothing of the hidden data set shows: no literal of its parameters, no value of its rows.
          for (const set of ex.sets.slice(1)) {
            for (const value of Object.values(set.params ?? {})) {
              if (typeof value === 'string') expect(text).not.toContain(sqlLiteral(value));
            }
          }
          expect(text).not.toMatch(/expected \(|is '.*', expected/);
        }
      }
    });
  }
});
