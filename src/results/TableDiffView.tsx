/** Before and After of one table, side by side, with every After row marked by its change. */
import { useCallback, useState, type ReactNode } from 'react';
import type { ChangeKind, RowChange, RowIdentity, TableDiff, Value } from '../engine/types';
import { useCutCells, type ShownCut } from './cutCells';
import { CutValue } from './CutValue';
import { DataTable } from './DataTable';
import { useHeldView } from './heldView';
import { formatCount, plural, valueClass, valueText } from './format';
import { OverflowCue } from './OverflowCue';
import { changedColumns, diffSummary, keyColumns } from './tableColumns';
import { linkHandlers } from './why/linkHandlers';

const CHANGE_LABEL: Record<ChangeKind, { icon: string; text: string }> = {
  inserted: { icon: '+', text: 'inserted' },
  updated: { icon: '~', text: 'updated' },
  deleted: { icon: '−', text: 'deleted' },
  unchanged: { icon: '·', text: 'unchanged' },
};

/** One value cell; `cut` when the value is shown cut (the marker and whole-value buttons with it). */
export function Cell({ value, cut }: { value: Value; cut?: ShownCut | undefined }) {
  if (cut)
    return (
      <td className={`${valueClass(value)} cut-cell`}>
        <CutValue value={value} cut={cut} />
      </td>
    );
  const text = valueText(value);
  return (
    <td className={valueClass(value)} title={text.length > 40 ? text : undefined}>
      {text}
    </td>
  );
}

function identityText(id: RowIdentity): ReactNode {
  switch (id.kind) {
    case 'primaryKey':
      return `Rows matched by primary key (${id.columns.join(', ')}).`;
    case 'rowid':
      return 'Rows matched by SQLite rowid (the table has no primary key).';
    case 'unique': {
      // Index names are often generated (sqlite_autoindex_users_1): the key is shown by its
      // columns, its name on hover.
      const key = `UNIQUE (${id.columns.join(', ')})`;
      return (
        <>
          Rows matched by unique key{' '}
          {id.keyName ? (
            <abbr className="key-name" title={`Index ${id.keyName}`}>
              {key}
            </abbr>
          ) : (
            key
          )}
          .
        </>
      );
    }
    case 'wholeRow':
      return 'This table has no key, so rows are matched by their whole content: an updated row shows as deleted + inserted.';
  }
}

function changeLabel(c: RowChange): string {
  if (c.replaced) return c.change === 'deleted' ? 'deleted (replaced)' : 'inserted (replacement)';
  if (c.change === 'updated' && c.sameValues) return 'updated, same values';
  return CHANGE_LABEL[c.change].text;
}

