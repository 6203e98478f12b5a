/**
 * Autosave, the address fragment, history and "Back to my scenario", following the store:
 * - the page's start decision (`startScenario()`, start.ts) is given to it;
 * - every edit is autosaved and, after a pause, put in the address (replace);
 * - every load (one store event, `LoadEvent`) is followed: a new history entry, or, for an
 *   address the user typed or moved to, the address as it is; unedited loads are saved as such;
 * - its gate (useStore) runs before a load: edited work the load replaces is set aside first,
 *   and when storage refuses that, the load does not happen and the notice says why;
 * - back/forward and addresses typed into the address bar are dispatched as loads;
 * - it offers the set-aside work and Recent work.
 */
import { useCallback, useEffect, useEffectEvent, useLayoutEffect, useRef, useState } from 'react';
import { encodeScenario } from '../scenario/link';
import { whenRead } from '../scenario/linkReader';
import { encodeScenarioSoon } from '../scenario/linkOffThread';
import { defaultScenario, sameScenario, type Scenario } from '../scenario/scenario';
import type { LoadEvent, PlaygroundState, ScenarioSource } from '../state/store';
import type { PlaygroundActions } from '../state/usePlayground';
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
import type { StashBannerProps } from './StashBanner';
import { browserStorage, exampleNotFound, stashOwnWork } from './storage';
import type { ExampleLookup, StartDecision } from './start';

const OTHER_TAB =
  "This scenario was changed in another tab too. Nothing is lost: each tab keeps autosaving its own work, and when one saves over the other's, that version goes to Recent work.";

/** The newest set-aside work: kept in Recent work (`id`), or only in memory (storage was full). */
interface Stash {
  scenario: Scenario;
  id: string | null;
}

/** What replaced the set-aside work, for the "Back to my scenario" sentence. */
type StashSource = NonNullable<StashBannerProps['source']>;

/** What usePersistence gives the app. */
export interface Persistence {
  /** The set-aside work to offer "Back to my scenario" for (hidden while it is the current scenario). */
  stash: Scenario | null;
  /** What replaced it. */
  stashSource: StashSource;
  /** Recent work: the other kept scenarios (not `stash`), newest first. */
  kept: KeptMeta[];
  /**
   * The set-aside work to reopen: one of Recent work (`id`), else the newest (`stash`); null when it
   * cannot be read. Loaded with `origin.reopens`, it leaves the list.
   */
  reopening: (id?: string) => { scenario: Scenario; reopens: string | null } | null;
  /** Forget one kept scenario. */
  forgetKept: (id: string) => void;
  /** A message to show (a bad link, a storage problem), or null. */
  notice: string | null;
  dismissNotice: () => void;
  /**
   * Start writing the edits' pending link into the current entry now: null when it is there
   * already, else a promise that settles once it is (a large scenario's link is made in a worker).
   * Wait for it before a load that pushes an entry, which otherwise makes that link on the spot.
   */
  settleFragment: () => Promise<void> | null;
  /** Forget the set-aside work. */
  forgetStash: () => void;
}

/** The store as persistence sees it: the scenario and its loads, and loads to dispatch and gate. */
interface PersistedStore {
  state: Pick<PlaygroundState, 'scenario' | 'loadSeq' | 'loaded'>;
  actions: Pick<PlaygroundActions, 'load' | 'gateLoads'>;
}

/**
 * Keep the store's scenario saved and in the address, and follow its loads; dispatch back/forward
 * and addresses opened in this tab as loads (a typed or pasted link sets edited work aside).
 * `first` is the page's start decision; `findExample` looks up `#example/ID` addresses.
 */
