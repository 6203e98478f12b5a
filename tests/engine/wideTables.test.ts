/** Tables as wide as each engine allows are snapshotted and diffed (1,600 columns on PostgreSQL, 2,000 on SQLite). */
import { describe, expect, it } from 'vitest';
import { useEngines } from '../support/engines';
import type { RunResult } from '../../src/engine/types';

const engines = useEngines();

const names = (n: number): string[] => Array.from({ length: n }, (_, i) => `c${i + 1}`);

function scenario(n: number, withKey: boolean): { setup: string; statement: string } {
  const cols = names(n);
  const defs = cols.map((c, i) => (i === 0 && withKey ? `${c} int PRIMARY KEY` : `${c} int`)).join(', ');
  const values = (first: number) => cols.map((_, i) => (i === 0 ? first : i)).join(', ');
  return {
    setup: `CREATE TABLE w (${defs});\nINSERT INTO w VALUES (${values(1)});\nINSERT INTO w VALUES (${values(2)});`,
    statement: `UPDATE w SET ${cols[n - 1]} = -1 WHERE c1 = 2;\nUPDATE w SET ${cols[1]} = ${cols[1]} WHERE c1 = 1;`,
  };
}

function check(r: RunResult, n: number, sameValuesTold: boolean): void {
  expect(r.error).toBeUndefined();
  const t = r.tables[0]!;
  expect(t.schema.columns).toHaveLength(n);
  expect(t.after!.rows.map((row) => row.length)).toEqual([n, n]);
  expect(t.after!.rows[1]![n - 1]).toBe(-1);
  const kinds = t.changes.map((c) => c.change + (c.sameValues ? '=' : ''));
  expect(kinds).toEqual(sameValuesTold ? ['updated=', 'updated'] : ['unchanged', 'updated']);
  expect(t.changes[1]!.changed).toEqual([n - 1]);
}

describe('wide tables', () => {
  it.each([
    [100, true],
    [1600, true],
    [1600, false],
  ])('PostgreSQL: %i columns (primary key: %s)', async (n, withKey) => {
    check(await engines.postgres.run(scenario(n, withKey)), n, true);
  });

  it.each([
    [1000, true],
    [2000, true],
    [2000, false],
  ])('SQLite: %i columns (primary key: %s)', async (n, withKey) => {
    check(await engines.sqlite.run(scenario(n, withKey)), n, true);
  });
});
