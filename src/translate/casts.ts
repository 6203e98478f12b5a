/** PostgreSQL's `::` casts on the way to SQLite, which has no `::` operator. */
import { parseTimestamp } from '../compare/values';
import type { CstNode } from './sqlSource';
import { dataTypeInfo, mapType } from './typeMap';
import { Translator } from './translator';

type AnyNode = CstNode & Record<string, unknown>;
const get = Translator.get;

/** `x::type` → SQLite: a date/time function, a literal rewritten as SQLite stores it, or CAST(… AS type). */
export function castOperatorToSqlite(t: Translator, n: AnyNode): void {
  const left = get(n, 'left')!;
  const right = get(n, 'right')!;
  const info = dataTypeInfo(right);
  const [ls, le] = t.span(left);
  const end = t.span(n)[1];
  const original = t.text(n);
  if (timeLiteral(t, n, left, info.base)) return;
  let fn: string | null = null;
  if (info.base.startsWith('TIMESTAMP')) fn = 'datetime';
  else if (info.base === 'DATE') fn = 'date';
  if (fn) {
    t.insert(ls, `${fn}(`);
    t.replace([le, end], ')');
    t.change(n, 'casts', `${original} → ${fn}(…) (SQLite keeps it as UTC text to the second)`);
    t.warn(n, 'casts', `${fn}() reads time zone offsets only as ±HH:MM and returns NULL for text it cannot read`);
    return;
  }
  if (info.base === 'JSON' || info.base === 'JSONB') {
    t.replace([le, end], '');
    t.change(n, 'casts', `${original}: cast removed (SQLite stores JSON as text)`);
    return;
  }
  const mapped = mapType(info, 'sqlite');
  if (info.base === 'BOOLEAN' || info.base === 'BOOL') {
    t.problem(
      n,
      'booleans',
      `${original}: SQLite has no boolean cast ('t'/'true' do not become 1); written as CAST(… AS INTEGER)`,
    );
  }
  t.insert(ls, 'CAST(');
  t.replace([le, end], ` AS ${mapped.text})`);
  t.change(n, 'casts', `${original} → CAST(… AS ${mapped.text}) (SQLite has no :: operator)`);
}

/**
 * A timestamp or date literal cast (`'2026-01-02 03:04:05+02'::timestamptz`) becomes the text SQLite
 * would store: UTC for timestamptz, as written for timestamp, to the second. True when rewritten.
 */
export function timeLiteral(t: Translator, cast: AnyNode, operand: AnyNode, base: string): boolean {
  if (operand.type !== 'string_literal' || !(base.startsWith('TIMESTAMP') || base === 'DATE')) return false;
  const text = String(operand.value);
  const ms =
    parseTimestamp(base === 'TIMESTAMP' ? text.replace(/([+-]\d{2}(:?\d{2})?|Z)$/i, '') : text) ??
    (base === 'DATE' ? parseTimestamp(`${text} 00:00:00`) : null);
  if (ms === null) return false;
  const iso = new Date(ms).toISOString();
  const out = base === 'DATE' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
  t.replace(cast, `'${out}'`);
  t.change(
    cast,
    'casts',
    `${t.text(cast)} → '${out}' (SQLite keeps ${base === 'DATE' ? 'dates' : 'timestamps'} as text${base === 'TIMESTAMPTZ' ? ', in UTC' : ''}, to the second)`,
  );
  return true;
}
