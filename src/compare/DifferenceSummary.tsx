/**
 * The difference summary above the two Compare columns: what differs between the SQLite and the
 * PostgreSQL run, grouped by statement and by table, then the notes on how values were compared.
 */
import { DIALECT_LABEL, type EngineError } from '../engine/types';
import { causeCount, groupByCause } from './causes';
import { isNote, type CellDifference, type Difference, type RowSample } from './types';
import { describeDifference, NO_DIFFERENCES } from './summary';
import { formatValue } from './values';
import './compare.css';

/** Props of DifferenceSummary. */
export interface DifferenceSummaryProps {
  diffs: Difference[];
}

function ErrorPair({ sqlite, postgres }: { sqlite: EngineError | null; postgres: EngineError | null }) {
  const side = (label: string, e: EngineError | null) => (
    <div className={e ? 'cmp-err' : 'cmp-ok'}>
      <strong>{label}</strong>{' '}
      {e ? (
        <>
          <span>{e.message}</span>
          {e.code && <code className="cmp-code">{e.code}</code>}
        </>
      ) : (
        <span>no error</span>
      )}
    </div>
  );
  return (
    <div className="cmp-pair">
      {side(DIALECT_LABEL.sqlite, sqlite)}
      {side(DIALECT_LABEL.postgres, postgres)}
    </div>
  );
}

function CellTable({ cells, caption }: { cells: CellDifference[]; caption: string }) {
  if (!cells.length) return null;
  return (
    <table className="cmp-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Row</th>
          <th scope="col">Column</th>
          <th scope="col">{DIALECT_LABEL.sqlite}</th>
          <th scope="col">{DIALECT_LABEL.postgres}</th>
        </tr>
      </thead>
      <tbody>
        {cells.map((c, i) => (
          <tr key={i}>
            <td>{rowText(c.key)}</td>
            <td>{c.column}</td>
            <td className="cmp-val">{formatValue(c.sqlite)}</td>
            <td className="cmp-val">{formatValue(c.postgres)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function rowText(r: RowSample): string {
  return Object.entries(r)
    .map(([k, v]) => `${k} = ${formatValue(v)}`)
    .join(', ');
}

function RowList({ rows, caption }: { rows: RowSample[]; caption: string }) {
  if (!rows.length) return null;
  const cols = Object.keys(rows[0]!);
  return (
    <table className="cmp-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {cols.map((c) => (
            <th scope="col" key={c}>
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            {cols.map((c) => (
              <td className="cmp-val" key={c}>
                {formatValue(r[c] ?? null)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Detail({ d }: { d: Difference }) {
  switch (d.kind) {
    case 'setupError':
    case 'runError':
    case 'statementError':
      return <ErrorPair sqlite={d.sqlite} postgres={d.postgres} />;
    case 'returnedRows':
      return (
        <>
          <RowList rows={d.onlySqlite} caption={`Returned only on ${DIALECT_LABEL.sqlite}`} />
          <RowList rows={d.onlyPostgres} caption={`Returned only on ${DIALECT_LABEL.postgres}`} />
        </>
      );
    case 'tableRows':
      return (
        <>
          <CellTable cells={d.cells} caption="Values that differ" />
          <RowList rows={d.onlySqlite} caption={`Rows only on ${DIALECT_LABEL.sqlite}`} />
          <RowList rows={d.onlyPostgres} caption={`Rows only on ${DIALECT_LABEL.postgres}`} />
        </>
      );
    case 'identityGap':
      return <CellTable cells={d.samples} caption="Generated ids that differ" />;
    default:
      return null;
  }
}

function Item({ d }: { d: Difference }) {
  return (
    <li className={`cmp-item cmp-${d.kind}`}>
      <p>{describeDifference(d)}</p>
      <Detail d={d} />
    </li>
  );
}

/** The difference summary: "No differences" when the runs agree. */
export function DifferenceSummary({ diffs }: DifferenceSummaryProps) {
  const real = diffs.filter((d) => !isNote(d));
  const notes = diffs.filter(isNote);
  const groups = groupByCause(real);
  return (
    <section aria-label="Differences" className="cmp-summary">
      <h2 className="cmp-title">Differences</h2>
      {real.length === 0 ? (
        <p className="cmp-none" role="status">
          {NO_DIFFERENCES}
        </p>
      ) : (
        <p className="cmp-count" role="status">
          {causeCount(groups)} between {DIALECT_LABEL.sqlite} and {DIALECT_LABEL.postgres}.
        </p>
      )}
      {groups.map(({ heading, diffs: items }) => (
        <section key={heading} className="cmp-group" aria-label={heading}>
          <h3>{heading}</h3>
          <ul>
            {items.map((d, i) => (
              <Item key={i} d={d} />
            ))}
          </ul>
        </section>
      ))}
      {notes.length > 0 && (
        <details className="cmp-notes">
          <summary>Notes on how the runs were compared ({notes.length})</summary>
          <ul>
            {notes.map((d, i) => (
              <li key={i}>{describeDifference(d)}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
