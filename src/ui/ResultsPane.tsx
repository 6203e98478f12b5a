/** The results column for one dialect: engine status, staleness, and the run's results. */
import { useMemo, type ReactNode } from 'react';
import { revealInEditor } from '../editor/reveal';
import { DIALECT_LABEL, type Dialect, type EngineError, type RunInput } from '../engine/types';
import { ResultsView } from '../results/ResultsView';
import { formatMs } from '../results/format';
import type { RunRecord } from '../state/store';
import { useEngines } from '../state/engineContext';
import { useEngineInfo } from '../state/useEngineInfo';
import { EngineStatus } from './EngineStatus';

/** Props of ResultsPane. */
export interface ResultsPaneProps {
  dialect: Dialect;
  record: RunRecord | undefined;
  running: boolean;
  stale: boolean;
  /** Show the dialect name as a heading (compare mode). */
  titled?: boolean;
  /** The editors hold the text this run failed on: its error can be shown there. */
  errorInEditor?: boolean;
  /** Which scripts the run ran (own, or translated), shown above the results. */
  ranNote?: ReactNode;
  /** Run a dialect's statement script once more on the state its shown run left (stable). */
  onRunAgain?: (dialect: Dialect) => void;
  /** Switch the row-by-row account (stable). */
  onAccount?: (dialect: Dialect, on: boolean) => void;
  /** The time limit of a run, in ms (an Explain replays the run). */
  limitMs?: number;
}

/** Results of one dialect. */
export function ResultsPane({
  dialect,
  record,
  running,
  stale,
  titled,
  errorInEditor,
  ranNote,
  onRunAgain,
  onAccount,
  limitMs = 5000,
}: ResultsPaneProps) {
  const error = record?.result.error;
  // Stable while the result is: the memoised result view does not re-render as the person types.
  const onShowError = useMemo(() => (errorInEditor ? showInEditor(error) : undefined), [errorInEditor, error]);
  const engines = useEngines();
  const info = useEngineInfo(engines[dialect]);
  const again = useMemo(
    () => (onRunAgain && !running ? () => onRunAgain(dialect) : undefined),
    [onRunAgain, running, dialect],
  );
  const account = useMemo(
    () => (onAccount && !running ? (on: boolean) => onAccount(dialect, on) : undefined),
    [onAccount, running, dialect],
  );
  // Explain replays what the shown run ran (its earlier runs too), then plans one statement. It
  // does not depend on the editors' text, so it stays the same while the person types (and the
  // memoised result view is not rendered again).
  const explain = useMemo(() => {
    const input: RunInput | undefined = record && (record.input ?? { ...record.ran });
    if (!input) return undefined;
    return (index: number) => engines[dialect].run({ ...input, explain: index }, limitMs);
  }, [record, engines, dialect, limitMs]);
  const showTime = record && !running && info.status === 'ready';
  return (
    <section className="results-pane" aria-label={`${DIALECT_LABEL[dialect]} results`} aria-busy={running}>
      {titled && <h2 className="pane-title">{DIALECT_LABEL[dialect]}</h2>}
      <div className="status-row">
        <EngineStatus dialect={dialect} info={info} running={running} />
        {showTime && (
          <p
            className="run-time"
            title="From pressing Run to the rendered result, and the engine's own time for the run"
          >
            Result in {formatMs(record.elapsedMs)} · engine {formatMs(record.result.timings.total)}
          </p>
        )}
      </div>
      {ranNote}
      {stale && !running && (
        <p className="stale-note">The scripts changed since this run. Press Run to see the new outcome.</p>
      )}
      {record ? (
        // No dimming while a run is under way: restyling a large table costs ~100 ms per Run; the
        // status line above already says "Running…" and the section is aria-busy.
        <ResultsView
          result={record.result}
          onShowError={onShowError}
          onRunAgain={again}
          onAccount={account}
          explain={explain}
        />
      ) : (
        !running && info.status === 'ready' && <p className="muted">No results yet.</p>
      )}
    </section>
  );
}

/** "Show in editor" for a setup or statement error with a place in the script. */
function showInEditor(error: EngineError | undefined): (() => void) | undefined {
  if (!error?.span || (error.phase !== 'setup' && error.phase !== 'statement')) return undefined;
  const at = error.position ?? error.span.start;
  return () => revealInEditor(error.phase === 'setup' ? 'Setup SQL' : 'Statement SQL', at);
}
