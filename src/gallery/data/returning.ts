/**
 * Gallery examples about what RETURNING reports: a login counter that tells inserted rows from
 * updated ones, and the existing row that DO NOTHING … RETURNING does not return.
 */
import type { Example, Expectation } from '../types';
import { USERS_POSTGRES, USERS_SQLITE } from './tables';

const LOGIN_PG = `-- Ada logs in again, Linus for the first time.
INSERT INTO users (email, name, login_count) VALUES
  ('ada@example.com',   'Ada',   1),
  ('linus@example.com', 'Linus', 1)
ON CONFLICT (email) DO UPDATE SET
  login_count = users.login_count + 1
RETURNING
  email,
  login_count,
  (xmax = 0)                 AS inserted,
  old.login_count            AS old_count,
  new.login_count            AS new_count,
  CASE WHEN old.id IS NULL THEN 'inserted' ELSE 'updated' END AS action;
`;

const LOGIN_SQLITE = `-- Ada logs in again, Linus for the first time.
INSERT INTO users (email, name, login_count) VALUES
  ('ada@example.com',   'Ada',   1),
  ('linus@example.com', 'Linus', 1)
ON CONFLICT (email) DO UPDATE SET
  login_count = users.login_count + 1
RETURNING
  email,
  login_count,
  login_count = 1 AS inserted;
`;

const SKIPPED = `-- Ada exists: DO NOTHING skips the row, and RETURNING returns nothing.
INSERT INTO users (email, name, age)
VALUES ('ada@example.com', 'Somebody else', 99)
ON CONFLICT (email) DO NOTHING
RETURNING id, email, name;
`;

/** The one-query form for an email: the inserted row, or else the stored one. */
const insertOrSelect = (email: string, name: string, age: number) => `WITH ins AS (
  INSERT INTO users (email, name, age)
  VALUES ('${email}', '${name}', ${age})
  ON CONFLICT (email) DO NOTHING
  RETURNING id, email, name
)
SELECT id, email, name FROM ins
UNION ALL
SELECT id, email, name FROM users
WHERE email = '${email}' AND NOT EXISTS (SELECT 1 FROM ins);
`;

const EXISTING_PG = `${SKIPPED}
-- The same INSERT in a CTE, and the stored row when it returned nothing.
${insertOrSelect('ada@example.com', 'Somebody else', 99)}
-- The same query for a new email: the inserted row comes back.
${insertOrSelect('linus@example.com', 'Linus', 28)}`;

const EXISTING_SQLITE = `${SKIPPED}
-- Read the stored row with a second statement.
SELECT id, email, name FROM users WHERE email = 'ada@example.com';

-- The one-query form: an INSERT inside WITH.
${insertOrSelect('ada@example.com', 'Somebody else', 99)}`;

const existingExpect = (extra: Expectation['statements'], linus: boolean): Expectation => ({
  statements: [{ index: 0, rowsAffected: 0, columns: ['id', 'email', 'name'], rows: [] }, ...extra],
  tables: {
    users: {
      columns: ['email', 'name', 'age'],
      rows: [
        ['ada@example.com', 'Ada', 36],
        ['grace@example.com', 'Grace', 45],
        ...(linus ? [['linus@example.com', 'Linus', 28]] : []),
      ],
      counts: { inserted: linus ? 1 : 0, updated: 0, unchanged: 2, deleted: 0 },
      marks: [{ key: { email: 'ada@example.com' }, change: 'unchanged' }],
    },
  },
});

const skippedParagraph =
  "Statement 1 proposes Ada's email again. `DO NOTHING` skips the row, and RETURNING reports only the rows a statement wrote: 0 rows affected and no row returned, not even Ada's stored row.";

const noOpUpdateParagraph =
  'A shortcut often suggested, `DO UPDATE SET email = excluded.email`, does return the stored row, but it writes it: After then marks Ada updated, with the same values.';

