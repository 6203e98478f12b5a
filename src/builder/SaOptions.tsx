/**
 * The SQLAlchemy panel's choices (Style, Mode, Snippet or whole file) and its notes: the version
 * the code is written for, what differs in 1.4, and what the tutorials get wrong. Every sentence
 * here is checked by tests/engine/saTruths.test.ts with real SQLAlchemy (or on the engines).
 */
import { useId } from 'react';
import type { Dialect, TableDiff, Value } from '../engine/types';
import { isReal, realLiteral } from '../engine/values';
import type { Cell } from './model';
import type { SaOptions } from './sqlalchemy';

/** Gallery examples the notes link to (`#example/ID`; not imported from the gallery, which loads on its own). */
export const MERGE_EXAMPLE = 'orm-merge-by-primary-key';
export const RACE_EXAMPLE = 'manual-upsert-race';

/** The Before rows of a table from the last run, as form cells; null when unknown or cut off. */
export function setupRowsOf(tables: readonly TableDiff[] | null | undefined, name: string): SaOptions['setupRows'] {
  const t = tables?.find((x) => x.name === name);
  const before = t?.before;
  // Held in the engine (only some rows on the page) or cut: not known whole.
  if (!before || t.held || before.totalRows > before.rows.length) return null;
  const cell = (v: Value): Cell =>
    v === null ? null : isReal(v) ? realLiteral(v.real) : typeof v === 'object' ? `x'${v.blob}'` : String(v);
  return { columns: before.columns, rows: before.rows.map((r) => r.map(cell)) };
}

interface Choice<K extends keyof SaOptions> {
  key: K;
  legend: string;
  options: { value: SaOptions[K]; label: string }[];
}

const CHOICES = [
  {
    key: 'style',
    legend: 'Style',
    options: [
      { value: 'core', label: 'Core' },
      { value: 'orm', label: 'ORM' },
    ],
  },
  {
    key: 'mode',
    legend: 'Mode',
    options: [
      { value: 'sync', label: 'sync' },
      { value: 'async', label: 'async' },
    ],
  },
  {
    key: 'form',
    legend: 'Snippet or whole file',
    options: [
      { value: 'snippet', label: 'Snippet' },
      { value: 'file', label: 'Whole file' },
    ],
  },
] as const satisfies readonly Choice<'style' | 'mode' | 'form'>[];

/** Radio groups for the variant. */
export function SaOptionsFields({ options, onChange }: { options: SaOptions; onChange: (next: SaOptions) => void }) {
  const id = useId();
  return (
    <div className="ub-sa-options">
      {CHOICES.map((c) => (
        <fieldset key={c.key} className="ub-sa-choice">
          <legend>{c.legend}</legend>
          {c.options.map((o) => (
            <span className="ub-check" key={o.value}>
              <input
                type="radio"
                id={`${id}-${c.key}-${o.value}`}
                name={`${id}-${c.key}`}
                checked={options[c.key] === o.value}
                onChange={() => onChange({ ...options, [c.key]: o.value })}
              />
              <label htmlFor={`${id}-${c.key}-${o.value}`}>{o.label}</label>
            </span>
          ))}
        </fieldset>
      ))}
    </div>
  );
}

/** The notes under the code. */
export function SaNotes({ dialect, options }: { dialect: Dialect; options: SaOptions }) {
  const mod = dialect === 'sqlite' ? 'sqlite' : 'postgresql';
  return (
    <div className="ub-sa-notes">
      <p className="ub-hint">
        Written for SQLAlchemy 2.0 and run in this project's tests with SQLAlchemy 2.0 (every variant; SQLite whole
        files are executed, sync and async, PostgreSQL code is compiled and its SQL run on PostgreSQL here). In 1.4:
        there is no <code>DeclarativeBase</code> or <code>mapped_column</code> (use <code>declarative_base()</code> and{' '}
        <code>Column</code>), and its SQLite dialect cannot compile <code>.returning()</code>.
        {options.form === 'file' &&
          dialect === 'postgres' &&
          ' The async and psycopg drivers need a server, so this file was compiled, not run.'}
      </p>
      <details className="ub-sa-truths">
        <summary>What the tutorials get wrong</summary>
        <ul>
          <li>
            <code>on_conflict_do_update()</code> exists only on the dialect insert (
            <code>from sqlalchemy.dialects.{mod} import insert</code>); the generic <code>sqlalchemy.insert()</code> has
            no such method and raises <code>AttributeError</code>.
          </li>
          <li>
            <code>session.merge()</code> is not an upsert: it SELECTs the row by primary key, then INSERTs or UPDATEs it
            — two statements, so another writer can get in between, and a clash on another unique key still fails. See
            the examples <a href={`#example/${MERGE_EXAMPLE}`}>merge() vs ON CONFLICT</a> and{' '}
            <a href={`#example/${RACE_EXAMPLE}`}>the race</a>.
          </li>
          <li>
            A bulk upsert is one statement with many rows: <code>insert(…).values(list_of_dicts)</code>. Passing the
            list to <code>execute(stmt, list_of_dicts)</code> instead is an executemany: without RETURNING the driver
            runs the statement once per row; with RETURNING, SQLAlchemy 2.0's "insertmanyvalues" batches the rows into
            multi-row statements for you.
          </li>
          <li>
            <code>
              set_={'{'}"name": None{'}'}
            </code>{' '}
            writes NULL. To keep the old value when the new one is NULL, write{' '}
            <code>func.coalesce(stmt.excluded.name, User.name)</code>.
          </li>
          <li>
            <code>xmax = 0</code> tells inserted from updated rows on PostgreSQL only (a system column; PostgreSQL 18
            also has <code>RETURNING old.*, new.*</code>). SQLite has neither: compare with a SELECT of the keys before
            the upsert.
          </li>
        </ul>
      </details>
    </div>
  );
}
