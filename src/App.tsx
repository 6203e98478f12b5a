/** The playground's layout: top bar, the two editors, and the results. State lives in usePlayground. */
import { useEffect, useState } from 'react';
import { SqlEditor } from './editor/SqlEditor';
import type { EditorMarker } from './editor/types';
import type { EngineError } from './engine/types';
import { decodeScenario, encodeScenario } from './scenario/link';
import { defaultScenario } from './scenario/scenario';
import { initialState, type PlaygroundState } from './state/store';
import { resultIsStale, shownDialects, usePlayground } from './state/usePlayground';
import { DialectSwitch } from './ui/DialectSwitch';
import { ResultsPane } from './ui/ResultsPane';
import { RunControls } from './ui/RunControls';

/** Decide the first scenario from the URL fragment. */
function startState(): PlaygroundState {
  const hash = window.location.hash;
  if (hash.startsWith('#s1/')) {
    const d = decodeScenario(hash);
    if (d.ok) return initialState(d.scenario, 'link');
    return initialState(defaultScenario(), 'default', { kind: 'error', text: `${d.message} The default scenario is shown instead.` });
  }
  return initialState(defaultScenario(), 'default');
}

function markerFor(error: EngineError | undefined, phase: 'setup' | 'statement'): EditorMarker | null {
  if (!error || error.phase !== phase || !error.span) return null;
  return { start: error.span.start, end: error.span.end, position: error.position, message: error.code ? `${error.message} (${error.code})` : error.message };
}

/** The whole app. */
export function App() {
  const [state, actions] = usePlayground(startState);
  const { scenario } = state;
  const dialect = scenario.dialect;
  const scripts = scenario[dialect];
  const record = state.results[dialect];
  const running = shownDialects(scenario).some((d) => state.running[d]);
  const [enhanced, setEnhanced] = useState(false);

  // Monaco loads only after the first result is on screen.
  useEffect(() => {
    if (enhanced || !(state.results.sqlite || state.results.postgres)) return;
    const t = window.setTimeout(() => setEnhanced(true), 50);
    return () => window.clearTimeout(t);
  }, [enhanced, state.results]);

  // The scenario lives in the URL fragment: edits replace the entry, they do not add history.
  useEffect(() => {
    const t = window.setTimeout(() => {
      const frag = `#${encodeScenario(scenario)}`;
      if (window.location.hash !== frag) history.replaceState(history.state, '', frag);
    }, 250);
    return () => window.clearTimeout(t);
  }, [scenario]);

  // A link pasted into the address bar of an open page loads like a fresh visit.
  useEffect(() => {
    const onHash = () => {
      const d = decodeScenario(window.location.hash);
      if (d.ok) actions.load(d.scenario, 'link');
      else if (window.location.hash.startsWith('#s1/')) actions.showMessage('error', d.message);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
    // actions are stable in behaviour (they dispatch); subscribe once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

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

  const fresh = record && !resultIsStale(state, dialect) ? record.result.error : undefined;

  return (
    <div className="app">
      <header className="topbar">
        <h1 className="brand">
          <span className="brand-mark" aria-hidden="true">⇅</span> Upsert Playground
        </h1>
        <DialectSwitch value={dialect} onChange={actions.setDialect} />
        <RunControls running={running} onRun={() => actions.run()} onStop={() => actions.stop()} timeLimitS={state.timeLimitS} onTimeLimit={actions.setTimeLimit} />
      </header>
      {state.message && (
        <div className={`banner banner-${state.message.kind}`} role={state.message.kind === 'error' ? 'alert' : 'status'}>
          <p>{state.message.text}</p>
          <button type="button" className="link-button" onClick={actions.dismissMessage}>
            Dismiss
          </button>
        </div>
      )}
      <main className="workspace">
        <section className="editors" aria-label="Scripts">
          <div className="editor-block">
            <h2 className="editor-title">Setup SQL</h2>
            <SqlEditor label="Setup SQL" dialect={dialect} value={scripts.setup} onChange={(t) => actions.edit('setup', t)} onRun={() => actions.run()} marker={markerFor(fresh, 'setup')} lines={12} enhanced={enhanced} />
          </div>
          <div className="editor-block">
            <h2 className="editor-title">Statement SQL</h2>
            <SqlEditor label="Statement SQL" dialect={dialect} value={scripts.statement} onChange={(t) => actions.edit('statement', t)} onRun={() => actions.run()} marker={markerFor(fresh, 'statement')} lines={12} enhanced={enhanced} />
          </div>
        </section>
        <div className="results-col">
          <ResultsPane dialect={dialect} record={record} running={Boolean(state.running[dialect])} stale={resultIsStale(state, dialect)} />
        </div>
      </main>
    </div>
  );
}
