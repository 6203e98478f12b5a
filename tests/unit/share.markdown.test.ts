// Markdown for issues and Q&A posts, on hand-built run results.
import { describe, expect, it } from 'vitest';
import type { RunResult, StatementResult, TableDiff } from '../../src/engine/types';
import { defaultScenario, type Scenario } from '../../src/scenario/scenario';
import { codeBlock, inline, MARKDOWN_MAX_ROWS, scenarioMarkdown } from '../../src/share/markdown';

const timings = { reset: 0, setup: 0, before: 0, statements: 0, after: 0, diff: 0, total: 0 };
const schema = { name: 'users', schema: 'main', columns: [], primaryKey: ['id'], uniqueKeys: [], hasRowid: true };
const counts = (o: Partial<TableDiff['counts']>): TableDiff['counts'] => ({
  inserted: 0,
  updated: 0,
  deleted: 0,
  unchanged: 0,
  sameValues: 0,
  replaced: 0,
  ...o,
});

function usersDiff(): TableDiff {
  return {
    name: 'users',
    status: 'kept',
    schema,
    identity: { kind: 'primaryKey', columns: ['id'] },
    writeTracking: 'hook',
    before: {
      columns: ['id', 'email', 'name', 'age'],
      rows: [
        [1, 'ada@example.com', 'Ada', 36],
        [2, 'grace@example.com', 'Grace', 45],
        [9, 'gone@example.com', 'Gone', null],
      ],
      totalRows: 3,
    },
    after: {
      columns: ['id', 'email', 'name', 'age'],
      rows: [
        [1, 'ada@example.com', 'Ada Lovelace', 37],
        [2, 'grace@example.com', 'Grace', 45],
        [3, 'linus@example.com', 'Linus', 28],
      ],
      totalRows: 3,
    },
    changes: [
      { change: 'updated', before: 0, after: 0, changed: [2, 3] },
      { change: 'updated', before: 1, after: 1, changed: [], sameValues: true },
      { change: 'deleted', before: 2 },
      { change: 'inserted', after: 2 },
    ],
    counts: counts({ inserted: 1, updated: 2, deleted: 1, sameValues: 1 }),
    notes: ['Rows are matched by the primary key (id).'],
  };
}

function stmt(o: Partial<StatementResult>): StatementResult {
  return {
    index: 0,
    sql: '',
    span: { start: 0, end: 0 },
    kind: 'INSERT',
    columns: null,
    rows: [],
    rowsAffected: null,
    durationMs: 1,
    ...o,
  };
}

function run(o: Partial<RunResult> = {}): RunResult {
  return {
    dialect: 'sqlite',
    engineVersion: 'SQLite 3.50.0',
    ok: true,
    setup: [],
    statements: [
      stmt({
        columns: ['id', 'name'],
        rows: [
          [1, 'Ada Lovelace'],
          [3, 'Linus'],
        ],
        rowsAffected: 2,
      }),
    ],
    notRun: [],
    tables: [usersDiff()],
    notes: [],
    timings,
    ...o,
  };
}

const scenario: Scenario = {
  ...defaultScenario(),
  title: 'Upsert | on *email*',
  notes: '# not a heading\n1. not a list\nplain',
};
const LINK = 'https://example.org/upsert/#s1/N4Ig';

