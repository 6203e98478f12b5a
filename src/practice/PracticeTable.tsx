/**
 * A practice table: a real, labelled <table> of one table's rows, optionally with the engine's change
 * marks (as in the results view: a text label and a colour) and the rows and cells that differ from
 * the expected result.
 */
import { Cell } from '../results/TableDiffView';
import { CutValue } from '../results/CutValue';
import { useCutCells, type ShownCut } from '../results/cutCells';
import type { ChangeKind, RowChange, Value } from '../engine/types';
import { valueClass, valueText } from '../results/format';
import { RUN_TIME } from './compare';

const MARK: Record<ChangeKind, { icon: string; text: string }> = {
  inserted: { icon: '+', text: 'inserted' },
  updated: { icon: '~', text: 'updated' },
  deleted: { icon: '−', text: 'deleted' },
  unchanged: { icon: '·', text: 'unchanged' },
};

function markText(c: RowChange): string {
  if (c.replaced) return c.change === 'deleted' ? 'deleted (replaced)' : 'inserted (replacement)';
  if (c.change === 'updated' && c.sameValues) return 'updated, same values';
  return MARK[c.change].text;
}

/** One row to show: its values, and its change when the table is marked. */
export interface ShownRow {
  values: Value[];
  change?: RowChange;
  /** Columns (names) whose value differs from the expected one; `row`: the whole row is wrong. */
  differs?: { row: boolean; columns: string[] };
  /**
   * Where the values come from in the run's result (a rows array and the row there; `columns`:
   * the source column of each shown one when they differ), so a value shown cut offers its whole.
   */
  source?: { rows: readonly Value[][]; row: number; columns?: readonly number[] };
}

function ValueCell({ v, differs, cut }: { v: Value; differs: boolean; cut: ShownCut | undefined }) {
  if (v === RUN_TIME) {
    return (
      <td className={`v-run-time${differs ? ' practice-differs' : ''}`}>
        <em>set by the run</em>
      </td>
    );
  }
  if (!differs) return <Cell value={v} cut={cut} />;
  return (
    <td className={`${valueClass(v)} practice-differs${cut ? ' cut-cell' : ''}`}>
      {cut ? <CutValue value={v} cut={cut} /> : valueText(v)} <span className="practice-differs-mark">(differs)</span>
    </td>
  );
}

/** A labelled table of rows, with change marks when `marked`. */
export function PracticeTable({
  label,
  columns,
  rows,
  marked,
  empty = 'No rows',
}: {
  label: string;
  columns: string[];
  rows: ShownRow[];
  marked: boolean;
  empty?: string;
}) {
  const showDiffers = rows.some((r) => r.differs);
  const cutAt = useCutCells();
  const cutOf = (r: ShownRow, j: number) => r.source && cutAt(r.source.rows, r.source.row, r.source.columns?.[j] ?? j);
  return (
    <div className="table-scroll">
      <table aria-label={label} className="practice-table">
        <thead>
          <tr>
            {marked && (
              <th scope="col">
                <span className="visually-hidden">Change</span>
              </th>
            )}
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
            {showDiffers && (
              <th scope="col">
                <span className="visually-hidden">Check</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => {
            const c = r.change;
            const deleted = c?.change === 'deleted';
            return (
              <tr key={i} className={c ? `row-${c.change}` : undefined} data-change={c?.change}>
                {marked && (
                  <td className="change-mark">
                    {c && (
                      <>
                        <span className="change-icon" aria-hidden="true">
                          {MARK[c.change].icon}
                        </span>
                        <span className="change-text">{markText(c)}</span>
                      </>
                    )}
                  </td>
                )}
                {r.values.map((v, j) => {
                  const cut = cutOf(r, j);
                  return deleted ? (
                    <td key={j} className={`${valueClass(v)}${cut ? ' cut-cell' : ''}`}>
                      {cut ? <CutValue value={v} cut={cut} as="del" /> : <del>{valueText(v)}</del>}
                    </td>
                  ) : (
                    <ValueCell key={j} v={v} differs={Boolean(r.differs?.columns.includes(columns[j]!))} cut={cut} />
                  );
                })}
                {showDiffers && (
                  <td className="practice-row-check">
                    {r.differs?.row ? (
                      <strong>not expected</strong>
                    ) : r.differs?.columns.length ? (
                      <strong>differs</strong>
                    ) : (
                      ''
                    )}
                  </td>
                )}
              </tr>
            );
          })}
          {rows.length === 0 && (
            <tr className="empty-row">
              <td colSpan={columns.length + (marked ? 1 : 0) + (showDiffers ? 1 : 0)}>{empty}</td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
