/** Hints above the engine's error for the commonest upsert mistakes, with a one-click fix where there is one. */
import type { Dialect } from '../engine/types';
import { learnerHints, type HintFix } from '../results/hints';
import type { RunRecord } from '../state/store';
import './hints.css';

/** Props of LearnerHints. */
export interface LearnerHintsProps {
  dialect: Dialect;
  record: RunRecord | undefined;
  /** Only while the editors still hold the scripts that failed. */
  current: boolean;
  onFix?: (dialect: Dialect, fix: HintFix) => void;
}

/** The hints of the last run's error (nothing when none applies). */
export function LearnerHints({ dialect, record, current, onFix }: LearnerHintsProps) {
  if (!record || !current) return null;
  const hints = learnerHints(record.result.error, dialect, record.ran);
  if (!hints.length) return null;
  return (
    <section className="hint-box" aria-label="Hint">
      {hints.map((h) => (
        <p key={h.id}>
          <strong>Hint:</strong> {h.text}{' '}
          {h.fix && onFix && (
            <button type="button" onClick={() => onFix(dialect, h.fix!)}>
              {h.fix.label}
            </button>
          )}
        </p>
      ))}
    </section>
  );
}
