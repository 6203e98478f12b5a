/**
 * Python literals for the generated SQLAlchemy code: row values typed like the SQL literals,
 * bound text() parameters, and triple-quoted SQL.
 */
import type { ColumnInfo, Dialect } from '../engine/types';
import { isNumericText, parseBoolean, parseHex, utf8Hex } from './quote';
import { type Cell, valueKind } from './coltype';
import { pyStr } from './satable';

/**
 * Python value for a bound text() parameter. No SQLAlchemy type applies to it, so values stay
 * what the driver binds directly: exact numbers as int, or as text for NUMERIC (sqlite3 cannot
 * bind Decimal; both engines convert the text), dates as ISO text like the SQL literals.
 */
export function pyBindValue(cell: Cell, col: ColumnInfo, dialect: Dialect): string {
  if (cell === null) return 'None';
  const kind = valueKind(col.type, dialect);
  const trimmed = cell.trim();
  if ((kind === 'integer' || kind === 'real' || kind === 'untyped') && isNumericText(trimmed)) {
    if (/numeric|decimal/i.test(col.type)) return pyStr(trimmed);
    return /^[+-]?\d+$/.test(trimmed) ? String(BigInt(trimmed)) : trimmed;
  }
  if (kind === 'boolean') {
    const b = parseBoolean(cell);
    if (b !== null) return b ? 'True' : 'False';
  }
  if (kind === 'blob') return `bytes.fromhex(${pyStr(parseHex(cell) ?? utf8Hex(cell))})`;
  return pyStr(cell);
}

/** A triple-quoted Python string for multi-line SQL. */
export function pyBlock(text: string): string {
  const body = text.replaceAll('\\', '\\\\').replaceAll('"""', '\\"\\"\\"').replace(/"$/, '\\"');
  return `"""\n${body}"""`;
}

/** Python literal for one cell, typed like the SQL literal (dates become datetime objects where SQLAlchemy types them). */
export function pyValue(cell: Cell, col: ColumnInfo, dialect: Dialect): string {
  if (cell === null) return 'None';
  const t = col.type.toLowerCase();
  const kind = valueKind(col.type, dialect);
  const trimmed = cell.trim();
  if ((kind === 'integer' || kind === 'real' || kind === 'untyped') && isNumericText(trimmed)) {
    if (/numeric|decimal/.test(t)) return `Decimal(${pyStr(trimmed)})`;
    // Python rejects leading zeros in integer literals (007) but not in floats.
    if (/^[+-]?\d+$/.test(trimmed)) return String(BigInt(trimmed));
    return trimmed;
  }
  if (kind === 'boolean') {
    const b = parseBoolean(cell);
    if (b !== null) return b ? 'True' : 'False';
  }
  if (kind === 'blob') return `bytes.fromhex(${pyStr(parseHex(cell) ?? utf8Hex(cell))})`;
  if (dialect === 'postgres') {
    if (t === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return `datetime.date.fromisoformat(${pyStr(trimmed)})`;
    if (
      t.startsWith('timestamp') &&
      /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}(:?\d{2})?|Z)?$/.test(trimmed)
    )
      return `datetime.datetime.fromisoformat(${pyStr(trimmed.replace(/Z$/, '+00:00'))})`;
  }
  return pyStr(cell);
}
