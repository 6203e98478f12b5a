/**
 * Gallery examples of the basic upsert: a single row, a bulk VALUES list, and insert-if-absent.
 */
import type { Example, Expectation } from '../types';
import { USERS_POSTGRES, USERS_SQLITE } from './tables';

const EDSGER = `INSERT INTO users (email, name, age, login_count) VALUES
  ('edsger@example.com', 'Edsger', 72, 1);
`;

const SINGLE = `-- Ada's email is taken: the row is updated.
INSERT INTO users (email, name, age)
VALUES ('ada@example.com', 'Ada Lovelace', 37)
ON CONFLICT (email) DO UPDATE SET
  name = excluded.name,
  age  = EXCLUDED.age
RETURNING id, email, name, age, login_count;

-- Linus's email is free: the row is inserted.
INSERT INTO users (email, name, age)
VALUES ('linus@example.com', 'Linus', 28)
ON CONFLICT (email) DO UPDATE SET
  name = excluded.name,
  age  = excluded.age
RETURNING id, email, name, age, login_count;
`;

const BULK = `-- Four rows in one statement: two emails exist, two are new.
INSERT INTO users (email, name, age) VALUES
  ('ada@example.com',      'Ada Lovelace',      37),
  ('grace@example.com',    'Grace Hopper',      46),
  ('linus@example.com',    'Linus Torvalds',    28),
  ('margaret@example.com', 'Margaret Hamilton', 38)
ON CONFLICT (email) DO UPDATE SET
  name = excluded.name,
  age  = excluded.age
RETURNING id, email, name, age;
`;

const IF_ABSENT = `-- Ada exists: the row is skipped, nothing is returned.
INSERT INTO users (email, name, age)
VALUES ('ada@example.com', 'Somebody else', 99)
ON CONFLICT (email) DO NOTHING
RETURNING id, email, name;

-- Linus does not: he is inserted and returned.
INSERT INTO users (email, name, age)
VALUES ('linus@example.com', 'Linus', 28)
ON CONFLICT (email) DO NOTHING
RETURNING id, email, name;
`;

const singleExplanation = [
  "Statement 1 proposes a row whose email is already Ada's. The unique index on email reports the conflict, and instead of failing the INSERT becomes the `DO UPDATE`: in After, Ada's row (id 1) is marked updated, name Ada → Ada Lovelace and age 36 → 37.",
  '`excluded` is the row that was proposed and not inserted. It is an ordinary name: `excluded.name` and `EXCLUDED.age` work the same. login_count is not in the SET list, so it keeps 3; the RETURNING row shows the row as it is after the update.',
  'Statement 2 proposes a new email: no conflict, a plain insert. Each statement reports 1 row affected, whether it inserted or updated.',
];

const singleIdNote =
  "Linus gets id 4, not 3: the identity default was computed for Ada's proposed row in statement 1 before the conflict was found, and that value is used up although the row became an update. Upserts leave gaps in generated ids.";

const bulkExplanation = [
  'One statement, four proposed rows. Each row is checked on its own: Ada and Grace conflict on email and take the `DO UPDATE` path, Linus and Margaret are inserted.',
  'In After, Ada and Grace are marked updated (name and age changed), Linus and Margaret inserted, and Edsger, who was not in the batch, is unchanged. The statement reports 4 rows affected (2 updated + 2 inserted), and RETURNING gives one row per proposed row, with the ids the rows have now.',
];

const ifAbsentExplanation = [
  'Statement 1 proposes Ada\'s email again. With `DO NOTHING` the conflicting row is skipped silently: 0 rows affected, and `RETURNING` returns nothing, because RETURNING only reports rows that were actually written. In After, Ada\'s row is unchanged (still "Ada", age 36).',
  'Statement 2 proposes a new email: 1 row affected, one row returned, Linus is marked inserted.',
  'So "rows affected" (or an empty RETURNING) is how an application tells "created" from "already there". The existing row is not returned: to see it, SELECT it.',
];

