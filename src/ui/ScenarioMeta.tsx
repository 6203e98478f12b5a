/**
 * Title and notes of a scenario: a collapsible editor (kept in links and exports) and a
 * read-only display above the results. Notes are plain text: shown as typed, never as HTML.
 */
import { memo, useId, useState } from 'react';
import '../share/share.css';

/** Longest title the scenario schema accepts. */
const MAX_TITLE_CHARS = 200;

/** Props of ScenarioMetaEditor. */
export interface ScenarioMetaEditorProps {
  title: string;
  notes: string;
  /** Called on every keystroke with the changed field. */
  onChange: (patch: { title?: string; notes?: string }) => void;
  /** Start expanded (default: expanded when there is a title or notes). */
  defaultOpen?: boolean;
}

/** Collapsible "Title and notes" editor with fields labelled "Title" and "Notes". */
export const ScenarioMetaEditor = memo(function ScenarioMetaEditor({
  title,
  notes,
  onChange,
  defaultOpen,
}: ScenarioMetaEditorProps) {
  const titleId = useId();
  const notesId = useId();
  const hintId = useId();
  // Decided once: following the text would snap the section shut when the last character is deleted.
  const [open, setOpen] = useState(() => defaultOpen ?? Boolean(title || notes));
  return (
    <details className="share-meta-editor" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        Title and notes{!open && (title || notes) ? <span className="share-hint"> — {title || 'notes'}</span> : null}
      </summary>
      <div className="share-field">
        <label htmlFor={titleId}>Title</label>
        <input
          id={titleId}
          type="text"
          value={title}
          maxLength={MAX_TITLE_CHARS}
          placeholder="e.g. Upsert on email keeps the id"
          onChange={(e) => onChange({ title: e.currentTarget.value })}
        />
      </div>
      <div className="share-field">
        <label htmlFor={notesId}>Notes</label>
        <textarea
          id={notesId}
          value={notes}
          rows={3}
          aria-describedby={hintId}
          placeholder="What this scenario shows, what to look at…"
          onChange={(e) => onChange({ notes: e.currentTarget.value })}
        />
        <p id={hintId} className="share-hint">
          Plain text, shown above the results and kept in links and exports.
        </p>
      </div>
    </details>
  );
});

/** Props of ScenarioMetaView. */
export interface ScenarioMetaViewProps {
  title?: string;
  notes?: string;
}

/** Read-only title and notes above the results; renders nothing when both are empty. */
export function ScenarioMetaView({ title, notes }: ScenarioMetaViewProps) {
  if (!title && !notes) return null;
  return (
    <header className="share-meta-view">
      {/* Someone else's text: its direction is its own (a bidi control in it stays inside). */}
      {title && (
        <h2 className="share-meta-view__title" dir="auto">
          {title}
        </h2>
      )}
      {notes && (
        <p className="share-meta-view__notes" dir="auto">
          {notes}
        </p>
      )}
    </header>
  );
}
