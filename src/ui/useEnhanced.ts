/**
 * The page's progressive steps after the first result, and its page-wide Run key.
 */
import { useEffect, useEffectEvent, useState } from 'react';
import { whenIdle } from '../lib/idle';
import { loadGallery } from './galleryLoader';
import { practiceIsOpen } from './practiceRoute';

/**
 * Whether the editors may become Monaco: true from the frame after the first result is on screen.
 * Then, when idle, the gallery loads (back/forward to an example link finds it ready).
 */
export function useEnhanced(firstResult: boolean): boolean {
  const [enhanced, setEnhanced] = useState(false);
  // Monaco loads only after the first result is on screen: the switch waits for the frame that
  // shows the result (an effect alone may run before that frame, and would delay it).
  useEffect(() => {
    if (enhanced || !firstResult) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setEnhanced(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [enhanced, firstResult]);
  useEffect(() => {
    if (enhanced) return whenIdle(() => void loadGallery().catch(() => undefined), 5000, 1000);
  }, [enhanced]);

  return enhanced;
}

/** Ctrl/Cmd+Enter anywhere on the page runs (editors handle it themselves first). */
export function usePageRunKey(run: () => void): void {
  const onPageKey = useEffectEvent((e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.defaultPrevented && !practiceIsOpen()) {
      e.preventDefault();
      run();
    }
  });
  useEffect(() => {
    window.addEventListener('keydown', onPageKey);
    return () => window.removeEventListener('keydown', onPageKey);
  }, []);
}
