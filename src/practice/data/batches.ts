/** Unit 5: upserts from a staging table, duplicates in the batch, aggregated batches, the two-step pattern. */
import type { Exercise } from '../types';

const PRODUCTS = 'CREATE TABLE products (sku text PRIMARY KEY, name text NOT NULL, price_cents integer NOT NULL);';

export const BATCHES: Exercise[] = [
  {
    id: 'staging-upsert',
    unit: 'batches',
    title: 'Upsert from a staging table',
    task: "A nightly import loads the supplier's rows into `incoming` (one row per product). Upsert all of them into `products` in one statement: new products are added, known ones get the incoming name and price.",
    lesson:
      '`INSERT … SELECT … ON CONFLICT` upserts a whole table at once; SQLite needs a `WHERE` on the SELECT (`WHERE true`) to parse it.',
    hints: [
      'Replace `VALUES (…)` by `SELECT sku, name, price_cents FROM incoming`.',
      'On SQLite, add `WHERE true` after `FROM incoming`, or the parser takes `ON CONFLICT` for a join condition.',
    ],
    dialects: ['sqlite', 'postgres'],
    schema: `${PRODUCTS}\nCREATE TABLE incoming (sku text NOT NULL, name text NOT NULL, price_cents integer NOT NULL);`,
    sets: [
      {
        rows: "INSERT INTO products VALUES ('A-1', 'Widget', 500), ('B-2', 'Gadget', 900);\nINSERT INTO incoming VALUES ('A-1', 'Widget', 550), ('C-3', 'Gizmo', 1200);",
      },
      {
        rows: "INSERT INTO products VALUES ('A-1', 'Widget', 500), ('B-2', 'Gadget', 900);\nINSERT INTO incoming VALUES ('B-2', 'Gadget XL', 950), ('D-4', 'Doohickey', 300), ('E-5', 'Thingamajig', 20);",
        about: 'another batch, with other products',
      },
    ],
    solution:
      'INSERT INTO products (sku, name, price_cents)\nSELECT sku, name, price_cents FROM incoming WHERE true\nON CONFLICT (sku) DO UPDATE SET name = excluded.name, price_cents = excluded.price_cents;',
  },
  {
    id: 'dedupe-batch',
    unit: 'batches',
    title: 'Duplicates in the batch: latest wins',
    task: 'The batch in `incoming` may hold several prices for one `sku`; the row with the highest `seq` is the latest. Upsert every product of the batch into `products` with its latest price, in one statement.',
    lesson:
      'Deduplicate the batch before the upsert (here with `row_number()`): PostgreSQL refuses to update a row twice, and SQLite would let table order decide.',
    hints: [
      'Try it without deduplicating first and read what each engine does.',
      'Number the rows per `sku`, newest first: `row_number() OVER (PARTITION BY sku ORDER BY seq DESC)`, and keep number 1.',
    ],
    dialects: ['sqlite', 'postgres'],
    schema:
      'CREATE TABLE products (sku text PRIMARY KEY, price_cents integer NOT NULL);\nCREATE TABLE incoming (seq integer NOT NULL, sku text NOT NULL, price_cents integer NOT NULL);',
    sets: [
      {
        rows: "INSERT INTO products VALUES ('A-1', 500), ('B-2', 900);\nINSERT INTO incoming VALUES (3, 'A-1', 520), (1, 'A-1', 510), (2, 'C-3', 100);",
      },
      {
        rows: "INSERT INTO products VALUES ('A-1', 500), ('B-2', 900);\nINSERT INTO incoming VALUES (5, 'D-4', 40), (4, 'D-4', 30), (6, 'B-2', 950);",
        about: 'a batch where a new product appears twice',
      },
    ],
    solution:
      'INSERT INTO products (sku, price_cents)\nSELECT sku, price_cents\nFROM (SELECT sku, price_cents, row_number() OVER (PARTITION BY sku ORDER BY seq DESC) AS rn FROM incoming) AS latest\nWHERE rn = 1\nON CONFLICT (sku) DO UPDATE SET price_cents = excluded.price_cents;',
  },
  {
    id: 'aggregate-batch',
    unit: 'batches',
    title: 'Add up a batch of events',
    task: "Each row of `clicks` is one view of `path`, and a page may appear many times. Add the batch's views to `page_views` in one statement; a page new to `page_views` starts at its count in the batch.",
    lesson:
      'Aggregate the batch first (`GROUP BY path`, `count(*)`), then add the counts with `page_views.views + excluded.views`.',
    hints: [
      'One row per page: `SELECT path, count(*) FROM clicks GROUP BY path`.',
      'On a conflict, add `excluded.views` to the stored views.',
    ],
    dialects: ['sqlite', 'postgres'],
    schema:
      'CREATE TABLE page_views (path text PRIMARY KEY, views integer NOT NULL);\nCREATE TABLE clicks (path text NOT NULL);',
    sets: [
      { rows: "INSERT INTO page_views VALUES ('/', 7);\nINSERT INTO clicks VALUES ('/'), ('/about'), ('/'), ('/');" },
      {
        rows: "INSERT INTO page_views VALUES ('/', 7), ('/about', 1);\nINSERT INTO clicks VALUES ('/about'), ('/blog'), ('/blog');",
        about: 'a batch with other pages and counts',
      },
    ],
    solution:
      'INSERT INTO page_views (path, views)\nSELECT path, count(*) FROM clicks WHERE true GROUP BY path\nON CONFLICT (path) DO UPDATE SET views = page_views.views + excluded.views;',
  },
  {
    id: 'select-then-write',
    unit: 'batches',
    title: 'From SELECT-then-write to one statement',
    task: 'The application credits `:amount` to the wallet of `:user_id` in two steps: `SELECT balance FROM wallets WHERE user_id = :user_id`, then an UPDATE if a row came back, else an INSERT. Two requests at once can both see no row. Write it as one statement.',
    lesson: 'One upsert replaces the read-then-write race: the engine decides insert or update under the unique key.',
    hints: [
      'The INSERT branch is `VALUES (:user_id, :amount)`.',
      'The UPDATE branch becomes `DO UPDATE SET balance = wallets.balance + excluded.balance`.',
    ],
    dialects: ['sqlite', 'postgres'],
    schema: 'CREATE TABLE wallets (user_id integer PRIMARY KEY, balance integer NOT NULL);',
    sets: [
      { rows: 'INSERT INTO wallets VALUES (1, 100), (2, 0);', params: { user_id: 1, amount: 25 } },
      {
        rows: 'INSERT INTO wallets VALUES (1, 100), (2, 0);',
        params: { user_id: 3, amount: 40 },
        about: 'a user without a wallet yet',
      },
    ],
    solution:
      'INSERT INTO wallets (user_id, balance) VALUES (:user_id, :amount)\nON CONFLICT (user_id) DO UPDATE SET balance = wallets.balance + excluded.balance;',
  },
];
