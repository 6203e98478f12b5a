/**
 * Cross-dialect value comparison. SQLite and PostgreSQL hand back the "same" data in different
 * shapes (1 vs true, 1.5 vs '1.50', '2026-01-02 03:04:05' vs '2026-01-02 03:04:05.123+00'); these
 * rules decide when two cells mean the same thing and name the rule that made them equal, so the
 * UI can show which normalisations were applied instead of hiding them.
 */
import type { Value } from '../engine/types';
import { isBlob, isReal, realDisplay } from '../engine/values';

/** The normalisations applied when comparing a SQLite value with a PostgreSQL value. */
export type NormalisationRule = 'boolean' | 'numericText' | 'timestamp' | 'json';

/** Outcome of comparing two cells. */
export interface ValueComparison {
  equal: boolean;
  /** The rule that made two differently shaped values equal (absent when they were identical). */
  rule?: NormalisationRule;
  /** Both are timestamps a little apart (≤ CLOCK_TOLERANCE_S): a clock difference, not a divergence. */
  clockSeconds?: number;
}

/**
 * Two timestamps at most this many seconds apart are "differ by the clock": each engine read its
 * own clock at a slightly different moment (Postgres: transaction start; SQLite: statement time).
 */
const CLOCK_TOLERANCE_S = 2;

const NUMERIC_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const TIMESTAMP_TEXT =
  /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** Milliseconds since the epoch of a timestamp text (no offset = UTC, as SQLite stores it), else null. */
export function parseTimestamp(text: string): number | null {
  const m = TIMESTAMP_TEXT.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  let ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  if (frac) ms += Math.round(Number(frac) * 1000);
  if (zone && zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offsetMin = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0);
    ms -= sign * offsetMin * 60_000;
  }
  return Number.isNaN(ms) ? null : ms;
}

/** The number a value stands for (numbers, booleans as 1/0, numeric text), else null. */
function asNumber(v: Value): number | null {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string' && NUMERIC_TEXT.test(v.trim())) return Number(v);
  return null;
}

/** JSON text parsed and re-serialised with sorted keys, or null when the text is not an object/array. */
function canonicalJson(text: string): string | null {
  const t = text.trimStart();
  if (!t.startsWith('{') && !t.startsWith('[')) return null;
  try {
    return JSON.stringify(JSON.parse(text), (_k, val: unknown) =>
      val && typeof val === 'object' && !Array.isArray(val)
        ? Object.fromEntries(Object.entries(val as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
        : val,
    );
  } catch {
    return null;
  }
}

/** Compare a SQLite cell with a PostgreSQL cell, applying the documented normalisations. */
export function compareValues(sqliteCell: Value, postgres: Value): ValueComparison {
  // A SQLite REAL compares as its number (PostgreSQL's float8 is a plain number).
  const sqlite = isReal(sqliteCell) ? sqliteCell.real : sqliteCell;
  if (sqlite === postgres) return { equal: true };
  if (sqlite === null || postgres === null) return { equal: false };
  if (typeof sqlite === 'object' || typeof postgres === 'object') {
    const a = isBlob(sqlite) ? sqlite.blob : null;
    const b = isBlob(postgres) ? postgres.blob : null;
    return { equal: a !== null && a === b };
  }
  if (typeof sqlite === 'boolean' || typeof postgres === 'boolean') {
    const a = asNumber(sqlite);
    const b = asNumber(postgres);
    return a !== null && a === b && (a === 0 || a === 1) ? { equal: true, rule: 'boolean' } : { equal: false };
  }
  if (typeof sqlite === 'string' && typeof postgres === 'string') {
    const ta = parseTimestamp(sqlite);
    const tb = parseTimestamp(postgres);
    if (ta !== null && tb !== null) {
      // SQLite keeps whole seconds: compare in UTC, to the second.
      const sa = Math.floor(ta / 1000);
      const sb = Math.floor(tb / 1000);
      if (sa === sb) return { equal: true, rule: 'timestamp' };
      const apart = Math.abs(ta - tb) / 1000;
      return apart <= CLOCK_TOLERANCE_S ? { equal: false, clockSeconds: apart } : { equal: false };
    }
    const ja = canonicalJson(sqlite);
    if (ja !== null && ja === canonicalJson(postgres)) return { equal: true, rule: 'json' };
  }
  const na = asNumber(sqlite);
  const nb = asNumber(postgres);
  if (na !== null && nb !== null && na === nb) return { equal: true, rule: 'numericText' };
  return { equal: false };
}

/**
 * A string that is the same for values `compareValues` calls equal to the second (used to match
 * rows by key and to compare rows as multisets). Clock-tolerant equality is not transitive, so it
 * is not part of the key.
 */
function canonicalValue(v: Value): string {
  if (v === null) return 'N';
  if (typeof v === 'boolean') return v ? '#1' : '#0';
  if (typeof v === 'number') return `#${v}`;
  if (isReal(v)) return `#${v.real}`;
  if (typeof v === 'object') return `x${v.blob}`;
  if (NUMERIC_TEXT.test(v.trim())) return `#${Number(v)}`;
  const ts = parseTimestamp(v);
  if (ts !== null) return `@${Math.floor(ts / 1000)}`;
  const json = canonicalJson(v);
  if (json !== null) return `j${json}`;
  return `$${v}`;
}

/** The canonical string of a row (or of some of its cells). */
export function canonicalRow(values: readonly Value[]): string {
  return JSON.stringify(values.map(canonicalValue));
}

/** A short SQL-like rendering of a value for sentences: 'text', 12, true, NULL, x'00ff'. */
export function formatValue(v: Value): string {
  if (v === null) return 'NULL';
  if (isReal(v)) return realDisplay(v);
  if (typeof v === 'object') return `x'${v.blob.length > 16 ? `${v.blob.slice(0, 16)}…` : v.blob}'`;
  if (typeof v === 'string') return `'${v.length > 40 ? `${v.slice(0, 40)}…` : v}'`;
  return String(v);
}

/** What each rule means, in one sentence, for the normalisation notes. */
export const RULE_EXPLANATION: Record<NormalisationRule, string> = {
  boolean: 'booleans: SQLite stores 1/0 where PostgreSQL has true/false; compared as equal',
  numericText:
    'numbers: PostgreSQL returns numeric (and very large bigint) values as text, SQLite as numbers; compared by numeric value',
  timestamp:
    'timestamps: SQLite keeps UTC text to the second, PostgreSQL a timestamptz with microseconds; compared in UTC, to the second',
  json: 'JSON: PostgreSQL jsonb re-formats and re-orders keys; compared as parsed JSON',
};
