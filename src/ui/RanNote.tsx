/** Above a dialect's results: which scripts the run ran (its own, or translated from the other dialect). */
import { DIALECT_LABEL, type Dialect } from '../engine/types';
import type { CarryState } from '../state/carry';
import { translatedFrom } from '../state/carry';
import type { RunRecord } from '../state/store';
import './dialects.css';

/** Props of RanNote. */
export interface RanNoteProps {
  dialect: Dialect;
  record: RunRecord | undefined;
  carry: CarryState;
  /** Compare mode: say it for own scripts too. */
  always: boolean;
}

/** The sentence (nothing when the run had no provenance worth telling outside compare mode). */
export function RanNote({ dialect, record, carry, always }: RanNoteProps) {
  if (!record) return null;
  const from = translatedFrom(record.origin);
  if (!from) return always ? <p className="ran-note">Ran {DIALECT_LABEL[dialect]}'s own scripts.</p> : null;
  const note = carry[dialect];
  const notes =
    note && note !== 'working' && note.from === from ? [...note.untranslatable, ...note.warnings, ...note.changes] : [];
  return (
    <div className="ran-note">
      Ran {DIALECT_LABEL[from]}'s scripts, translated to {DIALECT_LABEL[dialect]}
      {notes.length > 0 ? (
        <>
          {' '}
          <details>
            <summary>
              ({notes.length} translator note{notes.length === 1 ? '' : 's'})
            </summary>
            <ul>
              {notes.map((t, i) => (
                <li key={i}>{t}</li>
              ))}
            </ul>
          </details>
        </>
      ) : (
        '.'
      )}
    </div>
  );
}
