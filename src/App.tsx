/**
 * The playground's layout: top bar, editors, results, and the dialogs. State lives in hooks: the
 * store (usePlayground), moving between scenarios (useScenarioNavigation, with persistence),
 * Practice in the address, the dialogs and a translation request.
 */
import { lazy, startTransition } from 'react';
import { DropZone } from './scenario/DropZone';
import { ImportExport, exportJsonFile } from './share/ImportExport';
import { ScenarioMetaEditor } from './ui/ScenarioMeta';
import type { StartDecision } from './persistence/start';
import { useScenarioNavigation } from './persistence/useScenarioNavigation';
import { initialState } from './state/store';
import { shownDialects, usePlayground } from './state/usePlayground';
import { DialectSwitch } from './ui/DialectSwitch';
import { EditorsPane } from './ui/EditorsPane';
import { galleryModule, useGallery } from './ui/galleryLoader';
import { LazyPart, ModulePart } from './ui/LazyPart';
import { practiceModule, usePreloadFeatures } from './ui/featureModules';
import { useLazyModule } from './lib/useLazyModule';
import { usePracticeRoute } from './ui/practiceRoute';
import { useEnhanced, usePageRunKey } from './ui/useEnhanced';
import { ResultsArea } from './ui/ResultsArea';
import { RunControls } from './ui/RunControls';
import { Toolbar } from './ui/Toolbar';
import { TranslateFlow, useTranslationRequest } from './translate/TranslateFlow';
import { SplitWorkspace } from './ux/SplitWorkspace';
import { CarryNotesSlot, ParametersSlot, StashSlot, UpdateSlot } from './ui/DeferredSlots';
import { otherDialect } from './scenario/provenance';
import type { Dialect } from './engine/types';
import type { HintFix } from './results/hints';
import { useDialogs } from './ui/useDialogs';
import { useHandler } from './lib/useHandler';

// Not needed for the first result: loaded when first used (Examples and Practice also ahead, on
// idle, by usePreloadFeatures).
const ShareButtonDialog = lazy(() => import('./ui/ShareButtonDialog').then((m) => ({ default: m.ShareButtonDialog })));

