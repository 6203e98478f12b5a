/**
 * "Run again": run the statement script once more on the state the shown run left, and say what
 * that run changed (an idempotent script changes nothing, or only rewrites rows with the same
 * values). The counts are the engine's diff of the second run alone.
 */
import type { RunResult } from '../../engine/types';
import { plural } from '../format';

/** What the shown run changed, when it ran after one or more earlier runs. */
function againVerdict(result: RunResult): string | null {
  if (!result.again) return null;
  let inserted = 0;
  let updated = 0;
  let deleted = 0;
  let same = 0;
  for (const t of result.tables) {
    inserted += t.counts.inserted;
    updated += t.counts.updated - t.counts.sameValues;
    deleted += t.counts.deleted;
    same += t.counts.sameValues;
  }
  const n = result.again.runs + 1;
  const head = `Run ${n} of the statement script: Before is the state ${n === 2 ? 'the first run' : `the ${n - 1} earlier runs`} left; the marks and fates are this run's alone.`;
  const failed = result.again.error
    ? ` An earlier run failed (${result.again.error.message}); the statements before the failing one kept their effects.`
    : '';
  let verdict: string;
  if (result.error) verdict = 'This run failed: see the error above.';
  else if (inserted + updated + deleted === 0 && same === 0)
    verdict = 'It changed nothing: running it again is safe on this data (idempotent).';
  else if (inserted + updated + deleted === 0)
    verdict = `It changed no value: ${plural(same, 'row')} rewritten with the same values, so running it again is safe on this data (idempotent).`;
  else {
    const parts = [
      inserted && `${inserted} inserted`,
      updated && `${updated} updated`,
      deleted && `${deleted} deleted`,
    ].filter(Boolean);
    verdict = `It changed the data again (${parts.join(', ')}): it is not idempotent, and a retry would change it once more. The proposed rows below say why for each row.`;
  }
  return `${head}${failed} ${verdict}`;
}

/** The Run again control, and the verdict of a run that came after earlier ones. */
export function RunAgain({ result, onRunAgain }: { result: RunResult; onRunAgain?: () => void }) {
  const verdict = againVerdict(result);
  if (!onRunAgain && !verdict) return null;
  return (
    <div className="run-again">
      {onRunAgain && (
        <p className="run-again-line">
          <button type="button" className="run-again-button" onClick={onRunAgain}>
            Run again
          </button>{' '}
          <span className="muted">
            runs the statement script once more on the state this run left, and shows what that run changed
          </span>
        </p>
      )}
      {verdict && (
        <p className="again-note" role="note">
          {verdict}
        </p>
      )}
    </div>
  );
}
