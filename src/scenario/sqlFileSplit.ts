/**
 * A plain .sql file from elsewhere, split the way the playground is laid out: schema and data go
 * to Setup; the upserts at its end (INSERT … ON CONFLICT, INSERT OR REPLACE/IGNORE, REPLACE,
 * MERGE, and MySQL's ON DUPLICATE KEY UPDATE so that its hint can help) go to Statement.
 * Statements are found with the engine's lexer, so semicolons in strings and comments do not split.
 */
import { readToken, splitStatements } from '../engine/pgSplit';
import { statementKind } from '../engine/sqlText';
import type { Dialect } from '../engine/types';

/** Whether one statement is an upsert (its kind, or ON CONFLICT / ON DUPLICATE KEY outside strings and comments). */
function isUpsert(sql: string, dialect: Dialect): boolean {
  const kind = statementKind(sql, dialect);
  if (kind === 'MERGE' || kind === 'REPLACE' || kind.startsWith('INSERT OR')) return true;
  if (kind !== 'INSERT') return false;
  let prev = '';
  for (let i = 0; i < sql.length;) {
    const t = readToken(sql, i, dialect);
    i = t.end;
    if (t.type !== 'word') continue;
    const w = sql.slice(t.start, t.end).toUpperCase();
    if (prev === 'ON' && (w === 'CONFLICT' || w === 'DUPLICATE')) return true;
    prev = w;
  }
  return false;
}

/** The split: setup and statement texts and how many statements went to each (statement '' when none). */
export function splitPlainSql(
  text: string,
  dialect: Dialect,
): { setup: string; statement: string; setupCount: number; statementCount: number } {
  const spans = splitStatements(text, dialect);
  let k = spans.length;
  while (k > 0 && isUpsert(text.slice(spans[k - 1]!.start, spans[k - 1]!.end), dialect)) k--;
  if (k === spans.length || k === 0) return { setup: text, statement: '', setupCount: spans.length, statementCount: 0 };
  // Cut after the last setup statement's line, so comments above the first upsert go with it.
  const prevEnd = spans[k - 1]!.end;
  const semi = text.indexOf(';', prevEnd);
  const afterSemi = semi >= 0 && semi < spans[k]!.start ? semi + 1 : prevEnd;
  const nl = text.indexOf('\n', afterSemi);
  const cut = nl >= 0 && nl < spans[k]!.start ? nl + 1 : afterSemi;
  return {
    setup: text.slice(0, cut).replace(/\s+$/, '') + '\n',
    statement: text.slice(cut).replace(/^\s*\n/, ''),
    setupCount: k,
    statementCount: spans.length - k,
  };
}