describe('scenarioMarkdown', () => {
  it('writes title, notes, link and both scripts without a run', () => {
    const md = scenarioMarkdown(scenario, LINK);
    expect(
      md.startsWith('### Upsert \\| on \\*email\\*\n\n> \\# not a heading\\\n> 1\\. not a list\\\n> plain\n\n'),
    ).toBe(true);
    expect(md).toContain(`[Open this scenario in Upsert Playground](${LINK}) (SQLite)`);
    expect(md).toContain('**Setup**\n\n```sql\nCREATE TABLE users (\n');
    expect(md).toContain('**Statement**\n\n```sql\n-- Ada exists');
    expect(md).not.toContain('**Result**');
    expect(md.endsWith('```\n')).toBe(true);
  });

  it('writes Before, After with a change column and old → new cells, and returned rows', () => {
    const md = scenarioMarkdown(defaultScenario(), LINK, run());
    expect(md).toContain('**Result** (SQLite 3.50.0)');
    expect(md).toContain(
      [
        '#### Table users',
        '',
        'Before (3 rows):',
        '',
        '| id | email | name | age |',
        '| ---: | --- | --- | ---: |',
        '| 1 | ada@example.com | Ada | 36 |',
        '| 2 | grace@example.com | Grace | 45 |',
        '| 9 | gone@example.com | Gone | *NULL* |',
        '',
        'After (3 rows; 1 inserted, 2 updated (1 with the same values), 1 deleted):',
        '',
        '| change | id | email | name | age |',
        '| --- | ---: | --- | --- | ---: |',
        '| updated | 1 | ada@example.com | Ada → Ada Lovelace | 36 → 37 |',
        '| updated (same values) | 2 | grace@example.com | Grace | 45 |',
        '| deleted | 9 | gone@example.com | Gone | *NULL* |',
        '| inserted | 3 | linus@example.com | Linus | 28 |',
        '',
        '*Rows are matched by the primary key (id).*',
      ].join('\n'),
    );
    expect(md).toContain(
      [
        'The statement (INSERT) returned 2 rows:',
        '',
        '| id | name |',
        '| ---: | --- |',
        '| 1 | Ada Lovelace |',
        '| 3 | Linus |',
      ].join('\n'),
    );
  });

  it('escapes pipes, newlines, markup and control characters in cells', () => {
    const t = usersDiff();
    t.before = {
      columns: ['a|b'],
      rows: [['x | y\nz'], ['<b>*bold*</b>'], [' pad '], ['\u0000\t'], [''], [{ blob: '00ff' }], [true]],
      totalRows: 7,
    };
    t.after = null;
    t.status = 'dropped';
    const md = scenarioMarkdown(defaultScenario(), LINK, run({ tables: [t], statements: [] }));
    expect(md).toContain('#### Table users (dropped by the statement)');
    expect(md).toContain('| a\\|b |');
    expect(md).toContain('| x \\| y<br>z |');
    expect(md).toContain('| &lt;b&gt;\\*bold\\*&lt;/b&gt; |');
    expect(md).toContain('| &nbsp;pad&nbsp; |');
    expect(md).toContain('| \u2400&nbsp; |');
    expect(md).toContain("| '' |");
    expect(md).toContain("| x'00ff' |");
    expect(md).toContain('| true |');
    expect(md).toContain('After: the table no longer exists.');
  });

  it('caps large tables and says how many rows were left out', () => {
    const rows = Array.from({ length: 120 }, (_, i) => [i]);
    const t: TableDiff = {
      ...usersDiff(),
      status: 'created',
      before: null,
      after: { columns: ['n'], rows, totalRows: 500 },
      changes: rows.map((_, i) => ({ change: 'inserted' as const, after: i })),
      counts: counts({ inserted: 500 }),
      notes: [],
    };
    const md = scenarioMarkdown(
      defaultScenario(),
      LINK,
      run({ tables: [t], statements: [stmt({ columns: ['n'], rows })] }),
    );
    expect(md).toContain('Before: the table did not exist.');
    expect(md).toContain('After (500 rows; 500 inserted):');
    expect(md).toContain(`| inserted | ${MARKDOWN_MAX_ROWS - 1} |`);
    expect(md).not.toContain(`| inserted | ${MARKDOWN_MAX_ROWS} |`);
    expect(md).toContain('… 450 more rows'); // 70 cut here + 380 beyond the snapshot
    expect(md).toContain('… 70 more rows'); // returned rows
  });

  it('reports the error, where it happened and what did not run', () => {
    const md = scenarioMarkdown(
      defaultScenario(),
      LINK,
      run({
        ok: false,
        error: {
          message: 'UNIQUE constraint failed: users.email',
          code: 'SQLITE_CONSTRAINT_UNIQUE',
          phase: 'statement',
          statementIndex: 1,
          line: 4,
          column: 3,
          hint: 'Add ON CONFLICT',
        },
        notRun: [{ index: 2, sql: 'SELECT 1', span: { start: 0, end: 0 } }],
      }),
    );
    expect(md).toContain(
      '**Error** (statement 2, line 4, column 3, SQLITE\\_CONSTRAINT\\_UNIQUE): UNIQUE constraint failed: users.email',
    );
    const inSetup = scenarioMarkdown(
      defaultScenario(),
      LINK,
      run({ ok: false, error: { message: 'syntax error', phase: 'setup', statementIndex: 0 } }),
    );
    expect(inSetup).toContain('**Error** (setup statement 1): syntax error');
    expect(md).toContain('Hint: Add ON CONFLICT');
    expect(md).toContain('1 statement after it did not run.');
  });

  it('writes one section per engine in compare mode', () => {
    const s = { ...defaultScenario(), compare: true };
    const pg = run({ dialect: 'postgres', engineVersion: 'PostgreSQL 18.0 (PGlite)' });
    const md = scenarioMarkdown(s, LINK, [run(), pg]);
    expect(md).toContain('(SQLite and PostgreSQL)');
    expect(md).toContain('## SQLite 3.50.0');
    expect(md).toContain('## PostgreSQL 18.0 (PGlite)');
    expect(md).toContain('integer GENERATED BY DEFAULT AS IDENTITY');
    expect(md).not.toContain('**Result**');
  });
});

describe('helpers', () => {
  it('codeBlock copes with a script of 150,000 backtick runs (no argument-spread stack overflow)', () => {
    const code = '`a'.repeat(150_000) + ' ``````b';
    const lines = codeBlock(code);
    expect(lines[0]).toBe('```````sql');
    expect(lines.at(-1)).toBe('```````');
    expect(
      scenarioMarkdown({ ...defaultScenario(), sqlite: { setup: code, statement: '' } }, 'https://example.org/#s1/x'),
    ).toContain(code);
  });

  it('codeBlock uses a fence longer than any backtick run inside', () => {
    expect(codeBlock('SELECT 1;\n')).toEqual(['```sql', 'SELECT 1;', '```']);
    expect(codeBlock('SELECT "a```b";')).toEqual(['````sql', 'SELECT "a```b";', '````']);
  });

  it('notes keep their line breaks and paragraphs', () => {
    const md = scenarioMarkdown({ ...defaultScenario(), notes: 'a\nb\n\nc' }, LINK);
    expect(md.startsWith('> a\\\n> b\n>\n> c\n\n')).toBe(true);
  });

  it('inline keeps text readable while escaping markup', () => {
    expect(inline('login_count')).toBe('login\\_count');
    expect(inline('a & b')).toBe('a &amp; b');
    expect(inline('Hello!')).toBe('Hello!');
  });
});
