/**
 * A real HTML <table> that stays smooth with 100,000 rows: above a threshold only the rows in
 * view (plus a margin) are in the DOM, with spacer rows keeping the scroll height honest.
 */
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { formatCount } from './format';

/** Rows above this count are virtualised. */
const VIRTUALIZE_ABOVE = 150;
const ROW_HEIGHT = 26;
/** Rows rendered past each edge of the view (none above it at the top, none below at the end). */
const OVERSCAN = 20;
/** The rendered rows are moved only when the view comes this close to their edge. */
const MARGIN = 5;
/** Rows of the first render, before the view's height is known: a table's usual height plus OVERSCAN. */
const FIRST_ROWS = 40;

/** Props of DataTable. */
export interface DataTableProps {
  /** Accessible name of the table (a stable contract, e.g. "After: users"). */
  label: string;
  /** Header cells (already rendered <th>s). */
  header: ReactNode;
  rowCount: number;
  /** Render row i as a <tr>. */
  renderRow: (i: number) => ReactNode;
  /** Number of columns, for spacer rows. */
  colSpan: number;
  className?: string;
  /** Shown as a row when there are no rows. */
  empty?: string;
  /** Told which rows are about to render (from, to), e.g. to fetch rows kept in the engine. */
  onRange?: (from: number, to: number) => void;
}

/** A labelled table, virtualised when long. */
export function DataTable({
  label,
  header,
  rowCount,
  renderRow,
  colSpan,
  className,
  empty = 'No rows',
  onRange,
}: DataTableProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [range, setRange] = useState<[number, number]>([0, Math.min(rowCount, FIRST_ROWS)]);
  const virtual = rowCount > VIRTUALIZE_ABOVE;

  useLayoutEffect(() => {
    if (!virtual) return;
    const el = scroller.current!;
    let frame = 0;
    const update = () => {
      frame = 0;
      const top = Math.floor(el.scrollTop / ROW_HEIGHT);
      const shown = Math.ceil(el.clientHeight / ROW_HEIGHT) + 1;
      // Re-rendering the rows is the cost of a large result's first paint and of scrolling: the
      // rows stay while they cover the view with MARGIN to spare (and are not far too many).
      setRange((r) => {
        const covers =
          r[0] <= Math.max(0, top - MARGIN) &&
          r[1] >= Math.min(rowCount, top + shown + MARGIN) &&
          r[1] <= rowCount &&
          r[1] - r[0] <= shown + 2 * OVERSCAN;
        if (covers) return r;
        const first = Math.max(0, top - OVERSCAN);
        const last = Math.min(rowCount, top + shown + OVERSCAN);
        return r[0] === first && r[1] === last ? r : [first, last];
      });
    };
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    update();
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      el.removeEventListener('scroll', onScroll);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [virtual, rowCount]);

  // A new result may have fewer rows than the range kept from the last one (until update runs).
  const [from, to] = virtual ? [Math.min(range[0], rowCount), Math.min(range[1], rowCount)] : [0, rowCount];
  useEffect(() => onRange?.(from, to), [onRange, from, to]);
  const rows: ReactNode[] = [];
  for (let i = from; i < to; i++) rows.push(renderRow(i));

  return (
    <div
      ref={scroller}
      className={`table-scroll${virtual ? ' virtual' : ''}`}
      tabIndex={virtual ? 0 : undefined}
      aria-label={virtual ? `${label} (scrollable, ${formatCount(rowCount)} rows)` : undefined}
      role={virtual ? 'region' : undefined}
    >
      <table aria-label={label} className={className} aria-rowcount={virtual ? rowCount + 1 : undefined}>
        <thead>{header}</thead>
        <tbody>
          {virtual && from > 0 && (
            <tr className="spacer" aria-hidden="true" style={{ height: from * ROW_HEIGHT }}>
              <td colSpan={colSpan} />
            </tr>
          )}
          {rows}
          {virtual && to < rowCount && (
            <tr className="spacer" aria-hidden="true" style={{ height: (rowCount - to) * ROW_HEIGHT }}>
              <td colSpan={colSpan} />
            </tr>
          )}
          {rowCount === 0 && (
            <tr className="empty-row">
              <td colSpan={colSpan}>{empty}</td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
