/**
 * Gallery examples of the upsert done in the application: SELECT, then UPDATE or INSERT; the race
 * between two sessions doing it; and an ORM's merge() by primary key next to ON CONFLICT (id).
 */
import type { ErrorMatch, Example, Expectation } from '../types';
import { USERS_POSTGRES, USERS_SQLITE, adaUpdatedLinusInserted } from './tables';

const MANUAL = `-- The application-side upsert: look first, then decide.
-- 1. Is Ada there?
SELECT id, name, age FROM users WHERE email = 'ada@example.com';

-- 2. The SELECT found her, so the application sends an UPDATE.
UPDATE users SET name = 'Ada Lovelace', age = 37
WHERE email = 'ada@example.com';

-- 3. Is Linus there?
SELECT id, name, age FROM users WHERE email = 'linus@example.com';

-- 4. The SELECT found nothing, so the application sends an INSERT.
INSERT INTO users (email, name, age)
VALUES ('linus@example.com', 'Linus', 28);
`;

const RACE = `-- Two sessions, A and B, run the manual upsert for the same new email.
-- The interleaving is replayed here in ONE connection, statement by statement,
-- in the order the statements would reach the database.

-- t1  session A: SELECT finds no Linus
SELECT id FROM users WHERE email = 'linus@example.com';

-- t2  session B: SELECT finds no Linus either (A has not inserted yet)
SELECT id FROM users WHERE email = 'linus@example.com';

-- t3  session A: INSERT succeeds
INSERT INTO users (email, name, age)
VALUES ('linus@example.com', 'Linus', 28);

-- t4  session B: INSERT fails, the email is taken now
INSERT INTO users (email, name, age)
VALUES ('linus@example.com', 'Linus T.', 29);
`;

const students = (real: string) => `CREATE TABLE students (
  id    integer PRIMARY KEY,
  name  text NOT NULL,
  age   integer,
  score ${real}
);

INSERT INTO students (id, name, age, score) VALUES
  (1, 'John Doe', 24, 78.0),
  (2, 'Barbara',  30, 88.5);
`;

const MERGE_BY_PK = `-- What an ORM's merge(Student(id=1, ...)) sends:
-- look the object up by primary key...
SELECT id, name, age, score FROM students WHERE id = 1;

-- ...it exists, so UPDATE it.
UPDATE students SET name = 'John Doe', age = 25, score = 85.5 WHERE id = 1;

-- merge(Student(id=3, ...)): the lookup finds nothing...
SELECT id, name, age, score FROM students WHERE id = 3;

-- ...so INSERT it.
INSERT INTO students (id, name, age, score) VALUES (3, 'Ken', 22, 71.0);

-- The same decision made by the database, in one statement:
INSERT INTO students (id, name, age, score) VALUES (2, 'Barbara', 31, 92.0)
ON CONFLICT (id) DO UPDATE SET
  name  = excluded.name,
  age   = excluded.age,
  score = excluded.score
RETURNING id, name, age, score;
`;

const manualExplanation = [
  'This is the upsert written in the application: statement 1 looks for Ada and returns her row, so the application sends the UPDATE of statement 2; statement 3 finds no Linus (no rows), so it sends the INSERT of statement 4.',
  'In After, Ada is marked updated (name and age changed) and Linus is inserted. It took four statements, two round trips per row, and the decision was made in the application, between two statements.',
  'That gap is the problem: another session can insert the same email after the SELECT and before the INSERT. The example "The race in the manual upsert" replays it.',
];

const raceExplanation = (errorText: string) => [
  'Two sessions, A and B, both run the manual upsert for linus@example.com. The interleaving is replayed in one connection, one statement after the other, to show the outcome: statements 1 and 2 are the SELECTs of A and B, and both return no rows.',
  `So both decide to insert. A's INSERT (statement 3) succeeds; B's INSERT (statement 4) fails with ${errorText}. In After there is one Linus, A's row (age 28): B's data is lost unless the application catches the error and retries as an UPDATE.`,
  'The fix is to let the database make the decision atomically: `INSERT … ON CONFLICT (email) DO UPDATE` (see "Single-row upsert").',
];

