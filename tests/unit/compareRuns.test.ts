import { describe, expect, it } from 'vitest';
import { compareRuns, hasDifferences, isNote, type Difference } from '../../src/compare/differences';
import { NO_DIFFERENCES, summarizeDifferences } from '../../src/compare/summary';
import type {
  Dialect,
  EngineError,
  RunResult,
  StatementResult,
  TableDiff,
  TableSchema,
  Value,
} from '../../src/engine/types';

// Hand-built RunResults: the smallest objects that satisfy the contract.
function schema(
  name: string,
  cols: string[],
  opts: { identity?: string[]; pk?: string[]; unique?: string[][] } = {},
): TableSchema {
  const pk = opts.pk ?? [];
  return {
    name,
    schema: 'main',
    columns: cols.map((c) => ({
      name: c,
      type: '',
      notNull: false,
      defaultExpr: null,
      generated: false,
      identity: (opts.identity ?? []).includes(c),
    })),
    primaryKey: pk,
    uniqueKeys: [
      ...(pk.length
        ? [{ name: `${name}_pkey`, kind: 'primary' as const, columns: pk, predicate: null, hasExpressions: false }]
        : []),
      ...(opts.unique ?? []).map((u) => ({
        name: `${name}_${u.join('_')}_key`,
        kind: 'unique' as const,
        columns: u,
        predicate: null,
        hasExpressions: false,
      })),
    ],
    hasRowid: false,
  };
}

function table(s: TableSchema, rows: Value[][] | null, columns = s.columns.map((c) => c.name)): TableDiff {
  return {
    name: s.name,
    status: 'kept',
    schema: s,
    identity: { kind: 'wholeRow', columns: [] },
    writeTracking: 'none',
    before: null,
    after: rows ? { columns, rows, totalRows: rows.length } : null,
    changes: [],
    counts: { inserted: 0, updated: 0, deleted: 0, unchanged: 0, sameValues: 0, replaced: 0 },
    notes: [],
  };
}

function stmt(index: number, o: Partial<StatementResult> = {}): StatementResult {
  return {
    index,
    sql: 'INSERT …',
    span: { start: 0, end: 1 },
    kind: 'INSERT',
    columns: null,
    rows: [],
    rowsAffected: 1,
    durationMs: 0,
    ...o,
  };
}

function run(dialect: Dialect, o: Partial<RunResult> = {}): RunResult {
  return {
    dialect,
    engineVersion: 'test',
    ok: !o.error,
    setup: [],
    statements: [stmt(0)],
    notRun: [],
    tables: [],
    notes: [],
    timings: { reset: 0, setup: 0, before: 0, statements: 0, after: 0, diff: 0, total: 0 },
    ...o,
  };
}

const err = (message: string, phase: EngineError['phase'], statementIndex?: number, code?: string): EngineError => ({
  message,
  phase,
  ...(statementIndex !== undefined ? { statementIndex } : {}),
  ...(code ? { code } : {}),
});

const kinds = (d: Difference[]) => d.map((x) => x.kind);
const users = schema('users', ['id', 'email', 'active'], { identity: ['id'], pk: ['id'], unique: [['email']] });

