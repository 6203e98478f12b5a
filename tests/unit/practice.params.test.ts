// Binding `:name` parameters: literals for every value kind; quoted text, comments, casts and
// dollar quotes left alone; unknown names reported.
import { describe, expect, it } from 'vitest';
import { bindParams, sqlLiteral } from '../../src/practice/params';

describe('bindParams', () => {
  it('replaces parameters by literals', () => {
    expect(bindParams('VALUES (:a, :b, :c, :d)', { a: "O'Brien", b: 3, c: null, d: true })).toEqual({
      ok: true,
      sql: "VALUES ('O''Brien', 3, NULL, TRUE)",
    });
  });
  it('leaves quoted text, comments, casts and dollar quotes alone', () => {
    const sql = 'SELECT \':a\', ":a", x::int, $$ :a $$ -- :a\n/* :a */ , :a';
    expect(bindParams(sql, { a: 1 })).toEqual({
      ok: true,
      sql: 'SELECT \':a\', ":a", x::int, $$ :a $$ -- :a\n/* :a */ , 1',
    });
  });
  it('reports unknown parameters once each', () => {
    expect(bindParams('VALUES (:emial, :emial, :name)', { name: 'x' })).toEqual({ ok: false, unknown: ['emial'] });
  });
  it('writes blobs as hex literals', () => {
    expect(sqlLiteral({ blob: 'ff00' })).toBe("X'ff00'");
  });
});
