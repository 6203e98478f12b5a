/** Formatting of values, durations and counts for the results view. Pure. */
import type { Value } from '../engine/types';
import { isReal, realDisplay } from '../engine/values';

/** Display text of a cell value (NULL, empty string and blobs told apart from plain text). */
export function valueText(v: Value): string {
  if (v === null) return 'NULL';
  if (isReal(v)) return realDisplay(v);
  if (typeof v === 'object') return `x'${v.blob.length > 64 ? `${v.blob.slice(0, 64)}…` : v.blob}'`;
  if (v === '') return "''";
  return String(v);
}

/** CSS class for a value's kind (NULL, number, empty text, …). */
export function valueClass(v: Value): string {
  if (v === null) return 'v-null';
  if (typeof v === 'number' || isReal(v)) return 'v-num';
  if (typeof v === 'boolean') return 'v-bool';
  if (typeof v === 'object') return 'v-blob';
  return v === '' ? 'v-empty' : 'v-text';
}

/** A duration in ms, short. */
export function formatMs(ms: number): string {
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 100) return `${ms.toFixed(1)} ms`;
  if (ms < 10_000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

/**
 * A number with thousands separators, as `n.toLocaleString('en')` writes it ("1,234", "-12,345.679"),
 * without `Intl`: the first `toLocaleString` call loads ICU data, which costs tens of ms on the path
 * to the first result.
 */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return Number.isNaN(n) ? 'NaN' : n > 0 ? '∞' : '-∞';
  // Like toLocaleString: at most three fraction digits, trailing zeros dropped, the sign kept ("-0").
  const fixed = Math.abs(n).toFixed(3);
  const dot = fixed.indexOf('.');
  const whole = fixed.slice(0, dot);
  const fraction = fixed.slice(dot + 1).replace(/0+$/, '');
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  const negative = n < 0 || Object.is(n, -0);
  return `${negative ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/** "1 row" / "3 rows". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
