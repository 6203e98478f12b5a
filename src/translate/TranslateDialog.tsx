/**
 * The Translate dialog: the other dialect's setup and statement produced from this one's, side by
 * side, with what was changed, what could not be translated and what still behaves differently.
 * Nothing reaches the editors until the user accepts.
 */
import { useEffect, useId, useRef } from 'react';
import { DIALECT_LABEL, type Dialect } from '../engine/types';
import type { Problem, ScriptTranslation, TranslationResult } from './translate';
import '../compare/compare.css';

/** Props of TranslateDialog. */
export interface TranslateDialogProps {
  open: boolean;
  from: Dialect;
  to: Dialect;
  result: TranslationResult;
  /** Put the translated texts into the `to` dialect's editors. */
  onAccept: () => void;
  onCancel: () => void;
}

function Findings({ title, items, kind }: { title: string; items: Problem[]; kind: string }) {
  if (!items.length) return null;
  return (
    <div className={`cmp-findings cmp-${kind}`}>
      <h4>
        {title} ({items.length})
      </h4>
      <ul>
        {items.map((p, i) => (
          <li key={i}>
            <span className="cmp-line">line {p.line}</span> {p.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

function ScriptPane({ label, script, to }: { label: string; script: ScriptTranslation; to: Dialect }) {
  const headingId = useId();
  return (
    <section className="cmp-pane" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {DIALECT_LABEL[to]} {label}
      </h3>
      <pre
        className="cmp-sql"
        role="region"
        tabIndex={0}
        aria-label={`Translated ${label.toLowerCase()} (${DIALECT_LABEL[to]})`}
      >
        {script.sql || '(empty)'}
      </pre>
      <Findings title="Could not translate" items={script.untranslatable} kind="problems" />
      <Findings title="Still behaves differently" items={script.warnings} kind="warnings" />
      <Findings title="Changed" items={script.changes} kind="changes" />
      {!script.changes.length && !script.untranslatable.length && !script.warnings.length && (
        <p className="cmp-muted">Nothing needed changing.</p>
      )}
    </section>
  );
}

/** A modal dialog proposing a translation; Accept applies it, Cancel or Esc discards it. */
export function TranslateDialog({ open, from, to, result, onAccept, onCancel }: TranslateDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const d = ref.current;
    if (!d || !open) return undefined;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!d.open) {
      if (typeof d.showModal === 'function') d.showModal();
      else d.setAttribute('open', '');
    }
    d.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      if (d.open && typeof d.close === 'function') d.close();
      else d.removeAttribute('open');
      before?.focus();
    };
  }, [open]);

  const problems = result.setup.untranslatable.length + result.statement.untranslatable.length;
  return (
    <dialog
      ref={ref}
      className="cmp-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        // Esc: the parent decides (it normally closes the dialog).
        e.preventDefault();
        onCancel();
      }}
      onKeyDown={(e) => {
        // Esc also where the browser does not turn it into a cancel event (a search field eats the
        // first one; test DOMs have none).
        if (e.key === 'Escape' && !e.defaultPrevented) {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      {open && (
        <div className="cmp-dialog-body">
          <h2 id={titleId} tabIndex={-1} data-autofocus>
            Translate {DIALECT_LABEL[from]} → {DIALECT_LABEL[to]}
          </h2>
          <p className="cmp-muted">
            {problems
              ? `${problems} construct${problems === 1 ? '' : 's'} could not be translated: see the lists below.`
              : 'Everything was translated; check the notes on what still behaves differently.'}{' '}
            The {DIALECT_LABEL[to]} editors change only when you accept.
          </p>
          <div className="cmp-panes">
            <ScriptPane label="Setup" script={result.setup} to={to} />
            <ScriptPane label="Statement" script={result.statement} to={to} />
          </div>
          <div className="cmp-actions">
            <button type="button" onClick={onCancel}>
              Cancel
            </button>
            <button type="button" className="cmp-primary" onClick={onAccept}>
              Use in the {DIALECT_LABEL[to]} editors
            </button>
          </div>
        </div>
      )}
    </dialog>
  );
}
