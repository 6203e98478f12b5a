/**
 * SQLite values reach the page exactly: 64-bit integers past 2^53 as their digits, REALs told apart
 * from INTEGERs and written as SQLite writes them, on the real engine (sql.js), in returned rows,
 * Before/After, the diff, the proposed rows, Compare and Markdown.
 */
import initSqlJs from 'sql.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareRuns } from '../../src/compare/differences';
import { compareValues } from '../../src/compare/values';
import { createPostgresEngine } from '../../src/engine/postgres';
import { createSqliteEngine } from '../../src/engine/sqlite';
import type { Engine, RunResult } from '../../src/engine/types';
import { realDisplay, realText, realTextExact } from '../../src/engine/values';
import { valueText } from '../../src/results/format';
import { cell } from '../../src/share/markdown';

let sqlite: Engine;
let postgres: Engine;
beforeAll(async () => {
  [sqlite, postgres] = await Promise.all([createSqliteEngine(), createPostgresEngine()]);
}, 600_000);
afterAll(async () => {
  await Promise.all([sqlite.close(), postgres.close()]);
});

const shown = (r: RunResult, k = 0): string[][] => r.statements[k]!.rows.map((row) => row.map(valueText));

describe('SQLite 64-bit integers', () => {
  it('returned rows keep every digit', async () => {
    const r = await sqlite.run({
      setup: '',
      statement:
        'SELECT 9007199254740993, 9223372036854775807, -9223372036854775808, 9007199254740991, typeof(9007199254740993);',
    });
    expect(r.error).toBeUndefined();
    expect(r.statements[0]!.rows).toEqual([
      ['9007199254740993', '9223372036854775807', '-9223372036854775808', 9007199254740991, 'integer'],
    ]);
    expect(shown(r)).toEqual([
      ['9007199254740993', '9223372036854775807', '-9223372036854775808', '9007199254740991', 'integer'],
    ]);
  });

  it('Before/After keep every digit and the diff sees a change of one at 2^63', async () => {
    const r = await sqlite.run({
      setup:
        'CREATE TABLE t (id INTEGER PRIMARY KEY, v INTEGER);\nINSERT INTO t VALUES (2, 9223372036854775807), (1, 9007199254740993);',
      statement: 'UPDATE t SET v = v - 1;',
    });
    expect(r.error).toBeUndefined();
    const t = r.tables[0]!;
    expect(t.before!.rows).toEqual([
      [1, '9007199254740993'],
      [2, '9223372036854775807'],
    ]);
    expect(t.after!.rows).toEqual([
      [1, '9007199254740992'],
      [2, '9223372036854775806'],
    ]);
    // As doubles, 2^63−1 and 2^63−2 are the same number: only exact values show the update.
    expect(t.changes.map((c) => [c.change, c.changed])).toEqual([
      ['updated', [1]],
      ['updated', [1]],
    ]);
  });

  it('a row whose rowid is past 2^53 can be written, and keeps its key exact', async () => {
    const r = await sqlite.run({
      setup:
        'CREATE TABLE t (id INTEGER PRIMARY KEY, v);\nINSERT INTO t VALUES (9223372036854775807, 1), (9223372036854775806, 1), (1, 1);',
      statement: 'UPDATE t SET v = v + 1 WHERE id = 9223372036854775807;\nUPDATE t SET v = 1 WHERE id = 1;',
    });
    expect(r.error).toBeUndefined();
    const t = r.tables[0]!;
    expect(t.after!.rows).toEqual([
      [1, 1],
      ['9223372036854775806', 1],
      ['9223372036854775807', 2],
    ]);
    expect(t.changes.map((c) => [c.change, c.sameValues ?? false])).toEqual([
      ['updated', true],
      ['unchanged', false],
      ['updated', false],
    ]);
  });

  it('the proposed rows of an upsert carry exact integers', async () => {
    const r = await sqlite.run({
      setup: 'CREATE TABLE t (k INTEGER UNIQUE, v INTEGER);\nINSERT INTO t VALUES (9223372036854775806, 1);',
      statement:
        'INSERT INTO t VALUES (9223372036854775806, 9007199254740993) ON CONFLICT (k) DO UPDATE SET v = excluded.v;',
      account: true,
    });
    expect(r.error).toBeUndefined();
    const p = r.statements[0]!.proposed!;
    expect(p.rows[0]!.values).toEqual(['9223372036854775806', '9007199254740993']);
    expect(p.rows[0]!.fate).toBe('updated');
  });

  it('Compare sees SQLite and PostgreSQL agree on a 64-bit integer', async () => {
    const scenario = { setup: '', statement: 'SELECT 9223372036854775807 AS big;' };
    const [a, b] = await Promise.all([sqlite.run(scenario), postgres.run(scenario)]);
    expect(a.statements[0]!.rows).toEqual(b.statements[0]!.rows);
    expect(compareRuns(a, b)).toEqual([]);
  });
});

