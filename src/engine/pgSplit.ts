/**
 * Statement splitting for SQL scripts, without a parser: a small lexer that knows where strings,
 * quoted identifiers, dollar quotes and comments start and end, so that only real statement
 * terminators split. Postgres follows psql's rules (psqlscan.l); the SQLite variant follows
 * sqlite3_complete() and is only used where sql.js cannot tell (statements after an error).
 */
import type { Dialect, Span } from './types.ts';

/** Lexical token classes the splitter and the keyword helpers care about. */
type TokenType = 'word' | 'string' | 'quoted' | 'punct' | 'comment' | 'space';

/** One token: its class and its span in the script. */
export interface Token {
  type: TokenType;
  start: number;
  end: number;
}

const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0xfeff;
const isIdentStart = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c >= 0x80;
const isIdentChar = (c: number): boolean => isIdentStart(c) || (c >= 48 && c <= 57) || c === 36; // $ is an identifier character in both

/** End of a quoted run starting at `i` (the opening quote), doubling `q` escapes it; backslash escapes too when `backslash`. */
function quotedEnd(s: string, i: number, q: number, backslash: boolean): number {
  let j = i + 1;
  const n = s.length;
  while (j < n) {
    const c = s.charCodeAt(j);
    if (backslash && c === 92) {
      j += 2;
      continue;
    }
    if (c === q) {
      if (s.charCodeAt(j + 1) === q) {
        j += 2;
        continue;
      }
      return j + 1;
    }
    j++;
  }
  return n; // unterminated: runs to the end, as the server would see it
}

/** Read the token at `i` (i < s.length). */
export function readToken(s: string, i: number, dialect: Dialect): Token {
  const n = s.length;
  const c = s.charCodeAt(i);
  const next = i + 1 < n ? s.charCodeAt(i + 1) : -1;
  if (isSpace(c)) {
    let j = i + 1;
    while (j < n && isSpace(s.charCodeAt(j))) j++;
    return { type: 'space', start: i, end: j };
  }
  if (c === 45 && next === 45) {
    const nl = s.indexOf('\n', i + 2);
    return { type: 'comment', start: i, end: nl < 0 ? n : nl + 1 };
  }
  if (c === 47 && next === 42) {
    if (dialect === 'sqlite') {
      const close = s.indexOf('*/', i + 2);
      return { type: 'comment', start: i, end: close < 0 ? n : close + 2 };
    }
    // Postgres block comments nest.
    let depth = 1;
    let j = i + 2;
    while (j < n && depth > 0) {
      const d = s.charCodeAt(j);
      if (d === 47 && s.charCodeAt(j + 1) === 42) {
        depth++;
        j += 2;
      } else if (d === 42 && s.charCodeAt(j + 1) === 47) {
        depth--;
        j += 2;
      } else j++;
    }
    return { type: 'comment', start: i, end: j };
  }
  if (c === 39) return { type: 'string', start: i, end: quotedEnd(s, i, 39, false) };
  if (c === 34) return { type: 'quoted', start: i, end: quotedEnd(s, i, 34, false) };
  if (dialect === 'sqlite') {
    if (c === 96) return { type: 'quoted', start: i, end: quotedEnd(s, i, 96, false) };
    if (c === 91) {
      const close = s.indexOf(']', i + 1);
      return { type: 'quoted', start: i, end: close < 0 ? n : close + 1 };
    }
  } else {
    // E'…' escape strings (not when the E ends a longer identifier: that case never reaches here).
    if ((c === 69 || c === 101) && next === 39) {
      return { type: 'string', start: i, end: quotedEnd(s, i + 1, 39, true) };
    }
    if (c === 36) {
      // $tag$ … $tag$ (tag optional); $1 is a parameter, not a quote.
      let j = i + 1;
      if (j < n && isIdentStart(s.charCodeAt(j))) {
        j++;
        while (j < n && isIdentChar(s.charCodeAt(j)) && s.charCodeAt(j) !== 36) j++;
      }
      if (s.charCodeAt(j) === 36) {
        const tag = s.slice(i, j + 1);
        const close = s.indexOf(tag, j + 1);
        return { type: 'string', start: i, end: close < 0 ? n : close + tag.length };
      }
    }
  }
  if (isIdentStart(c) || (c >= 48 && c <= 57)) {
    let j = i + 1;
    while (j < n && isIdentChar(s.charCodeAt(j))) j++;
    return { type: 'word', start: i, end: j };
  }
  // A lone surrogate pair counts as one punct token; never split a pair.
  const width = c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
  return { type: 'punct', start: i, end: i + width };
}

