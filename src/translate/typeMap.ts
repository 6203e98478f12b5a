/**
 * Column type names between SQLite and PostgreSQL. SQLite has five storage classes and accepts
 * almost any type name; PostgreSQL needs real types. The mapping follows what the data will hold:
 * INTEGER ↔ integer, TEXT ↔ text, REAL ↔ double precision, BLOB ↔ bytea, boolean → INTEGER (0/1),
 * timestamptz → TEXT ('YYYY-MM-DD HH:MM:SS', UTC).
 */
import type { Dialect } from '../engine/types';
import type { CstNode } from './sqlSource';

type AnyNode = CstNode & Record<string, unknown>;

/** A data type node reduced to its parts. */
export interface DataTypeInfo {
  /** Upper-case base name, words joined by one space; TIMESTAMPTZ for `timestamp with time zone`. */
  base: string;
  /** Source text of a modifier list like `(10,2)`, or null. */
  modifiers: CstNode | null;
  array: boolean;
  /** When only some words of the node are the type (the rest being `GENERATED ALWAYS`): those words. */
  words?: CstNode[];
}

function keywordNames(node: unknown): string {
  const n = node as AnyNode | AnyNode[] | undefined;
  if (!n) return '';
  if (Array.isArray(n)) return n.map(keywordNames).join(' ');
  if (n.type === 'keyword' || n.type === 'identifier') return String(n.name).toUpperCase();
  return '';
}

/** Reduce a data type node (absent for an untyped SQLite column) to base name, modifiers and array-ness. */
export function dataTypeInfo(node: CstNode | undefined): DataTypeInfo {
  const n = node as AnyNode | undefined;
  if (!n) return { base: '', modifiers: null, array: false };
  switch (n.type) {
    case 'data_type_name': {
      // SQLite type names may run into `GENERATED ALWAYS` (the parser reads them as type words).
      const words = Array.isArray(n.name) ? (n.name as AnyNode[]) : [n.name as AnyNode];
      const cut = words.findIndex((w) => String(w.name).toUpperCase() === 'GENERATED');
      const kept = cut > 0 ? words.slice(0, cut) : words;
      return { base: keywordNames(kept), modifiers: null, array: false, ...(cut > 0 ? { words: kept } : {}) };
    }
    case 'identifier':
      return { base: String(n.name).toUpperCase(), modifiers: null, array: false };
    case 'modified_data_type':
      return { ...dataTypeInfo(n.dataType), modifiers: n.modifiers as CstNode };
    case 'time_data_type': {
      const base = keywordNames(n.timeKw);
      const withZone = keywordNames(n.timeZoneKw).startsWith('WITH ');
      return { base: withZone ? `${base}TZ` : base, modifiers: null, array: false };
    }
    case 'array_data_type':
      return { ...dataTypeInfo(n.dataType), array: true };
    default:
      return { base: keywordNames((n as AnyNode).name) || n.type.toUpperCase(), modifiers: null, array: false };
  }
}

/** A mapped type: the target text, whether modifiers carry over, and a note for the change list. */
export interface MappedType {
  text: string;
  keepModifiers: boolean;
  note?: string;
  /** Set when the target cannot express the type faithfully (reported as a problem). */
  problem?: string;
}

const TO_SQLITE: Record<string, MappedType> = {
  SMALLINT: { text: 'INTEGER', keepModifiers: false },
  INT2: { text: 'INTEGER', keepModifiers: false },
  INT: { text: 'INTEGER', keepModifiers: false },
  INT4: { text: 'INTEGER', keepModifiers: false },
  INTEGER: { text: 'INTEGER', keepModifiers: false },
  BIGINT: { text: 'INTEGER', keepModifiers: false },
  INT8: { text: 'INTEGER', keepModifiers: false },
  SMALLSERIAL: { text: 'INTEGER', keepModifiers: false },
  SERIAL: { text: 'INTEGER', keepModifiers: false },
  SERIAL4: { text: 'INTEGER', keepModifiers: false },
  BIGSERIAL: { text: 'INTEGER', keepModifiers: false },
  SERIAL8: { text: 'INTEGER', keepModifiers: false },
  TEXT: { text: 'TEXT', keepModifiers: false },
  VARCHAR: { text: 'TEXT', keepModifiers: false, note: 'SQLite does not enforce the length' },
  'CHARACTER VARYING': { text: 'TEXT', keepModifiers: false, note: 'SQLite does not enforce the length' },
  CHAR: { text: 'TEXT', keepModifiers: false, note: 'SQLite neither pads nor enforces the length' },
  CHARACTER: { text: 'TEXT', keepModifiers: false, note: 'SQLite neither pads nor enforces the length' },
  CITEXT: { text: 'TEXT COLLATE NOCASE', keepModifiers: false, note: 'NOCASE folds ASCII letters only' },
  UUID: { text: 'TEXT', keepModifiers: false },
  JSON: { text: 'TEXT', keepModifiers: false, note: 'JSON is stored as text' },
  JSONB: { text: 'TEXT', keepModifiers: false, note: 'JSON is stored as text, not re-formatted like jsonb' },
  REAL: { text: 'REAL', keepModifiers: false, note: 'SQLite REAL is 8-byte; PostgreSQL real is 4-byte' },
  FLOAT4: { text: 'REAL', keepModifiers: false, note: 'SQLite REAL is 8-byte; float4 is 4-byte' },
  FLOAT8: { text: 'REAL', keepModifiers: false },
  FLOAT: { text: 'REAL', keepModifiers: false },
  'DOUBLE PRECISION': { text: 'REAL', keepModifiers: false },
  NUMERIC: {
    text: 'NUMERIC',
    keepModifiers: true,
    note: 'SQLite stores numeric values as integers or 8-byte floats, not exact decimals',
  },
  DECIMAL: {
    text: 'NUMERIC',
    keepModifiers: true,
    note: 'SQLite stores numeric values as integers or 8-byte floats, not exact decimals',
  },
  BOOLEAN: { text: 'INTEGER', keepModifiers: false, note: 'SQLite has no boolean type: true/false are stored as 1/0' },
  BOOL: { text: 'INTEGER', keepModifiers: false, note: 'SQLite has no boolean type: true/false are stored as 1/0' },
  BYTEA: { text: 'BLOB', keepModifiers: false },
  TIMESTAMPTZ: {
    text: 'TEXT',
    keepModifiers: false,
    note: "SQLite keeps timestamps as text 'YYYY-MM-DD HH:MM:SS' in UTC, to the second",
  },
  TIMESTAMP: {
    text: 'TEXT',
    keepModifiers: false,
    note: "SQLite keeps timestamps as text 'YYYY-MM-DD HH:MM:SS', to the second",
  },
  DATE: { text: 'TEXT', keepModifiers: false, note: "SQLite keeps dates as text 'YYYY-MM-DD'" },
  TIME: { text: 'TEXT', keepModifiers: false, note: 'SQLite keeps times as text' },
  TIMETZ: { text: 'TEXT', keepModifiers: false, note: 'SQLite keeps times as text' },
  INTERVAL: {
    text: 'TEXT',
    keepModifiers: false,
    problem: 'SQLite has no interval type; interval arithmetic will not work',
  },
};

