/**
 * A debounced autosaver: call `save` on every edit; it writes at most every `delayMs`, and at once
 * when the page is hidden or unloaded, so a reload right after typing keeps the last keystroke.
 */
import type { Scenario } from '../scenario/scenario';
import { browserSessionStorage, browserStorage, saveTabWork, saveWork, type KeyValueStore, type WorkOrigin } from './storage';

/** Options of `createAutosaver`. */
export interface AutosaverOptions {
  /** Quiet time before writing, in ms (default 400). */
  delayMs?: number;
  /** Storage to write to (default: the page's localStorage). */
  store?: KeyValueStore | null;
  /** Called with a message when saving fails, once per distinct message; with null when it works again. */
  onError?: (message: string | null) => void;
  /** Where to listen for pagehide / visibilitychange (default: window, when there is one). */
  target?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> | null;
  /** Reads document.visibilityState (default: the page's document). */
  isHidden?: () => boolean;
  /** Also keep this tab's work with the address's fragment (see saveTabWork) for reloads. */
  tab?: { fragment: () => string; store?: KeyValueStore | null };
}

/** A running autosaver. */
export interface Autosaver {
  /** Schedule a save of this scenario (replaces any pending one). */
  save: (scenario: Scenario, origin?: WorkOrigin) => void;
  /** Write the pending scenario now, if any. */
  flush: () => void;
  /** Flush, then stop listening. */
  dispose: () => void;
}

/** Start an autosaver. */
export function createAutosaver(options: AutosaverOptions = {}): Autosaver {
  const delayMs = options.delayMs ?? 400;
  const store = options.store === undefined ? browserStorage() : options.store;
  const target = options.target === undefined ? (typeof window === 'undefined' ? null : window) : options.target;
  const isHidden = options.isHidden ?? (() => typeof document !== 'undefined' && document.visibilityState === 'hidden');
  let pending: { scenario: Scenario; origin: WorkOrigin } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastError: string | null = null;

  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (!pending) return;
    const r = saveWork(pending.scenario, pending.origin, store);
    if (options.tab) {
      saveTabWork(pending.scenario, options.tab.fragment(), options.tab.store === undefined ? browserSessionStorage() : options.tab.store);
    }
    pending = null;
    const err = r.ok ? null : r.message;
    if (err !== lastError) {
      lastError = err;
      options.onError?.(err);
    }
  };
  const onHide = () => flush();
  const onVisibility = () => {
    if (isHidden()) flush();
  };
  target?.addEventListener('pagehide', onHide);
  target?.addEventListener('beforeunload', onHide);
  target?.addEventListener('visibilitychange', onVisibility);

  return {
    save(scenario, origin = 'edited') {
      pending = { scenario, origin };
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(flush, delayMs);
    },
    flush,
    dispose() {
      flush();
      target?.removeEventListener('pagehide', onHide);
      target?.removeEventListener('beforeunload', onHide);
      target?.removeEventListener('visibilitychange', onVisibility);
    },
  };
}
