/**
 * For a table wider than its box: a shadow on the side that has more columns, and a line saying
 * how many changed cells are out of sight ("2 changed cells to the right →"), which scrolls the
 * first of them into view. Measured from the rendered cells, so it follows scrolling, resizing
 * and the rows a virtualised table has in the page.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';

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
  a.wide === b.wide &&
  a.moreLeft === b.moreLeft &&
  a.moreRight === b.moreRight &&
  a.changedLeft === b.changedLeft &&
  a.changedRight === b.changedRight;

/** The visible horizontal span of `scroller`'s content: pinned cells (`.change-mark`) cover its left. */
function visibleSpan(scroller: HTMLElement): { left: number; right: number } {
  const box = scroller.getBoundingClientRect();
  const pinned = scroller.querySelector('thead .change-mark');
  return {
    left: box.left + (pinned ? pinned.getBoundingClientRect().width : 0),
    right: box.left + scroller.clientWidth,
  };
}

/** Measure `scroller`. */
function measureOverflow(scroller: HTMLElement): Overflow {
  const span = visibleSpan(scroller);
  let changedLeft = 0;
  let changedRight = 0;
  for (const cell of scroller.querySelectorAll('.changed-cell')) {
    const r = cell.getBoundingClientRect();
    // Cut off counts as out of sight: the new value is at the cell's end.
    if (r.right > span.right + 2) changedRight++;
    else if (r.left < span.left - 2) changedLeft++;
  }
  const max = scroller.scrollWidth - scroller.clientWidth;
  return {
    wide: max > 1,
    moreLeft: scroller.scrollLeft > 1,
    moreRight: scroller.scrollLeft < max - 1,
    changedLeft,
    changedRight,
  };
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
  const wideRef = useRef(onWide);
  useEffect(() => {
    wideRef.current = onWide;
  });
  const scroller = () => wrap.current?.querySelector<HTMLElement>('.table-scroll') ?? null;

  useEffect(() => {
    const el = scroller();
    if (!el) return;
    let frame = 0;
    const update = () => {
      frame = 0;
      const next = measureOverflow(el);
      setO((prev) => (same(prev, next) ? prev : next));
    };
    const later = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    update();
    el.addEventListener('scroll', later, { passive: true });
    const resize = typeof ResizeObserver === 'function' ? new ResizeObserver(later) : null;
    resize?.observe(el);
    const table = el.querySelector('table');
    if (table) resize?.observe(table);
    return () => {
      el.removeEventListener('scroll', later);
      resize?.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [contentKey]);

  useEffect(() => {
    wideRef.current?.(o.wide);
  }, [o.wide]);

  /** Scroll sideways until the nearest hidden changed cell on `side` is in view. */
  const reveal = (side: 'left' | 'right') => {
    const el = scroller();
    if (!el) return;
    const span = visibleSpan(el);
    const cells = [...el.querySelectorAll<HTMLElement>('.changed-cell')].map((c) => c.getBoundingClientRect());
    const target =
      side === 'right'
        ? cells.find((r) => r.right > span.right + 2)
        : cells.reverse().find((r) => r.left < span.left - 2);
    if (!target) return;
    el.scrollBy({ left: side === 'right' ? target.right - span.right + 24 : target.left - span.left - 24 });
  };

  const cue = (n: number, side: 'left' | 'right') =>
    n > 0 && (
      <button type="button" className={`link-button overflow-cue overflow-cue-${side}`} onClick={() => reveal(side)}>
        {side === 'left' ? '← ' : ''}
        {n} changed {n === 1 ? 'cell' : 'cells'} to the {side}
        {side === 'right' ? ' →' : ''}
      </button>
    );

  return (
    <div ref={wrap} className="overflow-wrap">
      <div className={`overflow-frame${o.moreLeft ? ' more-left' : ''}${o.moreRight ? ' more-right' : ''}`}>
        {children}
      </div>
      {(o.changedLeft > 0 || o.changedRight > 0) && (
        <p className="overflow-cues">
          {cue(o.changedLeft, 'left')}
          {cue(o.changedRight, 'right')}
        </p>
      )}
    </div>
  );
}
