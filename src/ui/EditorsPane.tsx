/** The Setup SQL and Statement SQL editors of the current dialect, with the failing statement marked. */
import { SqlEditor } from '../editor/SqlEditor';
import type { EditorMarker } from '../editor/types';
import type { EngineError } from '../engine/types';
import type { PlaygroundState } from '../state/store';
import { resultIsStale, type PlaygroundActions } from '../state/usePlayground';

function markerFor(error: EngineError | undefined, phase: 'setup' | 'statement'): EditorMarker | null {
  if (!error || error.phase !== phase || !error.span) return null;
  return { start: error.span.start, end: error.span.end, position: error.position, message: error.code ? `${error.message} (${error.code})` : error.message };
}

/** Props of EditorsPane. */
export interface EditorsPaneProps {
  state: PlaygroundState;
  actions: PlaygroundActions;
  /** Swap the plain editors for Monaco (after the first result). */
  enhanced: boolean;
}

/** Both editors. */
export function EditorsPane({ state, actions, enhanced }: EditorsPaneProps) {
  const dialect = state.scenario.dialect;
  const scripts = state.scenario[dialect];
  const record = state.results[dialect];
  // Markers only while the editors still hold the text that produced the error.
  const error = record && !resultIsStale(state, dialect) ? record.result.error : undefined;
  const run = () => actions.run();
  return (
    <>
      <div className="editor-block">
        <h2 className="editor-title">Setup SQL</h2>
        <SqlEditor label="Setup SQL" dialect={dialect} value={scripts.setup} onChange={(t) => actions.edit('setup', t)} onRun={run} marker={markerFor(error, 'setup')} lines={8} enhanced={enhanced} />
      </div>
      <div className="editor-block">
        <h2 className="editor-title">Statement SQL</h2>
        <SqlEditor label="Statement SQL" dialect={dialect} value={scripts.statement} onChange={(t) => actions.edit('statement', t)} onRun={run} marker={markerFor(error, 'statement')} lines={8} enhanced={enhanced} />
      </div>
    </>
  );
}
