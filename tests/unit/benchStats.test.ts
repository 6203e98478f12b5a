// The benchmark's statistics (bench/lib/stats.mjs): the median's confidence interval is the
// binomial order-statistic one, percentiles interpolate, and a ratio's bootstrap interval holds
// the ratio of the medians.
import { describe, expect, it } from 'vitest';
import { medianCiRanks, percentile, ratioOfMedians, stats } from '../../bench/lib/stats.mjs';

describe('bench statistics', () => {
  it('gives the textbook ranks for a 95% interval of the median', () => {
    // Tables of the sign-test interval: n = 6 → 1st and 6th, n = 15 → 4th and 12th, n = 20 → 6th and 15th (1-based).
    expect(medianCiRanks(6)).toEqual({ lo: 0, hi: 5 });
    expect(medianCiRanks(15)).toEqual({ lo: 3, hi: 11 });
    expect(medianCiRanks(20)).toEqual({ lo: 5, hi: 14 });
    expect(medianCiRanks(5)).toBeNull();
  });

  it('computes median, spread, p95 and the interval from unsorted samples, ignoring non-numbers', () => {
    const s = stats([5, 1, 4, 2, 3, Number.NaN, null, 6])!;
    expect(s).toMatchObject({ median: 3.5, min: 1, max: 6, n: 6, ciLow: 1, ciHigh: 6 });
    expect(s.p95).toBeCloseTo(5.75);
    expect(stats([])).toBeNull();
    expect(percentile([10, 20], 50)).toBe(15);
  });

  it('brackets the ratio of medians with its bootstrap interval, reproducibly', () => {
    const a = Array.from({ length: 15 }, (_, i) => 200 + i * 3);
    const b = Array.from({ length: 15 }, (_, i) => 100 + i * 2);
    const r = ratioOfMedians(a, b)!;
    expect(r.value).toBeCloseTo(221 / 114);
    expect(r.ciLow!).toBeLessThan(r.value);
    expect(r.ciHigh!).toBeGreaterThan(r.value);
    expect(ratioOfMedians(a, b)).toEqual(r);
    expect(ratioOfMedians([1, 2], [3])!.ciLow).toBeNull();
  });
});
