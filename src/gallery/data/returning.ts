/** Gallery example: a login counter whose RETURNING tells inserted rows from updated ones. */
import type { Example } from '../types';
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

/** The login counter with an inserted/updated flag. */
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
];
