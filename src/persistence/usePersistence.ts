/**
 * Autosave, the address fragment, history and "Back to my scenario", wired together for the app:
 * - `startScenario()` (start.ts) decides what the page opens with;
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
import {
  createFragmentUpdater,
  exampleIdOf,
  onFragmentChange,
  practiceIdOf,
  pushFragment,
  readFragment,
  replaceFragment,
  type FragmentUpdater,
} from './history';
import { droppedNote, forgetKept, listKept, loadKept, type KeptMeta } from './kept';
import { KEPT_KEY, OWNER_KEY } from './keys';
import { browserStorage, exampleNotFound, stashOwnWork } from './storage';
import { startScenario, type ExampleLookup } from './start';

const OTHER_TAB =
  "This scenario was changed in another tab too. Nothing is lost: each tab keeps autosaving its own work, and when one saves over the other's, that version goes to Recent work.";

/** The newest set-aside work: kept in Recent work (`id`), or only in memory (storage was full). */
interface Stash {
  scenario: Scenario;
  id: string | null;
}

/** What usePersistence gives the app. */
export interface Persistence {
  /** The set-aside work to offer "Back to my scenario" for (hidden while it is the current scenario). */
  stash: Scenario | null;
  /** Recent work: the other kept scenarios (not `stash`), newest first. */
  kept: KeptMeta[];
  /**
   * Reopen a kept scenario (as "Back to my scenario" does for `stash`): edited work it replaces is
   * set aside, the scenario leaves the list and gets a history entry; the app then loads it. Null
   * when nothing could be opened (the notice says why).
   */
  openKept: (id: string) => { scenario: Scenario; setAside: boolean } | null;
  /** `openKept` for the newest set-aside work (`stash`). */
  openStash: () => { scenario: Scenario; setAside: boolean } | null;
  /** Forget one kept scenario. */
  forgetKept: (id: string) => void;
  /** A message to show (a bad link, a storage problem), or null. */
  notice: string | null;
  dismissNotice: () => void;
  /**
   * Call when the app loads a scenario itself (example, import, restored stash): a new history entry.
   * With `setAside`, edited work being replaced is stashed as on page load ("Back to my scenario"),
   * so it outlives the tab. Returns 'set-aside' when it was, 'refused' when it had to be and could
   * not be (storage full: the notice says so, nothing was recorded, and the caller must not load
   * the scenario), else 'loaded'.
   */
  loaded: (
    scenario: Scenario,
    fragment?: string,
    options?: { setAside?: boolean },
  ) => 'loaded' | 'set-aside' | 'refused';
  /** Take the set-aside work (it is removed from storage); then load it and call `loaded`. */
  takeStash: () => Scenario | null;
  /** Forget the set-aside work. */
  forgetStash: () => void;
}

/**
 * Keep `scenario` saved and in the address; call `onNavigate` for back/forward and for an address
 * opened in this tab (`setAside`: the edited work it replaced was stashed).
 */