describe('compareRuns', () => {
  it('reports no differences for identical runs, and says so', () => {
    const t = table(users, [[1, 'a@x', 1]]);
    const d = compareRuns(run('sqlite', { tables: [t] }), run('postgres', { tables: [t] }));
    expect(d).toEqual([]);
    expect(hasDifferences(d)).toBe(false);
    expect(summarizeDifferences(d)).toEqual([NO_DIFFERENCES]);
  });

  it('treats SQLite 1/0 and Postgres true/false as equal, and notes the normalisation', () => {
    const d = compareRuns(
      run('sqlite', {
        tables: [
          table(users, [
            [1, 'a@x', 1],
            [2, 'b@x', 0],
          ]),
        ],
      }),
      run('postgres', {
        tables: [
          table(users, [
            [1, 'a@x', true],
            [2, 'b@x', false],
          ]),
        ],
      }),
    );
    expect(hasDifferences(d)).toBe(false);
    expect(d).toEqual([expect.objectContaining({ kind: 'normalisation', rule: 'boolean', places: ['users.active'] })]);
    const text = summarizeDifferences(d);
    expect(text[0]).toBe(NO_DIFFERENCES);
    expect(text[1]).toMatch(/booleans.*1\/0.*true\/false.*users\.active/);
  });

  it('does not call 2 and true equal', () => {
    const d = compareRuns(
      run('sqlite', { tables: [table(users, [[1, 'a@x', 2]])] }),
      run('postgres', { tables: [table(users, [[1, 'a@x', true]])] }),
    );
    expect(d).toEqual([
      expect.objectContaining({
        kind: 'tableRows',
        cells: [expect.objectContaining({ column: 'active', sqlite: 2, postgres: true })],
      }),
    ]);
  });

  it('compares numeric text by value and timestamps in UTC to the second', () => {
    const t = schema('t', ['k', 'price', 'at'], { pk: ['k'] });
    const d = compareRuns(
      run('sqlite', { tables: [table(t, [[1, 1.5, '2026-11-21 10:00:00']])] }),
      run('postgres', { tables: [table(t, [[1, '1.50', '2026-11-21 11:00:00.734+01']])] }),
    );
    expect(hasDifferences(d)).toBe(false);
    expect(d.map((x) => (x.kind === 'normalisation' ? x.rule : x.kind))).toEqual(['numericText', 'timestamp']);
  });

  it('calls timestamps a second apart a clock difference, and ten seconds apart a real one', () => {
    const t = schema('t', ['k', 'at'], { pk: ['k'] });
    const near = compareRuns(
      run('sqlite', { tables: [table(t, [[1, '2026-11-21 10:00:01']])] }),
      run('postgres', { tables: [table(t, [[1, '2026-11-21 10:00:00.9+00']])] }),
    );
    expect(kinds(near)).toEqual(['clock']);
    expect(hasDifferences(near)).toBe(false);
    expect(summarizeDifferences(near)[1]).toMatch(/differ by the clock/);
    const far = compareRuns(
      run('sqlite', { tables: [table(t, [[1, '2026-11-21 10:00:10']])] }),
      run('postgres', { tables: [table(t, [[1, '2026-11-21 10:00:00+00']])] }),
    );
    expect(kinds(far)).toEqual(['tableRows']);
  });

  it('reports an error on one side with both messages, and what was not run', () => {
    const pgErr = err('ON CONFLICT DO UPDATE command cannot affect row a second time', 'statement', 0, '21000');
    const d = compareRuns(
      run('sqlite', { statements: [stmt(0, { rowsAffected: 2 }), stmt(1)] }),
      run('postgres', {
        statements: [stmt(0, { error: pgErr })],
        notRun: [{ index: 1, sql: 'x', span: { start: 0, end: 1 } }],
        error: pgErr,
      }),
    );
    expect(d).toEqual([
      {
        kind: 'statementError',
        statement: 0,
        failsOn: 'postgres',
        sqlite: null,
        postgres: pgErr,
        notRun: { sqlite: 0, postgres: 1 },
      },
    ]);
    expect(summarizeDifferences(d)[0]).toBe(
      'Statement 1 fails on PostgreSQL only: “ON CONFLICT DO UPDATE command cannot affect row a second time” (21000); SQLite runs it without error. PostgreSQL did not run the 1 statement after it.',
    );
  });

  it('treats the same statement failing on both engines as a note', () => {
    const a = err('UNIQUE constraint failed: users.email', 'statement', 0);
    const b = err('duplicate key value violates unique constraint "users_email_key"', 'statement', 0, '23505');
    const d = compareRuns(
      run('sqlite', { statements: [stmt(0, { error: a })], error: a }),
      run('postgres', { statements: [stmt(0, { error: b })], error: b }),
    );
    expect(kinds(d)).toEqual(['statementError']);
    expect(isNote(d[0]!)).toBe(true);
    expect(summarizeDifferences(d)[1]).toMatch(
      /fails on both engines — SQLite: “UNIQUE constraint failed.*PostgreSQL: “duplicate key/,
    );
  });

  it('reports a setup error and compares nothing else', () => {
    const e = err('syntax error at or near "AUTOINCREMENT"', 'setup', 0, '42601');
    const d = compareRuns(
      run('sqlite', { tables: [table(users, [[1, 'a', 1]])] }),
      run('postgres', { error: e, statements: [] }),
    );
    expect(d).toEqual([{ kind: 'setupError', failsOn: 'postgres', sqlite: null, postgres: e }]);
    expect(summarizeDifferences(d)[0]).toMatch(/^The setup fails on PostgreSQL only: “syntax error/);
  });

  it('reports rows affected only for data-changing statements', () => {
    const d = compareRuns(
      run('sqlite', { statements: [stmt(0, { rowsAffected: 2 }), stmt(1, { kind: 'SELECT', rowsAffected: 0 })] }),
      run('postgres', { statements: [stmt(0, { rowsAffected: 1 }), stmt(1, { kind: 'SELECT', rowsAffected: 3 })] }),
    );
    expect(d).toEqual([{ kind: 'rowsAffected', statement: 0, sqlite: 2, postgres: 1 }]);
    expect(summarizeDifferences(d)).toEqual(['Statement 1: rows affected differ — 2 on SQLite, 1 on PostgreSQL.']);
  });

  it('compares returned rows in any order, and notes a different order', () => {
    const cols = ['id', 'email'];
    const d = compareRuns(
      run('sqlite', {
        statements: [
          stmt(0, {
            columns: cols,
            rows: [
              [1, 'a'],
              [2, 'b'],
            ],
          }),
        ],
      }),
      run('postgres', {
        statements: [
          stmt(0, {
            columns: cols,
            rows: [
              [2, 'b'],
              [1, 'a'],
            ],
          }),
        ],
      }),
    );
    expect(d).toEqual([{ kind: 'order', statement: 0 }]);
    expect(hasDifferences(d)).toBe(false);
  });

  it('lists returned rows found on one side only, and differing column lists', () => {
    const d = compareRuns(
      run('sqlite', { statements: [stmt(0, { columns: ['id'], rows: [[1], [2]] })] }),
      run('postgres', { statements: [stmt(0, { columns: ['id', 'inserted'], rows: [[1, true]] })] }),
    );
    expect(d).toEqual([
      expect.objectContaining({
        kind: 'returnedRows',
        columns: { sqlite: ['id'], postgres: ['id', 'inserted'] },
        compared: ['id'],
        onlySqlite: [{ id: 2 }],
        onlyPostgres: [],
      }),
    ]);
    expect(summarizeDifferences(d)[0]).toMatch(
      /columns differ \(SQLite: id; PostgreSQL: id, inserted\); 2 rows on SQLite, 1 on PostgreSQL; 1 row only on SQLite: \(id = 2\)/,
    );
  });

  it('reports tables and columns present on one side only', () => {
    const a = schema('a', ['x']);
    const b = schema('B', ['x', 'y']);
    const d = compareRuns(
      run('sqlite', { tables: [table(a, [[1]]), table(schema('b', ['x', 'z']), [[1, 2]])] }),
      run('postgres', { tables: [table(b, [[1, 3]])] }),
    );
    expect(d).toEqual([
      { kind: 'tableMissing', table: 'a', presentOn: 'sqlite' },
      { kind: 'tableColumns', table: 'b', onlySqlite: ['z'], onlyPostgres: ['y'] },
    ]);
  });

  it('reports which rows and which cells differ, matched by key', () => {
    const d = compareRuns(
      run('sqlite', {
        tables: [
          table(users, [
            [1, 'a@x', 1],
            [2, 'b@x', 1],
            [3, 'c@x', 0],
          ]),
        ],
      }),
      run('postgres', {
        tables: [
          table(users, [
            [1, 'a@x', true],
            [2, 'b@x', false],
          ]),
        ],
      }),
    );
    const rows = d.find((x) => x.kind === 'tableRows');
    expect(rows).toMatchObject({
      matchedBy: ['email'],
      onlySqlite: [{ id: 3, email: 'c@x', active: 0 }],
      onlyPostgres: [],
      cells: [{ key: { email: 'b@x' }, column: 'active', sqlite: 1, postgres: false }],
      totals: { onlySqlite: 1, onlyPostgres: 0, cells: 1, rowsWithCells: 1 },
    });
    expect(summarizeDifferences(d)[0]).toMatch(
      /Table users after the run differs \(rows matched by email; 3 rows on SQLite, 2 on PostgreSQL\) — 1 row only on SQLite: \(id = 3, email = 'c@x', active = 0\); 1 value differs in 1 row: row email = 'b@x': active is 1 on SQLite, false on PostgreSQL/,
    );
  });

  it('reports drifting identity values apart from other differences', () => {
    const d = compareRuns(
      run('sqlite', {
        tables: [
          table(users, [
            [1, 'a@x', 1],
            [3, 'c@x', 1],
          ]),
        ],
      }),
      run('postgres', {
        tables: [
          table(users, [
            [1, 'a@x', true],
            [4, 'c@x', true],
          ]),
        ],
      }),
    );
    expect(kinds(d)).toEqual(['identityGap', 'normalisation']);
    expect(d[0]).toMatchObject({
      columns: ['id'],
      rows: 1,
      matchedBy: ['email'],
      samples: [{ column: 'id', sqlite: 3, postgres: 4 }],
    });
    expect(summarizeDifferences(d)[0]).toMatch(/generated ids differ in 1 row.*sequence value.*real divergence/);
  });

  it('pairs rows by their other columns when the identity column is the only key', () => {
    const t = schema('t', ['id', 'name'], { identity: ['id'], pk: ['id'] });
    const d = compareRuns(
      run('sqlite', {
        tables: [
          table(t, [
            [1, 'x'],
            [2, 'y'],
          ]),
        ],
      }),
      run('postgres', {
        tables: [
          table(t, [
            [1, 'x'],
            [3, 'y'],
          ]),
        ],
      }),
    );
    expect(d).toEqual([
      expect.objectContaining({
        kind: 'identityGap',
        rows: 1,
        samples: [{ key: { name: 'y' }, column: 'id', sqlite: 2, postgres: 3 }],
      }),
    ]);
  });

  it('compares tables without keys as multisets of rows', () => {
    const t = schema('log', ['msg']);
    const d = compareRuns(
      run('sqlite', { tables: [table(t, [['a'], ['a'], ['b']])] }),
      run('postgres', { tables: [table(t, [['b'], ['a']])] }),
    );
    expect(d).toEqual([
      expect.objectContaining({ kind: 'tableRows', matchedBy: [], onlySqlite: [{ msg: 'a' }], onlyPostgres: [] }),
    ]);
  });

  it('notes snapshots cut at the row limit', () => {
    const t = schema('t', ['k'], { pk: ['k'] });
    const s = table(t, [[1]]);
    s.after!.totalRows = 5;
    const d = compareRuns(run('sqlite', { tables: [s] }), run('postgres', { tables: [table(t, [[1]])] }));
    expect(kinds(d)).toEqual(['truncated']);
    expect(hasDifferences(d)).toBe(false);
  });
});

