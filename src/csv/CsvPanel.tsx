/**
 * "Load a CSV file into <table>": a button that opens a file picker, a drop zone (the button is in
 * it, so it is as usable from the keyboard), a progress bar with a Cancel button while the file is
 * read, then "table ← file.csv, N rows" with Remove. The rows are inserted after the setup on every
 * run (see csvLoads.ts); the panel says that they are not part of a shared link.
 */
import { type DragEvent, useId, useRef, useState, useSyncExternalStore } from 'react';
import { useEngines } from '../state/engineContext';
import { DIALECT_LABEL, type Dialect, type TableSchema } from '../engine/types';
import { plural } from '../results/format';
import { csvLoadsOf, isLost, type CsvLoad } from './csvLoads';
import './csv.css';

/** Props of the CSV panel. */
export interface CsvPanelProps {
  dialect: Dialect;
  /** The table the file goes into (the Form's table). */
  table: TableSchema;
  /** Every table of the setup (a file loaded again goes into the table it was loaded into). */
  tables: TableSchema[];
  /** Called when the loaded files change (a file loaded or removed): run with them. */
  onChange: () => void;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;

/** The CSV load panel of the Form. */
export function CsvPanel({ dialect, table, tables, onChange }: CsvPanelProps) {
  const id = useId();
  const client = useEngines()[dialect];
  const loads = csvLoadsOf(client);
  const view = useSyncExternalStore(loads.subscribe, loads.snapshot);
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const engine = DIALECT_LABEL[dialect];

  const start = (file: File | undefined, into: TableSchema = table) => {
    if (file) loads.load(file, into, onChange);
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    e.stopPropagation(); // the page's own drop target imports scenario files

    setDragging(false);
    start(e.dataTransfer.files[0]);
  };
  const remove = (l: CsvLoad) => {
    loads.remove(l.id);
    if (l.state === 'loaded') onChange();
  };

  return (
    <fieldset className="ub-fieldset csv-panel">
      <legend>Load a CSV file into {table.name}</legend>
      <div
        className={`csv-drop${dragging ? ' csv-drop-over' : ''}`}
        data-file-drop
        onDragOver={(e) => {
          e.preventDefault();
          e.stopPropagation();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <button type="button" onClick={() => input.current?.click()} aria-describedby={`${id}-about`}>
          Load CSV into {table.name}…
        </button>
        <span className="ub-hint">or drop a .csv file here</span>
        <input
          ref={input}
          type="file"
          accept=".csv,.tsv,.txt,text/csv,text/plain"
          className="ub-visually-hidden"
          tabIndex={-1}
          aria-label={`CSV file for table ${table.name}`}
          onChange={(e) => {
            start(e.target.files?.[0]);
            e.target.value = ''; // the same file can be chosen again
          }}
        />
      </div>
      <p className="ub-hint" id={`${id}-about`}>
        The header row names the table&apos;s columns; an empty field loads as NULL. The rows are inserted after the
        setup on every {engine} run. The file stays in this tab only: it is not part of a shared link or a saved
        scenario.
      </p>
      {view.loads.length > 0 && (
        <ul className="csv-loads" aria-label="CSV files">
          {view.loads.map((l) => (
            <li key={l.id} className="csv-load">
              {l.state === 'loading' && (
                <>
                  <progress
                    max={l.file.size}
                    value={l.bytes}
                    aria-label={`Loading ${l.file.name} into ${l.table}`}
                    aria-valuetext={`${mb(l.bytes)} of ${mb(l.file.size)} read, ${plural(l.rows, 'row')}`}
                  />
                  {/* Not a live region: the bar's value is read on demand; the loaded line is announced. */}
                  <span className="ub-status">
                    {l.file.name}: {mb(l.bytes)} of {mb(l.file.size)} read, {plural(l.rows, 'row')}
                  </span>
                  <button type="button" onClick={() => remove(l)}>
                    Cancel
                  </button>
                </>
              )}
              {l.state === 'loaded' && (
                <>
                  <span role="status">
                    <strong>{l.table}</strong> ← {l.file.name}, {plural(l.rows, 'row')}
                  </span>
                  <button type="button" onClick={() => remove(l)} aria-label={`Remove ${l.file.name}`}>
                    Remove
                  </button>
                  {isLost(l, view) &&
                    (() => {
                      const into = tables.find((t) => t.name === l.table);
                      return (
                        <p className="ub-errors csv-lost">
                          The {engine} engine was restarted, so it no longer holds these rows; runs stop with an error
                          until the file is loaded again or removed.{' '}
                          {into && (
                            <button type="button" onClick={() => start(l.file, into)}>
                              Load {l.file.name} again
                            </button>
                          )}
                        </p>
                      );
                    })()}
                </>
              )}
              {l.state === 'failed' && (
                <>
                  <p className="ub-errors" role="alert">
                    {l.message}
                  </p>
                  <button
                    type="button"
                    onClick={() => remove(l)}
                    aria-label={`Dismiss the message about ${l.file.name}`}
                  >
                    Dismiss
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
