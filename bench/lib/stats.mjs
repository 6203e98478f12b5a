// Statistics of the benchmark: medians with a distribution-free confidence interval, percentiles,
// and ratios of medians with a bootstrap interval. Nothing here assumes normal timings: on a shared
// machine they are skewed and drift, so every figure is a median with its spread.

const finite = (values) => values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);

/** Percentile `p` (0–100) of sorted values, by linear interpolation between closest ranks. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  const at = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

/** log of n choose k. */
function logChoose(n, k) {
  let s = 0;
  for (let i = 1; i <= k; i++) s += Math.log(n - k + i) - Math.log(i);
  return s;
}

/**
 * Ranks (0-based) of the order statistics that bound a confidence interval of the median at level
 * `level` or more: the binomial(n, ½) interval, exact for any continuous distribution. Null when n
 * is too small for that level (n < 6 at 95%).
 */
export function medianCiRanks(n, level = 0.95) {
  const pmf = (k) => Math.exp(logChoose(n, k) - n * Math.LN2);
  let tail = 0;
  let k = -1;
  // The largest k with P(X ≤ k) ≤ (1 - level) / 2; the interval is [x(k+1), x(n-k)] (1-based).
  while (tail + pmf(k + 1) <= (1 - level) / 2) {
    k++;
    tail += pmf(k);
  }
  return k < 0 ? null : { lo: k, hi: n - 1 - k };
}

/** Median, min, max, 95% CI of the median, p95 and n of a list of numbers (null when empty). */
export function stats(values) {
  const v = finite(values);
  if (v.length === 0) return null;
  const ci = medianCiRanks(v.length);
  return {
    median: percentile(v, 50),
    min: v[0],
    max: v[v.length - 1],
    p95: percentile(v, 95),
    ciLow: ci ? v[ci.lo] : null,
    ciHigh: ci ? v[ci.hi] : null,
    n: v.length,
  };
}

/** A small seeded PRNG (mulberry32), so a report re-rendered from the same samples is the same. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Ratio of the medians of `a` and `b` with a 95% percentile-bootstrap interval (2,000 resamples of
 * each side independently). Null when either side is empty.
 */
export function ratioOfMedians(a, b, resamples = 2000) {
  const x = finite(a);
  const y = finite(b);
  if (x.length === 0 || y.length === 0) return null;
  const value = percentile(x, 50) / percentile(y, 50);
  if (x.length < 5 || y.length < 5) return { value, ciLow: null, ciHigh: null };
  const rand = rng(x.length * 7919 + y.length);
  const draw = (v) => {
    const s = Array.from({ length: v.length }, () => v[Math.floor(rand() * v.length)]).sort((p, q) => p - q);
    return percentile(s, 50);
  };
  const ratios = [];
  for (let i = 0; i < resamples; i++) ratios.push(draw(x) / draw(y));
  ratios.sort((p, q) => p - q);
  return { value, ciLow: percentile(ratios, 2.5), ciHigh: percentile(ratios, 97.5) };
}
