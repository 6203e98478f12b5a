/**
 * Keeps the scenario outside the page: in the URL fragment (edits replace the history entry,
 * loads push one) and in local autosave; back/forward load the scenario of that entry.
 */
import { useEffect, useRef } from 'react';
import { findExample, exampleToScenario } from '../gallery/gallery';
import { decodeScenario, encodeScenario } from '../scenario/link';
import type { Scenario } from '../scenario/scenario';
import { createAutosaver } from '../share/autosave';
import { createFragmentUpdater, exampleFragment, exampleIdOf, onFragmentChange, pushFragment } from '../share/history';
import type { PlaygroundState } from './store';
import type { PlaygroundActions } from './usePlayground';

/** The fragment that stands for the current state: an unedited example keeps its short link. */
export function fragmentFor(state: Pick<PlaygroundState, 'scenario' | 'exampleId'>): string {
  return state.exampleId ? exampleFragment(state.exampleId) : encodeScenario(state.scenario);
}

/** Load a scenario as a new history entry (example, import, restored work). */
export function pushLoaded(scenario: Scenario, exampleId: string | null): void {
  pushFragment(exampleId ? exampleFragment(exampleId) : encodeScenario(scenario));
}

/** Wire fragment, autosave and back/forward to the store. */
export function usePersistence(state: PlaygroundState, actions: PlaygroundActions): void {
  const actionsRef = useRef(actions);
  actionsRef.current = actions;
  const dialectRef = useRef(state.scenario.dialect);
  dialectRef.current = state.scenario.dialect;

  const tools = useRef<{ fragment: ReturnType<typeof createFragmentUpdater>; autosave: ReturnType<typeof createAutosaver> } | null>(null);
  if (!tools.current) {
    tools.current = {
      fragment: createFragmentUpdater(300, () =>
        actionsRef.current.showMessage('info', 'This scenario is too large for the address bar; it is still autosaved here. Use Export to share it as a file.'),
      ),
      autosave: createAutosaver({
        onError: (m) => {
          if (m) actionsRef.current.showMessage('error', m);
        },
      }),
    };
  }

  const { scenario, exampleId, source } = state;
  useEffect(() => {
    const t = tools.current!;
    t.fragment.schedule(() => fragmentFor({ scenario, exampleId }));
    t.autosave.save(scenario, source === 'edited' ? 'edited' : 'loaded');
  }, [scenario, exampleId, source]);

  useEffect(() => {
    const t = tools.current!;
    const off = onFragmentChange((frag) => {
      t.fragment.cancel();
      const id = exampleIdOf(frag);
      if (id) {
        const ex = findExample(id);
        if (ex) actionsRef.current.load(exampleToScenario(ex, dialectRef.current), 'example', id);
        else actionsRef.current.showMessage('error', `There is no example called "${id.slice(0, 80)}".`);
        return;
      }
      if (!frag) return;
      const d = decodeScenario(frag);
      if (d.ok) actionsRef.current.load(d.scenario, 'link');
      else actionsRef.current.showMessage('error', `${d.message} Your current work was kept.`);
    });
    return () => {
      off();
      t.fragment.flush();
      t.autosave.flush();
    };
  }, []);
}
