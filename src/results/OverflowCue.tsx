/**
 * For a table wider than its box: a shadow on the side that has more columns, and a line saying
 * how many changed cells are out of sight ("2 changed cells to the right →"), which scrolls the
 * first of them into view. Measured from the rendered cells, so it follows scrolling, resizing
 * and the rows a virtualised table has in the page.
 */
import { useEffect, useEffectEvent, useRef, useState, type ReactNode } from 'react';

/** What is out of sight in a scrolled table. */
export interface Overflow {
  /** The table is wider than its box. */
  wide: boolean;
  moreLeft: boolean;
  moreRight: boolean;
  /** Changed cells hidden to the left / right. */
  changedLeft: number;
  changedRight: number;
}

const NONE: Overflow = { wide: false, moreLeft: false, moreRight: false, changedLeft: 0, changedRight: 0 };
const same = (a: Overflow, b: Overflow) =>
  a.wide === b.wide && a.moreLeft === b.moreLeft && a.moreRight === b.moreRight && a.changedLeft === b.changedLeft && a.changedRight === b.changedRight;

/** Measure `scroller`: pinned cells (`.change-mark`) cover the left edge. */
export function measureOverflow(scroller: HTMLElement): Overflow {
  const box = scroller.getBoundingClientRect();
  const pinned = scroller.querySelector('thead .change-mark, thead th.pinned');
  const leftEdge = box.left + (pinned ? pinned.getBoundingClientRect().width : 0);
  let changedLeft = 0;
  let changedRight = 0;
  for (const cell of scroller.querySelectorAll('.changed-cell')) {
    const r = cell.getBoundingClientRect();
    if (r.left >= box.right - 8) changedRight++;
    else if (r.right <= leftEdge + 8) changedLeft++;
  }
  const max = scroller.scrollWidth - scroller.clientWidth;
  return { wide: max > 1, moreLeft: scroller.scrollLeft > 1, moreRight: scroller.scrollLeft < max - 1, changedLeft, changedRight };
}

/** Props of OverflowCue. */
export interface OverflowCueProps {
  children: ReactNode;
  /** Told whenever the table starts or stops being wider than its box. */
  onWide?: (wide: boolean) => void;
  /** Changes when the table's content does (re-measure). */
  contentKey?: unknown;
}

/** Wraps a DataTable (its `.table-scroll` scroller) with the overflow cues. */
export function OverflowCue({ children, onWide, contentKey }: OverflowCueProps) {
  const wrap = useRef<HTMLDivElement>(null);
  const [o, setO] = useState<Overflow>(NONE);
  const tellWide = useEffectEvent((wide: boolean) => onWide?.(wide));

  useEffect(() => {
    const scroller = wrap.current?.querySelector<HTMLElement>('.table-scroll');
    if (!scroller) return;
    let frame = 0;
    const update = () => {
      frame = 0;
      const next = measureOverflow(scroller);
      setO((prev) => (same(prev, next) ? prev : next));
    };
    const later = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    update();
    scroller.addEventListener('scroll', later, { passive: true });
    const resize = typeof ResizeObserver === 'function' ? new ResizeObserver(later) : null;
    resize?.observe(scroller);
    const table = scroller.querySelector('table');
    if (table) resize?.observe(table);
    return () => {
      scroller.removeEventListener('scroll', later);
      resize?.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [contentKey]);

  useEffect(() => {
    tellWide(o.wide);
  }, [o.wide]);

  const reveal = (side: 'left' | 'right') => {
    const scroller = wrap.current?.querySelector<HTMLElement>('.table-scroll');
    if (!scroller) return;
    const box = scroller.getBoundingClientRect();
    const cells = [...scroller.querySelectorAll<HTMLElement>('.changed-cell')];
    const target = side === 'right' ? cells.find((c) => c.getBoundingClientRect().left >= box.right - 8) : cells.reverse().find((c) => c.getBoundingClientRect().right <= box.left + 8);
    if (!target) return;
    const r = target.getBoundingClientRect();
    const by = side === 'right' ? r.right - box.right + 24 : r.left - box.left - box.width / 3;
    scroller.scrollBy({ left: by });
  };

  const cue = (n: number, side: 'left' | 'right') =>
    n > 0 && (
      <button type="button" className={`overflow-cue overflow-cue-${side}`} onClick={() => reveal(side)}>
        {side === 'left' ? '← ' : ''}
        {n} changed {n === 1 ? 'cell' : 'cells'} to the {side}
        {side === 'right' ? ' →' : ''}
      </button>
    );

  return (
    <div ref={wrap} className={`overflow-wrap${o.moreLeft ? ' more-left' : ''}${o.moreRight ? ' more-right' : ''}`}>
      {children}
      {(o.changedLeft > 0 || o.changedRight > 0) && (
        <p className="overflow-cues">
          {cue(o.changedLeft, 'left')}
          {cue(o.changedRight, 'right')}
        </p>
      )}
    </div>
  );
}
