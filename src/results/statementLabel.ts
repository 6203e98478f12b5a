/**
 * A one-line label for a statement that is enough to recognise it: comments dropped, white space
 * squashed, and for a long INSERT the VALUES rows elided so the conflict clause stays in view
 * ("INSERT INTO users (email, name) VALUES … ON CONFLICT (email) DO UPDATE SET …"). Pure.
 */
import { readToken } from '../engine/pgSplit';
import type { Dialect } from '../engine/types';

/** Longest label, in characters. */
export const LABEL_MAX = 120;

/** Words that end a VALUES list at the top level of an INSERT. */
const AFTER_VALUES = new Set(['ON', 'RETURNING', 'WHERE', 'AS']);

/** The statement's text on one line: no comments, single spaces, no trailing semicolon. */
function squash(sql: string, dialect: Dialect): { text: string; valuesEnd: number; tailStart: number } {
  let text = '';
  let depth = 0;
  let valuesEnd = -1;
  let tailStart = -1;
  let i = 0;
  while (i < sql.length) {
    const t = readToken(sql, i, dialect);
    i = t.end;
    if (t.type === 'comment' || t.type === 'space') {
      if (text && !text.endsWith(' ')) text += ' ';
      continue;
    }
    const piece = sql.slice(t.start, t.end);
    if (t.type === 'punct' && piece === '(') depth++;
    else if (t.type === 'punct' && piece === ')') depth--;
    if (depth === 0 && t.type === 'word') {
      const w = piece.toUpperCase();
      if (w === 'VALUES' && valuesEnd < 0) valuesEnd = text.length + piece.length;
      else if (valuesEnd >= 0 && tailStart < 0 && AFTER_VALUES.has(w)) tailStart = text.length;
    }
    text += piece;
  }
  return { text: text.trim().replace(/\s*;$/, ''), valuesEnd, tailStart };
}

const cut = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`);

/** The label of one statement of the script. */
export function statementLabel(sql: string, dialect: Dialect = 'sqlite', max = LABEL_MAX): string {
  const { text, valuesEnd, tailStart } = squash(sql, dialect);
  if (text.length <= max) return text;
  if (valuesEnd > 0 && valuesEnd < max / 2) {
    const head = `${text.slice(0, valuesEnd)} …`;
    if (tailStart < 0) return head;
    return `${head} ${cut(text.slice(tailStart).trim(), max - head.length - 1)}`;
  }
  return cut(text, max);
}
