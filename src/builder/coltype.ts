/**
 * How a column's declared type shapes the literals the builder writes for its cells.
 * The cell text stays what the person typed; only the SQL rendering depends on the type.
 */
import type { ColumnInfo, Dialect } from '../engine/types';
import { blobLiteral, booleanLiteral, isNumericText, parseBoolean, parseHex, quoteString, utf8Hex } from './quote';

/** A grid cell: the typed text, or null for SQL NULL (distinct from the empty string). */
export type Cell = string | null;

/** The literal family a column's values are written in. */
export type ValueKind = 'integer' | 'real' | 'boolean' | 'blob' | 'text' | 'untyped';

/**
 * Classifies a declared type. SQLite follows its affinity rules (sqlite.org/datatype3.html §3.1)
 * refined for BOOLEAN and dates; Postgres follows the type names `format_type` prints.
 */
export function valueKind(type: string, dialect: Dialect): ValueKind {
  const t = type.trim().toLowerCase();
  if (t.endsWith(']')) return 'text'; // arrays: written as their text form ('{1,2}')
  if (dialect === 'sqlite') {
    if (t === '') return 'untyped';
    if (t.includes('int')) return 'integer';
    if (/char|clob|text/.test(t)) return 'text';
    if (t.includes('blob')) return 'blob';
    if (/real|floa|doub/.test(t)) return 'real';
    if (t.startsWith('bool')) return 'boolean';
    if (/date|time/.test(t)) return 'text';
    return 'untyped'; // NUMERIC affinity: numbers when they parse, else text
  }
  if (/^(smallint|integer|bigint|int[248]?|smallserial|serial[248]?|bigserial)\b/.test(t)) return 'integer';
  if (/^(numeric|decimal|real|double precision|float[48]?)\b/.test(t)) return 'real';
  if (t === 'boolean' || t === 'bool') return 'boolean';
  if (t === 'bytea') return 'blob';
  return 'text';
}

/** A rendered literal, with a note when the cell did not fit the column type. */
export interface Literal {
  sql: string;
  warning?: string;
}

/** Renders one cell as a SQL literal for the column, typed from the column's declared type. */
export function cellLiteral(cell: Cell, column: ColumnInfo, dialect: Dialect): Literal {
  if (cell === null) return { sql: 'NULL' };
  const kind = valueKind(column.type, dialect);
  const trimmed = cell.trim();
  switch (kind) {
    case 'integer':
    case 'real':
      if (isNumericText(trimmed)) return { sql: trimmed };
      return {
        sql: quoteString(cell),
        warning: `${JSON.stringify(cell)} in ${column.name} (${column.type}) is not a number; it is written as text`,
      };
    case 'untyped':
      return isNumericText(trimmed) ? { sql: trimmed } : { sql: quoteString(cell) };
    case 'boolean': {
      const b = parseBoolean(cell);
      if (b !== null) return { sql: booleanLiteral(b, dialect) };
      return {
        sql: quoteString(cell),
        warning: `${JSON.stringify(cell)} in ${column.name} is not a boolean (true/false, t/f, yes/no, 1/0)`,
      };
    }
    case 'blob': {
      const hex = parseHex(cell);
      if (hex !== null) return { sql: blobLiteral(hex, dialect) };
      return {
        sql: blobLiteral(utf8Hex(cell), dialect),
        warning: `${JSON.stringify(cell)} in ${column.name} is not hex; its UTF-8 bytes are used`,
      };
    }
    case 'text':
      return { sql: quoteString(cell) };
  }
}

/**
 * True when a Postgres column needs an explicit cast in a VALUES list used as a source
 * (MERGE … USING (VALUES …)): there, quoted literals resolve to text, not to the column type.
 */
export function needsCast(column: ColumnInfo, dialect: Dialect): boolean {
  if (dialect !== 'postgres') return false;
  const t = column.type.trim().toLowerCase();
  return !(t === 'text' || t.startsWith('character varying') || t.startsWith('varchar'));
}
