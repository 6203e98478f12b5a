// The expectation checker must catch each kind of difference, or the engine tests prove nothing.
import { describe, expect, it } from 'vitest';
import type { RunResult, TableDiff } from '../../src/engine/types';
import { cellMatches, checkRun, rowsMatchUnordered } from '../../src/gallery/check';
import type { Expectation } from '../../src/gallery/types';

function table(): TableDiff {
  return {
    name: 'users',
    status: 'kept',
    schema: { name: 'users', schema: 'main', columns: [], primaryKey: ['id'], uniqueKeys: [], hasRowid: true },
    identity: { kind: 'primaryKey', columns: ['id'] },
    writeTracking: 'hook',
    before: {
      columns: ['id', 'name', 'n'],
      rows: [
        [1, 'Ada', 3],
        [2, 'Grace', 7],
      ],
      totalRows: 2,
    },
    after: {
      columns: ['id', 'name', 'n'],
      rows: [
        [1, 'Ada', 4],
        [2, 'Grace', 7],
        [3, 'Linus', 1],
      ],
      totalRows: 3,
    },
    changes: [
      { change: 'updated', before: 0, after: 0, changed: [2] },
      { change: 'unchanged', before: 1, after: 1 },
      { change: 'inserted', after: 2 },
    ],
    counts: { inserted: 1, updated: 1, deleted: 0, unchanged: 1, sameValues: 0, replaced: 0 },
    notes: [],
  };
}

function result(over: Partial<RunResult> = {}): RunResult {
  return {
    dialect: 'sqlite',
    engineVersion: 'SQLite 3.54.1',
    ok: true,
    setup: [],
    statements: [
      {
        index: 0,
        sql: 'INSERT …',
        span: { start: 0, end: 9 },
        kind: 'INSERT',
        columns: ['id', 'n'],
        rows: [
          [1, 4],
          [3, 1],
        ],
        rowsAffected: 2,
        durationMs: 1,
        diffCounts: { inserted: 1, updated: 1, deleted: 0 },
      },
    ],
    notRun: [],
    tables: [table()],
    notes: [],
    timings: { reset: 0, setup: 0, before: 0, statements: 0, after: 0, diff: 0, total: 0 },
    ...over,
  };
}

const good: Expectation = {
  statements: [
    {
      index: 0,
      rowsAffected: 2,
      columns: ['id', 'n'],
      rows: [
        [3, 1],
        [1, 4],
      ],
      diffCounts: { inserted: 1, updated: 1, deleted: 0 },
    },
  ],
  tables: {
    users: {
      columns: ['name', 'n'],
      rows: [
        ['Linus', 1],
        ['Ada', 4],
        ['Grace', 7],
      ],
      counts: { inserted: 1, updated: 1, unchanged: 1 },
      marks: [
        { key: { name: 'Ada' }, change: 'updated', changed: ['n'] },
        { key: { id: 3 }, change: 'inserted' },
      ],
    },
  },
};

describe('checkRun', () => {
  it('accepts a matching result (rows in any order)', () => {
    expect(checkRun(result(), good)).toEqual([]);
  });

  it('reports each kind of mismatch', () => {
    const st = good.statements[0]!;
    const users = good.tables.users!;
    const cases: [Expectation, RegExp][] = [
      [{ ...good, statements: [{ ...st, rowsAffected: 1 }] }, /rowsAffected 2, expected 1/],
      [{ ...good, statements: [{ ...st, rows: [[1, 4]] }] }, /statement 0: returned/],
      [{ ...good, statements: [{ ...st, columns: ['n', 'id'] }] }, /columns/],
      [{ ...good, statements: [{ index: 1 }] }, /statement 1: was not run/],
      [{ ...good, statements: [{ ...st, diffCounts: { inserted: 2, updated: 0, deleted: 0 } }] }, /diff counts/],
      [
        {
          ...good,
          tables: {
            users: {
              ...users,
              rows: [
                ['Ada', 4],
                ['Grace', 7],
              ],
            },
          },
        },
        /After rows/,
      ],
      [{ ...good, tables: { users: { ...users, counts: { updated: 2 } } } }, /updated count 1, expected 2/],
      [
        { ...good, tables: { users: { ...users, marks: [{ key: { name: 'Ada' }, change: 'inserted' }] } } },
        /marked updated, expected inserted/,
      ],
      [
        {
          ...good,
          tables: { users: { ...users, marks: [{ key: { name: 'Ada' }, change: 'updated', changed: ['name'] }] } },
        },
        /changed columns/,
      ],
      [
        { ...good, tables: { users: { ...users, marks: [{ key: { name: 'Nobody' }, change: 'updated' }] } } },
        /not found/,
      ],
      [
        {
          ...good,
          tables: { users: { ...users, marks: [{ key: { name: 'Ada' }, change: 'updated', sameValues: true }] } },
        },
        /sameValues/,
      ],
      [{ ...good, tables: { users: { ...users, columns: ['nope'] } } }, /no column/],
      [{ ...good, tables: { orders: users } }, /table orders: missing/],
      [{ ...good, error: { statementIndex: 0, message: 'UNIQUE' } }, /expected the run to stop/],
    ];
    for (const [exp, re] of cases) {
      const errs = checkRun(result(), exp);
      expect(errs.join('\n'), String(re)).toMatch(re);
    }
  });

  it('checks an expected error: message, code and statement', () => {
    const err = {
      message: 'duplicate key value violates unique constraint "users_email_key"',
      code: '23505',
      phase: 'statement' as const,
      statementIndex: 1,
    };
    const failed = result({ ok: false, error: err });
    const exp: Expectation = { ...good, error: { statementIndex: 1, message: 'users_email_key', code: '23505' } };
    expect(checkRun(failed, exp)).toEqual([]);
    expect(checkRun(failed, { ...exp, error: { ...exp.error!, code: '21000' } }).join()).toMatch(/error code/);
    expect(checkRun(failed, { ...exp, error: { ...exp.error!, message: 'users_pkey' } }).join()).toMatch(
      /does not contain/,
    );
    expect(checkRun(failed, { ...exp, error: { ...exp.error!, statementIndex: 0 } }).join()).toMatch(
      /error at statement 1/,
    );
    expect(checkRun(failed, good).join()).toMatch(/unexpected error/);
  });

  it('reports a failed setup first', () => {
    const r = result({ ok: false, error: { message: 'no such table', phase: 'setup' } });
    expect(checkRun(r, good)).toEqual(['setup failed: no such table']);
  });
});

describe('cell matching', () => {
  it('compares values exactly and patterns by regular expression', () => {
    expect(cellMatches(1, 1)).toBe(true);
    expect(cellMatches('1', 1)).toBe(false);
    expect(cellMatches(null, null)).toBe(true);
    expect(cellMatches(null, { like: '.*' })).toBe(false);
    expect(cellMatches('2026-11-21 00:40:34', { like: '^\\d{4}-' })).toBe(true);
    expect(cellMatches({ blob: 'ff' }, { blob: 'ff' })).toBe(true);
    expect(cellMatches({ blob: 'ff' }, { blob: '00' })).toBe(false);
  });

  it('matches rows as a multiset', () => {
    expect(rowsMatchUnordered([[1], [1]], [[1], [1]])).toBe(true);
    expect(rowsMatchUnordered([[1], [2]], [[1], [1]])).toBe(false);
    expect(rowsMatchUnordered([[1]], [[1], [1]])).toBe(false);
    expect(rowsMatchUnordered([[1, 2]], [[1]])).toBe(false);
  });
});
