/**
 * The proposed rows of one statement and the fate of each, as a real table. Hovering or focusing
 * a row highlights the After row it produced and the Before row it conflicted with (when the
 * tables shown are this statement's); the link is also written in the row's text.
 */
import type { ProposedRows } from '../../engine/fates';
import { DataTable } from '../DataTable';
import { Cell } from '../TableDiffView';
import { afterText, FATE_LABEL, fateText } from './fateText';
import { highlightTableRows } from './linking';
import './why.css';

export function ProposedRowsView({
  statementNo,
  proposed,
  linked,
}: {
  statementNo: number;
  proposed: ProposedRows;
  linked: boolean;
}) {
  const p = proposed;
  const title = p.mode === 'upsert' ? 'proposed rows' : 'rows acted on';
  const onEnter = (i: number, el: HTMLElement): void => {
    if (!linked) return;
    const r = p.rows[i]!;
    highlightTableRows(el, p.table, r.afterRow, r.beforeRow);
  };
  const onLeave = (el: HTMLElement): void => highlightTableRows(el, p.table, undefined, undefined);
  return (
    <div className="proposed" data-statement={statementNo} data-table={p.table}>
      <p className="proposed-title">
        <strong>
          Statement {statementNo} {title}
        </strong>{' '}
        <span className="muted">
          ({p.table}, in the order the engine processed them
          {linked ? '; hover or focus a row to see its After row' : ''})
        </span>
      </p>
      <DataTable
        label={`Statement ${statementNo} ${title}`}
        className="proposed-table"
        colSpan={p.columns.length + 3}
        header={
          <tr>
            <th scope="col">#</th>
            {p.columns.map((c, j) => (
              <th key={j} scope="col">
                {c}
              </th>
            ))}
            <th scope="col">Fate</th>
            <th scope="col">After row</th>
          </tr>
        }
        rowCount={p.rows.length}
        renderRow={(i) => {
          const r = p.rows[i]!;
          return (
            <tr
              key={i}
              aria-rowindex={i + 2}
              data-fate={r.fate}
              data-after-row={linked && r.afterRow !== undefined ? r.afterRow : undefined}
              data-before-row={linked && r.beforeRow !== undefined ? r.beforeRow : undefined}
              className={`fate-${r.fate}`}
              tabIndex={linked ? 0 : undefined}
              onMouseEnter={(e) => onEnter(i, e.currentTarget)}
              onMouseLeave={(e) => onLeave(e.currentTarget)}
              onFocus={(e) => onEnter(i, e.currentTarget)}
              onBlur={(e) => onLeave(e.currentTarget)}
            >
              <th scope="row">{r.n}</th>
              {r.values.map((v, j) => (
                <Cell key={j} value={v} />
              ))}
              <td className="fate-cell">
                <span className="fate-label">{FATE_LABEL[r.fate]}</span>
                <span className="fate-text">{fateText(p, r)}</span>
              </td>
              <td className="fate-link">{afterText(p, r, linked)}</td>
            </tr>
          );
        }}
      />
      {p.notes.map((n, i) => (
        <p key={i} className="proposed-note">
          {n}
        </p>
      ))}
    </div>
  );
}
