/** The playground's layout: top bar, editors, results, and the dialogs. State lives in usePlayground. */
import { useEffect, useState } from 'react';
import type { TranslationResult } from './compare';
import { ExamplesDialog } from './gallery/ExamplesDialog';
import { exampleToScenario, findExample } from './gallery/gallery';
import type { Example } from './gallery/types';
import type { ImportResult } from './scenario/file';
import type { Scenario } from './scenario/scenario';
import { DropZone } from './share/DropZone';
import { ImportExport, exportJsonFile } from './share/ImportExport';
import { ScenarioMetaEditor } from './share/ScenarioMeta';
import { StashBanner, type StashBannerProps } from './share/StashBanner';
import { exampleFragment, exampleIdOf, readFragment } from './share/history';
import { startScenario, usePersistence } from './share/usePersistence';
import { initialState, type PlaygroundState } from './state/store';
import { shownDialects, usePlayground } from './state/usePlayground';
import { DialectSwitch } from './ui/DialectSwitch';
import { EditorsPane } from './ui/EditorsPane';
import { ResultsArea } from './ui/ResultsArea';
import { RunControls } from './ui/RunControls';
import { ShareButtonDialog } from './ui/ShareButtonDialog';
import { Toolbar } from './ui/Toolbar';
import { TranslateFlow } from './ui/TranslateFlow';

type StashSource = NonNullable<StashBannerProps['source']>;

/** A gallery example as a scenario, for `#example/ID` fragments. */
function lookupExample(id: string): Scenario | null {
  const ex = findExample(id);
  return ex ? exampleToScenario(ex, 'sqlite') : null;
}

/** The first state: a link or example wins, else the autosaved work, else the default scenario. */
function startState(): PlaygroundState {
  const first = startScenario(lookupExample);
  return initialState(first.scenario, first.source, null, first.exampleId ?? null);
}

/** The whole app. */
export function App() {
  const [state, actions] = usePlayground(startState);
  // Back/forward (or a link pasted into the address bar) load that entry's scenario.
  const persistence = usePersistence(state.scenario, (s) => actions.load(s, 'link', exampleIdOf(readFragment())), lookupExample);
  const { scenario } = state;
  const dialect = scenario.dialect;
  const running = shownDialects(scenario).some((d) => state.running[d]);
  const [enhanced, setEnhanced] = useState(false);
  const [dialog, setDialog] = useState<'examples' | 'share' | null>(null);
  const [translation, setTranslation] = useState<TranslationResult | 'loading' | null>(null);
  // What replaced the set-aside work, for the "Back to my scenario" sentence.
  const [stashSource, setStashSource] = useState<StashSource>(() => {
    const opened = startScenario().source;
    return opened === 'example' || opened === 'link' ? opened : 'earlier';
  });

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

  /** Load a scenario the user chose (example, import): a new history entry, so Back returns to the work. */
  const loadChosen = (next: Scenario, source: 'example' | 'import', exampleId: string | null = null) => {
    // Edited work is set aside (as when a link opens over it), so it survives the tab being closed.
    if (persistence.loaded(next, exampleId ? exampleFragment(exampleId) : undefined, { setAside: true })) setStashSource(source);
    actions.load(next, source, exampleId);
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
    const mine = persistence.takeStash();
    if (!mine) return;
    persistence.loaded(mine);
    actions.load(mine, 'saved');
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
      {persistence.notice && (
        <div className="banner banner-error" role="alert">
          <p>{persistence.notice}</p>
          <button type="button" className="link-button" onClick={persistence.dismissNotice}>
            Dismiss
          </button>
        </div>
      )}
      {state.message && (
        <div className={`banner banner-${state.message.kind}`} role={state.message.kind === 'error' ? 'alert' : 'status'}>
          <p>{state.message.text}</p>
          <button type="button" className="link-button" onClick={actions.dismissMessage}>
            Dismiss
          </button>
        </div>
      )}
      <StashBanner stash={persistence.stash} source={stashSource} onRestore={restoreStash} onDismiss={persistence.forgetStash} />
      <main className="workspace">
        <section className="editors" aria-label="Scripts">
          <div className="scenario-tools">
            <ScenarioMetaEditor key={state.loadSeq} title={scenario.title ?? ''} notes={scenario.notes ?? ''} onChange={(p) => actions.patch(p)} defaultOpen={false} />
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
