/** Unit 6: inserted or updated in RETURNING, RETURNING old/new, MERGE, and what INSERT OR REPLACE destroys. */
import type { Exercise } from '../types';

export const DIALECTS: Exercise[] = [
  {
    id: 'login-action',
    unit: 'dialects',
    title: 'Inserted or updated? (a counter tells)',
    task: "Record a login: insert the user `:email` with `login_count` 1, or add 1 to the existing count. Return `email`, `login_count` and a column `action` that says 'inserted' or 'updated'.",
    lesson:
      'RETURNING sees the row as stored, so a value only an insert can produce (`login_count = 1`) tells the two cases apart on both engines.',
    hints: [
      'After the statement, which `login_count` can only a new row have?',
      "`CASE WHEN login_count = 1 THEN 'inserted' ELSE 'updated' END AS action`.",
    ],
    dialects: ['sqlite', 'postgres'],
    schema: 'CREATE TABLE logins (email text PRIMARY KEY, login_count integer NOT NULL);',
    sets: [
      { rows: "INSERT INTO logins VALUES ('ada@example.com', 4);", params: { email: 'ada@example.com' } },
      {
        rows: "INSERT INTO logins VALUES ('ada@example.com', 4);",
        params: { email: 'alan@example.com' },
        about: 'a first login',
      },
    ],
    solution:
      "INSERT INTO logins (email, login_count) VALUES (:email, 1)\nON CONFLICT (email) DO UPDATE SET login_count = logins.login_count + 1\nRETURNING email, login_count, CASE WHEN login_count = 1 THEN 'inserted' ELSE 'updated' END AS action;",
    returning: 'unordered',
  },
  {
    id: 'xmax-inserted',
    unit: 'dialects',
    title: 'Inserted or updated? (xmax)',
    task: 'Save the setting `:key` = `:value` and return `key`, `value` and a boolean `inserted`, true when the row is new. No column tells; on PostgreSQL the system column `xmax` of a freshly inserted row version is 0.',
    lesson: "`RETURNING (xmax = 0) AS inserted` is PostgreSQL's way to tell an inserted row from an updated one.",
    hints: ['`xmax` can be named in RETURNING like a column.', '`(xmax = 0) AS inserted`.'],
    dialects: ['postgres'],
    dialectNote: 'SQLite rows have no `xmax` system column.',
    schema: 'CREATE TABLE settings (key text PRIMARY KEY, value text NOT NULL);',
    sets: [
      { rows: "INSERT INTO settings VALUES ('theme', 'light');", params: { key: 'theme', value: 'dark' } },
      {
        rows: "INSERT INTO settings VALUES ('theme', 'light');",
        params: { key: 'lang', value: 'en' },
        about: 'a new setting',
      },
    ],
    solution:
      'INSERT INTO settings (key, value) VALUES (:key, :value)\nON CONFLICT (key) DO UPDATE SET value = excluded.value\nRETURNING key, value, (xmax = 0) AS inserted;',
    returning: 'unordered',
  },
  {
    id: 'returning-old-new',
    unit: 'dialects',
    title: 'The old and the new price',
    task: 'Set the price of `:sku` to `:price` (in cents), inserting the product if it is new, and return `sku`, the price before as `old_price` (NULL for a new product) and the price after as `new_price`.',
    lesson: 'PostgreSQL 18 lets RETURNING read `old.` and `new.`; `old` is NULL for an inserted row.',
    hints: [
      'Plain `price_cents` in RETURNING is the new value.',
      '`RETURNING sku, old.price_cents AS old_price, new.price_cents AS new_price`.',
    ],
    dialects: ['postgres'],
    dialectNote: "RETURNING `old.` and `new.` is PostgreSQL 18 syntax; SQLite's RETURNING sees only the row as stored.",
    schema: 'CREATE TABLE prices (sku text PRIMARY KEY, price_cents integer NOT NULL);',
    sets: [
      { rows: "INSERT INTO prices VALUES ('A-1', 500);", params: { sku: 'A-1', price: 550 } },
      { rows: "INSERT INTO prices VALUES ('A-1', 500);", params: { sku: 'B-2', price: 300 }, about: 'a new product' },
    ],
    solution:
      'INSERT INTO prices (sku, price_cents) VALUES (:sku, :price)\nON CONFLICT (sku) DO UPDATE SET price_cents = excluded.price_cents\nRETURNING sku, old.price_cents AS old_price, new.price_cents AS new_price;',
    returning: 'unordered',
  },
  {
    id: 'merge-sync',
    unit: 'dialects',
    title: 'MERGE: insert, update and delete',
    task: "Apply the supplier's `feed` to `products` in one MERGE: delete the products the feed marks `discontinued`, update the other known ones, and insert new ones, but never insert a discontinued product.",
    lesson:
      "MERGE's WHEN branches are tried in order: the conditional DELETE must come before the plain UPDATE, and a NOT MATCHED branch can have its own condition.",
    hints: [
      '`MERGE INTO products AS p USING feed AS f ON p.sku = f.sku`, then WHEN branches.',
      '`WHEN MATCHED AND f.discontinued THEN DELETE` must come before `WHEN MATCHED THEN UPDATE …`.',
      '`WHEN NOT MATCHED AND NOT f.discontinued THEN INSERT …`.',
    ],
    dialects: ['postgres'],
    dialectNote: 'SQLite has no MERGE statement.',
    schema: `${'CREATE TABLE products (sku text PRIMARY KEY, name text NOT NULL, price_cents integer NOT NULL);'}\nCREATE TABLE feed (sku text PRIMARY KEY, name text NOT NULL, price_cents integer NOT NULL, discontinued boolean NOT NULL);`,
    sets: [
      {
        rows: "INSERT INTO products VALUES ('A-1', 'Widget', 500), ('B-2', 'Gadget', 900), ('D-4', 'Gizmo', 100);\nINSERT INTO feed VALUES ('A-1', 'Widget', 550, false), ('B-2', 'Gadget', 900, true), ('C-3', 'Doohickey', 300, false);",
      },
      {
        rows: "INSERT INTO products VALUES ('A-1', 'Widget', 500), ('D-4', 'Gizmo', 100);\nINSERT INTO feed VALUES ('E-5', 'Old thing', 10, true), ('D-4', 'Gizmo', 120, false);",
        about: 'a discontinued product that is not in the table',
      },
    ],
    solution:
      'MERGE INTO products AS p\nUSING feed AS f ON p.sku = f.sku\nWHEN MATCHED AND f.discontinued THEN DELETE\nWHEN MATCHED THEN UPDATE SET name = f.name, price_cents = f.price_cents\nWHEN NOT MATCHED AND NOT f.discontinued THEN\n  INSERT (sku, name, price_cents) VALUES (f.sku, f.name, f.price_cents);',
  },
  {
    id: 'replace-hazard',
    unit: 'dialects',
    title: 'What INSERT OR REPLACE destroys',
    task: 'A colleague renames users with `INSERT OR REPLACE INTO accounts (email, name) VALUES (:email, :name)`. Run it to see what it breaks, then write an upsert that renames an existing account (keeping its `id` and `credits`) or adds a new one.',
    lesson:
      'INSERT OR REPLACE deletes the old row and inserts a new one: a new `id`, and every column not listed back to its default; `ON CONFLICT … DO UPDATE` changes the row in place.',
    hints: [
      "Look at `id` and `credits` after the colleague's statement.",
      'Use `ON CONFLICT (email) DO UPDATE SET name = excluded.name`.',
    ],
    dialects: ['sqlite'],
    dialectNote: 'INSERT OR REPLACE is SQLite syntax; PostgreSQL has no REPLACE.',
    schema: {
      sqlite:
        'CREATE TABLE accounts (id INTEGER PRIMARY KEY, email text NOT NULL UNIQUE, name text NOT NULL, credits integer NOT NULL DEFAULT 0);',
      // Only for showing that the colleague's statement is SQLite syntax (the exercise runs on SQLite).
      postgres:
        'CREATE TABLE accounts (id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, email text NOT NULL UNIQUE, name text NOT NULL, credits integer NOT NULL DEFAULT 0);',
    },
    sets: [
      {
        rows: "INSERT INTO accounts (email, name, credits) VALUES ('ada@example.com', 'Ada', 50), ('alan@example.com', 'Alan', 10);",
        params: { email: 'ada@example.com', name: 'Ada Lovelace' },
      },
      {
        rows: "INSERT INTO accounts (email, name, credits) VALUES ('ada@example.com', 'Ada', 50);",
        params: { email: 'grace@example.com', name: 'Grace Hopper' },
        about: 'a new account',
      },
    ],
    solution:
      'INSERT INTO accounts (email, name) VALUES (:email, :name)\nON CONFLICT (email) DO UPDATE SET name = excluded.name;',
    keys: { accounts: ['email'] },
  },
];
