/**
 * Gallery examples that exist in one dialect only: SQLite's INSERT OR REPLACE / OR IGNORE and
 * PostgreSQL's MERGE.
 */
import type { Example } from '../types';
import { USERS_POSTGRES, USERS_SQLITE, adaUpdatedLinusInserted } from './tables';

const REPLACE_SETUP = `PRAGMA foreign_keys = ON;

CREATE TABLE users (
  id          INTEGER PRIMARY KEY,
  email       TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL,
  login_count INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE orders (
  id      INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  item    TEXT NOT NULL
);

INSERT INTO users (email, name, login_count) VALUES
  ('ada@example.com',   'Ada',   3),
  ('grace@example.com', 'Grace', 7);
INSERT INTO orders (user_id, item) VALUES
  (1, 'Analytical Engine'),
  (2, 'COBOL manual');
`;

const REPLACE = `-- Ada: INSERT OR REPLACE deletes the conflicting row, then inserts.
INSERT OR REPLACE INTO users (email, name)
VALUES ('ada@example.com', 'Ada Lovelace')
RETURNING id, email, name, login_count;

-- Grace: ON CONFLICT DO UPDATE changes the row in place.
INSERT INTO users (email, name)
VALUES ('grace@example.com', 'Grace Hopper')
ON CONFLICT (email) DO UPDATE SET name = excluded.name
RETURNING id, email, name, login_count;
`;

const IGNORE = `INSERT OR IGNORE INTO users (email, name, age) VALUES
  ('ada@example.com',      'Somebody', 50),   -- the email is taken
  ('linus@example.com',    NULL,       28),   -- name is NOT NULL
  ('margaret@example.com', 'Margaret', 38)
RETURNING id, email, name;

-- ON CONFLICT DO NOTHING only covers uniqueness: the NULL name is an error.
INSERT INTO users (email, name, age) VALUES
  ('linus@example.com', NULL, 28)
ON CONFLICT DO NOTHING;
`;

const MERGE = `MERGE INTO users AS u
USING (VALUES
  ('ada@example.com',   'Ada Lovelace', 37),
  ('linus@example.com', 'Linus',        28)
) AS src (email, name, age)
ON u.email = src.email
WHEN MATCHED THEN
  UPDATE SET name = src.name, age = src.age
WHEN NOT MATCHED THEN
  INSERT (email, name, age) VALUES (src.email, src.name, src.age)
RETURNING merge_action() AS action, u.id, u.email, u.name, u.age;

-- The same key twice in the source:
MERGE INTO users AS u
USING (VALUES
  ('grace@example.com', 'Grace H.'),
  ('grace@example.com', 'Grace Hopper')
) AS src (email, name)
ON u.email = src.email
WHEN MATCHED THEN
  UPDATE SET name = src.name
WHEN NOT MATCHED THEN
  INSERT (email, name) VALUES (src.email, src.name);
`;

