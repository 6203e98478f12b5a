/** The results column: title and notes, an example's explanation, and one or two result panes. */
import { memo, useRef } from 'react';
import { useLazyModule } from '../lib/useLazyModule';
import { compareSummaryModule } from './featureModules';
import { LearnerHintsSlot } from './LearnerHintsSlot';
import type { Dialect } from '../engine/types';
import type { Example } from '../gallery/types';
import { ScenarioMetaView } from './ScenarioMeta';
import type { PlaygroundState } from '../state/store';
import { resultIsStale, shownDialects } from '../state/usePlayground';
import { loadedGallery } from './galleryLoader';
import { LoadFailedNote, LoadingNote } from './LazyPart';
import { useRevealResults } from '../ux/revealResults';
import { ResultsPane } from './ResultsPane';
import { RanNote } from './RanNote';
import type { HintFix } from '../results/hints';

/** Props of ResultsArea. */
export interface ResultsAreaProps {
  state: PlaygroundState;
  /** The example whose explanation is shown, if any. */
  explained: Example | undefined;
  onCloseExplanation: () => void;
  /** Apply a learner hint's one-click fix to a dialect's script. */
  onFix?: (dialect: Dialect, fix: HintFix) => void;
  /** Run a dialect's statement script once more on the state its shown run left (stable). */
  onRunAgain?: (dialect: Dialect) => void;
  /** Switch the row-by-row account for a dialect, and run it (stable). */
  onAccount?: (dialect: Dialect, on: boolean) => void;
}

/** "Show in editor" for a run's error only where the editors hold the very text that failed. */
function errorInEditor(state: PlaygroundState, d: Dialect): boolean {
  return d === state.scenario.dialect && !resultIsStale(state, d);
}

/** Everything right of the editors. */
export const ResultsArea = memo(function ResultsArea({
  state,
  explained,
  onCloseExplanation,
  onFix,
  onRunAgain,
  onAccount,
}: ResultsAreaProps) {
  const { scenario, results, running } = state;
  // An example is only known once the gallery is loaded, and the gallery brings its explanation panel.
  const gallery = explained ? loadedGallery() : null;
  const compare = Boolean(scenario.compare);
  const sqlite = results.sqlite;
  const postgres = results.postgres;
  // Only compare mode needs the summary's code: its download starts as soon as compare mode is on
  // (while the engines run), or earlier when the page is idle (featureModules.ts), so the summary
  // does not wait for it once both have run.
  const summary = useLazyModule(compareSummaryModule, compare, 'the difference summary');
  const col = useRef<HTMLDivElement>(null);
  useRevealResults(
    col,
    shownDialects(scenario).some((d) => running[d]),
  );
  const bothFresh =
    compare &&
    sqlite &&
    postgres &&
    !running.sqlite &&
    !running.postgres &&
    !resultIsStale(state, 'sqlite') &&
    !resultIsStale(state, 'postgres');

  return (
    <div ref={col} className={`results-col${compare ? ' comparing' : ''}`}>
      {/* An example's title is already the heading of its explanation. */}
      <ScenarioMetaView
        title={explained && scenario.title === explained.title ? undefined : scenario.title}
        notes={scenario.notes}
      />
      {explained && gallery && (
        <div className="explanation-wrap">
          {state.exampleId !== explained.id && (
            <p className="explanation-edited">
              You edited this example: the explanation describes the original.{' '}
              <button type="button" className="link-button" onClick={onCloseExplanation}>
                Hide it
              </button>
            </p>
          )}
          <gallery.ExplanationPanel example={explained} dialect={scenario.dialect} />
        </div>
      )}
      {compare &&
        (bothFresh ? (
          summary === 'failed' ? (
            <LoadFailedNote what="the difference summary" />
          ) : summary ? (
            <summary.CompareSummary sqlite={sqlite.result} postgres={postgres.result} />
          ) : (
            <LoadingNote what="the difference summary" />
          )
        ) : (
          <p className="muted compare-wait">
            The difference summary appears when both engines have run the current scripts.
          </p>
        ))}
      <div className={compare ? 'compare-columns' : undefined}>
        {shownDialects(scenario).map((d) => (
          <ResultsPane
            key={d}
            dialect={d}
            record={results[d]}
            running={Boolean(running[d])}
            stale={resultIsStale(state, d)}
            titled={compare}
            errorInEditor={errorInEditor(state, d)}
            onRunAgain={onRunAgain}
            onAccount={onAccount}
            limitMs={state.timeLimitS * 1000}
            ranNote={
              <>
                <RanNote dialect={d} record={results[d]} carry={state.carry} always={compare} />
                <LearnerHintsSlot dialect={d} record={results[d]} current={!resultIsStale(state, d)} onFix={onFix} />
              </>
            }
          />
        ))}
      </div>
    </div>
  );
}, sameView);

/**
 * Whether ResultsArea shows the same for both props: the other props are the same, and so is
 * what it reads of the state. Of the scripts it reads only whether each dialect's result is stale:
 * typing changes them on every keystroke, the results column only when a result turns stale. What
 * ResultsArea comes to read of the state must be compared here too.
 */
function sameView(a: ResultsAreaProps, b: ResultsAreaProps): boolean {
  const keys = Object.keys(a) as (keyof ResultsAreaProps)[];
  if (keys.length !== Object.keys(b).length || keys.some((k) => k !== 'state' && a[k] !== b[k])) return false;
  const s = a.state;
  const t = b.state;
  return (
    s.results === t.results &&
    s.running === t.running &&
    s.carry === t.carry &&
    s.timeLimitS === t.timeLimitS &&
    s.exampleId === t.exampleId &&
    s.scenario.dialect === t.scenario.dialect &&
    s.scenario.compare === t.scenario.compare &&
    s.scenario.title === t.scenario.title &&
    s.scenario.notes === t.scenario.notes &&
    (['sqlite', 'postgres'] as const).every((d) => resultIsStale(s, d) === resultIsStale(t, d))
  );
}
