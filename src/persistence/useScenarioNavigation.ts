/**
 * Moving between scenarios: back/forward and links pasted into the address bar, scenarios the user
 * chose (example, import), and going back to set-aside work; each keeps the store and persistence
 * (autosave, fragment, Recent work) in step, and says what replaced the set-aside work.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import type { Scenario } from '../scenario/scenario';
import type { PlaygroundActions } from '../state/usePlayground';
import { exampleScenario, loadGallery, loadedGallery, lookupExample } from '../ui/galleryLoader';
import { exampleFragment, exampleIdOf, readFragment } from './history';
import type { StashBannerProps } from './StashBanner';
import { encodeScenarioSoon } from '../scenario/linkOffThread';
import { startScenario } from './start';
import { usePersistence, type Persistence } from './usePersistence';

type StashSource = NonNullable<StashBannerProps['source']>;

/** The navigation of the app: persistence wired to the store's load action. */
export function useScenarioNavigation(scenario: Scenario, actions: PlaygroundActions) {
  // What replaced the set-aside work, for the "Back to my scenario" sentence.
  const [stashSource, setStashSource] = useState<StashSource>(() => {
    const opened = startScenario().source;
    return opened === 'example' || opened === 'link' ? opened : 'earlier';
  });
  const persistenceRef = useRef<Persistence | null>(null);
  const recovering = useRef<string | null>(null);
  /**
   * Example lookup for back/forward. If the gallery is not loaded yet, it is loaded and the example
   * then opened (usePersistence has meanwhile said there is no such example: that notice goes).
   */
  const lookupOrLoad = (id: string): Scenario | null => {
    const found = lookupExample(id);
    if (found || loadedGallery() || recovering.current === id) return found;
    recovering.current = id;
    loadGallery().then(
      (gallery) => {
        recovering.current = null;
        const next = exampleScenario(gallery, id);
        const persistence = persistenceRef.current;
        if (!next || !persistence || exampleIdOf(readFragment()) !== id) return;
        persistence.dismissNotice();
        // Same fragment: replaces the entry rather than adding one.
        persistence.loaded(next, exampleFragment(id));
        actions.load(next, 'link', id);
      },
      () => {
        recovering.current = null;
      },
    );
    return null;
  };
  // Back/forward (or a link pasted into the address bar) load that entry's scenario; a pasted
  // link sets edited work aside ("Back to my scenario").
  const persistence = usePersistence(
    scenario,
    (s, setAside) => {
      if (setAside) setStashSource('link');
      actions.load(s, 'link', exampleIdOf(readFragment()));
    },
    lookupOrLoad,
  );
  useLayoutEffect(() => {
    persistenceRef.current = persistence;
  });

  // Counts chosen loads, and the scenario on screen: a large scenario whose link is still being
  // encoded does not open over something opened or typed meanwhile.
  const loads = useRef(0);
  const shown = useRef(scenario);
  useLayoutEffect(() => {
    shown.current = scenario;
  });

  /** Load a scenario the user chose (example, import): a new history entry, so Back returns to the work. */
  const loadChosen = (next: Scenario, source: 'example' | 'import', exampleId: string | null = null) => {
    const load = ++loads.current;
    const from = shown.current;
    const open = (fragment: string) => {
      if (load !== loads.current || shown.current !== from) return;
      // Edited work is set aside (as when a link opens over it), so it survives the tab being closed.
      const r = persistence.loaded(next, fragment, { setAside: true });
      // Refused: the work could not be set aside (storage full); the notice says so, nothing changes.
      if (r === 'refused') return;
      if (r === 'set-aside') setStashSource(source);
      actions.load(next, source, exampleId);
    };
    // A large scenario's link is encoded in a worker: the page stays responsive meanwhile.
    const fragment = exampleId ? exampleFragment(exampleId) : encodeScenarioSoon(next);
    if (typeof fragment === 'string') open(fragment);
    else void fragment.then(open);
  };

  /** Back to set-aside work (the newest, or one from Recent work); edits it replaces are set aside. */
  const reopen = (opened: { scenario: Scenario; setAside: boolean } | null) => {
    if (!opened) return;
    if (opened.setAside) setStashSource('reopened');
    actions.load(opened.scenario, 'saved');
  };

  return { persistence, stashSource, loadChosen, reopen };
}
