/**
 * The one module that touches `window.location` and `window.history`.
 *
 * The rule: browser back and forward move between scenarios the user *loaded* (an example, a
 * link, an import, "Back to my scenario"), never between keystrokes.
 * - Loading a scenario → `pushFragment`: a new history entry.
 * - Editing → `replaceFragment` (ideally through `createFragmentUpdater`, debounced): the current
 *   entry's URL follows the edits, so reloading or copying the address keeps the work, and going
 *   back to that entry later returns to the scenario as it was last edited.
 * - Back/forward (and a fragment typed in the address bar) → `onFragmentChange`: the app decodes
 *   the fragment and shows that scenario without pushing anything.
 *
 * Fragment forms: `#s1/<lz-string>` (a scenario, see link.ts), `#example/<id>` (a gallery example)
 * and `#practice[/<id>]` (Practice, which keeps the scenario out of the address while it is open).
 */

export { exampleFragment, exampleIdOf, practiceFragment, practiceIdOf } from '../scenario/fragment';

/** Fragments longer than this are not written into the address (browsers cap URLs near 2 MB). */
export const MAX_FRAGMENT_CHARS = 1_500_000;

/** The current fragment without its '#', undecoded ('' when there is none). */
export function readFragment(): string {
  if (typeof window === 'undefined') return '';
  const h = window.location.hash;
  return h.startsWith('#') ? h.slice(1) : h;
}

