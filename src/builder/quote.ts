/**
 * Identifier quoting and literal escaping per dialect. Pure functions, no engine imports.
 * Identifiers are left bare only when both engines would read them back exactly as written:
 * lower-case ASCII letters, digits and underscores, not starting with a digit, and not a keyword.
 */
import type { Dialect } from '../engine/types';

/**
 * Every keyword SQLite knows (the 147 of sqlite.org/lang_keywords.html, as of 3.4x/3.5x).
 * SQLite accepts many of them as bare identifiers through its fallback rules, but its own
 * documentation advises quoting every one, so we do.
 */
export const SQLITE_KEYWORDS: ReadonlySet<string> = new Set(
  (
    'ABORT ACTION ADD AFTER ALL ALTER ALWAYS ANALYZE AND AS ASC ATTACH AUTOINCREMENT BEFORE BEGIN ' +
    'BETWEEN BY CASCADE CASE CAST CHECK COLLATE COLUMN COMMIT CONFLICT CONSTRAINT CREATE CROSS ' +
    'CURRENT CURRENT_DATE CURRENT_TIME CURRENT_TIMESTAMP DATABASE DEFAULT DEFERRABLE DEFERRED ' +
    'DELETE DESC DETACH DISTINCT DO DROP EACH ELSE END ESCAPE EXCEPT EXCLUDE EXCLUSIVE EXISTS ' +
    'EXPLAIN FAIL FILTER FIRST FOLLOWING FOR FOREIGN FROM FULL GENERATED GLOB GROUP GROUPS HAVING ' +
    'IF IGNORE IMMEDIATE IN INDEX INDEXED INITIALLY INNER INSERT INSTEAD INTERSECT INTO IS ISNULL ' +
    'JOIN KEY LAST LEFT LIKE LIMIT MATCH MATERIALIZED NATURAL NO NOT NOTHING NOTNULL NULL NULLS OF ' +
    'OFFSET ON OR ORDER OTHERS OUTER OVER PARTITION PLAN PRAGMA PRECEDING PRIMARY QUERY RAISE RANGE ' +
    'RECURSIVE REFERENCES REGEXP REINDEX RELEASE RENAME REPLACE RESTRICT RETURNING RIGHT ROLLBACK ' +
    'ROW ROWS SAVEPOINT SELECT SET TABLE TEMP TEMPORARY THEN TIES TO TRANSACTION TRIGGER UNBOUNDED ' +
    'UNION UNIQUE UPDATE USING VACUUM VALUES VIEW VIRTUAL WHEN WHERE WINDOW WITH WITHOUT'
  )
    .toLowerCase()
    .split(' '),
);

/**
 * PostgreSQL 18 keywords that `quote_ident` quotes: every category except "unreserved"
 * (reserved, type/function-name and column-name keywords), from `pg_get_keywords()`.
 */
export const POSTGRES_KEYWORDS: ReadonlySet<string> = new Set(
  (
    'all analyse analyze and any array as asc asymmetric authorization between bigint binary bit ' +
    'boolean both case cast char character check coalesce collate collation column concurrently ' +
    'constraint create cross current_catalog current_date current_role current_schema current_time ' +
    'current_timestamp current_user dec decimal default deferrable desc distinct do else end except ' +
    'exists extract false fetch float for foreign freeze from full grant greatest group grouping ' +
    'having ilike in initially inner inout int integer intersect interval into is isnull join json ' +
    'json_array json_arrayagg json_exists json_object json_objectagg json_query json_scalar ' +
    'json_serialize json_table json_value lateral leading least left like limit localtime ' +
    'localtimestamp merge_action national natural nchar none normalize not notnull null nullif ' +
    'numeric offset on only or order out outer overlaps overlay placing position precision primary ' +
    'real references returning right row select session_user setof similar smallint some substring ' +
    'symmetric system_user table tablesample then time timestamp to trailing treat trim true union ' +
    'unique user using values varchar variadic verbose when where window with xmlattributes ' +
    'xmlconcat xmlelement xmlexists xmlforest xmlnamespaces xmlparse xmlpi xmlroot xmlserialize ' +
    'xmltable'
  ).split(' '),
);

/** Words that are not keywords but read as literals in SQLite (`true`/`false`) and so stay quoted. */
const SQLITE_LITERAL_WORDS = new Set(['true', 'false']);

/** True when `name` is a keyword of the dialect (case-insensitive). */
export function isKeyword(name: string, dialect: Dialect): boolean {
  const lower = name.toLowerCase();
  return dialect === 'sqlite'
    ? SQLITE_KEYWORDS.has(lower) || SQLITE_LITERAL_WORDS.has(lower)
    : POSTGRES_KEYWORDS.has(lower);
}

/** Quotes an identifier when it needs quoting in the dialect (both use double quotes, doubled inside). */
export function quoteIdent(name: string, dialect: Dialect): string {
  if (/^[a-z_][a-z0-9_]*$/.test(name) && !isKeyword(name, dialect)) return name;
  return `"${name.replaceAll('"', '""')}"`;
}

/** Quotes a possibly schema-qualified table reference; `main`/`public` schemas are left out. */
export function quoteTable(schema: string, name: string, dialect: Dialect): string {
  const bare = quoteIdent(name, dialect);
  const implicit = dialect === 'sqlite' ? schema === 'main' || schema === '' : schema === 'public' || schema === '';
  return implicit ? bare : `${quoteIdent(schema, dialect)}.${bare}`;
}

/** A string literal: single quotes doubled. Both engines treat backslashes literally. */
export function quoteString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** A blob literal from lower-case hex: X'..' in SQLite, '\x..'::bytea in Postgres. */
export function blobLiteral(hex: string, dialect: Dialect): string {
  return dialect === 'sqlite' ? `X'${hex}'` : `'\\x${hex}'::bytea`;
}

/** A boolean literal: SQLite has no boolean type and stores 1/0 (its TRUE can resolve to a column named "true"). */
export function booleanLiteral(value: boolean, dialect: Dialect): string {
  if (dialect === 'sqlite') return value ? '1' : '0';
  return value ? 'TRUE' : 'FALSE';
}

/** True when text is a plain decimal number literal SQL reads as a number. */
export function isNumericText(text: string): boolean {
  return /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(text.trim());
}

/** Parses boolean spellings people paste (true/false, t/f, yes/no, y/n, on/off, 1/0); null if none. */
export function parseBoolean(text: string): boolean | null {
  const t = text.trim().toLowerCase();
  if (['true', 't', 'yes', 'y', 'on', '1'].includes(t)) return true;
  if (['false', 'f', 'no', 'n', 'off', '0'].includes(t)) return false;
  return null;
}

/** Normalises blob input (hex, optionally prefixed by 0x, \x or wrapped as X'..') to lower-case hex, else null. */
export function parseHex(text: string): string | null {
  let t = text.trim();
  const wrapped = /^[xX]'([0-9a-fA-F]*)'$/.exec(t);
  if (wrapped) t = wrapped[1] ?? '';
  else if (/^(0x|\\x)/i.test(t)) t = t.slice(2);
  if (!/^[0-9a-fA-F]*$/.test(t) || t.length % 2 !== 0) return null;
  return t.toLowerCase();
}

/** UTF-8 bytes of a text as lower-case hex (for blob cells that are not hex). */
export function utf8Hex(text: string): string {
  return Array.from(new TextEncoder().encode(text), (b) => b.toString(16).padStart(2, '0')).join('');
}
