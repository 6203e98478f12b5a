/**
 * realTextExact's quick test (scaling to 12 digits) must agree with counting the significant
 * digits of the shortest text, the rule it stands for, on every double: decimals written with 1–17
 * digits at every scale, arbitrary doubles, and the neighbours of powers of ten.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { realTextExact } from '../../src/engine/values';

/** The rule itself: 1e-10 ≤ |r| < 1e15 and at most 12 significant digits in String(r). */
function byDigits(r: number): boolean {
  if (!Number.isFinite(r) || r === 0) return true;
  const a = Math.abs(r);
  if (a < 1e-10 || a >= 1e15) return false;
  const mantissa = a.toExponential().split('e')[0]!.replace('.', '');
  return mantissa.length <= 12;
}

const decimal = fc
  .tuple(fc.integer({ min: 1, max: 17 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: -14, max: 16 }))
  .map(([digits, f, exp]) => Number(`${Math.floor(f * 10 ** digits)}e${exp - digits}`) * (f < 0.5 ? -1 : 1));

describe('realTextExact', () => {
  it('agrees with counting the digits of the shortest text', () => {
    fc.assert(
      fc.property(fc.oneof(decimal, fc.double({ noNaN: true })), (r) => {
        expect(realTextExact(r), String(r)).toBe(byDigits(r));
      }),
      { numRuns: 100_000 },
    );
  });

  it('agrees next to powers of ten, and on prices and ratios', () => {
    const xs: number[] = [];
    for (let e = -12; e <= 16; e++) {
      const p = 10 ** e;
      xs.push(p, -p, p * (1 + Number.EPSILON), p * (1 - Number.EPSILON), p - 1e-12 * p, p + 1e-11 * p);
      for (let m = 1; m < 1000; m += 37) xs.push(m * p, (m / 7) * p, m * 0.75 * p, 999999999999 * p, 9999999999999 * p);
    }
    for (let i = 1; i <= 100_000; i++) xs.push(i * 0.75, i * 0.01, i / 3, i * 1.1);
    expect(xs.filter((x) => realTextExact(x) !== byDigits(x)).map(String)).toEqual([]);
  });
});
