/** Translate's dialog, the page's side: where focus goes back to, and what an accepted translation changed. */
import { useEffect, useRef } from 'react';
import type { TranslationResult } from './translate';
import { DIALECT_LABEL } from '../engine/types';
import type { Scenario } from '../scenario/scenario';

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

/** "Translated SQLite → PostgreSQL: the PostgreSQL Setup and Statement editors changed." */
export function acceptedMessage(before: Scenario, after: Scenario, r: TranslationResult): string {
  const to = DIALECT_LABEL[r.to];
  const changed = [
    before[r.to].setup !== after[r.to].setup && 'Setup',
    before[r.to].statement !== after[r.to].statement && 'Statement',
  ].filter(Boolean);
  const what = changed.length
    ? `the ${to} ${changed.join(' and ')} editor${changed.length > 1 ? 's' : ''} changed`
    : `the ${to} editors already held this text: nothing changed`;
  const where =
    before.dialect === r.to || !changed.length ? '' : ` (switch to ${to} to see ${changed.length > 1 ? 'them' : 'it'})`;
  return `Translated ${DIALECT_LABEL[r.from]} → ${to}: ${what}${where}.`;
}
