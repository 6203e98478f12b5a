// Identifier quoting and literal escaping per dialect, and the SQL tokenizer's rewrites.
import { describe, expect, test } from 'vitest';
import {
  POSTGRES_KEYWORDS,
  SQLITE_KEYWORDS,
  blobLiteral,
  booleanLiteral,
  isKeyword,
  parseBoolean,
  parseHex,
  quoteIdent,
  quoteString,
  quoteTable,
  utf8Hex,
} from '../../src/builder/quote';
import { cellLiteral, needsCast, valueKind } from '../../src/builder/coltype';
import { qualifyColumns, replaceColumns, substituteExcluded } from '../../src/builder/columnRefs';
import type { ColumnInfo } from '../../src/engine/types';

const col = (name: string, type: string): ColumnInfo => ({
  name,
  type,
  notNull: false,
  defaultExpr: null,
  generated: false,
  identity: false,
});

describe('quoteIdent', () => {
  test('plain lower-case names stay bare in both dialects', () => {
    for (const d of ['sqlite', 'postgres'] as const) {
      expect(quoteIdent('users', d)).toBe('users');
      expect(quoteIdent('created_at2', d)).toBe('created_at2');
      expect(quoteIdent('_x', d)).toBe('_x');
    }
  });
  test('mixed case, spaces, quotes, leading digits, unicode and punctuation are quoted', () => {
    for (const d of ['sqlite', 'postgres'] as const) {
      expect(quoteIdent('Users', d)).toBe('"Users"');
      expect(quoteIdent('order items', d)).toBe('"order items"');
      expect(quoteIdent('a"b', d)).toBe('"a""b"');
      expect(quoteIdent('1st', d)).toBe('"1st"');
      expect(quoteIdent('naïve', d)).toBe('"naïve"');
      expect(quoteIdent('x;--', d)).toBe('"x;--"');
      expect(quoteIdent('', d)).toBe('""');
    }
  });
  test('keywords are quoted per dialect', () => {
    expect(quoteIdent('select', 'sqlite')).toBe('"select"');
    expect(quoteIdent('select', 'postgres')).toBe('"select"');
    // "user" is reserved in Postgres but not a SQLite keyword; "abort" the other way round.
    expect(quoteIdent('user', 'postgres')).toBe('"user"');
    expect(quoteIdent('user', 'sqlite')).toBe('user');
    expect(quoteIdent('abort', 'sqlite')).toBe('"abort"');
    expect(quoteIdent('abort', 'postgres')).toBe('abort');
    // SQLite reads a bare true/false as a column of that name when one exists.
    expect(quoteIdent('true', 'sqlite')).toBe('"true"');
    expect(isKeyword('EXCLUDE', 'sqlite')).toBe(true);
  });
  test('the keyword lists are complete for their versions', () => {
    expect(SQLITE_KEYWORDS.size).toBe(147);
    // pg_get_keywords() of PostgreSQL 18 minus the unreserved category.
    expect(POSTGRES_KEYWORDS.size).toBe(164); // checked against PGlite in tests/engine/builderQuoting.test.ts
    expect(POSTGRES_KEYWORDS.has('merge_action')).toBe(true);
  });
  test('tables are schema-qualified only outside main/public', () => {
    expect(quoteTable('main', 'T', 'sqlite')).toBe('"T"');
    expect(quoteTable('temp', 't', 'sqlite')).toBe('"temp".t'); // TEMP is a SQLite keyword
    expect(quoteTable('public', 'order', 'postgres')).toBe('"order"');
    expect(quoteTable('Sales', 'x', 'postgres')).toBe('"Sales".x');
  });
});

