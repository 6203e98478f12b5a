/**
 * The live outputs: the generated SQL with "Use this statement", and the SQLAlchemy code with
 * "Copy". Both are read-only text areas so they can be selected, scrolled and read by keyboard.
 */
import { useId, useRef, useState } from 'react';
import type { Dialect } from '../engine/types';
import { copyText } from '../lib/clipboard';
import type { SaOptions } from './sqlalchemy';
import { SaNotes, SaOptionsFields } from './SaOptions';

/** Copies text from a click (lib/clipboard); where the browser refuses, selects it for the person to copy. */
async function copyOrSelect(text: string, fallback: HTMLTextAreaElement | null): Promise<'copied' | 'selected'> {
  if (await copyText(text)) return 'copied';
  fallback?.focus();
  fallback?.select();
  return 'selected';
}

/** Props of the output panels. */
export interface BuilderOutputProps {
  sql: string;
  warnings: string[];
  errors: string[];
  sqlalchemy: string;
  dialect: Dialect;
  /** The SQLAlchemy variant shown (Style, Mode, snippet or whole file). */
  saOptions: SaOptions;
  onSaOptionsChange: (next: SaOptions) => void;
  onUseStatement: (sql: string) => void;
  onRunStatement?: (sql: string) => void;
}

/** Generated SQL and SQLAlchemy panels. */
export function BuilderOutput({
  sql,
  warnings,
  errors,
  sqlalchemy,
  dialect,
  saOptions,
  onSaOptionsChange,
  onUseStatement,
  onRunStatement,
}: BuilderOutputProps) {
  const id = useId();
  const saRef = useRef<HTMLTextAreaElement>(null);
  const [copyNote, setCopyNote] = useState('');
  const [useNote, setUseNote] = useState('');
  const lines = (t: string) => Math.min(24, Math.max(4, t.split('\n').length + 1));
  return (
    <div className="ub-output">
      {errors.length > 0 && (
        <ul className="ub-errors" aria-label="Problems">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      {warnings.length > 0 && (
        <ul className="ub-warnings" aria-label="Notes">
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      <div className="ub-panel">
        <label htmlFor={`${id}-sql`} className="ub-panel-title">
          Generated SQL
        </label>
        <textarea
          id={`${id}-sql`}
          className="ub-code"
          readOnly
          value={sql}
          rows={lines(sql)}
          spellCheck={false}
          wrap="off"
        />
        <div className="ub-panel-actions">
          <button
            type="button"
            className="ub-primary"
            disabled={!sql}
            onClick={() => {
              onUseStatement(sql);
              setUseNote('The statement is in the Statement editor.');
            }}
          >
            Use this statement
          </button>
          {onRunStatement && (
            <button type="button" disabled={!sql} onClick={() => onRunStatement(sql)}>
              Use and run
            </button>
          )}
          <span className="ub-status" role="status">
            {useNote}
          </span>
        </div>
      </div>
      <div className="ub-panel">
        <label htmlFor={`${id}-sa`} className="ub-panel-title">
          SQLAlchemy code
        </label>
        <SaOptionsFields options={saOptions} onChange={onSaOptionsChange} />
        <textarea
          id={`${id}-sa`}
          ref={saRef}
          className="ub-code"
          readOnly
          value={sqlalchemy}
          rows={lines(sqlalchemy)}
          spellCheck={false}
          wrap="off"
        />
        <div className="ub-panel-actions">
          <button
            type="button"
            onClick={() => {
              void copyOrSelect(sqlalchemy, saRef.current).then((r) =>
                setCopyNote(r === 'copied' ? 'Copied to the clipboard.' : 'Selected: press Ctrl+C (⌘C) to copy.'),
              );
            }}
          >
            Copy
          </button>
          <span className="ub-status" role="status">
            {copyNote}
          </span>
        </div>
        <SaNotes dialect={dialect} options={saOptions} />
      </div>
    </div>
  );
}
