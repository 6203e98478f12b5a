/**
 * Gallery examples about when the DO UPDATE runs: `DO UPDATE … WHERE` (last write wins, skip
 * unchanged rows) and partial unique indexes as the conflict target.
 */
import type { Example, Expectation } from '../types';

const docs = (t: { int: string; text: string }) => `CREATE TABLE documents (
  id      ${t.int} PRIMARY KEY,
  title   ${t.text} NOT NULL,
  version ${t.int} NOT NULL
);

INSERT INTO documents (id, title, version) VALUES
  (1, 'Draft plan',  3),
  (2, 'Budget 2025', 5);
`;

const LWW = `-- Two edits arrive from a sync. Each carries the version it was made on top of + 1.
INSERT INTO documents (id, title, version) VALUES
  (1, 'Final plan', 4),   -- newer than the stored version 3
  (2, 'Budget',     2)    -- made on a stale copy: older than 5
ON CONFLICT (id) DO UPDATE SET
  title   = excluded.title,
  version = excluded.version
WHERE excluded.version > documents.version
RETURNING id, title, version;
`;

const lwwExplanation = [
  'The `WHERE` after `DO UPDATE SET` decides, row by row, whether the conflicting row is updated. Here it compares the proposed version (`excluded.version`) with the stored one (`documents.version`), so the most recent edit wins whatever order the edits arrive in.',
  'Document 1 is proposed with version 4 > 3: in After it is marked updated (title and version changed). Document 2 is proposed with version 2 < 5: the condition is false, the row is left alone and stays unchanged in After.',
  'A row skipped by the WHERE counts as not affected and is not returned: the statement reports 1 row affected and RETURNING has only document 1. An updated_at timestamp works the same way as a version number.',
];

const lwwExpect = (): Expectation => ({
  statements: [{ index: 0, rowsAffected: 1, columns: ['id', 'title', 'version'], rows: [[1, 'Final plan', 4]] }],
  tables: {
    documents: {
      columns: ['id', 'title', 'version'],
      rows: [
        [1, 'Final plan', 4],
        [2, 'Budget 2025', 5],
      ],
      counts: { updated: 1, unchanged: 1, inserted: 0, deleted: 0 },
      marks: [
        { key: { id: 1 }, change: 'updated', changed: ['title', 'version'] },
        { key: { id: 2 }, change: 'unchanged' },
      ],
    },
  },
});

const users = (t: { pk: string; text: string; int: string }) => `CREATE TABLE users (
  id    ${t.pk},
  email ${t.text} NOT NULL UNIQUE,
  name  ${t.text} NOT NULL,
  age   ${t.int}
);

INSERT INTO users (email, name, age) VALUES
  ('ada@example.com',   'Ada',   36),
  ('grace@example.com', 'Grace', 45),
  ('linus@example.com', 'Linus', NULL);
`;

const skip = (cmp: string) => `-- A nightly import sends every user, changed or not.
INSERT INTO users (email, name, age) VALUES
  ('ada@example.com',   'Ada',   36),   -- same as stored
  ('grace@example.com', 'Grace', 46),   -- age changed
  ('linus@example.com', 'Linus', 28)    -- age was NULL
ON CONFLICT (email) DO UPDATE SET
  name = excluded.name,
  age  = excluded.age
WHERE (users.name, users.age) ${cmp} (excluded.name, excluded.age)
RETURNING email, name, age;
`;

const skipExplanation = (op: string, other: string) => [
  `The import proposes all three users. The \`WHERE\` lets the update through only when the stored values differ from the proposed ones, compared as a pair with \`${op}\`.`,
  "Ada's proposed row equals the stored one, so it is skipped: in After she is unchanged, and she is missing from RETURNING. Without the WHERE she would still be written, and After would mark her updated with the same values. Grace (45 → 46) and Linus are updated: 2 rows affected.",
  `Linus shows why \`${op}\` and not \`<>\`: his stored age is NULL, and \`NULL <> 28\` is NULL, not true, so a \`<>\` test would skip him and keep the NULL. \`${op}\` treats NULL as a value: NULL is distinct from 28 and not distinct from NULL. ${other}`.trim(),
];

const skipExpect = (): Expectation => ({
  statements: [
    {
      index: 0,
      rowsAffected: 2,
      rows: [
        ['grace@example.com', 'Grace', 46],
        ['linus@example.com', 'Linus', 28],
      ],
    },
  ],
  tables: {
    users: {
      columns: ['email', 'name', 'age'],
      rows: [
        ['ada@example.com', 'Ada', 36],
        ['grace@example.com', 'Grace', 46],
        ['linus@example.com', 'Linus', 28],
      ],
      counts: { updated: 2, unchanged: 1, inserted: 0, deleted: 0, sameValues: 0 },
      marks: [
        { key: { email: 'ada@example.com' }, change: 'unchanged' },
        { key: { email: 'grace@example.com' }, change: 'updated', changed: ['age'] },
        { key: { email: 'linus@example.com' }, change: 'updated', changed: ['age'] },
      ],
    },
  },
});