/** The whole app, opening with the page's start decision (`startScenario()`, made once by mount.tsx). */
export function App({ start }: { start: StartDecision }) {
  const [state, actions] = usePlayground(() =>
    initialState(start.scenario, start.source, null, start.exampleId ?? null),
  );
  const { persistence, loadChosen, reopen, pickExample, importFile } = useScenarioNavigation(state, actions, start);
  const { scenario } = state;
  const dialect = scenario.dialect;
  const practice = usePracticeRoute(scenario);
  const practicing = practice.id !== null;
  const running = shownDialects(scenario).some((d) => state.running[d]);
  const dialogs = useDialogs(scenario);
  const translation = useTranslationRequest(scenario, state.timeLimitS, actions);
  const enhanced = useEnhanced(Boolean(state.results.sqlite || state.results.postgres));
  usePreloadFeatures(enhanced);
  const practiceCode = useLazyModule(practiceModule, practicing, 'Practice');
  const examplesCode = useLazyModule(galleryModule, dialogs.examplesMounted, 'the examples');
  usePageRunKey(actions.run);
  const gallery = useGallery(Boolean(state.explainId));
  const explained = state.explainId && gallery ? gallery.findExample(state.explainId) : undefined;
  // Handlers with one identity: the memoised views they go to are not rendered again on every
  // keystroke (an edit changes the scenario, and with it these closures).
  const onRun = useHandler(() => actions.run());
  const onStop = useHandler(() => actions.stop());
  const onExportFailed = useHandler((message: string) => actions.showMessage('error', message));
  const onExamples = useHandler(() => dialogs.openExamples());
  const onCompare = useHandler((on: boolean) => actions.patch({ compare: on }));
  const onTranslate = useHandler(() => translation.ask());
  const onShare = useHandler(() => dialogs.openShare());
  const onReplace = useHandler((d: Dialect) => translation.ask(otherDialect(d)));
  const onFix = useHandler((d: Dialect, fix: HintFix) => {
    actions.edit(fix.part, fix.text, d);
    actions.showMessage(
      'info',
      `${fix.label}: done in the ${fix.part === 'setup' ? 'Setup' : 'Statement'} editor. Press Run to try it.`,
    );
  });

  return (
    <div className="app">
      <header className="topbar">
        <h1 className="brand">
          <span className="brand-mark" aria-hidden="true">
            ⇅
          </span>{' '}
          Upsert Playground
        </h1>
        <DialectSwitch value={dialect} onChange={actions.setDialect} />
        <button
          type="button"
          className="tool-button practice-toggle"
          aria-pressed={practicing}
          // A transition: the page renders in slices, not in one long task after the click.
          onClick={() => startTransition(() => (practicing ? practice.close() : practice.go()))}
        >
          Practice
        </button>
        {!practicing && (
          <RunControls
            running={running}
            onRun={onRun}
            onStop={onStop}
            timeLimitS={state.timeLimitS}
            onTimeLimit={actions.setTimeLimit}
          />
        )}
        {!practicing && (
          <Toolbar
            compare={Boolean(scenario.compare)}
            onExamples={onExamples}
            onCompare={onCompare}
            onTranslate={onTranslate}
            translating={translation.request === 'loading'}
            onShare={onShare}
          />
        )}
      </header>
      <UpdateSlot ready={enhanced} />
      {persistence.notice && (
        <div className="banner banner-error" role="alert">
          <p>{persistence.notice}</p>
          <button type="button" className="link-button" onClick={persistence.dismissNotice}>
            Dismiss
          </button>
        </div>
      )}
      {state.message && (
        <div
          className={`banner banner-${state.message.kind}`}
          role={state.message.kind === 'error' ? 'alert' : 'status'}
        >
          <p>{state.message.text}</p>
          <button type="button" className="link-button" onClick={actions.dismissMessage}>
            Dismiss
          </button>
        </div>
      )}
      <StashSlot
        stash={persistence.stash}
        source={persistence.stashSource}
        onRestore={() => reopen()}
        onDismiss={persistence.forgetStash}
        recent={persistence.kept}
        onOpenRecent={reopen}
        onForgetRecent={persistence.forgetKept}
      />
      {practicing && (
        <ModulePart module={practiceCode} what="Practice">
          {({ default: PracticeView }) => (
            <PracticeView
              id={practice.id ?? ''}
              dialect={dialect}
              onDialect={actions.setDialect}
              onGo={practice.go}
              onClose={practice.close}
              enhanced={enhanced}
              onOpenInPlayground={(s) => {
                practice.left();
                loadChosen(s, 'import');
              }}
            />
          )}
        </ModulePart>
      )}
      <SplitWorkspace compare={Boolean(scenario.compare)} hidden={practicing}>
        <section className="editors" aria-label="Scripts">
          <div className="scenario-tools">
            <ScenarioMetaEditor
              key={state.loadSeq}
              title={scenario.title ?? ''}
              notes={scenario.notes ?? ''}
              onChange={actions.patch}
              defaultOpen={false}
            />
            <ImportExport scenario={scenario} onImport={importFile} onExportFailed={onExportFailed} />
          </div>
          <CarryNotesSlot
            state={state}
            onUndo={actions.undoCarry}
            onDismiss={actions.dismissCarry}
            onReplace={onReplace}
          />
          <EditorsPane state={state} actions={actions} enhanced={enhanced} />
          <ParametersSlot scenario={scenario} dialect={dialect} onChange={actions.setParam} />
        </section>
        <ResultsArea
          state={state}
          explained={explained}
          onCloseExplanation={actions.closeExplanation}
          onRunAgain={actions.runAgain}
          onAccount={actions.setAccount}
          onFix={onFix}
        />
      </SplitWorkspace>
      {dialogs.examplesMounted && (
        <ModulePart module={examplesCode} what="the examples" placement="overlay">
          {({ ExamplesDialog }) => (
            <ExamplesDialog
              open={dialogs.open === 'examples'}
              onClose={dialogs.close}
              onPick={(ex) => {
                dialogs.close();
                pickExample(ex);
              }}
              currentDialect={dialect}
            />
          )}
        </ModulePart>
      )}
      {dialogs.open === 'share' && (
        <LazyPart what="the Share dialog" placement="overlay">
          <ShareButtonDialog
            open
            onClose={dialogs.close}
            state={state}
            onExport={() => exportJsonFile(scenario, onExportFailed)}
            linkCopied={dialogs.linkCopied}
          />
        </LazyPart>
      )}
      <TranslateFlow
        request={translation.request}
        scenario={scenario}
        onAccept={translation.accept}
        onCancel={translation.cancel}
      />
      <DropZone scenario={scenario} onImport={importFile} />
    </div>
  );
}
