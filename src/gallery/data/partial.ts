/** Gallery examples of partial updates: COALESCE keeps stored values, and where it cannot help. */
import type { Example, Expectation } from '../types';
import { USERS_POSTGRES, USERS_SQLITE } from './tables';

const COALESCE_SQL = `-- A profile form sent only what the user filled in: NULL means "not given".
INSERT INTO users (email, name, age) VALUES
  ('ada@example.com',   'Ada Lovelace', NULL),
  ('grace@example.com', 'Grace',        46)
ON CONFLICT (email) DO UPDATE SET
  name = COALESCE(excluded.name, users.name),
  age  = COALESCE(excluded.age,  users.age)
RETURNING email, name, age;
`;

const coalesceExplanation = [
  "`COALESCE(excluded.age, users.age)` takes the proposed age unless it is NULL, and the stored age otherwise. Ada's proposed age is NULL, so in After her row is updated with only name changed (Ada → Ada Lovelace) and age still 36.",
  "Grace's proposed age is 46, so her age changes 45 → 46 and her name, proposed unchanged, stays Grace.",
  'The flip side: with this SET nobody can clear a value to NULL through the upsert. And COALESCE cannot rescue a NOT NULL column: a proposed NULL name fails the NOT NULL check before the conflict is looked at (see "Partial update: a NULL in a NOT NULL column").',
];

const coalesceExpect = (): Expectation => ({
  statements: [
    {
      index: 0,
      rowsAffected: 2,
      rows: [
        ['ada@example.com', 'Ada Lovelace', 36],
        ['grace@example.com', 'Grace', 46],
      ],
    },
  ],
  tables: {
    users: {
      columns: ['email', 'name', 'age'],
      rows: [
        ['ada@example.com', 'Ada Lovelace', 36],
        ['grace@example.com', 'Grace', 46],
      ],
      counts: { updated: 2, inserted: 0, deleted: 0 },
      marks: [
        { key: { email: 'ada@example.com' }, change: 'updated', changed: ['name'] },
        { key: { email: 'grace@example.com' }, change: 'updated', changed: ['age'] },
      ],
    },
  },
});

const COALESCE_NOT_NULL = `-- name is NOT NULL. The form left it empty, hoping COALESCE keeps the old one.
INSERT INTO users (email, name, age)
VALUES ('ada@example.com', NULL, 37)
ON CONFLICT (email) DO UPDATE SET
  name = COALESCE(excluded.name, users.name),
  age  = excluded.age;
`;

const notNullExplanation = (error: string) => [
  `The statement fails with ${error}, although Ada's row exists and the SET would keep her name. The proposed row is checked against NOT NULL before the engine looks for a conflict, so the \`DO UPDATE\` never runs. In After, Ada's row is unchanged.`,
  "For a partial update of a NOT NULL column, send a value the column accepts and map it back in the SET, e.g. an empty name with `name = COALESCE(NULLIF(excluded.name, ''), users.name)`, or use a plain `UPDATE` for rows you know exist.",
];

const notNullExpect = (message: string, code?: string): Expectation => ({
  statements: [],
  tables: {
    users: {
      columns: ['email', 'name', 'age'],
      rows: [
        ['ada@example.com', 'Ada', 36],
        ['grace@example.com', 'Grace', 45],
      ],
      counts: { updated: 0, inserted: 0, deleted: 0, unchanged: 2 },
    },
  },
  error: { statementIndex: 0, message, ...(code ? { code } : {}) },
});

/** Partial updates with COALESCE, and the NOT NULL pitfall. */
export const PARTIAL_UPDATES: Example[] = [
  {
    id: 'partial-update-coalesce',
    title: 'Partial update: COALESCE(excluded.col, users.col)',
    summary: 'A NULL in the proposed row keeps the stored value.',
    tags: ['conditional'],
    dialects: {
      sqlite: {
        setup: USERS_SQLITE,
        statement: COALESCE_SQL,
        explanation: coalesceExplanation,
        expect: coalesceExpect(),
      },
      postgres: {
        setup: USERS_POSTGRES,
        statement: COALESCE_SQL,
        explanation: coalesceExplanation,
        expect: coalesceExpect(),
      },
    },
  },
  {
    id: 'partial-update-not-null',
    title: 'Partial update: a NULL in a NOT NULL column',
    summary: 'COALESCE in DO UPDATE cannot save a proposed NULL for a NOT NULL column.',
    tags: ['conditional', 'pitfalls'],
    dialects: {
      sqlite: {
        setup: USERS_SQLITE,
        statement: COALESCE_NOT_NULL,
        explanation: notNullExplanation('"NOT NULL constraint failed: users.name"'),
        expect: notNullExpect('NOT NULL constraint failed: users.name', 'SQLITE_CONSTRAINT_NOTNULL'),
      },
      postgres: {
        setup: USERS_POSTGRES,
        statement: COALESCE_NOT_NULL,
        explanation: notNullExplanation('a not-null violation (SQLSTATE 23502) on column "name"'),
        expect: notNullExpect('null value in column "name" of relation "users" violates not-null constraint', '23502'),
      },
    },
  },
];
