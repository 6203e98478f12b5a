/**
 * Gallery example: SQLite's INSERT OR REPLACE deleting two rows for one new row, one conflict on
 * the primary key and one on a second unique key.
 */
import type { Example } from '../types';
import { USERS_POSTGRES } from './tables';

const TWO_KEYS_SETUP = `PRAGMA foreign_keys = ON;

CREATE TABLE users (
  id    INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  name  TEXT NOT NULL
);
CREATE TABLE orders (
  id      INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  item    TEXT NOT NULL
);

INSERT INTO users (id, email, name) VALUES
  (1, 'ada@example.com',   'Ada'),
  (2, 'grace@example.com', 'Grace'),
  (3, 'linus@example.com', 'Linus');
INSERT INTO orders (user_id, item) VALUES
  (1, 'Analytical Engine'),
  (2, 'COBOL manual'),
  (3, 'Keyboard');
`;

const TWO_KEYS = `-- id 1 is Ada's; grace@example.com is Grace's.
INSERT OR REPLACE INTO users (id, email, name)
VALUES (1, 'grace@example.com', 'Grace Hopper')
RETURNING id, email, name;
`;

/** INSERT OR REPLACE against two rows at once. */
export const REPLACE_TWO_ROWS: Example[] = [
  {
    id: 'sqlite-replace-deletes-two-rows',
    title: 'INSERT OR REPLACE can delete two rows for one',
    summary: 'A new row that clashes with one row on id and another on email removes both.',
    tags: ['sqlite-only', 'pitfalls'],
    reason:
      'PostgreSQL has no `INSERT OR REPLACE` (it is a syntax error there); its upsert is `INSERT … ON CONFLICT DO UPDATE`.',
    attempt: {
      setup: USERS_POSTGRES,
      statement: `INSERT OR REPLACE INTO users (id, email, name)
VALUES (1, 'grace@example.com', 'Grace Hopper');
`,
      error: { message: 'syntax error at or near "OR"', code: '42601' },
    },
    dialects: {
      sqlite: {
        setup: TWO_KEYS_SETUP,
        statement: TWO_KEYS,
        explanation: [
          "The new row's id, 1, is Ada's, and its email is Grace's: it conflicts with two different rows on two different keys. `INSERT OR REPLACE` deletes every row in its way, Ada's and Grace's, then inserts the new one.",
          "The users table shows only part of that: the new row has Ada's id, so After pairs it with her old row and marks row 1 updated (email and name changed), and Grace's row deleted. The proposed rows under the statement tell it right: one row, replaced, with Ada's and Grace's rows as the rows it removed.",
          "The orders table tells the rest: with `ON DELETE CASCADE`, Ada's order is deleted as well as Grace's, so Ada's row was deleted, not updated. Linus and his order are unchanged.",
          'The statement reports 1 row affected; its summary shows 1 updated and 3 deleted (Grace and the two orders).',
          'An upsert does not delete rows to make room: the same row with `ON CONFLICT (id) DO UPDATE SET email = excluded.email, …` tries to give Ada\'s row Grace\'s email and fails with "UNIQUE constraint failed: users.email", leaving both rows as they were.',
        ],
        expect: {
          statements: [
            {
              index: 0,
              rowsAffected: 1,
              columns: ['id', 'email', 'name'],
              rows: [[1, 'grace@example.com', 'Grace Hopper']],
              diffCounts: { inserted: 0, updated: 1, deleted: 3 },
            },
          ],
          tables: {
            users: {
              columns: ['id', 'email', 'name'],
              rows: [
                [1, 'grace@example.com', 'Grace Hopper'],
                [3, 'linus@example.com', 'Linus'],
              ],
              counts: { updated: 1, deleted: 1, unchanged: 1, inserted: 0 },
              marks: [
                { key: { id: 1 }, change: 'updated', changed: ['email', 'name'] },
                { key: { id: 2 }, change: 'deleted' },
                { key: { id: 3 }, change: 'unchanged' },
              ],
            },
            orders: {
              columns: ['id', 'user_id', 'item'],
              rows: [[3, 3, 'Keyboard']],
              counts: { deleted: 2, unchanged: 1, inserted: 0, updated: 0 },
              marks: [
                { key: { item: 'Analytical Engine' }, change: 'deleted' },
                { key: { item: 'COBOL manual' }, change: 'deleted' },
              ],
            },
          },
        },
      },
    },
  },
];
