/**
 * Gallery examples about tables with several unique constraints: which one the target names,
 * DO NOTHING without a target, SQLite's several ON CONFLICT clauses, PostgreSQL's ON CONSTRAINT.
 */
import type { Example, Expectation } from '../types';
import { USERS_POSTGRES, USERS_SQLITE } from './tables';

const OTHER_KEY = `-- 1. Targets email. Ada's email exists, so her row is updated;
--    the proposed id 3 is not in the SET list and is ignored.
INSERT INTO users (id, email, name)
VALUES (3, 'ada@example.com', 'Ada Lovelace')
ON CONFLICT (email) DO UPDATE SET name = excluded.name
RETURNING id, email, name;

-- 2. Targets email again. Linus's email is new, but id 1 is Ada's:
--    the primary key conflicts, and the target does not cover it.
INSERT INTO users (id, email, name)
VALUES (1, 'linus@example.com', 'Linus')
ON CONFLICT (email) DO UPDATE SET name = excluded.name;
`;

const otherKeyExplanation = (error: string) => [
  'The table has two unique keys: the primary key id and email. `ON CONFLICT (email)` handles conflicts on email, and only those.',
  "Statement 1 conflicts on email: Ada's row is updated (After: name Ada → Ada Lovelace) and keeps id 1, because the SET does not touch id.",
  `Statement 2 proposes a new email with Ada's id. That is a conflict on the primary key, which the target does not name, so it is an ordinary error: ${error}. Nothing is inserted, Grace and Ada stay as statement 1 left them.`,
  'Which row should "win" when the id matches one row and the email another has no general answer: name the key you mean, and let the other one fail.',
];

/** Statement 1 renames Ada (id 1) and statement 2 fails with `error`. */
const adaRenamedThenFails = (error: { message: string; code?: string }): Expectation => ({
  statements: [
    { index: 0, rowsAffected: 1, columns: ['id', 'email', 'name'], rows: [[1, 'ada@example.com', 'Ada Lovelace']] },
  ],
  tables: {
    users: {
      columns: ['id', 'email', 'name'],
      rows: [
        [1, 'ada@example.com', 'Ada Lovelace'],
        [2, 'grace@example.com', 'Grace'],
      ],
      counts: { updated: 1, unchanged: 1, inserted: 0, deleted: 0 },
      marks: [{ key: { id: 1 }, change: 'updated', changed: ['name'] }],
    },
  },
  error: { statementIndex: 1, ...error },
});

const ANY = `INSERT INTO users (id, email, name) VALUES
  (1, 'linus@example.com',    'Linus'),     -- id 1 is Ada's
  (5, 'grace@example.com',    'Grace H.'),  -- the email is Grace's
  (6, 'margaret@example.com', 'Margaret')   -- no conflict
ON CONFLICT DO NOTHING
RETURNING id, email, name;
`;

const anyExplanation = [
  '`ON CONFLICT DO NOTHING` without a target skips a proposed row that conflicts with any unique key. The first row collides with Ada on the primary key, the second with Grace on email: both are skipped, whatever the key.',
  'Only Margaret is inserted: 1 row affected, one row returned, and in After Ada and Grace are unchanged.',
  'This is the one form that does not need a target. It is convenient for "insert what is new", but it also hides conflicts you did not expect, like the id clash here.',
];

const anyExpect = (): Expectation => ({
  statements: [
    { index: 0, rowsAffected: 1, columns: ['id', 'email', 'name'], rows: [[6, 'margaret@example.com', 'Margaret']] },
  ],
  tables: {
    users: {
      columns: ['id', 'email', 'name'],
      rows: [
        [1, 'ada@example.com', 'Ada'],
        [2, 'grace@example.com', 'Grace'],
        [6, 'margaret@example.com', 'Margaret'],
      ],
      counts: { inserted: 1, unchanged: 2, updated: 0, deleted: 0 },
    },
  },
});