/**
 * Split a script into statement spans: trimmed of whitespace and of leading/trailing comments,
 * empty ones dropped. With `limit`, stop after that many spans (enough to count "more than N").
 */
export function splitStatements(script: string, dialect: Dialect, limit = Infinity): Span[] {
  const spans: Span[] = [];
  const n = script.length;
  let first = -1; // start of the first significant token of the current statement
  let last = -1; // end of its last significant token
  let parens = 0;
  let beginDepth = 0;
  const words: string[] = []; // the first few words, for the CREATE FUNCTION / TRIGGER heuristics
  let lastWord = '';
  let wordCount = 0;
  let i = 0;
  const flush = (): void => {
    if (first >= 0) spans.push({ start: first, end: last });
    first = -1;
    last = -1;
    parens = 0;
    beginDepth = 0;
    words.length = 0;
    wordCount = 0;
    lastWord = '';
  };
  while (i < n && spans.length < limit) {
    const t = readToken(script, i, dialect);
    i = t.end;
    if (t.type === 'space' || t.type === 'comment') continue;
    if (t.type === 'punct' && script.charCodeAt(t.start) === 59) {
      const ends = dialect === 'postgres' ? parens === 0 && beginDepth === 0 : !isTrigger(words) || lastWord === 'END';
      if (ends) {
        flush();
        continue;
      }
    }
    if (first < 0) first = t.start;
    last = t.end;
    if (t.type === 'punct') {
      const c = script.charCodeAt(t.start);
      if (c === 40) parens++;
      else if (c === 41 && parens > 0) parens--;
      lastWord = '';
      continue;
    }
    if (t.type !== 'word') {
      lastWord = '';
      continue;
    }
    const w = script.slice(t.start, t.end).toUpperCase();
    lastWord = w;
    if (wordCount < 6) words.push(w);
    wordCount++;
    if (dialect === 'postgres' && parens === 0 && isFunctionDefinition(words)) {
      // psql's heuristic for SQL-standard bodies: BEGIN [ATOMIC] … END, with CASE … END inside.
      if (w === 'BEGIN') beginDepth++;
      else if (w === 'CASE' && beginDepth > 0) beginDepth++;
      else if (w === 'END' && beginDepth > 0) beginDepth--;
    }
  }
  if (spans.length < limit) flush();
  return spans;
}

/** CREATE [OR REPLACE] FUNCTION|PROCEDURE, as psql recognises it. */
function isFunctionDefinition(w: string[]): boolean {
  if (w[0] !== 'CREATE') return false;
  if (w[1] === 'FUNCTION' || w[1] === 'PROCEDURE') return true;
  return w[1] === 'OR' && w[2] === 'REPLACE' && (w[3] === 'FUNCTION' || w[3] === 'PROCEDURE');
}

/** CREATE [TEMP|TEMPORARY] TRIGGER: its body's semicolons end only after END (sqlite3_complete). */
function isTrigger(w: string[]): boolean {
  if (w[0] !== 'CREATE') return false;
  return w[1] === 'TRIGGER' || ((w[1] === 'TEMP' || w[1] === 'TEMPORARY') && w[2] === 'TRIGGER');
}

/** Split a PostgreSQL script into statement spans (psql's rules: quotes, dollar quotes, nested comments, BEGIN ATOMIC). */
export function splitPostgres(script: string, limit?: number): Span[] {
  return splitStatements(script, 'postgres', limit);
}

/** Split a SQLite script into statement spans (quotes, brackets, backticks, trigger bodies). */
export function splitSqlite(script: string, limit?: number): Span[] {
  return splitStatements(script, 'sqlite', limit);
}