describe('literals', () => {
  test('strings double their quotes and keep backslashes', () => {
    expect(quoteString("it's")).toBe("'it''s'");
    expect(quoteString('a\\nb')).toBe("'a\\nb'");
    expect(quoteString("'; DROP TABLE t; --")).toBe("'''; DROP TABLE t; --'");
  });
  test('blobs and booleans per dialect', () => {
    expect(blobLiteral('0aff', 'sqlite')).toBe("X'0aff'");
    expect(blobLiteral('0aff', 'postgres')).toBe("'\\x0aff'::bytea");
    expect(booleanLiteral(true, 'sqlite')).toBe('1');
    expect(booleanLiteral(false, 'postgres')).toBe('FALSE');
    expect(parseBoolean(' Yes ')).toBe(true);
    expect(parseBoolean('f')).toBe(false);
    expect(parseBoolean('maybe')).toBeNull();
    expect(parseHex("X'0AfF'")).toBe('0aff');
    expect(parseHex('\\x00')).toBe('00');
    expect(parseHex('0x1')).toBeNull();
    expect(utf8Hex('é')).toBe('c3a9');
  });
  test('cells are typed from the column type', () => {
    expect(cellLiteral(null, col('n', 'integer'), 'sqlite').sql).toBe('NULL');
    expect(cellLiteral(' 42 ', col('n', 'integer'), 'postgres').sql).toBe('42');
    expect(cellLiteral('-1.5e3', col('n', 'double precision'), 'postgres').sql).toBe('-1.5e3');
    const bad = cellLiteral('abc', col('n', 'bigint'), 'postgres');
    expect(bad.sql).toBe("'abc'");
    expect(bad.warning).toMatch(/not a number/);
    expect(cellLiteral('007', col('zip', 'text'), 'sqlite').sql).toBe("'007'");
    expect(cellLiteral('', col('s', 'varchar(3)'), 'postgres').sql).toBe("''");
    expect(cellLiteral('12', col('u', ''), 'sqlite').sql).toBe('12');
    expect(cellLiteral('twelve', col('u', ''), 'sqlite').sql).toBe("'twelve'");
    expect(cellLiteral('true', col('b', 'boolean'), 'postgres').sql).toBe('TRUE');
    expect(cellLiteral('no', col('b', 'BOOLEAN'), 'sqlite').sql).toBe('0');
    expect(cellLiteral('2024-02-29', col('d', 'date'), 'postgres').sql).toBe("'2024-02-29'");
    expect(cellLiteral('2024-02-29', col('d', 'DATE'), 'sqlite').sql).toBe("'2024-02-29'");
    expect(cellLiteral('0xCAFE', col('b', 'bytea'), 'postgres').sql).toBe("'\\xcafe'::bytea");
    const text = cellLiteral('hi', col('b', 'BLOB'), 'sqlite');
    expect(text.sql).toBe("X'6869'");
    expect(text.warning).toMatch(/UTF-8/);
    expect(cellLiteral('{1,2}', col('a', 'integer[]'), 'postgres').sql).toBe("'{1,2}'");
  });
  test('value kinds follow SQLite affinity and Postgres type names', () => {
    expect(valueKind('VARCHAR(10)', 'sqlite')).toBe('text');
    expect(valueKind('FLOATING POINT', 'sqlite')).toBe('integer'); // "POINT" contains INT: SQLite's own rule
    expect(valueKind('DECIMAL(10,2)', 'sqlite')).toBe('untyped');
    expect(valueKind('character varying(20)', 'postgres')).toBe('text');
    expect(valueKind('numeric(10,2)', 'postgres')).toBe('real');
    expect(valueKind('timestamp with time zone', 'postgres')).toBe('text');
    expect(needsCast(col('d', 'date'), 'postgres')).toBe(true);
    expect(needsCast(col('t', 'text'), 'postgres')).toBe(false);
    expect(needsCast(col('d', 'date'), 'sqlite')).toBe(false);
  });
});

describe('SQL text rewrites', () => {
  const cols = ['deleted', 'Email', 'text'];
  test('qualifies column references but not strings, functions, casts or qualified names', () => {
    expect(qualifyColumns('(deleted = 0)', cols, 't')).toBe('(t.deleted = 0)');
    expect(qualifyColumns(`deleted = 'deleted' AND x.deleted = 1`, cols, 't')).toBe(
      `t.deleted = 'deleted' AND x.deleted = 1`,
    );
    expect(qualifyColumns('"Email" IS NOT NULL AND email IS NULL', cols, 't')).toBe(
      't."Email" IS NOT NULL AND t.email IS NULL',
    );
    expect(qualifyColumns("deleted::text = '0'::text", cols, 't')).toBe("t.deleted::text = '0'::text");
    expect(qualifyColumns('text(deleted) -- deleted', cols, 't')).toBe('text(t.deleted) -- deleted');
  });
  test('quoted identifiers match exactly, bare ones case-insensitively', () => {
    expect(replaceColumns('"email" = EMAIL', cols, (c) => `<${c}>`)).toBe('"email" = <Email>');
  });
  test('replaces excluded references in custom expressions', () => {
    const rep = (name: string) => (name.toLowerCase() === 'n' ? '5' : null);
    expect(substituteExcluded('excluded.n + t.n', rep)).toBe('5 + t.n');
    expect(substituteExcluded('EXCLUDED . "n" * 2', rep)).toBe('5 * 2');
    expect(substituteExcluded(`'excluded.n' || excluded.m`, rep)).toBe(`'excluded.n' || excluded.m`);
    expect(substituteExcluded('t.excluded.n', rep)).toBe('t.excluded.n');
  });
});
