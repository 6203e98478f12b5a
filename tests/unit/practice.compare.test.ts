// The practice comparison on hand-made run results: timestamps set by the run, ordered returned
// rows, and engine errors whose positions would not match the learner's text.
import { describe, expect, it } from 'vitest';
import type { RunResult, TableDiff } from '../../src/engine/types';
import { checkAttempt, verdictLines } from '../../src/practice/check';
import { compareRuns } from '../../src/practice/compare';
import type { Exercise } from '../../src/practice/types';

const base: Exercise = {
  id: 't',
  unit: 'basics',
  title: 't',
  task: 't',
  lesson: 't',
  hints: ['a', 'b'],
  dialects: ['sqlite'],
  schema: 'CREATE TABLE t (k int PRIMARY KEY, at text);',
  sets: [
    { rows: '', params: { k: 1 } },
    { rows: '', params: { k: 2 }, about: 'x' },
  ],
  solution: 'SELECT :k',
};

function table(rows: (string | number)[][], beforeRows: (string | number)[][] = []): TableDiff {
  return {
    name: 't',
    status: 'kept',
    schema: { name: 't', schema: 'main', columns: [], primaryKey: ['k'], uniqueKeys: [], hasRowid: true },
    identity: { kind: 'primaryKey', columns: ['k'] },
    writeTracking: 'hook',
    before: { columns: ['k', 'at'], rows: beforeRows, totalRows: beforeRows.length },
    after: { columns: ['k', 'at'], rows, totalRows: rows.length },
    changes: rows.map((_, i) => ({ change: 'unchanged', before: i, after: i })),
    counts: { inserted: 0, updated: 0, deleted: 0, unchanged: rows.length, sameValues: 0, replaced: 0 },
    notes: [],
  };
}

function run(t: TableDiff, returned: (string | number)[][] | null = null): RunResult {
  return {
    dialect: 'sqlite',
    engineVersion: '',
    ok: true,
    setup: [],
    notRun: [],
    tables: [t],
    notes: [],
    statements: [
      {
        index: 0,
        sql: '',
        span: { start: 0, end: 0 },
        kind: 'INSERT',
        columns: returned ? ['k'] : null,
        rows: returned ?? [],
        rowsAffected: 1,
        durationMs: 0,
      },
    ],
    timings: { reset: 0, setup: 0, before: 0, statements: 0, after: 0, diff: 0, total: 0 },
  };
}

const now = new Date().toISOString().replace('T', ' ').slice(0, 19);
const later = new Date(Date.now() + 1500).toISOString().replace('T', ' ').slice(0, 19);

describe('compareRuns', () => {
  it('counts two fresh timestamps as equal, and a kept one as different from a fresh one', () => {
    const ex = { ...base, volatile: ['at'] };
    const old = [[1, '2024-01-05 09:00:00']];
    expect(compareRuns(ex, run(table([[1, now]], old)), run(table([[1, later]], old)))).toEqual([]);
    const p = compareRuns(ex, run(table([[1, now]], old)), run(table([[1, '2024-01-05 09:00:00']], old)));
    expect(p.map((x) => x.text)).toEqual([
      "In t, row k = 1: at is '2024-01-05 09:00:00', expected the time of the run.",
    ]);
  });
  it('compares returned rows in order only when asked', () => {
    const t = table([[1, 'a']]);
    expect(compareRuns({ ...base, returning: 'unordered' }, run(t, [[1], [2]]), run(t, [[2], [1]]))).toEqual([]);
    expect(
      compareRuns({ ...base, returning: 'ordered' }, run(t, [[1], [2]]), run(t, [[2], [1]])).map((x) => x.text),
    ).toEqual(['Returned row 1 is (2), expected (1).', 'Returned row 2 is (1), expected (2).']);
  });
});

describe('checkAttempt', () => {
  it('drops error positions when parameters changed the text', async () => {
    const failing: RunResult = {
      ...run(table([])),
      ok: false,
      error: { message: 'boom', phase: 'statement', statementIndex: 0, position: 30, line: 1, column: 31 },
    };
    const v = await checkAttempt(base, 'sqlite', 'SELECT :k + 0', async (input) =>
      input.statement.includes('+') ? failing : run(table([])),
    );
    expect(v.kind).toBe('error');
    if (v.kind === 'error') expect(v.error).toEqual({ message: 'boom', phase: 'statement', statementIndex: 0 });
    expect(verdictLines(v)).toEqual(['The engine stopped with an error: boom']);
  });
  it('names unknown parameters', async () => {
    const v = await checkAttempt(base, 'sqlite', 'SELECT :kk', async () => run(table([])));
    expect(verdictLines(v)).toEqual(['Unknown parameter :kk. This exercise has :k.']);
  });
});
