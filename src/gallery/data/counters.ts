/** Gallery examples that compute the new value from the stored one: stock and counters. */
import type { Example, Expectation } from '../types';

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

/** Counters: inventory, tag counts and points. */
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
];