/** The page's address with `frag` as its fragment: the link to share. */
export function addressWithFragment(frag: string): string {
  if (typeof window === 'undefined') return `#${frag}`;
  const { origin, pathname, search } = window.location;
  // file:// pages have the origin "null"; their href up to the fragment still works as a link.
  const base = origin === 'null' ? window.location.href.replace(/#.*$/, '') : origin + pathname + search;
  return `${base}#${frag}`;
}

/** The last fragment written or seen, so our own writes are not reported back as changes. */
let current: string | null = null;

function urlFor(frag: string): string {
  // An empty fragment drops the '#' entirely instead of leaving a bare one.
  const base = window.location.pathname + window.location.search;
  return frag === '' ? base : `${base}#${frag}`;
}

function write(frag: string, mode: 'push' | 'replace'): boolean {
  if (typeof window === 'undefined') return false;
  const fits = frag.length <= MAX_FRAGMENT_CHARS;
  const target = fits ? frag : '';
  try {
    if (mode === 'push' && target !== readFragment()) window.history.pushState(null, '', urlFor(target));
    else window.history.replaceState(window.history.state, '', urlFor(target));
    current = target;
    return fits;
  } catch {
    // Some browsers throw on very long URLs or on too many history calls per second (Safari).
    return false;
  }
}

/**
 * Replace the current entry's fragment (on edits): no new history entry.
 * Returns false when the fragment was too long for the address (it is then cleared, since a
 * stale fragment would reopen older work; autosave still keeps the work).
 */
export function replaceFragment(frag: string): boolean {
  return write(frag, 'replace');
}

/** Add a history entry for a newly loaded scenario (example, link, import); same fragment → replace. */
export function pushFragment(frag: string): boolean {
  return write(frag, 'push');
}

/**
 * How the address got its new fragment: 'opened' when the user typed or pasted an address (or
 * followed a link to one), 'history' for Back/Forward. Told apart through the Navigation API;
 * where a browser has none, every change is 'history' (the cautious reading: nothing is set
 * aside that the user can still reach with Back).
 */
export type FragmentChangeKind = 'opened' | 'history';

interface NavigateEventLike {
  navigationType: string;
  hashChange: boolean;
}

/**
 * Call `cb` with the new fragment when the user moves through history or edits the address bar.
 * Our own push/replace calls are not reported. Returns an unsubscribe function.
 */
export function onFragmentChange(cb: (frag: string, kind: FragmentChangeKind) => void): () => void {
  if (typeof window === 'undefined') return () => {};
  current = readFragment();
  let lastKind: FragmentChangeKind = 'history';
  const nav = (window as unknown as { navigation?: EventTarget }).navigation;
  const onNavigate = (e: Event) => {
    const n = e as unknown as NavigateEventLike;
    // Our own pushState/replaceState calls are not fragment navigations (hashChange is false).
    if (n.hashChange) lastKind = n.navigationType === 'push' || n.navigationType === 'replace' ? 'opened' : 'history';
  };
  nav?.addEventListener('navigate', onNavigate);
  const handler = () => {
    const frag = readFragment();
    // Back/forward between entries that differ only in the fragment fires both popstate and
    // hashchange: report once.
    if (frag === current) return;
    current = frag;
    const kind = lastKind;
    lastKind = 'history';
    cb(frag, kind);
  };
  window.addEventListener('popstate', handler);
  window.addEventListener('hashchange', handler);
  return () => {
    nav?.removeEventListener('navigate', onNavigate);
    window.removeEventListener('popstate', handler);
    window.removeEventListener('hashchange', handler);
  };
}

/**
 * Makes an edit's fragment: at once (`now`: the address must hold it before the caller goes on)
 * or, when it may take a while, as a promise (a large scenario is encoded off the main thread).
 * Null (or a promise of null) when, by then, the address must stay as it is.
 */
type FragmentMaker = (now: boolean) => string | null | Promise<string | null>;

/** A debounced `replaceFragment` for edits; the fragment is computed only when it is written. */
export interface FragmentUpdater {
  /** Schedule writing `make`'s fragment after the quiet time (replaces any pending one). */
  schedule: (make: FragmentMaker) => void;
  /**
   * Write the pending fragment now. One still being made elsewhere is made again here, at once
   * (its late result is dropped): the entry's address is right when this returns.
   */
  flush: () => void;
  /**
   * Start writing the pending fragment now without waiting on the page: null when it is written
   * already (or there was none), else a promise that settles once it is written (or dropped).
   */
  settle: () => Promise<void> | null;
  /** Drop the pending fragment (e.g. before a push of a newly loaded scenario). */
  cancel: () => void;
}

/** Create a debounced fragment writer for edits (encoding a large scenario per keystroke is slow). */
export function createFragmentUpdater(delayMs = 500, onTooLong?: () => void): FragmentUpdater {
  let pending: FragmentMaker | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  // A fragment being made off the main thread; its result is written only if it is still this one.
  let making: { make: FragmentMaker; done: Promise<void> } | null = null;
  const put = (frag: string | null) => {
    if (frag !== null && !replaceFragment(frag)) onTooLong?.();
  };
  const putNow = (make: FragmentMaker) => {
    const frag = make(true);
    put(frag instanceof Promise ? null : frag);
  };
  const stopTimer = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const start = (): Promise<void> | null => {
    stopTimer();
    const make = pending;
    pending = null;
    if (!make) return making?.done ?? null;
    making = null;
    const frag = make(false);
    if (!(frag instanceof Promise)) {
      put(frag);
      return null;
    }
    const job = {
      make,
      done: frag.then(
        (f) => {
          if (making === job) put(f);
        },
        () => {
          // Made again on the spot when it could not be made elsewhere.
          if (making === job) putNow(make);
        },
      ),
    };
    job.done = job.done.finally(() => {
      if (making === job) making = null;
    });
    making = job;
    return job.done;
  };
  return {
    schedule(make) {
      pending = make;
      stopTimer();
      timer = setTimeout(() => void start(), delayMs);
    },
    flush() {
      stopTimer();
      const make = pending ?? making?.make ?? null;
      pending = null;
      making = null;
      if (make) putNow(make);
    },
    settle: start,
    cancel() {
      stopTimer();
      pending = null;
      making = null;
    },
  };
}

/**
 * Reload the page on the given fragment (the error boundary's way out: a fresh start on a known
 * scenario that leaves stored work alone).
 */
export function reloadWithFragment(frag: string): void {
  if (typeof window === 'undefined') return;
  try {
    window.history.replaceState(null, '', urlFor(frag.length <= MAX_FRAGMENT_CHARS ? frag : ''));
  } catch {
    // Keep going: a reload on the old address is still better than a broken page.
  }
  window.location.reload();
}
