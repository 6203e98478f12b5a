/** The results column: title and notes, an example's explanation, and one or two result panes. */
import { lazy } from 'react';
import type { Example } from '../gallery/types';
import { ScenarioMetaView } from '../share/ScenarioMeta';
import type { PlaygroundState } from '../state/store';
import { resultIsStale, shownDialects } from '../state/usePlayground';
import { loadedGallery } from './galleryLoader';
import { LazyPart } from './LazyPart';
import { ResultsPane } from './ResultsPane';

// Only compare mode needs this: loaded on first use.
const CompareSummary = lazy(() => import('./CompareSummary').then((m) => ({ default: m.CompareSummary })));

/** Props of ResultsArea. */
export interface ResultsAreaProps {
  state: PlaygroundState;
  /** The example whose explanation is shown, if any. */
  explained: Example | undefined;
  onCloseExplanation(): void;
}

/** Everything right of the editors. */
export function ResultsArea({ state, explained, onCloseExplanation }: ResultsAreaProps) {
  const { scenario, results, running } = state;
  // An example is only known once the gallery is loaded, and the gallery brings its explanation panel.
  const gallery = explained ? loadedGallery() : null;
  const compare = Boolean(scenario.compare);
  const sqlite = results.sqlite;
  const postgres = results.postgres;
  const bothFresh = compare && sqlite && postgres && !running.sqlite && !running.postgres && !resultIsStale(state, 'sqlite') && !resultIsStale(state, 'postgres');

  return (
    <div className={`results-col${compare ? ' comparing' : ''}`}>
      {/* An example's title is already the heading of its explanation. */}
      <ScenarioMetaView title={explained && scenario.title === explained.title ? undefined : scenario.title} notes={scenario.notes} />
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
          <LazyPart what="the difference summary">
            <CompareSummary sqlite={sqlite.result} postgres={postgres.result} />
          </LazyPart>
        ) : (
          <p className="muted compare-wait">The difference summary appears when both engines have run the current scripts.</p>
        ))}
      <div className={compare ? 'compare-columns' : undefined}>
        {shownDialects(scenario).map((d) => (
          <ResultsPane key={d} dialect={d} record={results[d]} running={Boolean(running[d])} stale={resultIsStale(state, d)} titled={compare} />
        ))}
      </div>
    </div>
  );
}
