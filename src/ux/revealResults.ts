/**
 * On a narrow screen the results are stacked below the editors, out of sight after Run. A Run the
 * user asked for (the Run button, "Use and run") marks the next result to be brought into view;
 * the results column scrolls to it when the run ends, if it is below the visible part of the page.
 */
import { useEffect, useRef, type RefObject } from 'react';

let pending = false;

/** The next finished run should bring the results into view. */
export function revealResultsAfterRun(): void {
  pending = true;
}

/** Scroll `target` into view when a requested run ends and its top is not on screen. */
export function useRevealResults(target: RefObject<HTMLElement | null>, running: boolean): void {
  const wasRunning = useRef(running);
  useEffect(() => {
    const ended = wasRunning.current && !running;
    wasRunning.current = running;
    if (!ended || !pending) return;
    pending = false;
    const el = target.current;
    if (!el) return;
    const top = el.getBoundingClientRect().top;
    if (top > window.innerHeight * 0.5) {
      const still = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
      el.scrollIntoView({ block: 'start', behavior: still ? 'auto' : 'smooth' });
    }
  }, [running, target]);
}
