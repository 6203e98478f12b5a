/** Cell value helpers shared by both engines. */
import type { BlobValue, Value } from './types.ts';

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Bytes as a BlobValue (lower-case hex). */
export function blobOf(bytes: Uint8Array): BlobValue {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += HEX[bytes[i]!];
  return { blob: s };
}

/** Replace Uint8Array cells of a sql.js row by BlobValues, in place. */
export function normalizeSqliteRow(row: unknown[]): Value[] {
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (v !== null && typeof v === 'object') row[i] = blobOf(v as Uint8Array);
  }
  return row as Value[];
}

/** Quote an identifier for SQL text (both dialects use double quotes). */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Quote a string literal. */
export function quoteLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
