/**
 * Autosave, the address fragment, history and "Back to my scenario", wired together for the app:
 * - `startScenario()` decides what the page opens with (once per page load; safe to call from a
 *   state initializer that React may run twice);
 * - `usePersistence(scenario, onNavigate)` autosaves every edit, keeps the fragment in step
 *   (replace on edits), reports back/forward and addresses typed into the address bar as
 *   `onNavigate` (a typed or pasted link sets edited work aside, as on page load), and offers the
 *   set-aside work.
 * The app calls `loaded(s)` whenever it loads a scenario itself (example, import, the stash), which
 * adds a history entry.
 */
import { useCallback, useEffect, useEffectEvent, useLayoutEffect, useRef, useState } from 'react';
import { decodeScenario, encodeScenario } from '../scenario/link';
import { defaultScenario, sameScenario, type Scenario } from '../scenario/scenario';
import { createAutosaver, type Autosaver } from './autosave';
import { createFragmentUpdater, exampleIdOf, onFragmentChange, pushFragment, readFragment, type FragmentUpdater } from './history';
import { clearStash, decideOnLoad, loadStash, loadTabWork, loadWorkRecord, stashOwnWork, type LoadDecision } from './storage';

/** Looks up a gallery example by id (as a scenario). */
export type ExampleLookup = (id: string) => Scenario | null | undefined;

let start: (LoadDecision & { unedited: boolean }) | null = null;

/**
 * What the page opens with: the link or example in the address, else the autosaved work, else the
 * default scenario. Sets the user's edited work aside when a link replaces it. Computed once.
 */
export function startScenario(findExample?: ExampleLookup): LoadDecision & { unedited: boolean } {
  if (start) return start;
  const saved = loadWorkRecord();
  const d = decideOnLoad({ hash: readFragment(), saved, tab: loadTabWork(), ...(findExample ? { findExample } : {}) });
  if (d.stash) stashOwnWork(d.stash);
  // Unedited: a link, an example, the default, or saved work that was itself loaded and not edited
  // (a tab's own work after a reload counts as edited: nothing else records it).
  const unedited = d.source !== 'saved' || (saved?.origin === 'loaded' && sameScenario(saved.scenario, d.scenario));
  start = { ...d, unedited };
  return start;
}

/** Forget the cached start decision (tests only). */
export function resetStartForTests(): void {
  start = null;
}

/** What usePersistence gives the app. */
export interface Persistence {
  /** The set-aside work to offer "Back to my scenario" for (hidden while it is the current scenario). */
  stash: Scenario | null;
  /** A message to show (a bad link, a storage problem), or null. */
  notice: string | null;
  dismissNotice: () => void;
  /**
   * Call when the app loads a scenario itself (example, import, restored stash): a new history entry.
   * With `setAside`, edited work being replaced is stashed as on page load ("Back to my scenario"),
   * so it outlives the tab; returns true when it was.
   */
  loaded: (scenario: Scenario, fragment?: string, options?: { setAside?: boolean }) => boolean;
  /** Take the set-aside work (it is removed from storage); then load it and call `loaded`. */
  takeStash: () => Scenario | null;
  /** Forget the set-aside work. */
  forgetStash: () => void;
}

/**
 * Keep `scenario` saved and in the address; call `onNavigate` for back/forward and for an address
 * opened in this tab (`setAside`: the edited work it replaced was stashed).
 */
