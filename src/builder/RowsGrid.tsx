/**
 * The rows to insert, as a real table of labelled inputs. Each cell has a NULL toggle, so NULL
 * stays distinct from the empty string; pasting tab- or comma-separated text into a cell fills
 * the grid from that cell, and a paste box takes whole CSV/TSV blocks (with a header row).
 */
import { type ClipboardEvent, type KeyboardEvent, useId, useState } from 'react';
import { flushSync } from 'react-dom';
import type { ColumnInfo } from '../engine/types';
import type { Cell } from './coltype';
import { PASTE_CONVENTION, parseDelimited, pasteRows } from './grid';
import { emptyRow } from './model';

/** Props of the rows grid. */
export interface RowsGridProps {
  /** Columns shown (the inserted ones), in table order. */
  columns: ColumnInfo[];
  /** Every insertable column name, for header recognition when pasting. */
  known: string[];
  keyColumns: ReadonlySet<string>;
  rows: Record<string, Cell>[];
  onRowsChange: (rows: Record<string, Cell>[], addColumns?: string[]) => void;
}

/** The editable rows grid. */
export function RowsGrid({ columns, known, keyColumns, rows, onRowsChange }: RowsGridProps) {
  const id = useId();
  const [pasteText, setPasteText] = useState('');
  const [pasteNote, setPasteNote] = useState('');
  const names = columns.map((c) => c.name);
  // Enter moves down a row like a spreadsheet, adding one at the end (rendered at once, so that
  // it can take the focus).
  const onCellKey = (e: KeyboardEvent<HTMLInputElement>, r: number, c: number) => {
    if (e.key !== 'Enter' || e.shiftKey || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    if (r + 1 >= rows.length) flushSync(() => onRowsChange([...rows, emptyRow(names)]));
    document.getElementById(`${id}-r${r + 1}-c${c}`)?.focus();
  };

  const setCell = (r: number, col: string, value: Cell) => {
    onRowsChange(rows.map((row, i) => (i === r ? { ...row, [col]: value } : row)));
  };

  const applyPaste = (text: string, at: { row: number; col: number } | null): number => {
    const parsed = parseDelimited(text);
    if (parsed.length === 0) return 0;
    const res = pasteRows(rows, names, known, parsed, at);
    const extra = res.columns.filter((c) => !names.includes(c));
    onRowsChange(res.rows, extra.length ? extra : undefined);
    setPasteNote(
      `${res.header ? parsed.length - 1 : parsed.length} row(s) pasted${res.header ? ` using the header (${res.columns.join(', ')})` : ''}.`,
    );
    return parsed.length;
  };

  const onCellPaste = (e: ClipboardEvent<HTMLInputElement>, r: number, c: number) => {
    const text = e.clipboardData.getData('text/plain');
    if (!/[\t\n]/.test(text.replace(/\r?\n$/, ''))) return; // a single value: let the input take it
    e.preventDefault();
    applyPaste(text, { row: r, col: c });
  };

  return (
    <div className="ub-grid">
      <div className="ub-grid-scroll">
        <table className="ub-rows">
          <caption className="ub-visually-hidden">Rows to insert</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              {columns.map((c) => (
                <th scope="col" key={c.name}>
                  <span className="ub-colname">{c.name}</span>
                  <span className="ub-coltype">
                    {c.type || 'untyped'}
                    {keyColumns.has(c.name) ? ' · key' : ''}
                  </span>
                </th>
              ))}
              <th scope="col">
                <span className="ub-visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, r) => (
              <tr key={r}>
                <th scope="row">{r + 1}</th>
                {columns.map((c, ci) => {
                  const v = row[c.name] ?? null;
                  const inputId = `${id}-r${r}-c${ci}`;
                  return (
                    <td key={c.name} className={v === null ? 'ub-cell ub-null' : 'ub-cell'}>
                      <label className="ub-visually-hidden" htmlFor={inputId}>
                        Row {r + 1}, {c.name}
                      </label>
                      <input
                        id={inputId}
                        value={v ?? ''}
                        placeholder={v === null ? 'NULL' : ''}
                        onChange={(e) => setCell(r, c.name, e.target.value)}
                        onPaste={(e) => onCellPaste(e, r, ci)}
                        onKeyDown={(e) => onCellKey(e, r, ci)}
                        spellCheck={false}
                      />
                      <button
                        type="button"
                        className="ub-null-toggle"
                        aria-pressed={v === null}
                        aria-label={`Row ${r + 1}, ${c.name}: NULL`}
                        title={v === null ? 'NULL (press to make it an empty string)' : 'Set to NULL'}
                        onClick={() => setCell(r, c.name, v === null ? '' : null)}
                      >
                        ∅
                      </button>
                    </td>
                  );
                })}
                <td>
                  <button
                    type="button"
                    className="ub-small"
                    onClick={() => onRowsChange(rows.filter((_, i) => i !== r))}
                    aria-label={`Remove row ${r + 1}`}
                  >
                    ✕
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="ub-row-actions">
        <button type="button" onClick={() => onRowsChange([...rows, emptyRow(names)])}>
          Add row
        </button>
        {rows.length > 0 && (
          <button type="button" onClick={() => onRowsChange([...rows, { ...rows[rows.length - 1] }])}>
            Duplicate last row
          </button>
        )}
      </div>
      <p className="ub-hint">
        An empty box is the empty string; ∅ marks NULL (shown as a grey “NULL”). Enter moves down a row (adding one at
        the end). Pasting several cells into a box fills the grid from there.
      </p>
      <details className="ub-paste">
        <summary>Paste CSV or TSV</summary>
        <label htmlFor={`${id}-paste`}>CSV or TSV text</label>
        <textarea
          id={`${id}-paste`}
          rows={4}
          value={pasteText}
          onChange={(e) => setPasteText(e.target.value)}
          spellCheck={false}
        />
        <p className="ub-hint">{PASTE_CONVENTION}</p>
        <button
          type="button"
          disabled={!pasteText.trim()}
          onClick={() => {
            if (applyPaste(pasteText, null)) setPasteText('');
          }}
        >
          Add pasted rows
        </button>
      </details>
      <p className="ub-status" role="status">
        {pasteNote}
      </p>
    </div>
  );
}
