/**
 * Gallery example: generated ids and conflicting rows — PostgreSQL's identity sequence spends a
 * value on every proposed row, SQLite's rowid is picked when a row is inserted.
 */
import type { Example, Expectation } from '../types';
import { USERS_POSTGRES, USERS_SQLITE } from './tables';

const GAPS = `-- Ada exists: the row is skipped.
INSERT INTO users (email, name, age)
VALUES ('ada@example.com', 'Somebody else', 99)
ON CONFLICT (email) DO NOTHING
RETURNING id;

-- Grace exists: the row becomes an update.
INSERT INTO users (email, name, age)
VALUES ('grace@example.com', 'Grace Hopper', 46)
ON CONFLICT (email) DO UPDATE SET name = excluded.name, age = excluded.age
RETURNING id;

-- Linus is new: the row is inserted.
INSERT INTO users (email, name, age)
VALUES ('linus@example.com', 'Linus', 28)
ON CONFLICT (email) DO UPDATE SET name = excluded.name, age = excluded.age
RETURNING id;
`;

const GAPS_PG = `${GAPS}
-- The last value the identity sequence handed out in this session.
SELECT currval(pg_get_serial_sequence('users', 'id')) AS last_id;
`;

const gapsExpect = (linusId: number, extra: Expectation['statements'] = []): Expectation => ({
  statements: [
    { index: 0, rowsAffected: 0, columns: ['id'], rows: [] },
    { index: 1, rowsAffected: 1, rows: [[2]], diffCounts: { inserted: 0, updated: 1, deleted: 0 } },
    { index: 2, rowsAffected: 1, rows: [[linusId]], diffCounts: { inserted: 1, updated: 0, deleted: 0 } },
    ...extra,
  ],
  tables: {
    users: {
      columns: ['id', 'email', 'name'],
      rows: [
        [1, 'ada@example.com', 'Ada'],
        [2, 'grace@example.com', 'Grace Hopper'],
        [linusId, 'linus@example.com', 'Linus'],
      ],
      counts: { inserted: 1, updated: 1, unchanged: 1, deleted: 0 },
      marks: [
        { key: { id: 1 }, change: 'unchanged' },
        { key: { id: 2 }, change: 'updated', changed: ['name', 'age'] },
        { key: { id: linusId }, change: 'inserted' },
      ],
    },
  },
});

/** Skipped and updated rows and the ids of the next inserted row. */
export const GENERATED_IDS: Example[] = [
  {
    id: 'generated-ids-gaps',
    title: 'Skipped and updated rows use up generated ids',
    summary: 'A conflicting row can still take a value from the id sequence, and the next new row skips it.',
    tags: ['pitfalls'],
    dialects: {
      sqlite: {
        setup: USERS_SQLITE,
        statement: GAPS,
        explanation: [
          'In SQLite, `id INTEGER PRIMARY KEY` is the rowid and no sequence is involved: a row being inserted gets the largest id in the table plus one. The skipped row of statement 1 and the update of statement 2 take no id, so Linus gets 3, with no gap.',
          'The other side of it: ids can come back. Delete the row with the largest id, and the next insert takes that id again.',
          'With `id INTEGER PRIMARY KEY AUTOINCREMENT`, SQLite never hands out an id twice. It keeps the largest id it gave in the sqlite_sequence table, counts the conflicting rows too, and the same three statements give Linus id 5.',
        ],
        expect: gapsExpect(3),
      },
      postgres: {
        setup: USERS_POSTGRES,
        statement: GAPS_PG,
        explanation: [
          "The identity column takes its default from a sequence, and PostgreSQL computes the default of every proposed row before it looks for a conflict. Statement 1 skips Ada's row (`DO NOTHING`) and statement 2 turns Grace's into an update, yet each used up a value: 3, then 4.",
          'Linus, the first row actually inserted, gets id 5: After shows ids 1, 2 and 5, and `currval` says the sequence last handed out 5.',
          'The values 3 and 4 are not given back. Generated ids are unique, not consecutive: do not count rows with them.',
        ],
        expect: gapsExpect(5, [{ index: 3, columns: ['last_id'], rows: [[5]] }]),
      },
    },
  },
];
