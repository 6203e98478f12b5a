/**
 * A debounced autosaver: call `save` on every edit; it writes at most every `delayMs`, and at once
 * when the page is hidden or unloaded, so a reload right after typing keeps the last keystroke.
 */
import { sameScenario, type Scenario } from '../scenario/scenario';
import { keepWork, type KeptMeta } from './kept';
import { OWNER_KEY } from './keys';
import {
  browserSessionStorage,
  browserStorage,
  loadWorkRecord,
  saveTabWork,
  saveWork,
  type KeyValueStore,
  type WorkOrigin,
} from './storage';

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
  /**
   * Called when another tab had saved its own edits over the autosaved work since this tab last
   * wrote it: those edits were moved to Recent work before this tab's write (`dropped`: entries
   * that made room for them).
   */
  onOtherTab?: (dropped: KeptMeta[]) => void;
  /**
   * Saved work that is not kept anywhere else (it could not be set aside when a link opened over
   * it): it is not overwritten by an unedited scenario, and before edits overwrite it, it is set
   * aside; while that fails, edits are not written (onError says so).
   */
  protect?: Scenario | null;
  /**
   * The owner stamp of the autosaved work this tab opened (undefined: read it now). Null when the
   * tab opened something else (a link, its own reload record): any edited work saved there by a
   * tab is then kept before this tab first writes over it.
   */
  seenOwner?: string | null;
  /** This page's id among tabs (default: one random id per page load; tests give each saver one). */
  pageId?: string;
}

/** A running autosaver. */
export interface Autosaver {
  /** Schedule a save of this scenario (replaces any pending one). */
  save: (scenario: Scenario, origin?: WorkOrigin) => void;
  /** Write the pending scenario now, if any. */
  flush: () => void;
  /** Flush, then stop listening. */
  dispose: () => void;
  /** Whether saved work is still protected (see AutosaverOptions.protect). */
  protecting: () => boolean;
}

/** This page's id among tabs (a reload gets a new one: it reads the last owner as its own start). */
const PAGE_ID = Math.random().toString(36).slice(2, 10);

/** Start an autosaver. */
export function createAutosaver(options: AutosaverOptions = {}): Autosaver {
  const delayMs = options.delayMs ?? 400;
  const store = options.store === undefined ? browserStorage() : options.store;
  const target = options.target === undefined ? (typeof window === 'undefined' ? null : window) : options.target;
  const isHidden = options.isHidden ?? (() => typeof document !== 'undefined' && document.visibilityState === 'hidden');
  let pending: { scenario: Scenario; origin: WorkOrigin } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastError: string | null = null;
  let protect = options.protect ?? null;
  // The owner stamp as this tab last saw or wrote it: anything else was written by another tab.
  let seenOwner = options.seenOwner === undefined ? readOwner(store) : options.seenOwner;
  let rev = 0;
  const pageId = options.pageId ?? PAGE_ID;

  /**
   * Make sure that overwriting the autosaved work loses nothing: work another tab saved since, or
   * protected work, is set aside first. Returns a message when it could not be.
   */
  const makeRoom = (next: Scenario, origin: WorkOrigin): string | null => {
    const owner = readOwner(store);
    if (owner !== null && owner !== seenOwner) {
      const theirs = loadWorkRecord(store);
      if (theirs && theirs.origin === 'edited' && !sameScenario(theirs.scenario, next)) {
        const r = keepWork(theirs.scenario, {
          store,
          reason: 'other-tab',
          id: `tab-${owner
            .split(':')[0]!
            .replace(/[^\w-]/g, '')
            .slice(0, 40)}`,
        });
        if (!r.ok)
          return `${r.message.replace(/\.$/, '')}: another tab's work would be overwritten, so this tab's work is not autosaved. Export it to keep it.`;
        options.onOtherTab?.(r.dropped);
      }
      seenOwner = owner;
    }
    if (protect && sameScenario(protect, next)) protect = null;
    if (protect) {
      if (origin === 'loaded') return 'skip';
      const r = keepWork(protect, { store });
      if (!r.ok)
        return `${r.message.replace(/\.$/, '')}, so these edits are not autosaved (they would overwrite your earlier scenario). Export them to keep them, or forget something in Recent work.`;
      protect = null;
    }
    return null;
  };

  // This tab's record (see saveTabWork) of the last write, when it is written a task later.
  let tabWrite: { timer: ReturnType<typeof setTimeout>; run: () => void } | null = null;
  const writeTabNow = () => {
    if (!tabWrite) return;
    clearTimeout(tabWrite.timer);
    const { run } = tabWrite;
    tabWrite = null;
    run();
  };

  /** Write the pending scenario; with `tabLater`, this tab's record goes in a task of its own. */
  const flush = (tabLater = false) => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    writeTabNow();
    if (!pending) return;
    const blocked = makeRoom(pending.scenario, pending.origin);
    const r =
      blocked === 'skip'
        ? ({ ok: true } as const)
        : blocked !== null
          ? { ok: false as const, message: blocked }
          : saveWork(pending.scenario, pending.origin, store);
    // The stamp ends in ':e' for edited work (another tab's notice) and ':l' for an unedited load.
    if (blocked === null && r.ok)
      seenOwner = writeOwner(store, `${pageId}:${++rev}:${pending.origin === 'edited' ? 'e' : 'l'}`) ?? seenOwner;
    if (options.tab) {
      // The fragment as it is now: the record pairs this scenario with this address.
      const tab = options.tab;
      const { scenario } = pending;
      const fragment = tab.fragment();
      const run = () => saveTabWork(scenario, fragment, tab.store === undefined ? browserSessionStorage() : tab.store);
      // Each write of a near-1-MB scenario takes a while: the two are not made in the same task.
      if (tabLater) tabWrite = { timer: setTimeout(writeTabNow, 0), run };
      else run();
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
      timer = setTimeout(() => flush(true), delayMs);
    },
    flush: () => flush(),
    protecting: () => protect !== null,
    dispose() {
      flush();
      target?.removeEventListener('pagehide', onHide);
      target?.removeEventListener('beforeunload', onHide);
      target?.removeEventListener('visibilitychange', onVisibility);
    },
  };
}

/** The owner stamp of the autosaved work (see OWNER_KEY), or null. */
export function readOwner(store: KeyValueStore | null = browserStorage()): string | null {
  try {
    return store?.getItem(OWNER_KEY) ?? null;
  } catch {
    return null;
  }
}

/** Stamp the autosaved work as this tab's; returns the stamp, or null when it could not be written. */
function writeOwner(store: KeyValueStore | null, stamp: string): string | null {
  try {
    store?.setItem(OWNER_KEY, stamp);
    return stamp;
  } catch {
    return null;
  }
}
