/** The verdict of a check, in a live region: Correct (with the reference beside the attempt) or Not yet. */
import type { Dialect } from '../engine/types';
import { ErrorBox } from '../results/ErrorBox';
import type { Verdict } from './check';
import { Prose } from './Prose';
import { RunTables } from './ResultTables';
import { forDialect, type Exercise } from './types';

/** Props of VerdictBox. */
export interface VerdictBoxProps {
  ex: Exercise;
  dialect: Dialect;
  verdict: Verdict | null;
  checking: boolean;
  attempt: string;
  next: Exercise | undefined;
  onNext: () => void;
}

/** The live region with the verdict, and the learner's result below it. */
export function VerdictBox({ ex, dialect, verdict, checking, attempt, next, onNext }: VerdictBoxProps) {
  const problems = verdict?.kind === 'not-yet' && verdict.set === 0 ? verdict.problems : [];
  const mine = verdict && verdict.kind !== 'invalid' ? verdict.visible.mine : null;
  return (
    <section className="practice-verdict" aria-label="Verdict">
      <div
        role="status"
        aria-live="polite"
        aria-atomic="true"
        className={`verdict verdict-${checking ? 'checking' : (verdict?.kind ?? 'none')}`}
      >
        {checking && <p>Checking on the visible and the hidden data…</p>}
        {!checking && verdict?.kind === 'correct' && (
          <>
            <h3>Correct</h3>
            <p>
              <Prose text={ex.lesson} />
            </p>
          </>
        )}
        {!checking && verdict && verdict.kind !== 'correct' && (
          <>
            <h3>Not yet</h3>
            {verdict.kind === 'invalid' && <p>{verdict.message}</p>}
            {verdict.kind === 'not-yet' && verdict.set > 0 && (
              <p>
                Your statement gives the expected result on the data shown, but not in a hidden check:{' '}
                <strong>{verdict.about}</strong>.
              </p>
            )}
            {verdict.kind === 'not-yet' && (
              <ul className="practice-problems">
                {(verdict.set === 0
                  ? verdict.problems.map((p) => p.text)
                  : [...new Set(verdict.problems.map((p) => p.summary))]
                ).map((t, i) => (
                  <li key={i}>{t}</li>
                ))}
              </ul>
            )}
            {verdict.kind === 'error' && (
              <>
                {verdict.set > 0 && <p>In a hidden check ({verdict.about}), the engine stopped with an error:</p>}
                <ErrorBox error={verdict.error} />
                {verdict.hint && (
                  <p className="practice-hint-line">
                    <strong>What to do:</strong> {verdict.hint}
                  </p>
                )}
              </>
            )}
          </>
        )}
      </div>
      {!checking && verdict?.kind === 'correct' && (
        <div className="practice-compare">
          <div>
            <h4>Your statement</h4>
            <pre className="practice-code">{attempt}</pre>
          </div>
          <div>
            <h4>Reference solution</h4>
            <pre className="practice-code">{forDialect(ex.solution, dialect)}</pre>
          </div>
          {next ? (
            <button type="button" className="run-button" onClick={onNext}>
              Next exercise: {next.title}
            </button>
          ) : (
            <p>That was the last exercise of the path.</p>
          )}
        </div>
      )}
      {!checking && mine && mine.ok && (
        <div className="practice-mine">
          <h3>Your result</h3>
          <RunTables ex={ex} result={mine} title="Your result" problems={problems} />
        </div>
      )}
    </section>
  );
}
