/**
 * Small text helpers shared by both engines: statement kinds, trimming a raw statement to its
 * significant text, and turning offsets into 1-based line/column.
 */
import { readToken } from './pgSplit.ts';
import type { Dialect, Span } from './types.ts';

/** Words that qualify CREATE/DROP/ALTER before the object type (CREATE OR REPLACE TEMP VIEW …). */
const MODIFIERS = new Set([
  'OR',
  'REPLACE',
  'UNIQUE',
  'TEMP',
  'TEMPORARY',
  'UNLOGGED',
  'VIRTUAL',
  'MATERIALIZED',
  'GLOBAL',
  'LOCAL',
  'RECURSIVE',
  'CONSTRAINT',
  'EVENT',
  'FOREIGN',
  'DEFAULT',
  'TRUSTED',
  'PROCEDURAL',
]);
const WITH_VERBS = new Set(['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'MERGE', 'VALUES', 'REPLACE', 'TABLE']);

/** The first `max` significant tokens' words (upper case), plus the depth-0 words when asked. */
function words(sql: string, dialect: Dialect, max: number): { text: string; depth: number }[] {
  const out: { text: string; depth: number }[] = [];
  let depth = 0;
  let i = 0;
  while (i < sql.length && out.length < max) {
    const t = readToken(sql, i, dialect);
    i = t.end;
    if (t.type === 'punct') {
      const c = sql.charCodeAt(t.start);
      if (c === 40) depth++;
      else if (c === 41) depth--;
      else if (c === 59) break;
    } else if (t.type === 'word') out.push({ text: sql.slice(t.start, t.end).toUpperCase(), depth });
  }
  return out;
}

/**
 * The kind of a statement: its leading keyword(s), upper case. CREATE/DROP/ALTER keep the object
 * type (CREATE UNIQUE INDEX), SQLite's INSERT OR REPLACE keeps its conflict clause, and a
 * statement that starts with WITH is named after its main verb (WITH … INSERT → INSERT).
 */
export function statementKind(sql: string, dialect: Dialect): string {
  // Six words name any statement; only WITH needs the scan up to its main verb.
  let w = words(sql, dialect, 6);
  const head = w[0]?.text;
  if (head === undefined) return '';
  if (head === 'CREATE' || head === 'DROP' || head === 'ALTER') {
    const parts = [head];
    for (let k = 1; k < w.length && k < 6; k++) {
      const word = w[k]!.text;
      parts.push(word);
      if (!MODIFIERS.has(word)) break;
    }
    return parts.join(' ');
  }
  if ((head === 'INSERT' || head === 'UPDATE') && w[1]?.text === 'OR' && w[2]) {
    return `${head} OR ${w[2].text}`;
  }
  if (head === 'START' && w[1]?.text === 'TRANSACTION') return 'START TRANSACTION';
  if (head === 'WITH') {
    w = words(sql, dialect, 400);
    // The first verb at depth 0 after the CTE list is the statement's own verb.
    for (let k = 1; k < w.length; k++) {
      const word = w[k]!;
      if (word.depth === 0 && WITH_VERBS.has(word.text)) return word.text;
    }
  }
  return head;
}

/**
 * COPY … FROM STDIN: PGlite would wait for data no client can send, blocking its thread for good,
 * so such a statement is refused before it reaches the server.
 */
export function copiesFromStdin(sql: string): boolean {
  const w = words(sql, 'postgres', 10_000).filter((x) => x.depth === 0);
  if (w[0]?.text !== 'COPY') return false;
  return w.some((x, k) => x.text === 'FROM' && w[k + 1]?.text === 'STDIN');
}

/** COPY … TO STDOUT: its rows come as COPY data, which the engine reads from the wire itself. */
export function copiesToStdout(sql: string): boolean {
  const w = words(sql, 'postgres', 10_000).filter((x) => x.depth === 0);
  if (w[0]?.text !== 'COPY') return false;
  return w.some((x, k) => x.text === 'TO' && w[k + 1]?.text === 'STDOUT');
}

/** Kinds that change no rows by themselves: no snapshot is taken after them. */
const READ_ONLY_KINDS = new Set([
  'SELECT',
  'VALUES',
  'TABLE',
  'SHOW',
  'EXPLAIN',
  'BEGIN',
  'START TRANSACTION',
  'SAVEPOINT',
  'SET',
  'RESET',
  'PREPARE',
  'DEALLOCATE',
  'DECLARE',
  'FETCH',
  'MOVE',
  'CLOSE',
  'LISTEN',
  'NOTIFY',
  'UNLISTEN',
  'LOAD',
  'DISCARD',
  'ANALYZE',
  'VACUUM',
  'CHECKPOINT',
  'PRAGMA',
  'COMMENT',
]);

/** True when a statement of this kind cannot change table rows (SELECT f() with a writing function aside). */
export function isReadOnlyKind(kind: string): boolean {
  return READ_ONLY_KINDS.has(kind);
}

/** Trim a raw piece of script to its significant text: no surrounding whitespace, comments or `;`. */
export function trimStatement(script: string, span: Span, dialect: Dialect): Span | null {
  let first = -1;
  let i = span.start;
  while (i < span.end) {
    const t = readToken(script, i, dialect);
    if (t.type === 'space' || t.type === 'comment' || (t.type === 'punct' && script.charCodeAt(t.start) === 59)) {
      i = t.end;
      continue;
    }
    first = t.start;
    break;
  }
  if (first < 0) return null;
  // The end: drop trailing whitespace and semicolons. Only when a comment may end the text
  // (a '--' on its last line, or a closing '*/') is the whole statement scanned: statements of
  // bulk scripts are long, and scanning each of them token by token would cost more than the run.
  let end = span.end;
  for (let c = script.charCodeAt(end - 1); end > first && (c === 59 || c <= 32); c = script.charCodeAt(end - 1)) end--;
  const lastLine = script.lastIndexOf('\n', end - 1) + 1;
  const tail = script.slice(Math.max(lastLine, first), end);
  if (!tail.includes('--') && !tail.endsWith('*/')) return { start: first, end };
  let last = first;
  for (let k = first; k < end;) {
    const t = readToken(script, k, dialect);
    k = Math.min(t.end, end);
    if (t.type === 'space' || t.type === 'comment') continue;
    if (t.type === 'punct' && script.charCodeAt(t.start) === 59) continue;
    last = Math.min(t.end, end);
  }
  return { start: first, end: last };
}

/** 1-based line and column (UTF-16 units, as editors count) of a 0-based offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: end - lineStart + 1 };
}

/** UTF-16 offset of the `chars`-th code point (0-based) of `text` from `from`: Postgres counts characters. */
export function codePointOffset(text: string, from: number, chars: number): number {
  let i = from;
  for (let k = 0; k < chars && i < text.length; k++) {
    const c = text.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1;
  }
  return i;
}