describe('compareRuns on tables without a usable key', () => {
  it('pairs whole rows whose timestamps straddle a second boundary as a clock difference', () => {
    const t = schema('ev', ['name', 'at']);
    const d = compareRuns(
      run('sqlite', {
        tables: [
          table(t, [
            ['a', '2026-11-21 00:50:40'],
            ['b', '2026-11-21 00:50:40'],
          ]),
        ],
      }),
      run('postgres', {
        tables: [
          table(t, [
            ['b', '2026-11-21T00:50:39.903Z'],
            ['a', '2026-11-21 00:50:39.9+00'],
          ]),
        ],
      }),
    );
    expect(kinds(d)).toEqual(['clock']);
    expect(d[0]).toMatchObject({ table: 'ev', columns: ['at'], maxSeconds: 0.1 });
  });
});

it('says when returned rows differ only in generated ids', () => {
  const cols = ['id', 'email'];
  const d = compareRuns(
    run('sqlite', {
      statements: [stmt(0, { columns: cols, rows: [[3, 'l@x']] })],
      tables: [table(users, [[3, 'l@x', 1]])],
    }),
    run('postgres', {
      statements: [stmt(0, { columns: cols, rows: [[4, 'l@x']] })],
      tables: [table(users, [[4, 'l@x', 1]])],
    }),
  );
  expect(d[0]).toMatchObject({ kind: 'returnedRows', onlyIdentity: ['id'] });
  expect(summarizeDifferences(d)[0]).toMatch(/^Statement 1: the same rows came back except for generated ids \(id\)/);
});

it('notes when a table already differs before the statements run', () => {
  const s = table(users, [[1, 'a@x', 1]]);
  s.before = { columns: ['id', 'email', 'active'], rows: [[1, 'a@x', 0]], totalRows: 1 };
  const p = table(users, [[1, 'a@x', true]]);
  p.before = { columns: ['id', 'email', 'active'], rows: [[1, 'a@x', true]], totalRows: 1 };
  const d = compareRuns(run('sqlite', { tables: [s] }), run('postgres', { tables: [p] }));
  expect(kinds(d)).toEqual(['beforeDiffers', 'normalisation']);
  expect(hasDifferences(d)).toBe(false);
  expect(summarizeDifferences(d)[1]).toMatch(/^Table users already differs before the statements run/);
});
