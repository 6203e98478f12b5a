/**
 * Gallery examples of upsert pitfalls: the same key twice in one batch (and de-duplicating it),
 * and upserting from a SELECT.
 */
import type { Example, Expectation } from '../types';
import { USERS_POSTGRES, USERS_SQLITE, adaUpdatedLinusInserted } from './tables';

const DUPLICATE = `-- The batch carries Ada twice (two edits queued in the app).
INSERT INTO users (email, name, age) VALUES
  ('ada@example.com',   'Ada L.',       37),
  ('ada@example.com',   'Ada Lovelace', 38),
  ('linus@example.com', 'Linus',        28)
ON CONFLICT (email) DO UPDATE SET
  name = excluded.name,
  age  = excluded.age
RETURNING id, email, name, age;
`;

const DEDUPE_PG = `-- Keep only the last row per email (highest seq), then upsert.
INSERT INTO users (email, name, age)
SELECT DISTINCT ON (email) email, name, age
FROM (VALUES
  (1, 'ada@example.com',   'Ada L.',       37),
  (2, 'ada@example.com',   'Ada Lovelace', 38),
  (3, 'linus@example.com', 'Linus',        28)
) AS batch (seq, email, name, age)
ORDER BY email, seq DESC
ON CONFLICT (email) DO UPDATE SET
  name = excluded.name,
  age  = excluded.age
RETURNING id, email, name, age;
`;

const DEDUPE_SQLITE = `-- Keep only the last row per email (highest seq), then upsert.
WITH batch (seq, email, name, age) AS (
  VALUES
    (1, 'ada@example.com',   'Ada L.',       37),
    (2, 'ada@example.com',   'Ada Lovelace', 38),
    (3, 'linus@example.com', 'Linus',        28)
),
ranked AS (
  SELECT email, name, age,
         row_number() OVER (PARTITION BY email ORDER BY seq DESC) AS rn
  FROM batch
)
INSERT INTO users (email, name, age)
SELECT email, name, age FROM ranked WHERE rn = 1
ON CONFLICT (email) DO UPDATE SET
  name = excluded.name,
  age  = excluded.age
RETURNING id, email, name, age;
`;

const dedupeExpect = (linusId: number): Expectation => ({
  statements: [
    {
      index: 0,
      rowsAffected: 2,
      rows: [
        [1, 'ada@example.com', 'Ada Lovelace', 38],
        [linusId, 'linus@example.com', 'Linus', 28],
      ],
    },
  ],
  tables: {
    users: adaUpdatedLinusInserted(38),
  },
});

const staging = (sqlite: boolean) => `${sqlite ? USERS_SQLITE : USERS_POSTGRES}
-- Rows loaded from a CSV file, to be merged into users.
CREATE TABLE import_users (
  email ${sqlite ? 'TEXT' : 'text'} NOT NULL,
  name  ${sqlite ? 'TEXT' : 'text'} NOT NULL,
  age   ${sqlite ? 'INTEGER' : 'integer'}
);

INSERT INTO import_users (email, name, age) VALUES
  ('ada@example.com',   'Ada Lovelace', 37),
  ('linus@example.com', 'Linus',        28);
`;

const FROM_SELECT_SQLITE = `-- WHERE true ends the SELECT, so ON is read as the start of ON CONFLICT.
INSERT INTO users (email, name, age)
SELECT email, name, age FROM import_users WHERE true
ON CONFLICT (email) DO UPDATE SET
  name = excluded.name,
  age  = excluded.age
RETURNING id, email, name, age;

-- Without it, "FROM import_users ON ..." reads ON as a join condition.
INSERT INTO users (email, name, age)
SELECT email, name, age FROM import_users
ON CONFLICT (email) DO UPDATE SET
  name = excluded.name,
  age  = excluded.age;
`;

const FROM_SELECT_PG = `INSERT INTO users (email, name, age)
SELECT email, name, age FROM import_users
ON CONFLICT (email) DO UPDATE SET
  name = excluded.name,
  age  = excluded.age
RETURNING id, email, name, age;
`;

const fromSelectExpect = (linusId: number, error?: { message: string; code: string }): Expectation => ({
  statements: [
    {
      index: 0,
      rowsAffected: 2,
      columns: ['id', 'email', 'name', 'age'],
      rows: [
        [1, 'ada@example.com', 'Ada Lovelace', 37],
        [linusId, 'linus@example.com', 'Linus', 28],
      ],
    },
  ],
  tables: {
    users: adaUpdatedLinusInserted(37),
    import_users: {
      columns: ['email'],
      rows: [['ada@example.com'], ['linus@example.com']],
      counts: { unchanged: 2 },
    },
  },
  ...(error ? { error: { statementIndex: 1, ...error } } : {}),
});

