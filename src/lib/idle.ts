/**
 * Run work when the browser is idle: `requestIdleCallback` with a deadline where there is one,
 * else (Safari) a plain timer of `fallbackMs`. Returns a function that cancels it.
 */
export function whenIdle(fn: () => void, timeoutMs: number, fallbackMs = Math.min(timeoutMs, 1000)): () => void {
  const g = globalThis as Partial<Pick<Window, 'requestIdleCallback' | 'cancelIdleCallback'>>;
  if (typeof g.requestIdleCallback === 'function' && typeof g.cancelIdleCallback === 'function') {
    const h = g.requestIdleCallback(fn, { timeout: timeoutMs });
    return () => g.cancelIdleCallback!(h);
  }
  const h = setTimeout(fn, fallbackMs);
  return () => clearTimeout(h);
}
