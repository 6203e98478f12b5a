import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCount, plural } from '../../src/results/format';

describe('formatCount', () => {
  it('groups thousands as the English locale does', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1234)).toBe('1,234');
    expect(formatCount(100_000)).toBe('100,000');
    expect(formatCount(1_048_576)).toBe('1,048,576');
    expect(formatCount(-1234567)).toBe('-1,234,567');
    expect(plural(12_345, 'row')).toBe('12,345 rows');
    expect(plural(1, 'row')).toBe('1 row');
  });

  it('matches toLocaleString("en") for integers and fractions', () => {
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(formatCount(n)).toBe(n.toLocaleString('en'));
      }),
    );
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (n) => {
        expect(formatCount(n)).toBe(n.toLocaleString('en'));
      }),
    );
    for (const n of [NaN, Infinity, -Infinity, -0, 0.0004, -0.0004, 1.5, 999.9995])
      expect(formatCount(n)).toBe(n.toLocaleString('en'));
  });
});