/** Pitfalls: duplicate keys in a batch, INSERT … SELECT. */
export const PITFALLS: Example[] = [
  {
    id: 'same-key-twice-in-batch',
    title: 'The same key twice in one batch',
    summary: 'PostgreSQL refuses to update a row twice in one statement; SQLite applies both rows.',
    tags: ['bulk', 'pitfalls'],
    dialects: {
      postgres: {
        setup: USERS_POSTGRES,
        statement: DUPLICATE,
        explanation: [
          'The batch proposes Ada twice. PostgreSQL rejects the whole statement: "ON CONFLICT DO UPDATE command cannot affect row a second time" (SQLSTATE 21000). It will not decide which of the two proposed rows should win.',
          'Nothing is written, not even Linus, who appears once: in After every row is unchanged and there is no inserted row.',
          'De-duplicate the batch first, in the application or in SQL: see "De-duplicate a batch before upserting".',
        ],
        expect: {
          statements: [],
          tables: {
            users: {
              columns: ['email', 'name', 'age'],
              rows: [
                ['ada@example.com', 'Ada', 36],
                ['grace@example.com', 'Grace', 45],
              ],
              counts: { unchanged: 2, inserted: 0, updated: 0, deleted: 0 },
            },
          },
          error: {
            statementIndex: 0,
            message: 'ON CONFLICT DO UPDATE command cannot affect row a second time',
            code: '21000',
          },
        },
      },
      sqlite: {
        setup: USERS_SQLITE,
        statement: DUPLICATE,
        explanation: [
          "The batch proposes Ada twice, and SQLite applies the rows one after the other: the first updates Ada's row to Ada L., 37, the second conflicts with that result and updates it again to Ada Lovelace, 38.",
          'RETURNING shows all three writes, two of them for id 1, and the statement reports 3 rows affected for two rows changed. In After, Ada is updated once (to the last values) and Linus inserted.',
          'The result depends on the order of the batch. If the order is not meaningful, de-duplicate first: see "De-duplicate a batch before upserting".',
        ],
        expect: {
          statements: [
            {
              index: 0,
              rowsAffected: 3,
              rows: [
                [1, 'ada@example.com', 'Ada L.', 37],
                [1, 'ada@example.com', 'Ada Lovelace', 38],
                [3, 'linus@example.com', 'Linus', 28],
              ],
              diffCounts: { inserted: 1, updated: 1, deleted: 0 },
            },
          ],
          tables: {
            users: {
              columns: ['email', 'name', 'age'],
              rows: [
                ['ada@example.com', 'Ada Lovelace', 38],
                ['grace@example.com', 'Grace', 45],
                ['linus@example.com', 'Linus', 28],
              ],
              counts: { updated: 1, inserted: 1, unchanged: 1, deleted: 0 },
              marks: [{ key: { email: 'ada@example.com' }, change: 'updated', changed: ['name', 'age'] }],
            },
          },
        },
      },
    },
  },
  {
    id: 'dedupe-batch',
    title: 'De-duplicate a batch before upserting',
    summary: 'Keep the last row per key in SQL, then upsert the result.',
    tags: ['bulk'],
    dialects: {
      postgres: {
        setup: USERS_POSTGRES,
        statement: DEDUPE_PG,
        explanation: [
          'The batch gets a sequence number, `seq`, so "last" means something. `DISTINCT ON (email)` keeps the first row of each email in the `ORDER BY email, seq DESC` order, which is the one with the highest seq.',
          "Only two rows reach the upsert: Ada's last edit (Ada Lovelace, 38) and Linus. The statement succeeds with 2 rows affected; in After, Ada is updated and Linus inserted.",
        ],
        expect: dedupeExpect(4),
      },
      sqlite: {
        setup: USERS_SQLITE,
        statement: DEDUPE_SQLITE,
        explanation: [
          'The batch gets a sequence number, `seq`, so "last" means something. `row_number() OVER (PARTITION BY email ORDER BY seq DESC)` numbers the rows of each email from the newest, and `WHERE rn = 1` keeps the newest.',
          "Only two rows reach the upsert: Ada's last edit (Ada Lovelace, 38) and Linus. 2 rows affected and two rows returned, instead of three writes for the raw batch; in After, Ada is updated and Linus inserted.",
          'The `WHERE rn = 1` also ends the SELECT cleanly before ON CONFLICT (see "Upsert from another table").',
        ],
        expect: dedupeExpect(3),
      },
    },
  },
  {
    id: 'upsert-from-select',
    title: 'Upsert from another table: INSERT … SELECT … ON CONFLICT',
    summary: 'Merge a staging table into users in one statement.',
    tags: ['bulk', 'pitfalls'],
    dialects: {
      sqlite: {
        setup: staging(true),
        statement: FROM_SELECT_SQLITE,
        explanation: [
          'Statement 1 upserts every row of import_users: Ada is updated (name and age changed in After), Linus inserted; 2 rows affected. import_users itself is unchanged.',
          'Note the `WHERE true`. After `SELECT … FROM import_users`, SQLite reads a following `ON` as the start of a join constraint (`FROM a JOIN b ON …`), and then fails at DO. Any WHERE clause ends the FROM clause, and `WHERE true` filters nothing.',
          'Statement 2 is the same upsert without it: "near "DO": syntax error".',
        ],
        expect: fromSelectExpect(3, { message: 'near "DO": syntax error', code: 'SQLITE_ERROR' }),
      },
      postgres: {
        setup: staging(false),
        statement: FROM_SELECT_PG,
        explanation: [
          'The SELECT feeds proposed rows to the upsert like a VALUES list: Ada is updated (name and age changed in After), Linus inserted; 2 rows affected, and import_users is unchanged.',
          'PostgreSQL parses `SELECT … FROM import_users ON CONFLICT` without help; no `WHERE true` is needed here.',
          "Linus gets id 4: Ada's proposed row used up identity value 3.",
        ],
        expect: fromSelectExpect(4),
      },
    },
  },
];
