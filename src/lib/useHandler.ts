/**
 * A handler that keeps one identity for the component's life and calls the latest `fn` given:
 * for callbacks handed to memoised views (they are not rendered again when only the handler's
 * closure changed). Call it from events, not while rendering.
 */
import { useCallback, useLayoutEffect, useRef } from 'react';

export function useHandler<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const latest = useRef(fn);
  useLayoutEffect(() => {
    latest.current = fn;
  });
  return useCallback((...args: A) => latest.current(...args), []);
}
