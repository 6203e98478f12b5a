/**
 * Moving between scenarios: scenarios the user chose (example, import, a file), going back to set-aside
 * work, and an `#example/ID` address met before the gallery had loaded. Each is one load event
 * (the store's `load`, with its origin); persistence follows it (history entry, set-aside work,
 * autosave) and dispatches back/forward and links typed into the address bar itself.
 */
import { useLayoutEffect, useRef } from 'react';
import type { Example } from '../gallery/types';
import type { ImportResult } from '../scenario/file';
import type { Scenario } from '../scenario/scenario';
import type { PlaygroundState } from '../state/store';
import type { PlaygroundActions } from '../state/usePlayground';
import { exampleScenario, loadGallery, loadedGallery, lookupExample } from '../ui/galleryLoader';
import { exampleFragment, exampleIdOf, readFragment } from './history';
import { encodeScenarioSoon } from '../scenario/linkOffThread';
import type { StartDecision } from './start';
import { usePersistence, type Persistence } from './usePersistence';

/** The navigation of the app: the store's loads, with persistence following them. */
export function useScenarioNavigation(state: PlaygroundState, actions: PlaygroundActions, start: StartDecision) {
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
        actions.load({
          scenario: next,
          source: 'link',
          exampleId: id,
          origin: { address: 'push', fragment: exampleFragment(id) },
        });
      },
      () => {
        recovering.current = null;
      },
    );
    return null;
  };
  const persistence = usePersistence({ state, actions }, start, lookupOrLoad);
  useLayoutEffect(() => {
    persistenceRef.current = persistence;
  });

  // Counts chosen loads, and the scenario on screen: a large scenario whose link is still being
  // encoded does not open over something opened or typed meanwhile.
  const loads = useRef(0);
  const shown = useRef(state.scenario);
  useLayoutEffect(() => {
    shown.current = state.scenario;
  });

  /**
   * Load a scenario the user chose (example, import): a new history entry, so Back returns to the
   * work; edited work is set aside (as when a link opens over it), so it survives the tab being
   * closed. When it cannot be (storage full), the notice says so and nothing changes.
   */
  const loadChosen = (next: Scenario, source: 'example' | 'import', exampleId: string | null = null) => {
    const load = ++loads.current;
    const from = shown.current;
    const open = (fragment: string) => {
      if (load !== loads.current || shown.current !== from) return;
      actions.load({ scenario: next, source, exampleId, origin: { address: 'push', fragment, setAside: true } });
    };
    // A large scenario's link is encoded in a worker: the page stays responsive meanwhile. So is
    // the link of the last edits, which goes into the entry being left before the new one is pushed.
    const fragment = exampleId ? exampleFragment(exampleId) : encodeScenarioSoon(next);
    const left = persistence.settleFragment();
    if (typeof fragment === 'string' && left === null) open(fragment);
    else void Promise.all([fragment, left]).then(([f]) => open(f));
  };

  /** Back to set-aside work (the newest, or `id` from Recent work); edits it replaces are set aside. */
  const reopen = (id?: string) => {
    const opened = persistence.reopening(id);
    if (!opened) return;
    actions.load({
      scenario: opened.scenario,
      source: 'saved',
      origin: { address: 'push', setAside: true, reopens: opened.reopens },
    });
  };

  /** An example picked in the Examples dialog, in the dialect on screen. */
  const pickExample = (ex: Example) => {
    // The dialog comes with the gallery, so the gallery is loaded whenever an example is picked.
    const gallery = loadedGallery();
    if (gallery) loadChosen(gallery.exampleToScenario(ex, state.scenario.dialect), 'example', ex.id);
  };

  /** A file imported (button or drop): loaded with its note, or a message saying why not. */
  const importFile = (r: ImportResult) => {
    if (!r.ok) {
      actions.showMessage('error', `${r.message} Your current work was kept.`);
      return;
    }
    loadChosen(r.scenario, 'import');
    actions.showMessage('info', r.note);
  };

  return { persistence, loadChosen, reopen, pickExample, importFile };
}