const SEVERAL = `INSERT INTO users (id, email, name) VALUES
  (2, 'g.hopper@example.com', 'Grace Hopper'),  -- id 2 is Grace's, the email is new
  (7, 'ada@example.com',      'Ada Lovelace'),  -- the email is Ada's, id 7 is new
  (8, 'linus@example.com',    'Linus')          -- no conflict
ON CONFLICT (email) DO UPDATE SET name = excluded.name
ON CONFLICT (id)    DO UPDATE SET email = excluded.email, name = excluded.name
RETURNING id, email, name;

-- Both keys conflict, with different rows: id 1 is Ada's, the email is Grace's.
INSERT INTO users (id, email, name) VALUES (1, 'g.hopper@example.com', 'G. Hopper')
ON CONFLICT (email) DO UPDATE SET name = excluded.name
ON CONFLICT (id)    DO UPDATE SET name = excluded.name || ' (matched by id)'
RETURNING id, email, name;
`;

const ON_CONSTRAINT = `-- Name the constraint instead of listing its columns.
INSERT INTO users (email, name) VALUES ('ada@example.com', 'Ada Lovelace')
ON CONFLICT ON CONSTRAINT users_email_key
DO UPDATE SET name = excluded.name
RETURNING id, email, name;

-- DO UPDATE needs a target (columns or a constraint name); this one has none.
INSERT INTO users (email, name) VALUES ('grace@example.com', 'Grace Hopper')
ON CONFLICT DO UPDATE SET name = excluded.name;
`;

