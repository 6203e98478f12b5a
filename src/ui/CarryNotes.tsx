/**
 * Above the editors: what an automatic carry-over did (translated from the other dialect, with the
 * translator's notes and Undo), that one is under way, or that both dialects hold their own
 * scripts (with a way to replace these by a translation of the other side's).
 */
import { memo, useId } from 'react';
import { DIALECT_LABEL, type Dialect } from '../engine/types';
import { carryDecision, otherDialect } from '../scenario/provenance';
import type { CarryNote } from '../state/carry';
import type { PlaygroundState } from '../state/store';
import './carry.css';

function List({ title, items, kind }: { title: string; items: string[]; kind: string }) {
  const id = useId();
  if (!items.length) return null;
  return (
    <div className={`carry-list carry-${kind}`}>
      <h3 id={id}>
        {title} ({items.length})
      </h3>
      <ul aria-labelledby={id}>
        {items.map((t, i) => (
          <li key={i}>{t}</li>
        ))}
      </ul>
    </div>
  );
}

function Carried({
  d,
  note,
  onUndo,
  onDismiss,
}: {
  d: Dialect;
  note: CarryNote;
  onUndo: () => void;
  onDismiss: () => void;
}) {
  const from = DIALECT_LABEL[note.from];
  const to = DIALECT_LABEL[d];
  return (
    <section className="carry-note" aria-label={`Scripts carried over from ${from}`}>
      <p role="status">
        {note.unchanged ? (
          <>
            <strong>Your {from} scripts run here unchanged</strong>: {to} now runs them as they are.
          </>
        ) : (
          <>
            <strong>
              Your {from} scripts were translated to {to}
            </strong>{' '}
            and are in the editors; {to}'s own scripts are kept for Undo.
          </>
        )}
      </p>
      <List
        title="Could not be translated (the run shows the engine's error)"
        items={note.untranslatable}
        kind="problems"
      />
      <List title="Still behaves differently" items={note.warnings} kind="warnings" />
      {note.changes.length > 0 && (
        <details className="carry-changes">
          <summary>What was translated ({note.changes.length})</summary>
          <ul>
            {note.changes.map((t, i) => (
              <li key={i}>{t}</li>
            ))}
          </ul>
        </details>
      )}
      <div className="carry-actions">
        <button type="button" onClick={onUndo}>
          Undo: use {to}'s own scripts
        </button>
        <button type="button" className="link-button" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
    </section>
  );
}

/** Props of CarryNotes. */
export interface CarryNotesProps {
  state: PlaygroundState;
  onUndo: (d: Dialect) => void;
  onDismiss: (d: Dialect) => void;
  /** Replace dialect `d`'s own scripts by a translation of the other dialect's (opens Translate). */
  onReplace: (d: Dialect) => void;
}

/** The note for the shown dialect, if any. */
export const CarryNotes = memo(function CarryNotes({ state, onUndo, onDismiss, onReplace }: CarryNotesProps) {
  const d = state.scenario.dialect;
  const carry = state.carry[d];
  if (carry === 'working') {
    return (
      <p className="carry-note carry-working" role="status">
        Translating your {DIALECT_LABEL[otherDialect(d)]} scripts for {DIALECT_LABEL[d]}…
      </p>
    );
  }
  if (carry) return <Carried d={d} note={carry} onUndo={() => onUndo(d)} onDismiss={() => onDismiss(d)} />;
  if (carryDecision(state.scenario, d) !== 'own') return null;
  const other = DIALECT_LABEL[otherDialect(d)];
  return (
    <div className="carry-note carry-own">
      <p>
        <strong>{DIALECT_LABEL[d]} has its own scripts</strong>: both dialects were edited separately, so switching
        keeps each as it is.
      </p>
      <button type="button" onClick={() => onReplace(d)} aria-haspopup="dialog">
        Replace with a translation of {other}'s
      </button>
    </div>
  );
}, sameNote);

/**
 * Whether CarryNotes shows the same for both props: the shown dialect, its note and what
 * carryDecision says for it (typing changes the scripts on every keystroke, the note seldom). What
 * CarryNotes comes to read of the state must be compared here too.
 */
function sameNote(a: CarryNotesProps, b: CarryNotesProps): boolean {
  const d = a.state.scenario.dialect;
  return (
    a.onUndo === b.onUndo &&
    a.onDismiss === b.onDismiss &&
    a.onReplace === b.onReplace &&
    d === b.state.scenario.dialect &&
    a.state.carry[d] === b.state.carry[d] &&
    carryDecision(a.state.scenario, d) === carryDecision(b.state.scenario, d)
  );
}
