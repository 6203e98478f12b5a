/** A huge value reaches the page cut to a displayable length, with a note; the diff used the full value. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CELL_CHARS } from '../../src/engine/cellCap';
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
