/** The playground's layout: top bar, editors, results, and the dialogs. State lives in usePlayground. */
import { useEffect, useState } from 'react';
import type { TranslationResult } from './compare';
import { ExamplesDialog } from './gallery/ExamplesDialog';
import { exampleToScenario, findExample } from './gallery/gallery';
import type { Example } from './gallery/types';
import type { ImportResult } from './scenario/file';
import { defaultScenario, sameScenario, type Scenario } from './scenario/scenario';
import { DropZone } from './share/DropZone';
import { ImportExport, exportJsonFile } from './share/ImportExport';
import { ScenarioMetaEditor } from './share/ScenarioMeta';
import { StashBanner } from './share/StashBanner';
import { clearStash, decideOnLoad, loadStash, loadWorkRecord, stashOwnWork } from './share/storage';
import { initialState, type PlaygroundState } from './state/store';
import { usePersistence, pushLoaded } from './state/usePersistence';
import { shownDialects, usePlayground } from './state/usePlayground';
import { DialectSwitch } from './ui/DialectSwitch';
import { EditorsPane } from './ui/EditorsPane';
import { ResultsArea } from './ui/ResultsArea';
import { RunControls } from './ui/RunControls';
import { ShareButtonDialog } from './ui/ShareButtonDialog';
import { Toolbar } from './ui/Toolbar';
import { TranslateFlow } from './ui/TranslateFlow';

type StashSource = 'link' | 'example' | 'import' | 'reset';

/** Decide the first scenario: a link or example wins, else the autosaved work, else the default. */
function startState(): { state: PlaygroundState; stash: Scenario | null; stashSource: StashSource } {
  const saved = loadWorkRecord();
  const d = decideOnLoad({
    hash: window.location.hash,
    saved,
    findExample: (id) => {
      const ex = findExample(id);
      return ex ? exampleToScenario(ex, saved?.scenario.dialect ?? 'sqlite') : null;
    },
  });
  if (d.stash) stashOwnWork(d.stash);
  const message = d.message ? { kind: 'error' as const, text: `${d.message} ${d.source === 'saved' ? 'Your last work was restored instead.' : 'The default scenario is shown instead.'}` } : null;
  const state = initialState(d.scenario, d.source, message, d.exampleId ?? null);
  return { state, stash: d.stash ?? loadStash(), stashSource: d.source === 'example' ? 'example' : 'link' };
}

/** The whole app. */
export function App() {
  const [start] = useState(startState);
  const [state, actions] = usePlayground(() => start.state);
  usePersistence(state, actions);
  const { scenario } = state;
  const dialect = scenario.dialect;
  const running = shownDialects(scenario).some((d) => state.running[d]);
  const [enhanced, setEnhanced] = useState(false);
  const [stash, setStash] = useState<{ scenario: Scenario; source: StashSource } | null>(start.stash ? { scenario: start.stash, source: start.stashSource } : null);
  const [dialog, setDialog] = useState<'examples' | 'share' | null>(null);
  const [translation, setTranslation] = useState<TranslationResult | 'loading' | null>(null);

  // Monaco loads only after the first result is on screen.
  const firstResult = Boolean(state.results.sqlite || state.results.postgres);
  useEffect(() => {
    if (!enhanced && firstResult) setEnhanced(true);
  }, [enhanced, firstResult]);

  // Ctrl/Cmd+Enter anywhere on the page runs (editors handle it themselves first).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.defaultPrevented) {
        e.preventDefault();
        actions.run();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  /** Load a scenario the user chose (example, import): a new history entry; edited work is kept aside. */
  const loadChosen = (next: Scenario, source: 'example' | 'import', exampleId: string | null = null) => {
    if (state.source === 'edited' && !sameScenario(scenario, next) && !sameScenario(scenario, defaultScenario())) {
      stashOwnWork(scenario);
      setStash({ scenario, source });
    }
    actions.load(next, source, exampleId);
    pushLoaded(next, exampleId);
  };

  const onPickExample = (ex: Example) => {
    setDialog(null);
    loadChosen(exampleToScenario(ex, dialect), 'example', ex.id);
  };

  const onImport = (r: ImportResult) => {
    if (!r.ok) {
      actions.showMessage('error', `${r.message} Your current work was kept.`);
      return;
    }
    loadChosen(r.scenario, 'import');
    actions.showMessage('info', r.note);
  };

  const restoreStash = () => {
    if (!stash) return;
    actions.load(stash.scenario, 'saved');
    pushLoaded(stash.scenario, null);
    clearStash();
    setStash(null);
  };

  const explained = state.explainId ? findExample(state.explainId) : undefined;

  return (
    <div className="app">
      <header className="topbar">
        <h1 className="brand">
          <span className="brand-mark" aria-hidden="true">⇅</span> Upsert Playground
        </h1>
        <DialectSwitch value={dialect} onChange={actions.setDialect} />
        <RunControls running={running} onRun={() => actions.run()} onStop={() => actions.stop()} timeLimitS={state.timeLimitS} onTimeLimit={actions.setTimeLimit} />
        <Toolbar
          compare={Boolean(scenario.compare)}
          onExamples={() => setDialog('examples')}
          onCompare={(on) => actions.patch({ compare: on })}
          onTranslate={() => setTranslation('loading')}
          translating={translation === 'loading'}
          onShare={() => setDialog('share')}
        />
      </header>
      {state.message && (
        <div className={`banner banner-${state.message.kind}`} role={state.message.kind === 'error' ? 'alert' : 'status'}>
          <p>{state.message.text}</p>
          <button type="button" className="link-button" onClick={actions.dismissMessage}>
            Dismiss
          </button>
        </div>
      )}
      <StashBanner
        stash={stash?.scenario ?? null}
        source={stash?.source}
        onRestore={restoreStash}
        onDismiss={() => {
          clearStash();
          setStash(null);
        }}
      />
      <main className="workspace">
        <section className="editors" aria-label="Scripts">
          <div className="scenario-tools">
            <ScenarioMetaEditor key={state.loadSeq} title={scenario.title ?? ''} notes={scenario.notes ?? ''} onChange={(p) => actions.patch(p)} />
            <ImportExport scenario={scenario} onImport={onImport} />
          </div>
          <EditorsPane state={state} actions={actions} enhanced={enhanced} />
        </section>
        <ResultsArea state={state} explained={explained} onCloseExplanation={actions.closeExplanation} />
      </main>
      <ExamplesDialog open={dialog === 'examples'} onClose={() => setDialog(null)} onPick={onPickExample} currentDialect={dialect} />
      <ShareButtonDialog open={dialog === 'share'} onClose={() => setDialog(null)} state={state} onExport={() => exportJsonFile(scenario)} />
      <TranslateFlow
        request={translation}
        scenario={scenario}
        onReady={setTranslation}
        onAccept={(next) => {
          setTranslation(null);
          actions.setScenario(next);
        }}
        onCancel={() => setTranslation(null)}
        onError={(m) => {
          setTranslation(null);
          actions.showMessage('error', m);
        }}
      />
      <DropZone scenario={scenario} onImport={onImport} />
    </div>
  );
}
