/**
 * RETURNING items that only PostgreSQL has (xmax and the other system columns, old/new, merge_action())
 * on the way to SQLite: `new.x` becomes `x`, the others are dropped with a note.
 */
import { listItems, nameOf } from './schemaModel';
import { blockComment, walk, type CstNode } from './sqlSource';
import { Translator } from './translator';

type AnyNode = CstNode & Record<string, unknown>;
const get = Translator.get;
const lower = (s: string) => s.toLowerCase();

const PG_SYSTEM_COLUMNS = new Set(['xmax', 'xmin', 'ctid', 'cmin', 'cmax', 'tableoid']);

/** Why a RETURNING item cannot go to SQLite, or null; rewrites new.x → x on the way. */
function returningItem(t: Translator, item: AnyNode): string | null {
  let reason: string | null = null;
  walk(item, (n) => {
    const a = n as AnyNode;
    if (a.type === 'identifier' && PG_SYSTEM_COLUMNS.has(lower(String(a.name)))) {
      reason = `${String(a.name)} is a PostgreSQL system column (xmax = 0 tells inserted rows from updated ones); SQLite has no way to tell them apart in RETURNING`;
    } else if (a.type === 'member_expr' && get(a, 'object')?.type === 'identifier') {
      const obj = lower(String(get(a, 'object')!.name));
      if (obj === 'old')
        reason = 'RETURNING old.… (PostgreSQL 18) has no SQLite equivalent: SQLite returns only the new values';
      else if (obj === 'new') {
        const prop = get(a, 'property')!;
        t.replace(a, prop.type === 'all_columns' ? '*' : t.text(prop));
        t.change(
          a,
          'returning',
          `${t.text(a)} → ${prop.type === 'all_columns' ? '*' : t.text(prop)} (SQLite's RETURNING gives the new values)`,
        );
      }
      return false;
    } else if (a.type === 'func_call' && lower(nameOf(get(a, 'name')) ?? '') === 'merge_action') {
      reason = 'merge_action() exists only in PostgreSQL MERGE';
    }
  });
  return reason;
}

/** Drop or rewrite RETURNING items SQLite cannot express (xmax, old.*, merge_action()). */
export function returningToSqlite(t: Translator, returning: AnyNode): void {
  const items = listItems(get(returning, 'columns'));
  const reasons = items.map((item) => returningItem(t, item));
  if (reasons.every((r) => r === null)) return;
  reasons.forEach((r, i) => r && t.problem(items[i], 'returning', `RETURNING ${t.text(items[i])} dropped: ${r}`));
  if (reasons.every((r) => r !== null)) {
    t.replace(returning, blockComment(t.text(returning)));
    return;
  }
  const lastKept = reasons
    .map((r, i) => (r === null ? i : -1))
    .filter((i) => i >= 0)
    .at(-1)!;
  items.forEach((item, i) => {
    if (reasons[i] === null || i > lastKept) return;
    const nextKept = items.findIndex((_, j) => j > i && reasons[j] === null);
    const [s] = t.span(item);
    const [e] = t.span(items[nextKept]);
    t.replace([s, e], `${blockComment(t.sql.slice(s, e).trimEnd())} `);
  });
  if (lastKept < items.length - 1) {
    const [, s] = t.span(items[lastKept]);
    const [, e] = t.span(items[items.length - 1]);
    t.replace([s, e], ` ${blockComment(t.sql.slice(s, e).trim())}`);
  }
}