const TO_POSTGRES: Record<string, MappedType> = {
  INTEGER: { text: 'integer', keepModifiers: false },
  INT: { text: 'integer', keepModifiers: false },
  TINYINT: { text: 'smallint', keepModifiers: false },
  SMALLINT: { text: 'smallint', keepModifiers: false },
  MEDIUMINT: { text: 'integer', keepModifiers: false },
  BIGINT: { text: 'bigint', keepModifiers: false },
  INT8: { text: 'bigint', keepModifiers: false },
  TEXT: { text: 'text', keepModifiers: false },
  CLOB: { text: 'text', keepModifiers: false },
  VARCHAR: { text: 'varchar', keepModifiers: true, note: 'PostgreSQL enforces the length, SQLite does not' },
  'CHARACTER VARYING': {
    text: 'varchar',
    keepModifiers: true,
    note: 'PostgreSQL enforces the length, SQLite does not',
  },
  CHAR: { text: 'char', keepModifiers: true, note: 'PostgreSQL pads and enforces the length, SQLite does not' },
  CHARACTER: { text: 'char', keepModifiers: true, note: 'PostgreSQL pads and enforces the length, SQLite does not' },
  REAL: { text: 'double precision', keepModifiers: false },
  DOUBLE: { text: 'double precision', keepModifiers: false },
  'DOUBLE PRECISION': { text: 'double precision', keepModifiers: false },
  FLOAT: { text: 'double precision', keepModifiers: false },
  NUMERIC: { text: 'numeric', keepModifiers: true, note: 'PostgreSQL numeric is an exact decimal' },
  DECIMAL: { text: 'numeric', keepModifiers: true, note: 'PostgreSQL numeric is an exact decimal' },
  BLOB: { text: 'bytea', keepModifiers: false },
  BOOLEAN: { text: 'boolean', keepModifiers: false, note: 'PostgreSQL booleans are true/false, not 1/0' },
  BOOL: { text: 'boolean', keepModifiers: false, note: 'PostgreSQL booleans are true/false, not 1/0' },
  DATETIME: {
    text: 'timestamptz',
    keepModifiers: false,
    note: 'a real timestamp type: values keep microseconds and a time zone',
  },
  TIMESTAMP: {
    text: 'timestamptz',
    keepModifiers: false,
    note: 'a real timestamp type: values keep microseconds and a time zone',
  },
  DATE: { text: 'date', keepModifiers: false },
  JSON: { text: 'jsonb', keepModifiers: false, note: 'jsonb re-formats JSON and rejects invalid JSON' },
  ANY: {
    text: 'text',
    keepModifiers: false,
    problem: 'a STRICT table ANY column holds any type; PostgreSQL needs one type (text chosen)',
  },
};

/** Map a source type to the target dialect; unknown names are kept and flagged. */
export function mapType(info: DataTypeInfo, to: Dialect): MappedType {
  if (info.array) {
    return to === 'sqlite'
      ? {
          text: 'TEXT',
          keepModifiers: false,
          problem: 'SQLite has no array types; the column becomes TEXT and array operators will not work',
        }
      : { text: info.base.toLowerCase(), keepModifiers: false };
  }
  if (to === 'postgres' && info.base === '') {
    return {
      text: 'text',
      keepModifiers: false,
      note: 'an untyped SQLite column holds any type; PostgreSQL needs one (text chosen)',
    };
  }
  const table = to === 'sqlite' ? TO_SQLITE : TO_POSTGRES;
  const known = table[info.base];
  if (known) return known;
  return {
    text: to === 'sqlite' ? info.base : info.base.toLowerCase(),
    keepModifiers: true,
    problem: `type ${info.base} has no known ${to === 'sqlite' ? 'SQLite' : 'PostgreSQL'} equivalent; kept as written`,
  };
}