/** The login counter with an inserted/updated flag; the stored row DO NOTHING does not return. */
export const RETURNING_FLAGS: Example[] = [
  {
    id: 'login-counter-returning',
    title: 'Login counter: RETURNING with an inserted/updated flag',
    summary: 'Count logins and tell new users from returning ones in the same statement.',
    tags: ['counters'],
    dialects: {
      postgres: {
        setup: USERS_POSTGRES,
        statement: LOGIN_PG,
        explanation: [
          'Ada exists, so her login_count goes 3 → 4 (After: updated); Linus is inserted with 1. RETURNING gives one row each, and three ways to tell them apart.',
          '`(xmax = 0) AS inserted` reads a system column: a row version that was just inserted has xmax 0, while the updated row version carries the id of the current transaction, which locked it. So Linus shows true and Ada false. It is a well-known trick, but it relies on an internal detail of how rows are stored.',
          'Since PostgreSQL 18, RETURNING can also name `old` and `new`: Ada shows old_count 3 and new_count 4; Linus has no old row, so old_count is NULL, which is what the `CASE WHEN old.id IS NULL` test turns into "inserted".',
        ],
        expect: {
          statements: [
            {
              index: 0,
              rowsAffected: 2,
              columns: ['email', 'login_count', 'inserted', 'old_count', 'new_count', 'action'],
              rows: [
                ['ada@example.com', 4, false, 3, 4, 'updated'],
                ['linus@example.com', 1, true, null, 1, 'inserted'],
              ],
            },
          ],
          tables: {
            users: {
              columns: ['email', 'login_count'],
              rows: [
                ['ada@example.com', 4],
                ['grace@example.com', 7],
                ['linus@example.com', 1],
              ],
              counts: { updated: 1, inserted: 1, unchanged: 1, deleted: 0 },
              marks: [{ key: { email: 'ada@example.com' }, change: 'updated', changed: ['login_count'] }],
            },
          },
        },
      },
      sqlite: {
        setup: USERS_SQLITE,
        statement: LOGIN_SQLITE,
        explanation: [
          'Ada exists, so her login_count goes 3 → 4 (After: updated); Linus is inserted with 1. RETURNING shows each row as it is after the statement.',
          'SQLite\'s RETURNING sees only that final row: it has no `xmax` system column and no `old` or `new` (both are "no such column" errors), and it cannot read `excluded`. So the flag has to come from the data.',
          'Here it can: this statement inserts new users with 1, and an update adds 1 to a stored count, so `login_count = 1` is true for inserted rows (1 for Linus, 0 for Ada).',
          "The trick has a hole: the column's `DEFAULT 0` lets a stored count be 0 (a user added without login_count), and such a user's first update goes 0 → 1 and is flagged as inserted. It is exact only while no stored count can be 0, for example with `CHECK (login_count >= 1)`.",
        ],
        expect: {
          statements: [
            {
              index: 0,
              rowsAffected: 2,
              columns: ['email', 'login_count', 'inserted'],
              rows: [
                ['ada@example.com', 4, 0],
                ['linus@example.com', 1, 1],
              ],
            },
          ],
          tables: {
            users: {
              columns: ['email', 'login_count'],
              rows: [
                ['ada@example.com', 4],
                ['grace@example.com', 7],
                ['linus@example.com', 1],
              ],
              counts: { updated: 1, inserted: 1, unchanged: 1, deleted: 0 },
              marks: [{ key: { email: 'ada@example.com' }, change: 'updated', changed: ['login_count'] }],
            },
          },
        },
      },
    },
  },
  {
    id: 'do-nothing-returning-existing',
    title: 'Why did DO NOTHING … RETURNING return nothing?',
    summary: 'A skipped row returns no row; get the stored one in the same query or with a second statement.',
    tags: ['pitfalls'],
    dialects: {
      sqlite: {
        setup: USERS_SQLITE,
        statement: EXISTING_SQLITE,
        explanation: [
          skippedParagraph,
          "Statement 2 reads the stored row with a second statement, `SELECT … WHERE email = 'ada@example.com'`: it returns Ada as stored, id 1, name Ada.",
          'The one-query form used with PostgreSQL puts the INSERT inside a `WITH` clause. SQLite does not accept an INSERT there: statement 3 tries it and fails with "near "INSERT": syntax error".',
          noOpUpdateParagraph,
        ],
        expect: {
          ...existingExpect(
            [{ index: 1, columns: ['id', 'email', 'name'], rows: [[1, 'ada@example.com', 'Ada']] }],
            false,
          ),
          error: { statementIndex: 2, message: 'near "INSERT": syntax error', code: 'SQLITE_ERROR' },
        },
      },
      postgres: {
        setup: USERS_POSTGRES,
        statement: EXISTING_PG,
        explanation: [
          skippedParagraph,
          'Statement 2 puts the same INSERT in a CTE, `ins`, and returns what `ins` returned, plus the stored row read from users when `ins` returned nothing (`NOT EXISTS (SELECT 1 FROM ins)`). Ada comes back as stored: id 1, name Ada.',
          'Statement 3 is the same query for a new email: the INSERT writes Linus, `ins` returns him, and the second SELECT adds nothing. One row back either way; in After, Ada is unchanged and Linus inserted.',
          'Linus gets id 5: statements 1 and 2 each used up an identity value on Ada\'s skipped row (see "Skipped and updated rows use up generated ids").',
          noOpUpdateParagraph,
        ],
        expect: existingExpect(
          [
            { index: 1, columns: ['id', 'email', 'name'], rows: [[1, 'ada@example.com', 'Ada']] },
            { index: 2, columns: ['id', 'email', 'name'], rows: [[5, 'linus@example.com', 'Linus']] },
          ],
          true,
        ),
      },
    },
  },
];
