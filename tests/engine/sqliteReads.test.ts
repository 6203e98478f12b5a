/**
 * Reading SQLite rows without sql.js' BigInt mode (sqliteSchema.ts, valueReader): the fast path is
 * found in the sql.js this project installs (its production build and its readable debug build),
 * and it reads every storage class as BigInt mode plus normalising does, on the real engine.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { findCellReads, realTextOf, registerRawCells, valueReader } from '../../src/engine/sqliteSchema';
import { BIGINT, normalizeSqliteRow } from '../../src/engine/values';

const SQL = await initSqlJs();
const db = new SQL.Database();
const proto = Object.getPrototypeOf(db.prepare('SELECT 1')) as object;

describe('reading SQLite values', () => {
  it("finds where the installed sql.js' get reads each storage class", () => {
    expect(findCellReads(proto)).not.toBeNull();
  });

  it('finds them in the readable debug build too, by their public names', async () => {
    const require = createRequire(import.meta.url);
    const src = await readFile(require.resolve('sql.js/dist/sql-wasm-debug.js'), 'utf8');
    const start = src.indexOf('Statement.prototype.get = function get');
    const body = src.slice(start + 'Statement.prototype.get = '.length, src.indexOf('\n    };', start) + 6);
    const fn = () => undefined;
    // A stand-in prototype: only the source text of `get` and the presence of the named methods matter.
    const get = Object.assign(() => undefined, { toString: () => body });
    const fake = { get, getBigInt: fn, getNumber: fn, getString: fn, getBlob: fn };
    expect(findCellReads(fake)).toEqual({
      bigint: 'getBigInt',
      number: 'getNumber',
      string: 'getString',
      blob: 'getBlob',
      statement: 'stmt',
    });
  });

  it('gives the same values as BigInt mode plus normalising, for every storage class and edge, both ways', () => {
    db.run(`CREATE TABLE v (a, b);
INSERT INTO v VALUES (0, 0.0), (-0.0, 2.0), (9007199254740991, 9007199254740992), (9007199254740993, -9007199254740993),
  (9223372036854775807, -9223372036854775808), (1e300, -1.5e-300), ('text', 'ünïcödé ✓'), (x'00ff10', x''), (NULL, 0.1),
  (1e20, 123456789012345678), (2.5, -7), ('a' || char(0) || 'b', CAST(x'ff41' AS TEXT)), (0.1 + 0.2, ''),
  (-9007199254740992, 4.9e-324);`);
    const sql = 'SELECT a, b, typeof(a), typeof(b), rowid FROM v ORDER BY rowid';
    // sql.js' types omit get's second argument (its options, here BigInt mode).
    const slow = db.prepare(sql) as unknown as {
      step: () => boolean;
      get: (p: null, o: typeof BIGINT) => unknown[];
      free: () => void;
    };
    const expected: unknown[] = [];
    while (slow.step()) expected.push(normalizeSqliteRow(slow.get(null, BIGINT), realTextOf(db)));
    slow.free();
    const names = findCellReads(proto)!;
    const readAll = (): { rows: unknown[]; own: string[] } => {
      const st = db.prepare(sql);
      const read = valueReader(st, realTextOf(db));
      const rows: unknown[] = [];
      while (st.step()) rows.push(read());
      const own = Object.keys(st);
      st.free();
      return { rows, own };
    };
    // Through sql.js' get, with this statement's own cell reads.
    const viaGet = readAll();
    expect(viaGet.own).toContain(names.bigint);
    expect(viaGet.rows).toEqual(expected);
    // Through SQLite's column reads, once this sql.js instance is registered: get is not used.
    registerRawCells(SQL, db);
    const direct = readAll();
    expect(direct.own).not.toContain(names.bigint);
    expect(direct.rows).toEqual(expected);
    expect(direct.rows[3]).toEqual(['9007199254740993', '-9007199254740993', 'integer', 'integer', 4]);
    expect(direct.rows[1]).toEqual([{ real: -0 }, { real: 2 }, 'real', 'real', 2]);
    expect(direct.rows[11]).toEqual(['a\u0000b', '\ufffdA', 'text', 'text', 12]);
  });
});
