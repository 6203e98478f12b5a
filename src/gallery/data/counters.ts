/**
 * Gallery examples that compute the new value from the old one: stock accumulation, partial
 * updates with COALESCE, counters, and the login counter with an inserted/updated flag.
 */
import type { Example, Expectation } from '../types';
import { USERS_POSTGRES, USERS_SQLITE } from './tables';

const products = (t: { int: string; text: string; pk: string }) => `CREATE TABLE products (
  id    ${t.pk},
  sku   ${t.text} NOT NULL UNIQUE,
  name  ${t.text} NOT NULL,
  stock ${t.int} NOT NULL DEFAULT 0
);

INSERT INTO products (sku, name, stock) VALUES
  ('IPHONE15', 'iPhone 15', 100),
  ('PIXEL8',   'Pixel 8',    40);
`;

const INVENTORY = `-- A delivery: 50 more iPhones, and 20 of a product we never stocked.
INSERT INTO products (sku, name, stock) VALUES
  ('IPHONE15',   'iPhone 15',   50),
  ('FAIRPHONE5', 'Fairphone 5', 20)
ON CONFLICT (sku) DO UPDATE SET
  stock = products.stock + excluded.stock
RETURNING sku, stock;
`;

const inventoryExplanation = [
  'In `SET stock = products.stock + excluded.stock`, `products.stock` is the stored value (100) and `excluded.stock` the value proposed in VALUES (50). In After, the iPhone row is marked updated with stock 100 → 150; RETURNING shows 150.',
  'Fairphone 5 had no row, so the proposed row is inserted as it is, with stock 20. Pixel 8 was not in the delivery and is unchanged.',
  'Writing `stock = excluded.stock` instead would overwrite the stock with 50: accumulating means referring to the stored row in the expression.',
];

const inventoryExpect = (): Expectation => ({
  statements: [
    {
      index: 0,
      rowsAffected: 2,
      columns: ['sku', 'stock'],
      rows: [
        ['IPHONE15', 150],
        ['FAIRPHONE5', 20],
      ],
    },
  ],
  tables: {
    products: {
      columns: ['sku', 'stock'],
      rows: [
        ['IPHONE15', 150],
        ['PIXEL8', 40],
        ['FAIRPHONE5', 20],
      ],
      counts: { inserted: 1, updated: 1, unchanged: 1, deleted: 0 },
      marks: [
        { key: { sku: 'IPHONE15' }, change: 'updated', changed: ['stock'] },
        { key: { sku: 'FAIRPHONE5' }, change: 'inserted' },
      ],
    },
  },
});

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

const counters = (t: { int: string; text: string }) => `CREATE TABLE tags (
  name  ${t.text} PRIMARY KEY,
  count ${t.int} NOT NULL
);
CREATE TABLE user_points (
  user_id ${t.int} PRIMARY KEY,
  points  ${t.int} NOT NULL
);

INSERT INTO tags (name, count) VALUES ('sql', 4), ('rust', 9);
INSERT INTO user_points (user_id, points) VALUES (1, 100);
`;

const COUNTERS_SQL = `-- Three tag events, one statement each, as an application sends them.
INSERT INTO tags (name, count) VALUES ('sql', 1)
ON CONFLICT (name) DO UPDATE SET count = tags.count + 1
RETURNING name, count;

INSERT INTO tags (name, count) VALUES ('sql', 1)
ON CONFLICT (name) DO UPDATE SET count = tags.count + 1
RETURNING name, count;

INSERT INTO tags (name, count) VALUES ('wasm', 1)
ON CONFLICT (name) DO UPDATE SET count = tags.count + 1
RETURNING name, count;

-- Points: add what was earned this time, not 1.
INSERT INTO user_points (user_id, points) VALUES (1, 10), (2, 25)
ON CONFLICT (user_id) DO UPDATE SET
  points = user_points.points + excluded.points
RETURNING user_id, points;
`;

