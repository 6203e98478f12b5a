/** A huge value reaches the page cut to a displayable length, with a note; the diff used the full value. */
import { describe, expect, it } from 'vitest';
import { useEngines } from '../support/engines';
import { MAX_CELL_CHARS } from '../../src/engine/cellCap';

const engines = useEngines();

describe('large values', () => {
  it.each([
    [
      'SQLite',
      () => engines.sqlite,
      "SELECT printf('%.*c', 10000000, 'x') AS big",
      "UPDATE t SET v = v || 'y' WHERE k = 1",
    ],
    [
      'PostgreSQL',
      () => engines.postgres,
      "SELECT repeat('x', 10000000) AS big",
      "UPDATE t SET v = v || 'y' WHERE k = 1",
    ],
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
    180_000, // ten million characters through every phase: slow on a busy 2-core machine
  );
});
