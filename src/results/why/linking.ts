/**
 * The hover/focus link between proposed rows and Before/After rows. Both tables are rendered by
 * independent (virtualised) components, so the link is a transient mark set on the rows that are
 * in the page, found by their data attributes within the same results view; the lasting link is
 * the text in each proposed row.
 */

const MARK = 'data-linked';

function clear(root: Element): void {
  for (const el of root.querySelectorAll(`[${MARK}]`)) el.removeAttribute(MARK);
}

/**
 * Clear the marks of the results view around `from`; when there is a row to link, mark `from` as
 * the source and return the view to search in.
 */
function start(from: Element, after: number | undefined, before: number | undefined): Element | null {
  const root = from.closest('.results');
  if (!root) return null;
  clear(root);
  if (after === undefined && before === undefined) return null;
  from.setAttribute(MARK, 'source');
  return root;
}

/** Mark the After row `after` and the Before row `before` of `table` (none: clear the marks). */
export function highlightTableRows(
  from: Element,
  table: string,
  after: number | undefined,
  before: number | undefined,
): void {
  const root = start(from, after, before);
  if (!root) return;
  const section = [...root.querySelectorAll('section.table-diff')].find(
    (s) => s.getAttribute('aria-label') === `Table ${table}`,
  );
  if (!section) return;
  if (after !== undefined) section.querySelector(`.after-table tr[data-after="${after}"]`)?.setAttribute(MARK, 'after');
  if (before !== undefined)
    section.querySelector(`.before-table tr[data-before="${before}"]`)?.setAttribute(MARK, 'before');
}

/** The other way round: from an After or Before row, mark the proposed rows linked to it. */
export function highlightProposedRows(
  from: Element,
  table: string,
  after: number | undefined,
  before: number | undefined,
): void {
  const root = start(from, after, before);
  if (!root) return;
  for (const t of root.querySelectorAll(`.proposed[data-table="${CSS.escape(table)}"] tr[data-fate]`)) {
    const a = t.getAttribute('data-after-row');
    const b = t.getAttribute('data-before-row');
    if ((after !== undefined && a === String(after)) || (before !== undefined && b === String(before)))
      t.setAttribute(MARK, 'proposed');
  }
}
