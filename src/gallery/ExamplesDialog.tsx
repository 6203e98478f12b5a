/**
 * The "Examples" dialog: filter the gallery by tag and text, pick an example. A native modal
 * <dialog> (the page behind is inert), Tab wraps inside it, Esc closes it, and focus returns to
 * where it was.
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { DIALECT_LABEL, type Dialect } from '../engine/types';
import { EXAMPLES, dialectFor, filterExamples, supportedDialects } from './gallery';
import { TAGS, TAG_LABEL, type Example, type Tag } from './types';
import './gallery.css';

/** Props of ExamplesDialog. */
export interface ExamplesDialogProps {
  open: boolean;
  onClose: () => void;
  onPick: (example: Example) => void;
  /** The dialect examples open in when they support it. */
  currentDialect: Dialect;
}

/** The gallery dialog. */
export function ExamplesDialog({ open, onClose, onPick, currentDialect }: ExamplesDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const [tags, setTags] = useState<Tag[]>([]);
  const [query, setQuery] = useState('');
  const ids = useId();
  const shown = useMemo(() => filterExamples(EXAMPLES, { tags, query }), [tags, query]);

  useEffect(() => {
    const d = ref.current;
    if (!d || !open) return undefined;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!d.open) {
      if (typeof d.showModal === 'function') d.showModal();
      else d.setAttribute('open', '');
    }
    searchRef.current?.focus();
    return () => {
      if (d.open && typeof d.close === 'function') d.close();
      d.removeAttribute('open');
      before?.focus();
    };
  }, [open]);

  const toggle = (t: Tag) => setTags((cur) => (cur.includes(t) ? cur.filter((x) => x !== t) : [...cur, t]));

  function onPickKeyDown(e: KeyboardEvent<HTMLButtonElement>) {
    // Up/Down move between examples, Home/End jump to the ends.
    const buttons = [...(listRef.current?.querySelectorAll<HTMLButtonElement>('button.gallery-pick') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    const to =
      e.key === 'ArrowDown'
        ? at + 1
        : e.key === 'ArrowUp'
          ? at - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? buttons.length - 1
              : null;
    if (to === null) return;
    e.preventDefault();
    buttons[Math.max(0, Math.min(buttons.length - 1, to))]?.focus();
  }

  return (
    <dialog
      ref={ref}
      className="gallery-dialog"
      aria-labelledby={`${ids}-title`}
      onCancel={(e) => {
        // Esc: the parent decides (it normally closes the dialog).
        e.preventDefault();
        onClose();
      }}
      onKeyDown={(e) => {
        // Esc closes at once, also from the search field (where the browser would first clear it).
        if (e.key === 'Escape') {
          e.preventDefault();
          onClose();
        }
      }}
    >
      {open && (
        <div className="gallery-dialog-body">
          <header className="gallery-dialog-head">
            <h2 id={`${ids}-title`}>Examples</h2>
            <button type="button" className="gallery-close" onClick={onClose}>
              Close
            </button>
          </header>
          <div className="gallery-filters">
            <label htmlFor={`${ids}-search`}>Search examples</label>
            <input
              id={`${ids}-search`}
              ref={searchRef}
              type="search"
              value={query}
              placeholder="e.g. RETURNING, COALESCE, duplicate"
              onChange={(e) => setQuery(e.target.value)}
            />
            <div role="group" aria-label="Filter by tag" className="gallery-tags">
              {TAGS.map((t) => (
                <button key={t} type="button" aria-pressed={tags.includes(t)} onClick={() => toggle(t)}>
                  {TAG_LABEL[t]}
                </button>
              ))}
              {tags.length > 0 && (
                <button type="button" className="gallery-clear" onClick={() => setTags([])}>
                  Clear tags
                </button>
              )}
            </div>
          </div>
          <p role="status" className="gallery-count">
            {shown.length === 1 ? '1 example' : `${shown.length} examples`}
            {tags.length > 0 ? ` tagged ${tags.map((t) => TAG_LABEL[t]).join(' + ')}` : ''}
          </p>
          {shown.length === 0 ? (
            <p className="gallery-empty">No example matches. Remove a tag or change the search.</p>
          ) : (
            <ul ref={listRef} className="gallery-list" aria-label="Examples">
              {shown.map((ex) => (
                <ExampleItem
                  key={ex.id}
                  example={ex}
                  currentDialect={currentDialect}
                  onPick={onPick}
                  onKeyDown={onPickKeyDown}
                  idBase={ids}
                />
              ))}
            </ul>
          )}
        </div>
      )}
    </dialog>
  );
}

interface ItemProps {
  example: Example;
  currentDialect: Dialect;
  onPick: (example: Example) => void;
  /** Up/Down/Home/End between the examples. */
  onKeyDown: (e: KeyboardEvent<HTMLButtonElement>) => void;
  idBase: string;
}

/** One example in the list: the title is the button; summary, tags and dialects describe it. */
function ExampleItem({ example, currentDialect, onPick, onKeyDown, idBase }: ItemProps) {
  const descId = `${idBase}-${example.id}-desc`;
  const opensIn = dialectFor(example, currentDialect);
  return (
    <li className="gallery-item">
      <button
        type="button"
        className="gallery-pick"
        aria-describedby={descId}
        onClick={() => onPick(example)}
        onKeyDown={onKeyDown}
      >
        {example.title}
      </button>
      <div id={descId} className="gallery-item-desc">
        <p className="gallery-summary">{example.summary}</p>
        <p className="gallery-meta">
          {supportedDialects(example).map((d) => (
            <span key={d} className={`gallery-badge gallery-badge-${d}`}>
              {DIALECT_LABEL[d]}
            </span>
          ))}
          {example.tags
            .filter((t) => t !== 'sqlite-only' && t !== 'postgres-only')
            .map((t) => (
              <span key={t} className="gallery-tag">
                {TAG_LABEL[t]}
              </span>
            ))}
          {opensIn !== currentDialect && <span className="gallery-opens-in">opens in {DIALECT_LABEL[opensIn]}</span>}
        </p>
      </div>
    </li>
  );
}