const countersExplanation = [
  "A tag counter: the first event for a tag inserts it with count 1, every later one adds 1 to the stored count. Statements 1 and 2 both hit 'sql', whose RETURNING shows 5, then 6; in After, 'sql' is marked updated with count 4 → 6. Statement 3 inserts 'wasm' with count 1. 'rust' is unchanged.",
  'Points accumulate the same way, but add `excluded.points`, what was earned this time: user 1 goes 100 → 110, user 2 is inserted with 25.',
  'Each statement reads and writes the stored row itself, so no application code ever holds a stale count that it writes back.',
];

const countersExpect = (): Expectation => ({
  statements: [
    { index: 0, rowsAffected: 1, columns: ['name', 'count'], rows: [['sql', 5]] },
    { index: 1, rowsAffected: 1, rows: [['sql', 6]] },
    { index: 2, rowsAffected: 1, rows: [['wasm', 1]] },
    {
      index: 3,
      rowsAffected: 2,
      rows: [
        [1, 110],
        [2, 25],
      ],
    },
  ],
  tables: {
    tags: {
      columns: ['name', 'count'],
      rows: [
        ['sql', 6],
        ['rust', 9],
        ['wasm', 1],
      ],
      counts: { updated: 1, inserted: 1, unchanged: 1, deleted: 0 },
      marks: [
        { key: { name: 'sql' }, change: 'updated', changed: ['count'] },
        { key: { name: 'rust' }, change: 'unchanged' },
      ],
    },
    user_points: {
      columns: ['user_id', 'points'],
      rows: [
        [1, 110],
        [2, 25],
      ],
      counts: { updated: 1, inserted: 1, deleted: 0 },
    },
  },
});

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

/** Counters: inventory, partial updates, tag and points counters, the login counter. */
export const COUNTERS: Example[] = [
  {
    id: 'inventory-accumulation',
    title: 'Inventory: stock = products.stock + excluded.stock',
    summary: 'Add the delivered quantity to the stored stock, or insert a new product.',
    tags: ['counters'],
    dialects: {
      sqlite: {
        setup: products({ int: 'INTEGER', text: 'TEXT', pk: 'INTEGER PRIMARY KEY' }),
        statement: INVENTORY,
        explanation: inventoryExplanation,
        expect: inventoryExpect(),
      },
      postgres: {
        setup: products({ int: 'integer', text: 'text', pk: 'integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY' }),
        statement: INVENTORY,
        explanation: inventoryExplanation,
        expect: inventoryExpect(),
      },
    },
  },
  {
    id: 'partial-update-coalesce',
    title: 'Partial update: COALESCE(excluded.col, users.col)',
    summary: 'A NULL in the proposed row keeps the stored value.',
    tags: ['conditional'],
    dialects: {
      sqlite: { setup: USERS_SQLITE, statement: COALESCE_SQL, explanation: coalesceExplanation, expect: coalesceExpect() },
      postgres: { setup: USERS_POSTGRES, statement: COALESCE_SQL, explanation: coalesceExplanation, expect: coalesceExpect() },
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
  {
    id: 'tag-and-points-counters',
    title: 'Counters: tag counts and user points',
    summary: 'count = tags.count + 1, and points = user_points.points + excluded.points.',
    tags: ['counters'],
    dialects: {
      sqlite: {
        setup: counters({ int: 'INTEGER', text: 'TEXT' }),
        statement: COUNTERS_SQL,
        explanation: countersExplanation,
        expect: countersExpect(),
      },
      postgres: {
        setup: counters({ int: 'integer', text: 'text' }),
        statement: COUNTERS_SQL,
        explanation: countersExplanation,
        expect: countersExpect(),
      },
    },
  },
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
          "Ada exists, so her login_count goes 3 → 4 (After: updated); Linus is inserted with 1. RETURNING gives one row each, and three ways to tell them apart.",
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
          "Ada exists, so her login_count goes 3 → 4 (After: updated); Linus is inserted with 1. RETURNING shows each row as it is after the statement.",
          "SQLite's RETURNING sees only that final row: it has no `xmax` system column and no `old` or `new` (both are \"no such column\" errors), and it cannot read `excluded`. So the flag has to come from the data.",
          'Here it can: a new user starts at 1 and an update always adds 1 to a count of at least 1, so `login_count = 1` is true exactly for inserted rows (1 for Linus, 0 for Ada).',
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