export function usePersistence(scenario: Scenario, onNavigate: (s: Scenario, setAside: boolean) => void, findExample?: ExampleLookup): Persistence {
  const first = startScenario(findExample);
  const [notice, setNotice] = useState<string | null>(first.message ?? null);
  // Kept apart so that storage recovering (null) does not clear a bad-link message.
  const [storageNotice, setStorageNotice] = useState<string | null>(null);
  const [stash, setStash] = useState<Scenario | null>(() => loadStash());
  // The scenario as loaded and not edited since (saved as 'loaded'; its fragment is left as is).
  const pinned = useRef<Scenario | null>(first.source === 'link' || first.source === 'example' ? first.scenario : null);
  const unedited = useRef<Scenario | null>(first.unedited ? first.scenario : null);
  const saver = useRef<Autosaver | null>(null);
  const updater = useRef<FragmentUpdater | null>(null);
  const navigate = useEffectEvent(onNavigate);
  const lookupExample = useEffectEvent((id: string) => findExample?.(id) ?? null);
  // The committed scenario, for the event handlers that set it aside.
  const current = useRef(scenario);
  useLayoutEffect(() => {
    current.current = scenario;
  });

  /** Stash the current work if it is the user's own edits about to be replaced by `next`. */
  const setAsideOwnWork = (next: Scenario): boolean => {
    const mine = current.current;
    const edited = unedited.current === null && !sameScenario(mine, next) && !sameScenario(mine, defaultScenario());
    if (!edited || !stashOwnWork(mine).ok) return false;
    setStash(mine);
    return true;
  };

  useEffect(() => {
    saver.current = createAutosaver({ onError: setStorageNotice, tab: { fragment: readFragment } });
    updater.current = createFragmentUpdater(500);
    const off = onFragmentChange((frag, kind) => {
      const id = exampleIdOf(frag);
      let next: Scenario | null = null;
      if (id !== null) {
        next = lookupExample(id);
        if (!next) setNotice(`There is no example called "${id.slice(0, 80)}".`);
      } else if (frag.trim() !== '') {
        const r = decodeScenario(frag);
        if (r.ok) next = r.scenario;
        else setNotice(`${r.message} Your current work is unchanged.`);
      }
      if (!next) return;
      // A link typed or pasted into this tab's address bar replaces the work like a link opened
      // in a new tab does: edited work is set aside. Back/Forward leave it in history instead.
      const setAside = kind === 'opened' && setAsideOwnWork(next);
      updater.current?.cancel();
      pinned.current = next;
      // History entries can hold the user's own work as well as links: save what comes back as
      // edited, so that a link opened later sets it aside rather than overwriting it.
      unedited.current = null;
      navigate(next, setAside);
    });
    return () => {
      off();
      updater.current?.flush();
      saver.current?.dispose();
    };
  }, []);

  useEffect(() => {
    const isUnedited = unedited.current !== null && sameScenario(unedited.current, scenario);
    if (!isUnedited) unedited.current = null;
    saver.current?.save(scenario, isUnedited ? 'loaded' : 'edited');
    if (pinned.current !== null && sameScenario(pinned.current, scenario)) return;
    pinned.current = null;
    updater.current?.schedule(() => encodeScenario(scenario));
  }, [scenario]);

  const loaded = useCallback((s: Scenario, fragment?: string, options?: { setAside?: boolean }) => {
    // Autosave keeps one scenario: without this, edited work replaced by an example or an import
    // would survive only in this tab's history, and be lost with the tab.
    const setAside = Boolean(options?.setAside) && setAsideOwnWork(s);
    // The entry being left keeps the last edits (back returns to them), then the new one is pushed.
    updater.current?.flush();
    pinned.current = s;
    unedited.current = s;
    pushFragment(fragment ?? encodeScenario(s));
    return setAside;
  }, []);
  const takeStash = useCallback(() => {
    const s = loadStash();
    clearStash();
    setStash(null);
    return s;
  }, []);
  const forgetStash = useCallback(() => {
    clearStash();
    setStash(null);
  }, []);
  const dismissNotice = useCallback(() => {
    setNotice(null);
    setStorageNotice(null);
  }, []);

  return {
    stash: stash && !sameScenario(stash, scenario) ? stash : null,
    notice: notice ?? storageNotice,
    dismissNotice,
    loaded,
    takeStash,
    forgetStash,
  };
}