export function usePersistence(
  scenario: Scenario,
  onNavigate: (s: Scenario, setAside: boolean) => void,
  findExample?: ExampleLookup,
): Persistence {
  const first = startScenario(findExample);
  const [notice, setNotice] = useState<string | null>(first.message ?? null);
  // Kept apart so that storage recovering (null) does not clear a bad-link message.
  const [storageNotice, setStorageNotice] = useState<string | null>(null);
  const [tabNotice, setTabNotice] = useState<string | null>(null);
  const [kept, setKept] = useState<KeptMeta[]>(() => listKept(browserStorage()));
  const [stash, setStash] = useState<Stash | null>(() => {
    if (first.protect) return { scenario: first.protect, id: null };
    const newest = listKept(browserStorage())[0];
    const s = newest ? loadKept(newest.id, browserStorage()) : null;
    return s && newest ? { scenario: s, id: newest.id } : null;
  });
  // Notes that the list dropped its oldest entries; kept apart from bad-link messages.
  const [listNotice, setListNotice] = useState<string | null>(() => droppedNote(first.dropped));
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
  const warnedTabs = useRef(new Set<string>());

  const refreshKept = useCallback(() => setKept(listKept(browserStorage())), []);

  /** Stash the current work if it is the user's own edits about to be replaced by `next`. */
  const setAsideOwnWork = useCallback(
    (next: Scenario): 'not-needed' | 'set-aside' | 'refused' => {
      const mine = current.current;
      const edited = unedited.current === null && !sameScenario(mine, next) && !sameScenario(mine, defaultScenario());
      if (!edited) return 'not-needed';
      const r = stashOwnWork(mine);
      if (!r.ok) {
        // Nothing is replaced: the work stays on screen (and autosaved, as far as storage allowed).
        setNotice(
          `${r.message.replace(/\.$/, '')}, so it was not replaced: nothing was opened. Export your work or forget something in Recent work, then open it again.`,
        );
        return 'refused';
      }
      setStash({ scenario: mine, id: r.id ?? null });
      setListNotice(droppedNote(r.dropped ?? []));
      refreshKept();
      return 'set-aside';
    },
    [refreshKept],
  );
  // What the page started from, for the autosaver created once below.
  const start = useRef({ protect: first.protect, seenOwner: first.seenOwner });

  useEffect(() => {
    saver.current = createAutosaver({
      onError: setStorageNotice,
      tab: { fragment: readFragment },
      protect: start.current.protect,
      seenOwner: start.current.seenOwner,
      onOtherTab: (dropped) => {
        setListNotice(droppedNote(dropped));
        setTabNotice(OTHER_TAB);
        refreshKept();
      },
    });
    updater.current = createFragmentUpdater(500);
    // Another tab saving its own edits: say so once, since both tabs' work now lives side by side.
    const onStorage = (e: StorageEvent) => {
      if (e.key === KEPT_KEY) refreshKept();
      const other = e.key === OWNER_KEY && e.newValue?.endsWith(':e') ? e.newValue.split(':')[0]! : null;
      if (other !== null && unedited.current === null && !warnedTabs.current.has(other)) {
        warnedTabs.current.add(other);
        setTabNotice(OTHER_TAB);
      }
    };
    window.addEventListener('storage', onStorage);
    const off = onFragmentChange((frag, kind) => {
      // Practice's own addresses hold no scenario: the app opens Practice for them.
      if (practiceIdOf(frag) !== null) return;
      const id = exampleIdOf(frag);
      let next: Scenario | null = null;
      if (id !== null || frag.startsWith('example/')) {
        next = id === null ? null : lookupExample(id);
        if (!next) setNotice(`${exampleNotFound(id)} Your current work is unchanged.`);
      } else if (frag.trim() !== '') {
        const r = decodeScenario(frag);
        if (r.ok) next = r.scenario;
        else setNotice(`${r.message} Your current work is unchanged.`);
      }
      if (!next) return;
      // A link typed or pasted into this tab's address bar replaces the work like a link opened
      // in a new tab does: edited work is set aside. Back/Forward leave it in history instead.
      const aside = kind === 'opened' ? setAsideOwnWork(next) : 'not-needed';
      if (aside === 'refused') {
        // Put the address back on the work that stays.
        replaceFragment(encodeScenario(current.current));
        return;
      }
      updater.current?.cancel();
      pinned.current = next;
      // A link opened in the address bar is not the user's work until edited. History entries can
      // hold the user's own work as well as links: save what comes back as edited, so that a link
      // opened later sets it aside rather than overwriting it.
      unedited.current = kind === 'opened' ? next : null;
      navigate(next, aside === 'set-aside');
    });
    return () => {
      off();
      window.removeEventListener('storage', onStorage);
      updater.current?.flush();
      saver.current?.dispose();
    };
  }, [refreshKept, setAsideOwnWork]);

  useEffect(() => {
    const isUnedited = unedited.current !== null && sameScenario(unedited.current, scenario);
    if (!isUnedited) unedited.current = null;
    saver.current?.save(scenario, isUnedited ? 'loaded' : 'edited');
    if (pinned.current !== null && sameScenario(pinned.current, scenario)) return;
    pinned.current = null;
    // While Practice is in the address it stays there (autosave above still keeps the work).
    if (practiceIdOf(readFragment()) !== null) return;
    // Checked again when the address is written: Practice may have been opened in between.
    updater.current?.schedule(() => (practiceIdOf(readFragment()) !== null ? null : encodeScenario(scenario)));
  }, [scenario]);

  const loaded = useCallback(
    (s: Scenario, fragment?: string, options?: { setAside?: boolean }) => {
      // Autosave keeps one scenario: without this, edited work replaced by an example or an import
      // would survive only in this tab's history, and be lost with the tab.
      const aside = options?.setAside ? setAsideOwnWork(s) : 'not-needed';
      if (aside === 'refused') return 'refused';
      // The entry being left keeps the last edits (back returns to them), then the new one is pushed.
      updater.current?.flush();
      pinned.current = s;
      unedited.current = s;
      pushFragment(fragment ?? encodeScenario(s));
      return aside === 'set-aside' ? 'set-aside' : 'loaded';
    },
    [setAsideOwnWork],
  );
  /** Forget `id` and show the next newest kept scenario (if any) as the set-aside one. */
  const drop = (id: string | null) => {
    const store = browserStorage();
    if (id !== null) forgetKept(id, store);
    const list = listKept(store);
    setKept(list);
    setStash((old) => {
      // A newer set-aside scenario (or one only in memory) stays; the dropped one gives way.
      if (old && old.id !== id) return old;
      const next = list[0];
      const s = next ? loadKept(next.id, store) : null;
      return s && next ? { scenario: s, id: next.id } : null;
    });
  };
  /** Reopen set-aside work; the work it replaces is set aside in turn (null: nothing opened). */
  const reopen = (s: Scenario | null, id: string | null): { scenario: Scenario; setAside: boolean } | null => {
    if (!s) return null;
    const r = loaded(s, undefined, { setAside: true });
    if (r === 'refused') return null;
    drop(id);
    return { scenario: s, setAside: r === 'set-aside' };
  };
  const openKept = (id: string) => reopen(loadKept(id, browserStorage()), id);
  const openStash = () => reopen(stash?.scenario ?? null, stash?.id ?? null);
  const takeStash = () => {
    const s = stash?.scenario ?? null;
    drop(stash?.id ?? null);
    return s;
  };
  const forgetStash = () => drop(stash?.id ?? null);
  const dismissNotice = useCallback(() => {
    setNotice(null);
    setStorageNotice(null);
    setListNotice(null);
    setTabNotice(null);
  }, []);

  return {
    stash: stash && !sameScenario(stash.scenario, scenario) ? stash.scenario : null,
    kept: kept.filter((m) => m.id !== stash?.id),
    openKept,
    openStash,
    forgetKept: (id: string) => drop(id),
    notice: notice ?? storageNotice ?? listNotice ?? tabNotice,
    dismissNotice,
    loaded,
    takeStash,
    forgetStash,
  };
}
