/**
 * Practice progress as React state, stored as it changes: records at once, typed text after a short
 * pause and whenever the page is hidden or closed (so a reload keeps the last keystroke).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Dialect } from '../engine/types';
import { clearProgress, loadProgress, saveProgress, withRecord } from './progress';
import type { AttemptRecord, Progress } from './types';

/** What useProgress gives. */
export interface ProgressApi {
  progress: Progress;
  /** A message when saving failed, else null. */
  problem: string | null;
  update: (id: string, dialect: Dialect, change: Partial<AttemptRecord>) => void;
  /** Keep the typed text (saved after a pause). */
  draft: (id: string, dialect: Dialect, text: string) => void;
  replace: (p: Progress) => void;
  reset: () => void;
}

/** Load once, keep in state, save on change. */
export function useProgress(): ProgressApi {
  const [progress, setProgress] = useState<Progress>(loadProgress);
  const [problem, setProblem] = useState<string | null>(null);
  const latest = useRef(progress);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const flush = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    setProblem(saveProgress(latest.current));
  }, []);
  const set = useCallback(
    (p: Progress, now: boolean) => {
      latest.current = p;
      setProgress(p);
      if (now) flush();
      else {
        if (timer.current !== null) clearTimeout(timer.current);
        timer.current = setTimeout(flush, 400);
      }
    },
    [flush],
  );

  useEffect(() => {
    const onHide = () => {
      if (timer.current !== null) flush();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') onHide();
    };
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
      onHide();
    };
  }, [flush]);

  return {
    progress,
    problem,
    update: (id, dialect, change) => set(withRecord(latest.current, id, dialect, change), true),
    draft: (id, dialect, text) => set(withRecord(latest.current, id, dialect, { last: text }), false),
    replace: (p) => set(p, true),
    reset: () => {
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = null;
      clearProgress();
      latest.current = {};
      setProgress({});
    },
  };
}
