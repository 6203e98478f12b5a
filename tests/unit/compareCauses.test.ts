import { describe, expect, it } from 'vitest';
import { causeCount, groupByCause } from '../../src/compare/causes';
import type { Difference } from '../../src/compare/types';

const gap: Difference = {
  kind: 'identityGap',
  table: 'users',
  columns: ['id'],
  rows: 1,
  matchedBy: ['email'],
  samples: [],
};
const returned: Difference = {
  kind: 'returnedRows',
  statement: 0,
  compared: ['id', 'email'],
  count: { sqlite: 2, postgres: 2 },
  onlySqlite: [{ id: 3 }],
  onlyPostgres: [{ id: 4 }],
  onlyIdentity: ['id'],
};
const affected: Difference = { kind: 'rowsAffected', statement: 1, sqlite: 1, postgres: 2 };

describe('groupByCause', () => {
  it('counts generated ids that differ in returned rows and a table as one difference', () => {
    const groups = groupByCause([returned, gap]);
    expect(groups.map((g) => [g.heading, g.causes, g.diffs.length])).toEqual([
      ['Generated ids (statement 1 and table users)', 1, 2],
    ]);
    expect(causeCount(groups)).toBe('1 difference (seen in 2 places)');
  });

  it('keeps every other difference as its own cause under its usual heading', () => {
    const groups = groupByCause([returned, gap, affected]);
    expect(groups.map((g) => g.heading)).toEqual(['Generated ids (statement 1 and table users)', 'Statement 2']);
    expect(causeCount(groups)).toBe('2 differences (seen in 3 places)');
  });

  it('does not merge returned rows that differ only in ids when no table shows an id gap', () => {
    const groups = groupByCause([returned, affected]);
    expect(groups.map((g) => [g.heading, g.causes])).toEqual([
      ['Statement 1', 1],
      ['Statement 2', 1],
    ]);
    expect(causeCount(groups)).toBe('2 differences');
  });
});