describe('SQLite REAL values', () => {
  it('are told apart from INTEGERs and written as SQLite writes them', async () => {
    const r = await sqlite.run({
      setup: '',
      statement:
        'SELECT 2.0, 2, typeof(2.0), 1e20, 0.1, 1.0/3, 0.1 + 0.2, 9e999, -0.0, 1e-5;\nSELECT CAST(2.0 AS TEXT), CAST(1e20 AS TEXT), CAST(0.1 AS TEXT), CAST(1.0/3 AS TEXT), CAST(0.1 + 0.2 AS TEXT), CAST(9e999 AS TEXT), CAST(-0.0 AS TEXT), CAST(1e-5 AS TEXT);',
    });
    expect(r.error).toBeUndefined();
    const [values, texts] = [shown(r, 0)[0]!, r.statements[1]!.rows[0]! as string[]];
    expect(values.slice(0, 3)).toEqual(['2.0', '2', 'real']);
    expect(values.slice(3)).toEqual(texts.slice(1));
    expect(texts[0]).toBe('2.0');
    expect(values).toEqual([
      '2.0',
      '2',
      'real',
      '1.0e+20',
      '0.1',
      '0.33333333333333332',
      '0.30000000000000004',
      'Inf',
      '0.0',
      '1.0e-05',
    ]);
  });

  it('Before/After show REALs as SQLite does, and the diff stays exact', async () => {
    const r = await sqlite.run({
      setup: 'CREATE TABLE t (k INTEGER PRIMARY KEY, v);\nINSERT INTO t VALUES (1, 2), (2, 0.3), (3, 555.0), (4, 1.5);',
      statement:
        'UPDATE t SET v = 2.0 WHERE k = 1;\nUPDATE t SET v = 0.1 + 0.2 WHERE k = 2;\nUPDATE t SET v = 1.5 WHERE k = 4;',
    });
    expect(r.error).toBeUndefined();
    const t = r.tables[0]!;
    expect(t.before!.rows.map((row) => valueText(row[1]!))).toEqual(['2', '0.3', '555.0', '1.5']);
    expect(t.after!.rows.map((row) => valueText(row[1]!))).toEqual(['2.0', '0.30000000000000004', '555.0', '1.5']);
    // INTEGER 2 → REAL 2.0 and 0.3 → 0.1 + 0.2 are changes; 1.5 written again is the same value.
    expect(t.changes.map((c) => [c.change, c.changed, c.sameValues ?? false])).toEqual([
      ['updated', [1], false],
      ['updated', [1], false],
      ['unchanged', undefined, false],
      ['updated', [], true],
    ]);
  });

  it('Markdown and Compare read REALs as numbers', async () => {
    const scenario = { setup: '', statement: 'SELECT 2.0 AS a, 0.5 AS b;' };
    const [a, b] = await Promise.all([sqlite.run(scenario), postgres.run(scenario)]);
    const [x, y] = a.statements[0]!.rows[0]!;
    expect(cell(x!, 'sqlite')).toBe('2.0');
    expect(cell(y!, 'sqlite')).toBe('0.5');
    // PostgreSQL's 2.0 is numeric (text '2.0'): equal through the numeric-text rule.
    expect(compareValues(x!, b.statements[0]!.rows[0]![0]!)).toEqual({ equal: true, rule: 'numericText' });
    expect(compareRuns(a, b).map((d) => d.kind)).toEqual(['normalisation']);
  });

  it("the page's own REAL text is SQLite's CAST(x AS TEXT) wherever realTextExact says so", async () => {
    const SQL = await initSqlJs();
    const db = new SQL.Database();
    const st = db.prepare('SELECT CAST(CAST(?1 AS REAL) AS TEXT)');
    let seed = 12345;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const samples: number[] = [];
    for (let i = 0; i < 20_000; i++) {
      const k = next();
      if (k < 0.4) samples.push(Math.round((next() - 0.3) * 1e6) / 10 ** Math.floor(next() * 8));
      else if (k < 0.6) samples.push(Math.floor(next() * 1e3) / Math.floor(1 + next() * 1e3));
      else if (k < 0.8) samples.push((next() - 0.5) * 10 ** Math.floor(next() * 30 - 12));
      else samples.push(Math.floor(next() * 1e9) * 10 ** Math.floor(next() * 14 - 8));
    }
    let checked = 0;
    for (const x of samples) {
      if (!realTextExact(x)) continue;
      st.bind([x]);
      st.step();
      const engineText = st.get()[0];
      st.reset();
      expect(realText(x), String(x)).toBe(engineText);
      checked++;
    }
    db.close();
    expect(checked).toBeGreaterThan(5_000);
    // Where the page cannot be sure, the engine's own text travels with the value.
    const r = await sqlite.run({ setup: '', statement: 'SELECT 1.0/3, 0.1 + 0.2;' });
    const [third, sum] = r.statements[0]!.rows[0]!;
    expect(third).toEqual({ real: 1 / 3, text: '0.33333333333333332' });
    expect(realDisplay(sum as { real: number })).toBe('0.30000000000000004');
  });
});