export function usePersistence(
  { state, actions }: PersistedStore,
  first: StartDecision,
  findExample?: ExampleLookup,
): Persistence {
  const { scenario, loadSeq, loaded } = state;
  const { load, gateLoads } = actions;
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
  const [stashSource, setStashSource] = useState<StashSource>(
    first.source === 'example' || first.source === 'link' ? first.source : 'earlier',
  );
  // The scenario as loaded and not edited since (saved as 'loaded'; its fragment is left as is).
  const pinned = useRef<Scenario | null>(first.source === 'link' || first.source === 'example' ? first.scenario : null);
  const unedited = useRef<Scenario | null>(first.unedited ? first.scenario : null);
  const saver = useRef<Autosaver | null>(null);
  const updater = useRef<FragmentUpdater | null>(null);
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
      // A link typed or pasted into this tab's address bar replaces the work like a link opened
      // in a new tab does: edited work is set aside. Back/Forward leave it in history instead.
      const open = (next: Scenario) =>
        load({ scenario: next, source: 'link', exampleId: id, origin: { address: kind, setAside: kind === 'opened' } });
      if (id !== null || frag.startsWith('example/')) {
        const next = id === null ? null : lookupExample(id);
        if (next) open(next);
        else setNotice(`${exampleNotFound(id)} Your current work is unchanged.`);
      } else if (frag.trim() !== '') {
        whenRead(({ decodeScenario }) => {
          const r = decodeScenario(frag);
          if (r.ok) open(r.scenario);
          else setNotice(`${r.message} Your current work is unchanged.`);
        });
      }
    });
    return () => {
      off();
      window.removeEventListener('storage', onStorage);
      updater.current?.flush();
      saver.current?.dispose();
    };
  }, [refreshKept, load]);

  // The store's loads: the address and what counts as unedited follow each one. A layout effect,
  // so that the address changes with the screen, and before the autosave below sees the scenario.
  const followed = useRef(loadSeq);
  useLayoutEffect(() => {
    if (followed.current === loadSeq || !loaded) return;
    followed.current = loadSeq;
    const { scenario: s, origin } = loaded;
    if (origin.address === 'push') {
      // The entry being left keeps the last edits (back returns to them), then the new one is pushed.
      updater.current?.flush();
      pushFragment(origin.fragment ?? encodeScenario(s));
    }
    pinned.current = s;
    // A scenario loaded (or opened in the address bar) is not the user's work until edited. History
    // entries can hold the user's own work as well as links: what comes back is saved as edited, so
    // that a link opened later sets it aside rather than overwriting it.
    unedited.current = origin.address === 'history' ? null : s;
  }, [loadSeq, loaded]);

  useEffect(() => {
    const isUnedited = unedited.current !== null && sameScenario(unedited.current, scenario);
    if (!isUnedited) unedited.current = null;
    saver.current?.save(scenario, isUnedited ? 'loaded' : 'edited');
    if (pinned.current !== null && sameScenario(pinned.current, scenario)) return;
    pinned.current = null;
    // While Practice is in the address it stays there (autosave above still keeps the work).
    if (practiceIdOf(readFragment()) !== null) return;
    // Checked again when the address is written: Practice may have been opened in between.
    const unlessPractice = (frag: string) => (practiceIdOf(readFragment()) !== null ? null : frag);
    // A large scenario's link is made in a worker (see linkOffThread.ts) unless it is needed at once.
    updater.current?.schedule((now) => {
      if (now) return unlessPractice(encodeScenario(scenario));
      const frag = encodeScenarioSoon(scenario);
      return typeof frag === 'string' ? unlessPractice(frag) : frag.then(unlessPractice);
    });
  }, [scenario]);

  /** Forget `id` and show the next newest kept scenario (if any) as the set-aside one. */
  const drop = useCallback((id: string | null) => {
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
  }, []);

  // Before a load: edited work it replaces is set aside (so it outlives the tab: autosave keeps
  // one scenario), and when that is refused nothing is loaded; set-aside work it reopens leaves
  // Recent work.
  const gate = useCallback(
    ({ scenario: next, source, origin }: LoadEvent): boolean => {
      const aside = origin.setAside ? setAsideOwnWork(next) : 'not-needed';
      if (aside === 'refused') {
        // An address the user opened: put it back on the work that stays.
        if (origin.address !== 'push') replaceFragment(encodeScenario(current.current));
        return false;
      }
      // The address shows the scenario already: an edit's pending write must not follow it.
      if (origin.address !== 'push') updater.current?.cancel();
      if (aside === 'set-aside') setStashSource(replacedBy(source));
      if (origin.reopens !== undefined) drop(origin.reopens);
      return true;
    },
    [setAsideOwnWork, drop],
  );
  useLayoutEffect(() => {
    gateLoads(gate);
    return () => gateLoads(null);
  }, [gateLoads, gate]);

  const reopening = (id?: string) => {
    const s = id === undefined ? (stash?.scenario ?? null) : loadKept(id, browserStorage());
    return s ? { scenario: s, reopens: id ?? stash?.id ?? null } : null;
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
    stashSource,
    kept: kept.filter((m) => m.id !== stash?.id),
    reopening,
    forgetKept: drop,
    notice: notice ?? storageNotice ?? listNotice ?? tabNotice,
    dismissNotice,
    settleFragment: () => updater.current?.settle() ?? null,
    forgetStash,
  };
}

/** What a load that set work aside is, for the "Back to my scenario" sentence. */
function replacedBy(source: ScenarioSource): StashSource {
  return source === 'saved' ? 'reopened' : source === 'example' || source === 'import' ? source : 'link';
}
