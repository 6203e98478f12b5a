/** The results column for one dialect: engine status, staleness, and the run's results. */
import type { ReactNode } from 'react';
import { engines } from '../engine/engines';
import { DIALECT_LABEL, type Dialect, type RunInput } from '../engine/types';
import { ResultsView } from '../results/ResultsView';
import { formatMs } from '../results/format';
import type { RunRecord } from '../state/store';
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
  onShowError?: () => void;
  /** Which scripts the run ran (own, or translated), shown above the results. */
  ranNote?: ReactNode;
  /** Run the statement script once more on the state the shown run left. */
  onRunAgain?: () => void;
  /** Switch the row-by-row account. */
  onAccount?: (on: boolean) => void;
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
  onShowError,
  ranNote,
  onRunAgain,
  onAccount,
  limitMs = 5000,
}: ResultsPaneProps) {
  const info = useEngineInfo(engines[dialect]);
  // Explain replays what the shown run ran (its earlier runs too), then plans one statement.
  const input: RunInput | undefined = record && (record.input ?? { ...record.ran });
  const explain = input ? (index: number) => engines[dialect].run({ ...input, explain: index }, limitMs) : undefined;
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
          onRunAgain={running ? undefined : onRunAgain}
          onAccount={running ? undefined : onAccount}
          explain={stale ? undefined : explain}
        />
      ) : (
        !running && info.status === 'ready' && <p className="muted">No results yet.</p>
      )}
    </section>
  );
}
