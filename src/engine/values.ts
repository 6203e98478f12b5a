/** Cell value helpers shared by both engines. */
import type { BlobValue, RealValue, Value } from './types.ts';

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Bytes as a BlobValue (lower-case hex). */
export function blobOf(bytes: Uint8Array): BlobValue {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += HEX[bytes[i]!];
  return { blob: s };
}

/** A BlobValue's bytes (the inverse of blobOf). */
export function bytesOf(v: BlobValue): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(v.blob.length >> 1);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(v.blob.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

/** sql.js' option that reads INTEGER cells as BigInt (missing from its type definitions). */
export const BIGINT = { useBigInt: true } as const;

/** A SQLite INTEGER as the contract carries it: a number when safe, else its exact decimal text. */
export function integerValue(n: bigint): number | string {
  return n >= -9007199254740991n && n <= 9007199254740991n ? Number(n) : n.toString();
}

/**
 * Normalise, in place, a sql.js row read with BIGINT: INTEGER (BigInt) → number or exact text,
 * REAL (number) → RealValue, BLOB (Uint8Array) → BlobValue.
 */
export function normalizeSqliteRow(row: unknown[], text: RealTextOf): Value[] {
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (typeof v === 'bigint') row[i] = integerValue(v);
    else if (typeof v === 'number') row[i] = realValue(v, text);
    else if (v !== null && typeof v === 'object') row[i] = blobOf(v as Uint8Array);
  }
  return row as Value[];
}

/** SQLite's own text for a REAL that realText cannot be trusted to write (see realTextExact). */
export type RealTextOf = (r: number) => string;

/** A RealValue, with SQLite's text when realText could differ from it. */
export function realValue(r: number, text: RealTextOf): RealValue {
  return realTextExact(r) ? { real: r } : { real: r, text: text(r) };
}

/**
 * A value from SQLite's quote() text (exact for every storage class: an INTEGER's digits, a REAL
 * written so that it reads back to the same double, 'text', X'hex', NULL).
 */
export function fromQuoted(q: string, text: RealTextOf): Value {
  if (q === 'NULL') return null;
  if (q.startsWith("'")) return q.slice(1, -1).replace(/''/g, "'");
  if (q.startsWith("X'")) return { blob: q.slice(2, -1).toLowerCase() };
  if (/^-?\d+$/.test(q)) return integerValue(BigInt(q));
  return realValue(Number(q), text);
}

/** True for a SQLite REAL. */
export function isReal(v: Value): v is RealValue {
  return v !== null && typeof v === 'object' && 'real' in v;
}

/** True for a blob. */
export function isBlob(v: Value): v is BlobValue {
  return v !== null && typeof v === 'object' && 'blob' in v;
}

/** The number of a number or a REAL, else null. */
export function numberOf(v: Value): number | null {
  return typeof v === 'number' ? v : isReal(v) ? v.real : null;
}

/** A REAL as an SQL literal that reads back as the same REAL (never as an INTEGER). */
export function realLiteral(r: number): string {
  if (!Number.isFinite(r)) return r > 0 ? '9e999' : '-9e999';
  const s = String(r);
  return /[.e]/.test(s) ? s : `${s}.0`;
}

/** How a REAL cell reads on the page: SQLite's text (2.0, 0.30000000000000004, 1.0e+20, Inf). */
export function realDisplay(v: RealValue): string {
  return v.text ?? realText(v.real);
}

/** Powers of ten that are exact doubles (10^0 … 10^22). */
const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

/**
 * A quick sufficient test for "the shortest text of `a` has at most 12 significant digits", for
 * 1e-10 ≤ a < 1e15, without writing the text (number → string is most of the cost of reading a
 * REAL cell). It scales `a` to 12 integer digits and asks whether that integer m, divided back by
 * the (exact) power of ten, rounds to `a` again: IEEE division rounds correctly, so then m's 12
 * digits are a text that reads back to `a`. If such a text exists, rounding the scaled `a` finds
 * it (the scaling's error is ~1e-4, far below 0.5). False means "not shown here", not "no": the
 * caller then counts the digits of String(a).
 */
function fewDigits(a: number): boolean {
  const k = 11 - Math.floor(Math.log10(a)); // 12 digits before the point after scaling by 10^k
  if (k > 22 || k < -22) return false;
  const p = POW10[Math.abs(k)]!;
  const m = Math.round(k >= 0 ? a * p : a / p);
  // log10 may be off by one next to a power of ten: then m has 11 or 13 digits; leave it.
  if (m < 1e11 || m >= 1e12) return false;
  return (k >= 0 ? m / p : m * p) === a;
}

/**
 * True when realText(r) is SQLite's own text for r: up to 12 significant digits, 1e-10 ≤ |r| < 1e15
 * (prices, quantities, ratios typed in a script). Past that SQLite's decimal conversion is
 * approximate (whether 15 digits read back, and the 17th digit, can differ from an exact
 * conversion), so the engine writes the text itself. The bounds were found by comparing with the
 * engine's CAST(r AS TEXT) on 300,000 doubles; tests/engine/sqliteValues.test.ts keeps checking.
 */
export function realTextExact(r: number): boolean {
  if (!Number.isFinite(r) || r === 0) return true;
  const a = Math.abs(r);
  if (a < 1e-10 || a >= 1e15) return false;
  if (fewDigits(a)) return true;
  // Significant digits of the shortest text that reads back to `a` (what toExponential() would
  // write), counted in place: this runs for every REAL cell of every snapshot, and building the
  // exponential text and splitting it took twice as long (about 50 ms per 100,000-row table).
  const s = String(a);
  let digits = 0;
  let zeros = 0;
  let started = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 101) break; // 'e': the exponent follows
    if (c === 46) continue; // '.'
    if (c === 48) {
      if (started) zeros++; // a zero counts only if a non-zero digit follows it
      continue;
    }
    started = true;
    digits += zeros + 1;
    zeros = 0;
  }
  return digits <= 12;
}

/**
 * A REAL as SQLite 3.54 writes it as text (CAST(x AS TEXT), sqlite3_column_text, what the sqlite3
 * shell prints): 15 significant digits when they read back to the same double, else 17; the
 * layout of printf's "%!.17g" (always a decimal point, exponent from 1e17 up and below 1e-4).
 * Written here because the page shows cells apart from the engine; tests/engine/sqliteValues
 * checks it against the engine's own CAST on thousands of doubles.
 */
export function realText(r: number): string {
  if (r === Infinity) return 'Inf';
  if (r === -Infinity) return '-Inf';
  if (Number.isNaN(r)) return 'NaN'; // never stored: SQLite turns NaN into NULL
  if (r === 0) return '0.0';
  let e = r.toExponential(14);
  if (Number(e) !== r) e = r.toExponential(16);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(e)!;
  const sign = m[1]!;
  const digits = (m[2]! + (m[3] ?? '')).replace(/0+$/, '') || '0';
  const exp = Number(m[4]);
  if (exp < -4 || exp >= 17) {
    const mantissa = `${digits[0]!}.${digits.slice(1) || '0'}`;
    return `${sign}${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  return `${sign}${digits.slice(0, exp + 1).padEnd(exp + 1, '0')}.${digits.slice(exp + 1) || '0'}`;
}

/** Quote an identifier for SQL text (both dialects use double quotes). */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