/** Basics: single-row and bulk upserts, insert-if-absent. */
export const BASICS: Example[] = [
  {
    id: 'single-row-upsert',
    title: 'Single-row upsert: ON CONFLICT (email) DO UPDATE',
    summary: 'Insert a user, or update the one with the same email, in one statement.',
    tags: ['basics'],
    dialects: {
      sqlite: {
        setup: USERS_SQLITE,
        statement: SINGLE,
        explanation: singleExplanation,
        expect: singleExpect(3),
      },
      postgres: {
        setup: USERS_POSTGRES,
        statement: SINGLE,
        explanation: [...singleExplanation, singleIdNote],
        expect: singleExpect(4),
      },
    },
  },
  {
    id: 'bulk-upsert',
    title: 'Bulk upsert: many rows in one statement',
    summary: 'A multi-row VALUES list where some rows update and others insert.',
    tags: ['basics', 'bulk'],
    dialects: {
      sqlite: {
        setup: USERS_SQLITE + EDSGER,
        statement: BULK,
        explanation: bulkExplanation,
        expect: bulkExpect(4, 5),
      },
      postgres: {
        setup: USERS_POSTGRES + EDSGER,
        statement: BULK,
        explanation: [
          ...bulkExplanation,
          "Linus and Margaret get ids 6 and 7, not 4 and 5: the identity default is computed for every proposed row before its conflict is found, so Ada's and Grace's rows used up 4 and 5.",
        ],
        expect: bulkExpect(6, 7),
      },
    },
  },
  {
    id: 'insert-if-absent',
    title: 'Insert if absent: ON CONFLICT DO NOTHING',
    summary: 'Skip rows that exist; rows affected and RETURNING tell which were inserted.',
    tags: ['basics'],
    dialects: {
      sqlite: {
        setup: USERS_SQLITE,
        statement: IF_ABSENT,
        explanation: ifAbsentExplanation,
        expect: ifAbsentExpect(3),
      },
      postgres: {
        setup: USERS_POSTGRES,
        statement: IF_ABSENT,
        explanation: [
          ...ifAbsentExplanation,
          'Linus gets id 4, not 3: the skipped row of statement 1 used up identity value 3, which was computed before the conflict was found.',
        ],
        expect: ifAbsentExpect(4),
      },
    },
  },
];

function singleExpect(linusId: number): Expectation {
  return {
    statements: [
      {
        index: 0,
        rowsAffected: 1,
        columns: ['id', 'email', 'name', 'age', 'login_count'],
        rows: [[1, 'ada@example.com', 'Ada Lovelace', 37, 3]],
      },
      { index: 1, rowsAffected: 1, rows: [[linusId, 'linus@example.com', 'Linus', 28, 0]] },
    ],
    tables: {
      users: {
        columns: ['id', 'email', 'name', 'age', 'login_count'],
        rows: [
          [1, 'ada@example.com', 'Ada Lovelace', 37, 3],
          [2, 'grace@example.com', 'Grace', 45, 7],
          [linusId, 'linus@example.com', 'Linus', 28, 0],
        ],
        counts: { inserted: 1, updated: 1, unchanged: 1, deleted: 0 },
        marks: [{ key: { id: 1 }, change: 'updated', changed: ['name', 'age'] }],
      },
    },
  };
}

function bulkExpect(linusId: number, margaretId: number): Expectation {
  return {
    statements: [
      {
        index: 0,
        rowsAffected: 4,
        columns: ['id', 'email', 'name', 'age'],
        rows: [
          [1, 'ada@example.com', 'Ada Lovelace', 37],
          [2, 'grace@example.com', 'Grace Hopper', 46],
          [linusId, 'linus@example.com', 'Linus Torvalds', 28],
          [margaretId, 'margaret@example.com', 'Margaret Hamilton', 38],
        ],
      },
    ],
    tables: {
      users: {
        columns: ['email', 'name', 'age'],
        rows: [
          ['ada@example.com', 'Ada Lovelace', 37],
          ['grace@example.com', 'Grace Hopper', 46],
          ['edsger@example.com', 'Edsger', 72],
          ['linus@example.com', 'Linus Torvalds', 28],
          ['margaret@example.com', 'Margaret Hamilton', 38],
        ],
        counts: { inserted: 2, updated: 2, unchanged: 1, deleted: 0 },
        marks: [
          { key: { email: 'ada@example.com' }, change: 'updated', changed: ['name', 'age'] },
          { key: { email: 'grace@example.com' }, change: 'updated', changed: ['name', 'age'] },
          { key: { email: 'edsger@example.com' }, change: 'unchanged' },
        ],
      },
    },
  };
}

function ifAbsentExpect(linusId: number): Expectation {
  return {
    statements: [
      { index: 0, rowsAffected: 0, rows: [] },
      { index: 1, rowsAffected: 1, columns: ['id', 'email', 'name'], rows: [[linusId, 'linus@example.com', 'Linus']] },
    ],
    tables: {
      users: {
        columns: ['email', 'name', 'age'],
        rows: [
          ['ada@example.com', 'Ada', 36],
          ['grace@example.com', 'Grace', 45],
          ['linus@example.com', 'Linus', 28],
        ],
        counts: { inserted: 1, updated: 0, unchanged: 2, deleted: 0 },
        marks: [
          { key: { email: 'ada@example.com' }, change: 'unchanged' },
          { key: { email: 'linus@example.com' }, change: 'inserted' },
        ],
      },
    },
  };
}
