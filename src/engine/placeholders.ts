/**
 * Placeholders in SQL pasted from Python and tutorials — `:name` (SQLAlchemy text(), sqlite3),
 * `?` and `?NNN` (sqlite3, DB-API qmark), `%(name)s` (psycopg) and `$1` (PostgreSQL) — found with
 * the project's lexer, so nothing inside a string, quoted name, comment or dollar quote counts,
 * and `::` casts are casts.
 *
 * Keys: a named placeholder's key is its name (`:email` and `%(email)s` share `email`); a
 * positional one's key is its 1-based parameter number within its statement, numbered as SQLite
 * numbers them (`?` takes the next number, `?3` and `$3` take 3).
 */
import { readToken } from './pgSplit.ts';
import type { Dialect } from './types.ts';

/** How a placeholder was written. */
type PlaceholderStyle = 'colon' | 'question' | 'pyformat' | 'dollar';

/** One placeholder in a script. */
export interface Placeholder {
  key: string;
  style: PlaceholderStyle;
  /** As written, e.g. `:email`, `?`, `%(email)s`, `$1`. */
  text: string;
  start: number;
  end: number;
}

/** True for a positional key ('1', '2', …). */
export const isPositionalKey = (key: string): boolean => /^[0-9]+$/.test(key);

/** Words after which a value may follow: a `?` or `:x` there is a placeholder, not an operator or a slice bound. */
const VALUE_BEFORE = new Set(
  (
    'SELECT VALUES SET WHERE AND OR NOT THEN ELSE WHEN CASE IN IS LIKE ILIKE GLOB REGEXP MATCH BETWEEN LIMIT OFFSET ' +
    'RETURNING BY ON DO RETURN EXISTS ANY ALL SOME ESCAPE DISTINCT HAVING FROM USING INTO'
  ).split(' '),
);

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isNameStart = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const PYFORMAT = /^%\(([A-Za-z_][A-Za-z0-9_]*)\)s/;

/** Scripts at least this long (characters) have their placeholders remembered (see `recent`). */
const REMEMBER_CHARS = 20_000;
/**
 * The placeholders of the last few long scripts: the Parameters panel and the run read the same
 * near-1-MB setup several times after a load, and each reading lexes all of it.
 */
const recent: { script: string; dialect: Dialect; list: readonly Placeholder[] }[] = [];

/** Placeholders of a script in text order; the numbering of positional ones restarts after each `;`. */
export function findPlaceholders(script: string, dialect: Dialect): readonly Placeholder[] {
  if (script.length < REMEMBER_CHARS) return scan(script, dialect);
  const known = recent.find((r) => r.dialect === dialect && r.script === script);
  if (known) return known.list;
  const list = Object.freeze(scan(script, dialect));
  recent.unshift({ script, dialect, list });
  if (recent.length > 4) recent.pop();
  return list;
}

function scan(script: string, dialect: Dialect): Placeholder[] {
  const out: Placeholder[] = [];
  let maxIndex = 0;
  let named = new Map<string, number>();
  let prev: { type: string; text: string } | null = null;
  let firstWord: string | null = null;
  const operandBefore = (): boolean => {
    if (!prev) return false;
    if (prev.type === 'string' || prev.type === 'quoted') return true;
    if (prev.type === 'word') return !VALUE_BEFORE.has(prev.text.toUpperCase());
    return prev.text === ')' || prev.text === ']';
  };
  const add = (p: Omit<Placeholder, 'key'>, positional: number | null, name: string | null) => {
    let key: string;
    if (name !== null) {
      // A named parameter takes SQLite's next number the first time its name is seen.
      if (!named.has(name)) named.set(name, ++maxIndex);
      key = name;
    } else {
      const n = positional ?? ++maxIndex;
      maxIndex = Math.max(maxIndex, n);
      key = String(n);
    }
    out.push({ key, ...p });
  };
  let i = 0;
  while (i < script.length) {
    const t = readToken(script, i, dialect);
    i = t.end;
    if (t.type === 'space' || t.type === 'comment') continue;
    const text = script.slice(t.start, t.end);
    if (t.type === 'word' && firstWord === null) firstWord = text.toUpperCase();
    // PREPARE … AS: its $1 belong to the prepared statement, bound later by EXECUTE.
    const skip = firstWord === 'PREPARE';
    if (t.type === 'punct' && !skip) {
      const c = text.charCodeAt(0);
      const next = script.charCodeAt(t.end);
      let found: { end: number; style: PlaceholderStyle; positional: number | null; name: string | null } | null = null;
      if (c === 58 /* : */ && isNameStart(next) && script.charCodeAt(t.start - 1) !== 58 && !operandBefore()) {
        const w = readToken(script, t.end, dialect);
        found = { end: w.end, style: 'colon', positional: null, name: script.slice(t.end, w.end) };
      } else if (c === 63 /* ? */ && (dialect === 'sqlite' || !operandBefore())) {
        let j = t.end;
        while (isDigit(script.charCodeAt(j))) j++;
        found = {
          end: j,
          style: 'question',
          positional: j > t.end ? Number(script.slice(t.end, j)) : null,
          name: null,
        };
      } else if (c === 36 /* $ */ && isDigit(next)) {
        let j = t.end;
        while (isDigit(script.charCodeAt(j))) j++;
        // `$1` is the first value in both dialects (SQLite binds it by the name "$1", see binding.ts).
        found = { end: j, style: 'dollar', positional: Number(script.slice(t.end, j)), name: null };
      } else if (c === 37 /* % */) {
        const m = PYFORMAT.exec(script.slice(t.start, t.start + 70));
        if (m) found = { end: t.start + m[0].length, style: 'pyformat', positional: null, name: m[1]! };
      }
      if (found) {
        add(
          { style: found.style, text: script.slice(t.start, found.end), start: t.start, end: found.end },
          found.positional,
          found.name,
        );
        i = found.end;
        prev = { type: 'word', text: 'placeholder' };
        continue;
      }
      if (c === 59 /* ; */) {
        maxIndex = 0;
        named = new Map();
        firstWord = null;
        prev = null;
        continue;
      }
    }
    prev = { type: t.type, text };
  }
  return out;
}

/** The distinct keys of a script's placeholders, named first-seen order then positions in order. */
export function placeholderKeys(list: readonly Placeholder[]): string[] {
  const named = [...new Set(list.filter((p) => !isPositionalKey(p.key)).map((p) => p.key))];
  const positions = [...new Set(list.filter((p) => isPositionalKey(p.key)).map((p) => p.key))].sort(
    (a, b) => Number(a) - Number(b),
  );
  return [...named, ...positions];
}