/** Several unique keys: targets, DO NOTHING without a target, several clauses, ON CONSTRAINT. */
export const CONSTRAINTS: Example[] = [
  {
    id: 'conflict-on-another-key',
    title: 'Several unique keys: the target names one of them',
    summary: 'ON CONFLICT (email) updates on email conflicts; a primary key conflict is still an error.',
    tags: ['pitfalls'],
    dialects: {
      sqlite: {
        setup: USERS_SQLITE,
        statement: OTHER_KEY,
        explanation: otherKeyExplanation(
          '"UNIQUE constraint failed: users.id" (SQLITE_CONSTRAINT_PRIMARYKEY: SQLite words a primary key clash as a UNIQUE failure)',
        ),
        expect: adaRenamedThenFails({
          message: 'UNIQUE constraint failed: users.id',
          code: 'SQLITE_CONSTRAINT_PRIMARYKEY',
        }),
      },
      postgres: {
        setup: USERS_POSTGRES,
        statement: OTHER_KEY,
        explanation: otherKeyExplanation('a unique violation (SQLSTATE 23505) on the constraint users_pkey'),
        expect: adaRenamedThenFails({
          message: 'duplicate key value violates unique constraint "users_pkey"',
          code: '23505',
        }),
      },
    },
  },
  {
    id: 'do-nothing-without-target',
    title: 'ON CONFLICT DO NOTHING without a target',
    summary: 'Skip a row that conflicts on any unique key.',
    tags: ['basics'],
    dialects: {
      sqlite: { setup: USERS_SQLITE, statement: ANY, explanation: anyExplanation, expect: anyExpect() },
      postgres: { setup: USERS_POSTGRES, statement: ANY, explanation: anyExplanation, expect: anyExpect() },
    },
  },
  {
    id: 'sqlite-several-on-conflict-clauses',
    title: 'Several ON CONFLICT clauses, tried in order',
    summary: 'One upsert handling email conflicts one way and primary key conflicts another.',
    tags: ['sqlite-only', 'conditional'],
    reason: 'PostgreSQL accepts a single `ON CONFLICT` clause per INSERT; a second one is a syntax error.',
    attempt: {
      setup: USERS_POSTGRES,
      statement: `INSERT INTO users (id, email, name) VALUES (2, 'g.hopper@example.com', 'Grace Hopper')
ON CONFLICT (email) DO UPDATE SET name = excluded.name
ON CONFLICT (id)    DO UPDATE SET email = excluded.email, name = excluded.name;
`,
      error: { message: 'syntax error at or near "ON"', code: '42601' },
    },
    dialects: {
      sqlite: {
        setup: USERS_SQLITE,
        statement: SEVERAL,
        explanation: [
          'SQLite lets one INSERT carry several `ON CONFLICT` clauses, each with its own target and action. Statement 1 handles an email conflict by renaming, and an id conflict by taking the new email and name.',
          'In After, Grace (id 2) is updated by the id clause: email and name changed. Ada is updated by the email clause and keeps id 1; the proposed id 7 is ignored. Linus is inserted with id 8. 3 rows affected.',
          "In statement 2 the row conflicts on both keys, with two different rows: id 1 is Ada's, the email is now Grace's. The clauses are tried in the order written, so the email clause wins: RETURNING shows Grace's row (id 2) renamed G. Hopper, and Ada is not touched. Swap the two clauses and Ada's row would get the name instead.",
          'Only the last clause may omit its target; a target-less clause anywhere else is a syntax error.',
        ],
        expect: {
          statements: [
            {
              index: 0,
              rowsAffected: 3,
              columns: ['id', 'email', 'name'],
              rows: [
                [2, 'g.hopper@example.com', 'Grace Hopper'],
                [1, 'ada@example.com', 'Ada Lovelace'],
                [8, 'linus@example.com', 'Linus'],
              ],
            },
            { index: 1, rowsAffected: 1, rows: [[2, 'g.hopper@example.com', 'G. Hopper']] },
          ],
          tables: {
            users: {
              columns: ['id', 'email', 'name'],
              rows: [
                [1, 'ada@example.com', 'Ada Lovelace'],
                [2, 'g.hopper@example.com', 'G. Hopper'],
                [8, 'linus@example.com', 'Linus'],
              ],
              counts: { updated: 2, inserted: 1, unchanged: 0, deleted: 0 },
              marks: [
                { key: { id: 2 }, change: 'updated', changed: ['email', 'name'] },
                { key: { id: 1 }, change: 'updated', changed: ['name'] },
                { key: { id: 8 }, change: 'inserted' },
              ],
            },
          },
        },
      },
    },
  },
  {
    id: 'postgres-on-constraint',
    title: 'ON CONFLICT ON CONSTRAINT name',
    summary: 'Name the unique constraint as the target; DO UPDATE without any target is an error.',
    tags: ['postgres-only'],
    reason:
      'SQLite names no constraint in ON CONFLICT: its target is a list of indexed columns, and `ON CONSTRAINT` is a syntax error.',
    attempt: {
      setup: USERS_SQLITE,
      statement: `INSERT INTO users (email, name) VALUES ('ada@example.com', 'Ada Lovelace')
ON CONFLICT ON CONSTRAINT users_email_key
DO UPDATE SET name = excluded.name;
`,
      error: { message: 'near "ON": syntax error', code: 'SQLITE_ERROR' },
    },
    dialects: {
      postgres: {
        setup: USERS_POSTGRES,
        statement: ON_CONSTRAINT,
        explanation: [
          '`ON CONFLICT ON CONSTRAINT users_email_key` names the unique constraint instead of its columns. `email text UNIQUE` created it with that generated name (table_column_key); a primary key is named table_pkey.',
          "Statement 1 conflicts on that constraint, so Ada's row is updated: After shows name Ada → Ada Lovelace.",
          'Statement 2 has `DO UPDATE` with no target at all, which PostgreSQL refuses before running anything: "ON CONFLICT DO UPDATE requires inference specification or constraint name" (SQLSTATE 42601). Only `DO NOTHING` may omit the target. Grace is unchanged.',
        ],
        expect: adaRenamedThenFails({
          message: 'ON CONFLICT DO UPDATE requires inference specification or constraint name',
          code: '42601',
        }),
      },
    },
  },
];