const mergeExplanation = [
  "Statements 1 to 4 are what an ORM's merge() or save-or-update does for each object: a SELECT by primary key (statement 1 returns John's row, statement 3 returns nothing), then an UPDATE or an INSERT. In After, John (id 1) is updated, age 24 → 25 and score 78 → 85.5, and Ken (id 3) is inserted.",
  "Statement 5 makes the same decision inside the database: `ON CONFLICT (id)` finds Barbara's id, so her row is updated (age 30 → 31, score 88.5 → 92) in one statement that reports 1 row affected.",
  'The SELECT-then-write pair has the same race as the manual upsert: two sessions merging the same new id both see no row, and the second INSERT fails on the primary key. `ON CONFLICT (id)` has no such gap.',
];

function manualExpect(): Expectation {
  return {
    statements: [
      { index: 0, columns: ['id', 'name', 'age'], rows: [[1, 'Ada', 36]] },
      { index: 1, rowsAffected: 1 },
      { index: 2, rows: [] },
      { index: 3, rowsAffected: 1 },
    ],
    tables: {
      users: adaUpdatedLinusInserted(37, [{ key: { email: 'linus@example.com' }, change: 'inserted' }]),
    },
  };
}

function raceExpect(error: ErrorMatch): Expectation {
  return {
    statements: [
      { index: 0, rows: [] },
      { index: 1, rows: [] },
      { index: 2, rowsAffected: 1 },
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
      },
    },
    error: { statementIndex: 3, ...error },
  };
}

function mergeExpect(): Expectation {
  return {
    statements: [
      { index: 0, rows: [[1, 'John Doe', 24, 78]] },
      { index: 1, rowsAffected: 1 },
      { index: 2, rows: [] },
      { index: 3, rowsAffected: 1 },
      { index: 4, rowsAffected: 1, rows: [[2, 'Barbara', 31, 92]] },
    ],
    tables: {
      students: {
        columns: ['id', 'name', 'age', 'score'],
        rows: [
          [1, 'John Doe', 25, 85.5],
          [2, 'Barbara', 31, 92],
          [3, 'Ken', 22, 71],
        ],
        counts: { inserted: 1, updated: 2, unchanged: 0, deleted: 0 },
        marks: [
          { key: { id: 1 }, change: 'updated', changed: ['age', 'score'] },
          { key: { id: 2 }, change: 'updated', changed: ['age', 'score'] },
          { key: { id: 3 }, change: 'inserted' },
        ],
      },
    },
  };
}

/** The application-side upsert, its race, and merge() by primary key. */
export const MANUAL_UPSERTS: Example[] = [
  {
    id: 'manual-upsert',
    title: 'Manual upsert: SELECT, then UPDATE or INSERT',
    summary: 'The application decides between UPDATE and INSERT after a SELECT.',
    tags: ['basics'],
    dialects: {
      sqlite: { setup: USERS_SQLITE, statement: MANUAL, explanation: manualExplanation, expect: manualExpect() },
      postgres: { setup: USERS_POSTGRES, statement: MANUAL, explanation: manualExplanation, expect: manualExpect() },
    },
  },
  {
    id: 'manual-upsert-race',
    title: 'The race in the manual upsert',
    summary: 'Two sessions both find no row and both insert: the second fails.',
    tags: ['basics', 'pitfalls'],
    dialects: {
      sqlite: {
        setup: USERS_SQLITE,
        statement: RACE,
        explanation: raceExplanation('"UNIQUE constraint failed: users.email"'),
        expect: raceExpect({ message: 'UNIQUE constraint failed: users.email', code: 'SQLITE_CONSTRAINT_UNIQUE' }),
      },
      postgres: {
        setup: USERS_POSTGRES,
        statement: RACE,
        explanation: raceExplanation('a unique violation (SQLSTATE 23505) on the constraint users_email_key'),
        expect: raceExpect({
          message: 'duplicate key value violates unique constraint "users_email_key"',
          code: '23505',
        }),
      },
    },
  },
  {
    id: 'orm-merge-by-primary-key',
    title: "Upsert by primary key: an ORM's merge() vs ON CONFLICT (id)",
    summary: 'SELECT by id, then UPDATE or INSERT, next to the single-statement equivalent.',
    tags: ['basics'],
    dialects: {
      sqlite: { setup: students('real'), statement: MERGE_BY_PK, explanation: mergeExplanation, expect: mergeExpect() },
      postgres: {
        setup: students('double precision'),
        statement: MERGE_BY_PK,
        explanation: mergeExplanation,
        expect: mergeExpect(),
      },
    },
  },
];