/** Before/After panel of one table. */
export function TableDiffView({ diff, step }: { diff: TableDiff; step?: number }) {
  // A race lab step (`step`, 1-based): the table just after it, marked with that step's changes alone.
  const afterName = step === undefined ? `After: ${diff.name}` : `After step ${step}: ${diff.name}`;
  const { before, after, changes } = diff;
  const afterCols = after?.columns ?? before?.columns ?? [];
  const beforeCols = before?.columns ?? [];
  const beforeColIndex = new Map(beforeCols.map((c, i) => [c, i]));
  // "Only changed columns" for wide tables: the key columns and those changed in some row.
  const [wide, setWide] = useState(false);
  const [onlyChanged, setOnlyChanged] = useState(false);
  const changedCols = changedColumns(diff);
  const kept = new Set([...keyColumns(diff.identity), ...changedCols]);
  const canNarrow = changedCols.size > 0 && afterCols.some((c) => !kept.has(c));
  const narrow = onlyChanged && canNarrow;
  const afterShown = afterCols.map((c, j) => [c, j] as const).filter(([c]) => !narrow || kept.has(c));
  const beforeShown = beforeCols.map((c, j) => [c, j] as const).filter(([c]) => !narrow || kept.has(c));
  const cutAt = useCutCells();
  // A table held in the engine's worker: rows arrive as they are about to show (heldView.ts).
  const held = useHeldView(diff);
  const { want } = held;
  const wantAfter = useCallback((from: number, to: number) => want('changes', from, to), [want]);
  const wantBefore = useCallback((from: number, to: number) => want('before', from, to), [want]);
  const waiting = (i: number, colSpan: number) => (
    <tr key={i} aria-rowindex={i + 2} className="row-waiting">
      <td colSpan={colSpan}>
        {held.gone ? `Row ${formatCount(i + 1)}: not loaded` : `Loading row ${formatCount(i + 1)}…`}
      </td>
    </tr>
  );

  const afterRow = (i: number) => {
    const c = changes[i];
    if (!c) return waiting(i, afterShown.length + 1);
    const label = CHANGE_LABEL[c.change];
    const changed = new Set(c.changed ?? []);
    const beforeRow = c.before !== undefined ? before?.rows[c.before] : undefined;
    const row = c.after !== undefined ? after?.rows[c.after] : undefined;
    return (
      <tr
        key={i}
        aria-rowindex={i + 2}
        data-change={c.change}
        data-same-values={c.sameValues ? 'true' : undefined}
        data-replaced={c.replaced ? 'true' : undefined}
        className={`row-${c.change}`}
        data-after={c.after}
        {...linkHandlers(diff.name, c.after, c.before)}
      >
        <td className="change-mark">
          <span className="change-icon" aria-hidden="true">
            {label.icon}
          </span>
          <span className="change-text">{changeLabel(c)}</span>
        </td>
        {afterShown.map(([col, j]) => {
          const bi = beforeColIndex.get(col);
          const oldCut = cutAt(before?.rows, c.before, bi);
          if (c.change === 'deleted') {
            const v = bi !== undefined && beforeRow ? beforeRow[bi]! : null;
            return (
              <td key={j} className={`${valueClass(v)}${oldCut ? ' cut-cell' : ''}`}>
                {oldCut ? <CutValue value={v} cut={oldCut} as="del" /> : <del>{valueText(v)}</del>}
              </td>
            );
          }
          const v = row ? row[j]! : null;
          const newCut = cutAt(after?.rows, c.after, j);
          if (changed.has(j) && beforeRow) {
            const old = bi !== undefined ? beforeRow[bi]! : null;
            const cutAny = oldCut || newCut;
            return (
              <td
                key={j}
                className={`changed-cell${cutAny ? ' cut-cell' : ''}`}
                title={cutAny ? undefined : `${valueText(old)} → ${valueText(v)}`}
              >
                <span className={cutAny ? 'cut-change' : undefined}>
                  {oldCut ? (
                    <CutValue value={old} cut={oldCut} as="del" actions={false} />
                  ) : (
                    <del className={valueClass(old)}>{valueText(old)}</del>
                  )}
                  <span className={cutAny ? 'cut-new' : undefined}>
                    <span aria-label="changed to"> → </span>
                    {newCut ? (
                      <CutValue value={v} cut={newCut} as="ins" />
                    ) : (
                      <ins className={valueClass(v)}>{valueText(v)}</ins>
                    )}
                  </span>
                </span>
              </td>
            );
          }
          return <Cell key={j} value={v} cut={newCut} />;
        })}
      </tr>
    );
  };

  const cut = (t: typeof before) =>
    t && t.totalRows > t.rows.length ? (
      <p className="cut-note">
        Showing the first {formatCount(t.rows.length)} of {formatCount(t.totalRows)} rows: larger tables are cut at the
        row limit to keep the engine&apos;s memory bounded.
      </p>
    ) : null;

  return (
    <section
      className={step === undefined ? 'table-diff' : 'table-diff after-only'}
      aria-label={step === undefined ? `Table ${diff.name}` : `Table ${diff.name} after step ${step}`}
    >
      <header className="table-diff-head">
        <h3>
          {diff.name}
          {diff.status !== 'kept' && (
            <span className={`badge badge-${diff.status}`}>{diff.status} by the statement</span>
          )}
        </h3>
        <p className="table-diff-summary">{diffSummary(diff.counts)}</p>
        {canNarrow && (wide || onlyChanged) && (
          <label className="only-changed">
            <input type="checkbox" checked={onlyChanged} onChange={(e) => setOnlyChanged(e.target.checked)} /> Only
            changed columns
          </label>
        )}
      </header>
      {narrow && (
        <p className="table-note">
          Showing {afterShown.length} of {plural(afterCols.length, 'column')}: the key and those the statement changed.
        </p>
      )}
      <p className="identity-note">{identityText(diff.identity)}</p>
      {held.gone && (
        <p className="table-note" role="status">
          Rows not loaded yet are gone: the engine has run again or restarted since this result.
        </p>
      )}
      {diff.notes.map((n, i) => (
        <p key={i} className="table-note">
          {n}
        </p>
      ))}
      <div className="before-after">
        <div className="side" hidden={step !== undefined}>
          <h4>Before</h4>
          {before ? (
            <>
              <DataTable
                label={`Before: ${diff.name}`}
                className="before-table"
                colSpan={beforeShown.length}
                header={
                  <tr>
                    {beforeShown.map(([c, j]) => (
                      <th key={j} scope="col">
                        {c}
                      </th>
                    ))}
                  </tr>
                }
                rowCount={before.rows.length}
                onRange={diff.held ? wantBefore : undefined}
                renderRow={(i) => {
                  const row = before.rows[i];
                  if (!row) return waiting(i, beforeShown.length);
                  return (
                    <tr key={i} aria-rowindex={i + 2} data-before={i} {...linkHandlers(diff.name, undefined, i)}>
                      {beforeShown.map(([, j]) => (
                        <Cell key={j} value={row[j]!} cut={cutAt(before.rows, i, j)} />
                      ))}
                    </tr>
                  );
                }}
              />
              {cut(before)}
            </>
          ) : (
            <p className="absent">The table did not exist before the statement.</p>
          )}
        </div>
        <div className="side">
          <h4>{step === undefined ? 'After' : `After step ${step}`}</h4>
          {after || changes.length ? (
            <>
              <OverflowCue onWide={setWide} contentKey={`${changes.length}:${afterShown.length}`}>
                <DataTable
                  label={afterName}
                  className="after-table"
                  colSpan={afterShown.length + 1}
                  header={
                    <tr>
                      <th scope="col" className="change-mark">
                        <span className="visually-hidden">Change</span>
                      </th>
                      {afterShown.map(([c, j]) => (
                        <th key={j} scope="col" className={changedCols.has(c) ? 'has-changes' : undefined}>
                          {c}
                        </th>
                      ))}
                    </tr>
                  }
                  rowCount={changes.length}
                  onRange={diff.held ? wantAfter : undefined}
                  renderRow={afterRow}
                />
              </OverflowCue>
              {cut(after)}
            </>
          ) : (
            <p className="absent">The statement dropped this table.</p>
          )}
          {diff.status === 'dropped' && (
            <p className="absent">The statement dropped this table: every row shows as deleted.</p>
          )}
        </div>
      </div>
      <p className="visually-hidden">{plural(changes.length, 'row')} in the After view.</p>
    </section>
  );
}
