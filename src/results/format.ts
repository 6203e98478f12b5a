/** Formatting of values, durations and counts for the results view. Pure. */
import type { Value } from '../engine/types';

/** Display text of a cell value (NULL, empty string and blobs told apart from plain text). */
export function valueText(v: Value): string {
  if (v === null) return 'NULL';
  if (typeof v === 'object') return `x'${v.blob.length > 64 ? `${v.blob.slice(0, 64)}…` : v.blob}'`;
  if (v === '') return "''";
  return String(v);
}

/** CSS class for a value's kind (NULL, number, empty text, …). */
export function valueClass(v: Value): string {
  if (v === null) return 'v-null';
  if (typeof v === 'number') return 'v-num';
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

/** "1 row" / "3 rows". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}
