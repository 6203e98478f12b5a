/**
 * Rewrites of column references in SQL expressions the builder did not write: qualifying the
 * column names of a partial index predicate, and replacing `excluded.col` in custom expressions by
 * a row's literals (for the two-step script). The text is read with the engine's own lexer
 * (`engine/pgSplit.ts`), so nothing inside string literals, quoted identifiers, dollar quotes or
 * comments is rewritten. It lexes as PostgreSQL does, which covers the quoting both dialects share
 * (SQLite's backtick and bracket quotes are not read as names; the builder writes double quotes).
 */
import { readToken } from '../engine/pgSplit';

interface Token {
  kind: 'ident' | 'quoted' | 'string' | 'comment' | 'space' | 'other';
  text: string;
}

/** Splits SQL text into tokens; concatenating their text gives the input back. */
function tokenize(sql: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < sql.length;) {
    const t = readToken(sql, i, 'postgres');
    const text = sql.slice(t.start, t.end);
    i = t.end;
    const last = out[out.length - 1];
    // `::` (a cast) is one token here: a name after it is a type, not a column.
    if (text === ':' && last?.text === ':') {
      last.text = '::';
      continue;
    }
    const kind =
      t.type === 'word' ? (/^[\p{L}_]/u.test(text) ? 'ident' : 'other') : t.type === 'punct' ? 'other' : t.type;
    out.push({ kind, text });
  }
  return out;
}

/** The name an identifier token denotes (quoted: exact; bare: as written, compared case-insensitively). */
function identName(tok: Token): string | null {
  if (tok.kind === 'ident') return tok.text;
  if (tok.kind === 'quoted') return tok.text.slice(1, -1).replaceAll('""', '"');
  return null;
}

function matches(tok: Token, column: string): boolean {
  const name = identName(tok);
  if (name === null) return false;
  return tok.kind === 'quoted' ? name === column : name.toLowerCase() === column.toLowerCase();
}

/** Index of the next non-space, non-comment token after i (or -1). */
function nextSolid(tokens: Token[], i: number, step: 1 | -1): number {
  for (let j = i + step; j >= 0 && j < tokens.length; j += step) {
    const k = tokens[j]?.kind;
    if (k !== 'space' && k !== 'comment') return j;
  }
  return -1;
}

/**
 * Rewrites every reference to one of `columns` in `expr` with `replace(column, original token)`,
 * leaving alone names that are already qualified, function names, and type names after `::`.
 */
export function replaceColumns(
  expr: string,
  columns: readonly string[],
  replace: (column: string, token: string) => string,
): string {
  const tokens = tokenize(expr);
  return tokens
    .map((tok, i) => {
      if (tok.kind !== 'ident' && tok.kind !== 'quoted') return tok.text;
      const column = columns.find((c) => matches(tok, c));
      if (column === undefined) return tok.text;
      const prev = tokens[nextSolid(tokens, i, -1)];
      const next = tokens[nextSolid(tokens, i, 1)];
      if (prev && (prev.text === '.' || prev.text === '::')) return tok.text;
      if (next && (next.text === '(' || next.text === '.')) return tok.text;
      return replace(column, tok.text);
    })
    .join('');
}

/** Prefixes every column reference in `expr` with `qualifier.`. */
export function qualifyColumns(expr: string, columns: readonly string[], qualifier: string): string {
  return replaceColumns(expr, columns, (_c, token) => `${qualifier}.${token}`);
}

/**
 * Replaces `excluded.col` (any quoting, any case for bare names) by `replace(col)`;
 * `replace` returns null to leave a reference as it is.
 */
export function substituteExcluded(expr: string, replace: (column: string, quoted: boolean) => string | null): string {
  const tokens = tokenize(expr);
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    if (!tok) continue;
    const isExcluded =
      (tok.kind === 'ident' && tok.text.toLowerCase() === 'excluded') ||
      (tok.kind === 'quoted' && tok.text === '"excluded"');
    const prev = tokens[nextSolid(tokens, i, -1)];
    if (isExcluded && !(prev && prev.text === '.')) {
      const dot = nextSolid(tokens, i, 1);
      const col = dot >= 0 && tokens[dot]?.text === '.' ? nextSolid(tokens, dot, 1) : -1;
      const colTok = col >= 0 ? tokens[col] : undefined;
      const name = colTok ? identName(colTok) : null;
      if (colTok && name !== null) {
        const replacement = replace(name, colTok.kind === 'quoted');
        if (replacement !== null) {
          out.push(replacement);
          i = col;
          continue;
        }
      }
    }
    out.push(tok.text);
  }
  return out.join('');
}