/** One-dialect examples: INSERT OR REPLACE / OR IGNORE (SQLite) and MERGE (PostgreSQL). */
export const DIALECT_ONLY: Example[] = [
  {
    id: 'sqlite-insert-or-replace',
    title: 'INSERT OR REPLACE: delete, then insert',
    summary: 'A new rowid, unlisted columns reset to their defaults, and cascading deletes.',
    tags: ['sqlite-only', 'pitfalls'],
    reason:
      'PostgreSQL has no `INSERT OR REPLACE` (it is a syntax error there); its upsert is `INSERT … ON CONFLICT DO UPDATE`.',
    attempt: {
      setup: USERS_POSTGRES,
      statement: `INSERT OR REPLACE INTO users (email, name)
VALUES ('ada@example.com', 'Ada Lovelace');
`,
      error: { message: 'syntax error at or near "OR"', code: '42601' },
    },
    dialects: {
      sqlite: {
        setup: REPLACE_SETUP,
        statement: REPLACE,
        explanation: [
          "`INSERT OR REPLACE` is not an update. When the new row conflicts, SQLite deletes the old row and inserts the new one. In After, Ada's old row (id 1) is marked deleted and a new one inserted, flagged as replaced.",
          'The new row is built from the INSERT alone: it gets a new id, 3, because id was not listed, and login_count falls back to its DEFAULT, 3 → 0. Her history is gone.',
          'The delete has side effects. With foreign keys on, `ON DELETE CASCADE` removed her order: the orders table shows "Analytical Engine" deleted. Yet statement 1 reports 1 row affected: the two deletes are not counted, only its summary shows 1 inserted, 2 deleted.',
          "Grace's statement is the update people usually mean: `ON CONFLICT (email) DO UPDATE` changes her row in place. She keeps id 2, login_count 7 and her order; only the name is marked changed.",
        ],
        expect: {
          statements: [
            {
              index: 0,
              rowsAffected: 1,
              columns: ['id', 'email', 'name', 'login_count'],
              rows: [[3, 'ada@example.com', 'Ada Lovelace', 0]],
              diffCounts: { inserted: 1, updated: 0, deleted: 2 },
            },
            {
              index: 1,
              rowsAffected: 1,
              rows: [[2, 'grace@example.com', 'Grace Hopper', 7]],
              diffCounts: { inserted: 0, updated: 1, deleted: 0 },
            },
          ],
          tables: {
            users: {
              columns: ['id', 'email', 'name', 'login_count'],
              rows: [
                [2, 'grace@example.com', 'Grace Hopper', 7],
                [3, 'ada@example.com', 'Ada Lovelace', 0],
              ],
              counts: { deleted: 1, inserted: 1, updated: 1, replaced: 1 },
              marks: [
                { key: { id: 1 }, change: 'deleted', replaced: true },
                { key: { id: 3 }, change: 'inserted', replaced: true },
                { key: { id: 2 }, change: 'updated', changed: ['name'] },
              ],
            },
            orders: {
              columns: ['id', 'user_id', 'item'],
              rows: [[2, 2, 'COBOL manual']],
              counts: { deleted: 1, unchanged: 1, inserted: 0, updated: 0 },
              marks: [{ key: { item: 'Analytical Engine' }, change: 'deleted' }],
            },
          },
        },
      },
    },
  },
  {
    id: 'sqlite-insert-or-ignore',
    title: 'INSERT OR IGNORE vs ON CONFLICT DO NOTHING',
    summary: 'OR IGNORE skips rows that break NOT NULL too, not only unique keys.',
    tags: ['sqlite-only', 'pitfalls'],
    reason:
      'PostgreSQL has no `INSERT OR IGNORE` (it is a syntax error there); the nearest is `ON CONFLICT DO NOTHING`.',
    attempt: {
      setup: USERS_POSTGRES,
      statement: `INSERT OR IGNORE INTO users (email, name, age)
VALUES ('ada@example.com', 'Somebody', 50);
`,
      error: { message: 'syntax error at or near "OR"', code: '42601' },
    },
    dialects: {
      sqlite: {
        setup: USERS_SQLITE,
        statement: IGNORE,
        explanation: [
          "`INSERT OR IGNORE` skips, without an error, any row that would break a UNIQUE, PRIMARY KEY, NOT NULL or CHECK constraint. The first row repeats Ada's email and is skipped, as with `ON CONFLICT DO NOTHING`.",
          'But the second row is skipped too, silently: its name is NULL in a NOT NULL column. Only Margaret is inserted: 1 row affected, one row returned, and nothing says Linus was lost.',
          'Statement 2 sends Linus with `ON CONFLICT DO NOTHING`, which covers unique keys only, and fails loudly: "NOT NULL constraint failed: users.name". That is usually what you want.',
        ],
        expect: {
          statements: [
            {
              index: 0,
              rowsAffected: 1,
              columns: ['id', 'email', 'name'],
              rows: [[3, 'margaret@example.com', 'Margaret']],
            },
          ],
          tables: {
            users: {
              columns: ['email', 'name'],
              rows: [
                ['ada@example.com', 'Ada'],
                ['grace@example.com', 'Grace'],
                ['margaret@example.com', 'Margaret'],
              ],
              counts: { inserted: 1, unchanged: 2, updated: 0, deleted: 0 },
            },
          },
          error: {
            statementIndex: 1,
            message: 'NOT NULL constraint failed: users.name',
            code: 'SQLITE_CONSTRAINT_NOTNULL',
          },
        },
      },
    },
  },
  {
    id: 'postgres-merge',
    title: 'MERGE as an upsert, with RETURNING merge_action()',
    summary: 'WHEN MATCHED UPDATE / WHEN NOT MATCHED INSERT, and a duplicate source key.',
    tags: ['postgres-only'],
    reason: 'SQLite has no `MERGE` statement (it is a syntax error there); use `INSERT … ON CONFLICT DO UPDATE`.',
    attempt: {
      setup: USERS_SQLITE,
      statement: `MERGE INTO users AS u
USING (SELECT 'ada@example.com' AS email, 'Ada Lovelace' AS name) AS src
ON u.email = src.email
WHEN MATCHED THEN UPDATE SET name = src.name;
`,
      error: { message: 'near "MERGE": syntax error', code: 'SQLITE_ERROR' },
    },
    dialects: {
      postgres: {
        setup: USERS_POSTGRES,
        statement: MERGE,
        explanation: [
          '`MERGE` (PostgreSQL 15 and later) joins a source (here a VALUES list) to the target table with the `ON` condition, and runs the WHEN MATCHED action for source rows that found a target row and the WHEN NOT MATCHED action for the others. Unlike ON CONFLICT, the condition is any join condition: it does not need a unique index.',
          'Statement 1 updates Ada (After: name and age changed) and inserts Linus; 2 rows affected. Since PostgreSQL 17, `RETURNING merge_action()` says which action each row took: UPDATE for Ada, INSERT for Linus.',
          'Statement 2 has Grace twice in the source. Both rows match her row, and MERGE refuses to change one row twice: "MERGE command cannot affect row a second time" (SQLSTATE 21000). Grace is unchanged.',
        ],
        expect: {
          statements: [
            {
              index: 0,
              rowsAffected: 2,
              columns: ['action', 'id', 'email', 'name', 'age'],
              rows: [
                ['UPDATE', 1, 'ada@example.com', 'Ada Lovelace', 37],
                ['INSERT', 3, 'linus@example.com', 'Linus', 28],
              ],
            },
          ],
          tables: {
            users: adaUpdatedLinusInserted(37, [{ key: { email: 'grace@example.com' }, change: 'unchanged' }]),
          },
          error: { statementIndex: 1, message: 'MERGE command cannot affect row a second time', code: '21000' },
        },
      },
    },
  },
];
