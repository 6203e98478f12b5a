/** Translate's dialog, the page's side: where focus goes back to when it closes. */
import { useEffect, useRef } from 'react';

/**
 * Remembers the focused control when a translation is asked for, and focuses it again once the
 * dialog has closed (accepted, cancelled or Esc). When that control is gone (the note that held
 * it disappeared with the change), the Setup editor gets focus.
 */
export function useTranslationOpener(translation: unknown): { remember: () => void } {
  const opener = useRef<HTMLElement | null>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (translation) {
      wasOpen.current = true;
      return;
    }
    if (!wasOpen.current) return;
    wasOpen.current = false;
    const el = opener.current;
    opener.current = null;
    const target = el && el.isConnected ? el : document.querySelector<HTMLElement>('[aria-label="Setup SQL"]');
    target?.focus();
  }, [translation]);
  return {
    remember() {
      opener.current =
        document.activeElement instanceof HTMLElement && document.activeElement !== document.body
          ? document.activeElement
          : null;
    },
  };
}
