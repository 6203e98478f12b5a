/** The setup, the expected result and the learner's result of an exercise, as labelled tables. */
import type { RunResult } from '../engine/types';
import { CutCellsContext, useResultCuts } from '../results/cutCells';
import type { Problem } from './compare';
import { PracticeTable } from './PracticeTable';
import { afterRows, beforeRows, shownReturned } from './shownRows';
import type { Exercise } from './types';

/** The tables the setup creates, before the statement ("Setup: NAME"). */
export function SetupTables({ result }: { result: RunResult }) {
  const cuts = useResultCuts(result);
  return (
    <CutCellsContext value={cuts}>
      <div className="practice-tables">
        {result.tables.map((t) => (
          <div key={t.name} className="practice-table-box">
            <h4>{t.name}</h4>
            <PracticeTable
              label={`Setup: ${t.name}`}
              columns={t.before?.columns ?? []}
              rows={beforeRows(t)}
              marked={false}
            />
          </div>
        ))}
      </div>
    </CutCellsContext>
  );
}

/**
 * A run's After state ("Expected: NAME" for the reference, "Your result: NAME" for the learner's),
 * each row marked by the engine's diff, and its returned rows when the exercise compares them.
 */
export function RunTables({
  ex,
  result,
  title,
  problems = [],
}: {
  ex: Exercise;
  result: RunResult;
  title: 'Expected' | 'Your result';
  problems?: Problem[];
}) {
  const tables = result.tables.filter((t) => !ex.tables || ex.tables.includes(t.name));
  const returned = ex.returning ? shownReturned(result, problems) : null;
  const returnedLabel = title === 'Expected' ? 'Expected returned rows' : 'Your returned rows';
  const cuts = useResultCuts(result);
  return (
    <CutCellsContext value={cuts}>
      <div className="practice-tables">
        {tables.map((t) => (
          <div key={t.name} className="practice-table-box">
            <h4>{t.name}</h4>
            <PracticeTable
              label={`${title}: ${t.name}`}
              columns={t.after?.columns ?? t.before?.columns ?? []}
              rows={afterRows(ex, result, t, problems)}
              marked
            />
          </div>
        ))}
        {ex.returning && (
          <div className="practice-table-box">
            <h4>{title === 'Expected' ? 'Returned rows' : 'Your returned rows'}</h4>
            {returned ? (
              <PracticeTable
                label={returnedLabel}
                columns={returned.columns}
                rows={returned.rows}
                marked={false}
                empty="No rows returned"
              />
            ) : (
              <p className="muted">The statement returned nothing (it has no RETURNING).</p>
            )}
          </div>
        )}
      </div>
    </CutCellsContext>
  );
}