const accounts = (t: { pk: string; text: string }) => `CREATE TABLE accounts (
  id         ${t.pk},
  email      ${t.text} NOT NULL,
  name       ${t.text} NOT NULL,
  deleted_at ${t.text}
);

-- An email must be unique among live accounts only: closed ones keep theirs.
CREATE UNIQUE INDEX accounts_email_live ON accounts (email)
  WHERE deleted_at IS NULL;

INSERT INTO accounts (email, name, deleted_at) VALUES
  ('ada@example.com',   'Ada (closed account)', '2024-02-01'),
  ('ada@example.com',   'Ada',                  NULL),
  ('grace@example.com', 'Grace',                NULL);
`;

const PARTIAL = `-- The target repeats the index's predicate: it matches the partial index.
INSERT INTO accounts (email, name)
VALUES ('ada@example.com', 'Ada Lovelace')
ON CONFLICT (email) WHERE deleted_at IS NULL
DO UPDATE SET name = excluded.name
RETURNING id, email, name, deleted_at;

-- The same without the predicate: no unique index on (email) alone.
INSERT INTO accounts (email, name)
VALUES ('grace@example.com', 'Grace Hopper')
ON CONFLICT (email)
DO UPDATE SET name = excluded.name;
`;

const partialExplanation = (error: string) => [
  'The unique index covers only live accounts (`WHERE deleted_at IS NULL`), so Ada can have a closed account and a live one with the same email. A conflict target for it must name the column and repeat the predicate: `ON CONFLICT (email) WHERE deleted_at IS NULL`.',
  "Statement 1 does, and updates Ada's live row (id 2): in After it is marked updated, name Ada → Ada Lovelace, while the closed account (id 1) is unchanged.",
  `Statement 2 leaves the predicate out. \`(email)\` alone could only be matched by a unique index on email over all rows, and there is none, so the statement is rejected before anything is written: ${error}. Grace is unchanged.`,
];

const partialExpect = (error: { message: string; code?: string }): Expectation => ({
  statements: [
    {
      index: 0,
      rowsAffected: 1,
      columns: ['id', 'email', 'name', 'deleted_at'],
      rows: [[2, 'ada@example.com', 'Ada Lovelace', null]],
    },
  ],
  tables: {
    accounts: {
      columns: ['id', 'name', 'deleted_at'],
      rows: [
        [1, 'Ada (closed account)', '2024-02-01'],
        [2, 'Ada Lovelace', null],
        [3, 'Grace', null],
      ],
      counts: { updated: 1, unchanged: 2, inserted: 0, deleted: 0 },
      marks: [
        { key: { id: 2 }, change: 'updated', changed: ['name'] },
        { key: { id: 1 }, change: 'unchanged' },
      ],
    },
  },
  error: { statementIndex: 1, ...error },
});

/** Conditional upserts and partial-index targets. */
export const CONDITIONAL: Example[] = [
  {
    id: 'conditional-last-write-wins',
    title: 'Conditional update: last write wins (DO UPDATE … WHERE)',
    summary: 'Apply an incoming row only when its version is newer than the stored one.',
    tags: ['conditional'],
    dialects: {
      sqlite: {
        setup: docs({ int: 'INTEGER', text: 'TEXT' }),
        statement: LWW,
        explanation: lwwExplanation,
        expect: lwwExpect(),
      },
      postgres: {
        setup: docs({ int: 'integer', text: 'text' }),
        statement: LWW,
        explanation: lwwExplanation,
        expect: lwwExpect(),
      },
    },
  },
  {
    id: 'conditional-skip-unchanged',
    title: 'Conditional update: skip rows that did not change',
    summary: 'DO UPDATE … WHERE with IS DISTINCT FROM / IS NOT, and why not <>.',
    tags: ['conditional'],
    dialects: {
      sqlite: {
        setup: users({ pk: 'INTEGER PRIMARY KEY', text: 'TEXT', int: 'INTEGER' }),
        statement: skip('IS NOT'),
        explanation: skipExplanation(
          'IS NOT',
          'SQLite also accepts the standard spelling, `IS DISTINCT FROM`, with the same meaning.',
        ),
        expect: skipExpect(),
      },
      postgres: {
        setup: users({ pk: 'integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY', text: 'text', int: 'integer' }),
        statement: skip('IS DISTINCT FROM'),
        explanation: skipExplanation('IS DISTINCT FROM', ''),
        expect: skipExpect(),
      },
    },
  },
  {
    id: 'partial-unique-index-target',
    title: 'Partial unique index as the conflict target',
    summary: 'ON CONFLICT (email) WHERE deleted_at IS NULL, and the error without the WHERE.',
    tags: ['conditional', 'pitfalls'],
    dialects: {
      sqlite: {
        setup: accounts({ pk: 'INTEGER PRIMARY KEY', text: 'TEXT' }),
        statement: PARTIAL,
        explanation: partialExplanation('"ON CONFLICT clause does not match any PRIMARY KEY or UNIQUE constraint"'),
        expect: partialExpect({
          message: 'ON CONFLICT clause does not match any PRIMARY KEY or UNIQUE constraint',
          code: 'SQLITE_ERROR',
        }),
      },
      postgres: {
        setup: accounts({ pk: 'integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY', text: 'text' }),
        statement: PARTIAL,
        explanation: partialExplanation(
          '"there is no unique or exclusion constraint matching the ON CONFLICT specification" (SQLSTATE 42P10)',
        ),
        expect: partialExpect({
          message: 'there is no unique or exclusion constraint matching the ON CONFLICT specification',
          code: '42P10',
        }),
      },
    },
  },
];
