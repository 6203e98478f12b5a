// Types of stats.mjs, for the unit test that checks it (tests/unit/benchStats.test.ts).
export interface Stats {
  median: number;
  min: number;
  max: number;
  p95: number;
  ciLow: number | null;
  ciHigh: number | null;
  n: number;
}
export function percentile(sorted: number[], p: number): number | null;
export function medianCiRanks(n: number, level?: number): { lo: number; hi: number } | null;
export function stats(values: unknown[]): Stats | null;
export function ratioOfMedians(
  a: unknown[],
  b: unknown[],
  resamples?: number,
): { value: number; ciLow: number | null; ciHigh: number | null } | null;
