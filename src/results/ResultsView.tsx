/** Everything a run produced: error, notes, statements with returned rows, tables before/after. */
import { memo, useState } from 'react';
import type { RunResult } from '../engine/types';
import { CutCellsContext, useResultCuts } from './cutCells';
import { HeldRowsContext, useResultHeld } from './heldView';
import { ErrorBox } from './ErrorBox';
import { formatMs, plural } from './format';
import { StatementList } from './StatementList';
import { TableDiffView } from './TableDiffView';
import { AccountSwitch } from './why/AccountSwitch';
import { RunAgain } from './why/RunAgain';
import { linkedStatement, StepPicker, tablesFor, type TablesView } from './why/StepThrough';
import { ModulePart } from '../ui/LazyPart';
import { useLazyModule } from '../lib/useLazyModule';
import { raceResults, targetHelp } from '../ui/deferred';

/** Props of ResultsView. */
export interface ResultsViewProps {
  result: RunResult;
  /** Move the caret to the failing statement. */
  onShowError?: () => void;
  /** Run the statement script once more on the state this run left. */
  onRunAgain?: () => void;
  /** Switch the row-by-row account on or off (and run again). */
  onAccount?: (on: boolean) => void;
  /** Ask the engine for one statement's plan. */
  explain?: (index: number) => Promise<RunResult>;
}

/**
 * The results of one run on one engine. Memoised: typing in the editors re-renders the page but
 * not the tables of a result that did not change.
 */
export const ResultsView = memo(function ResultsView({
  result,
  onShowError,
  onRunAgain,
  onAccount,
  explain,
}: ResultsViewProps) {
  const setupFailed = result.error?.phase === 'setup';
  const setupMs = result.setup.reduce((a, s) => a + s.durationMs, 0);
  const [viewState, setView] = useState<{ of: RunResult; view: TablesView }>({ of: result, view: 'whole' });
  // A new result starts on the whole script again.
  const view = viewState.of === result ? viewState.view : 'whole';
  const shown = tablesFor(result, view);
  // Values shown cut: each cell offers the whole value, fetched from the engine that ran.
  const cuts = useResultCuts(result);
  // Large tables stay in the engine's worker; their views ask it for the rows they show.
  const heldRows = useResultHeld(result);
  const failing =
    result.error?.phase === 'statement' ? result.statements[result.error.statementIndex ?? -1] : undefined;
  // Code off the first result's path: the keys of a table whose conflict target failed, and the
  // Race lab's timeline (ui/deferred.ts).
  const help = useLazyModule(targetHelp, failing !== undefined, 'the table keys');
  const race = useLazyModule(raceResults, result.race !== undefined, 'the race results');
  // A Race lab run: its timeline's steps, each in its session's column.
  if (result.race)
    return (
      <CutCellsContext value={cuts}>
        <ModulePart module={race} what="the race results">
          {({ RaceResults }) => <RaceResults result={result} />}
        </ModulePart>
      </CutCellsContext>
    );
  return (
    <CutCellsContext value={cuts}>
      <HeldRowsContext value={heldRows}>
        <div className="results" data-dialect={result.dialect}>
          {result.error && <ErrorBox error={result.error} onShow={onShowError} />}
          {failing && help !== null && help !== 'failed' && (
            <help.TargetHelpFor sql={failing.sql} error={result.error} tables={result.tables.map((t) => t.schema)} />
          )}
          {result.notes.map((n, i) => (
            <p key={i} className="run-note" role="note">
              {n}
            </p>
          ))}
          {result.setup.length > 0 && !setupFailed && (
            <p className="setup-line muted">
              Setup: {plural(result.setup.length, 'statement')} in {formatMs(setupMs)} · whole run{' '}
              {formatMs(result.timings.total)}
            </p>
          )}
          {!setupFailed && (result.statements.length > 0 || result.notRun.length > 0) && (
            <section aria-label="Statements" className="statements">
              <h2>Statements</h2>
              <RunAgain result={result} onRunAgain={onRunAgain} />
              <StatementList
                statements={result.statements}
                notRun={result.notRun}
                linked={linkedStatement(result, view)}
                dialect={result.dialect}
                explain={explain}
              />
              {result.account?.note && <p className="run-note">{result.account.note}</p>}
              {onAccount && result.account && <AccountSwitch on={result.account.on} onChange={onAccount} />}
            </section>
          )}
          {result.tables.length > 0 && (
            <section aria-label="Tables" className="tables">
              <h2>Tables</h2>
              <StepPicker result={result} view={view} onView={(v) => setView({ of: result, view: v })} />
              {shown.caption && <p className="step-caption">{shown.caption}</p>}
              {shown.tables.map((t) => (
                <TableDiffView key={t.name} diff={t} />
              ))}
            </section>
          )}
          {!setupFailed &&
            result.tables.length === 0 &&
            result.error?.phase !== 'timeout' &&
            result.error?.phase !== 'engine' && <p className="muted">The setup created no tables.</p>}
        </div>
      </HeldRowsContext>
    </CutCellsContext>
  );
});
