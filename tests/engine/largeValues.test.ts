/** A huge value reaches the page cut to a displayable length, with a note; the diff used the full value. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CELL_CHARS, TIGHT_CELL_CHARS } from '../../src/engine/cellCap';
import { createPostgresEngine } from '../../src/engine/postgres';
import { createSqliteEngine } from '../../src/engine/sqlite';
import type { Engine } from '../../src/engine/types';

let sqlite: Engine;
let postgres: Engine;
beforeAll(async () => {
  [sqlite, postgres] = await Promise.all([createSqliteEngine(), createPostgresEngine()]);
}, 600_000);
afterAll(async () => {
  await Promise.all([sqlite.close(), postgres.close()]);
});

describe('large values', () => {
  it.each([
    ['SQLite', () => sqlite, "SELECT printf('%.*c', 10000000, 'x') AS big", "UPDATE t SET v = v || 'y' WHERE k = 1"],
    ['PostgreSQL', () => postgres, "SELECT repeat('x', 10000000) AS big", "UPDATE t SET v = v || 'y' WHERE k = 1"],
  ])(
    '%s: a 10,000,000-character value is cut for display and the diff still sees the change at its end',
    async (_name, engine, select, update) => {
      const r = await engine().run({
        setup: `CREATE TABLE t (k int PRIMARY KEY, v text);\nINSERT INTO t VALUES (1, ${select.replace(/^SELECT (.*) AS big$/, '$1')}), (2, 'short');`,
        statement: `${select};\n${update};`,
      });
      expect(r.error).toBeUndefined();
      const big = r.statements[0]!.rows[0]![0] as string;
      expect(big).toHaveLength(MAX_CELL_CHARS + 1);
      expect(big.endsWith('…')).toBe(true);
      const t = r.tables[0]!;
      // The change is past the cut: only the engine's full comparison can see it.
      expect(t.changes.map((c) => c.change)).toEqual(['updated', 'unchanged']);
      expect(t.after!.rows[1]).toEqual([2, 'short']);
      expect(
        r.notes.some((n) => /^3 values were longer than 10,000 characters \(the longest: 10,000,001\)/.test(n)),
      ).toBe(true);
    },
  );
});

describe('cut values on demand and the bound on a whole result', () => {
  it('a cut value can be fetched whole from the engine until the next run', async () => {
    const r = await sqlite.run({ setup: '', statement: "SELECT 1, printf('%.*c', 20000, 'x') AS big;" });
    expect(r.cut).toEqual([{ id: 1, where: 'statement', index: 0, row: 0, column: 1, length: 20_000, blob: false }]);
    expect(r.statements[0]!.rows[0]![1]).toHaveLength(MAX_CELL_CHARS + 1);
    const whole = await sqlite.fullValue(r.cut![0]!.id);
    expect(whole).toBe('x'.repeat(20_000));
    await sqlite.run({ setup: '', statement: 'SELECT 1;' });
    expect(await sqlite.fullValue(r.cut![0]!.id)).toBeNull();
  });

  it('a result past 20,000,000 characters is cut harder, with a note saying so', async () => {
    const r = await sqlite.run({
      setup: '',
      statement:
        "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 2500) SELECT i, printf('%.*c', 9000, 'y') FROM s;",
    });
    expect(r.error).toBeUndefined();
    const rows = r.statements[0]!.rows;
    expect(rows).toHaveLength(2500);
    expect(rows.every((row) => (row[1] as string).length === TIGHT_CELL_CHARS + 1)).toBe(true);
    expect(r.cut).toHaveLength(2500);
    expect(r.notes.some((n) => n.startsWith('The result held 22,500,000 characters of values'))).toBe(true);
    expect(await sqlite.fullValue(r.cut![2499]!.id)).toBe('y'.repeat(9000));
  });
});
