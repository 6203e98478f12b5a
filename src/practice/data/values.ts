/** Unit 2: COALESCE to keep old values, accumulating, counters and timestamps. */
import type { Exercise } from '../types';

export const VALUES: Exercise[] = [
  {
    id: 'coalesce-keep',
    unit: 'values',
    title: 'A NULL must not erase',
    task: 'A form sends `:email`, `:name` and `:phone`; an empty field arrives as NULL. Upsert the contact, but a NULL must never erase what the table already knows: keep the stored value then.',
    lesson: '`COALESCE(excluded.col, t.col)` takes the new value when there is one and keeps the stored one otherwise.',
    hints: [
      '`DO UPDATE SET phone = excluded.phone` writes the NULL too.',
      '`COALESCE(a, b)` is the first of its arguments that is not NULL: which should come first?',
    ],
    dialects: ['sqlite', 'postgres'],
    schema: 'CREATE TABLE contacts (email text PRIMARY KEY, name text, phone text);',
    sets: [
      {
        rows: "INSERT INTO contacts VALUES ('ada@example.com', 'Ada Lovelace', '555-0100'), ('alan@example.com', 'Alan Turing', NULL);",
        params: { email: 'ada@example.com', name: 'Ada King', phone: null },
      },
      {
        rows: "INSERT INTO contacts VALUES ('ada@example.com', 'Ada Lovelace', '555-0100');",
        params: { email: 'ada@example.com', name: null, phone: '555-0199' },
        about: 'a contact whose new name is NULL but whose new phone is given',
      },
      {
        rows: "INSERT INTO contacts VALUES ('ada@example.com', 'Ada Lovelace', '555-0100');",
        params: { email: 'edsger@example.com', name: 'Edsger', phone: null },
        about: 'a new contact without a phone',
      },
    ],
    solution:
      'INSERT INTO contacts (email, name, phone) VALUES (:email, :name, :phone)\nON CONFLICT (email) DO UPDATE SET\n  name = COALESCE(excluded.name, contacts.name),\n  phone = COALESCE(excluded.phone, contacts.phone);',
  },
  {
    id: 'accumulate-stock',
    unit: 'values',
    title: 'Add a delivery to the stock',
    task: 'A delivery of `:qty` units of `:sku` arrives. Add it to the stock of a known product, or record a new product whose stock is the delivered quantity.',
    lesson:
      '`SET stock = inventory.stock + excluded.stock` adds the proposed value to the stored one instead of replacing it.',
    hints: [
      'Insert `(:sku, :qty)`; on a conflict the new stock is the old stock plus the delivery.',
      'Qualify the stored value with the table name: `inventory.stock`.',
    ],
    dialects: ['sqlite', 'postgres'],
    schema: 'CREATE TABLE inventory (sku text PRIMARY KEY, stock integer NOT NULL);',
    sets: [
      { rows: "INSERT INTO inventory VALUES ('A-1', 12), ('B-2', 0);", params: { sku: 'A-1', qty: 5 } },
      {
        rows: "INSERT INTO inventory VALUES ('A-1', 12), ('B-2', 0);",
        params: { sku: 'C-3', qty: 7 },
        about: 'a product that is not in the table yet',
      },
      {
        rows: "INSERT INTO inventory VALUES ('A-1', 3);",
        params: { sku: 'A-1', qty: 40 },
        about: 'a delivery of another size',
      },
    ],
    solution:
      'INSERT INTO inventory (sku, stock) VALUES (:sku, :qty)\nON CONFLICT (sku) DO UPDATE SET stock = inventory.stock + excluded.stock;',
  },
  {
    id: 'count-views',
    unit: 'values',
    title: 'Count a page view',
    task: 'Count one view of the page `:path`: a page seen for the first time gets `views` 1, a known page one more than it had.',
    lesson:
      'A counter upsert inserts the first value and increments the stored one: `SET views = page_views.views + 1`.',
    hints: ['The inserted row is `(:path, 1)`.', 'On a conflict, add 1 to the stored count, not to `excluded.views`.'],
    dialects: ['sqlite', 'postgres'],
    schema: 'CREATE TABLE page_views (path text PRIMARY KEY, views integer NOT NULL);',
    sets: [
      { rows: "INSERT INTO page_views VALUES ('/', 7), ('/about', 2);", params: { path: '/' } },
      {
        rows: "INSERT INTO page_views VALUES ('/', 7), ('/about', 2);",
        params: { path: '/pricing' },
        about: 'a page viewed for the first time',
      },
    ],
    solution:
      'INSERT INTO page_views (path, views) VALUES (:path, 1)\nON CONFLICT (path) DO UPDATE SET views = page_views.views + 1;',
  },
  {
    id: 'timestamps',
    unit: 'values',
    title: 'created_at kept, updated_at refreshed',
    task: 'Save the note `:id` with the text `:body`. A new note gets `created_at` and `updated_at` set to the current time; an existing note keeps its `created_at`, and its `updated_at` becomes the current time.',
    lesson:
      'Leave `created_at` out of `DO UPDATE SET` and set `updated_at` there: the first write time survives every later upsert.',
    hints: [
      'Insert both timestamps as `CURRENT_TIMESTAMP`.',
      'In `DO UPDATE SET`, assign `body` and `updated_at`, and not `created_at`.',
    ],
    dialects: ['sqlite', 'postgres'],
    schema: {
      sqlite:
        'CREATE TABLE notes (id integer PRIMARY KEY, body text NOT NULL, created_at text NOT NULL, updated_at text NOT NULL);',
      postgres:
        'CREATE TABLE notes (id integer PRIMARY KEY, body text NOT NULL, created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL);',
    },
    sets: [
      {
        rows: "INSERT INTO notes VALUES (1, 'Buy milk', '2024-01-05 09:00:00', '2024-01-05 09:00:00'), (2, 'Call Bob', '2024-02-01 12:00:00', '2024-02-03 08:30:00');",
        params: { id: 1, body: 'Buy oat milk' },
      },
      {
        rows: "INSERT INTO notes VALUES (1, 'Buy milk', '2024-01-05 09:00:00', '2024-01-05 09:00:00');",
        params: { id: 3, body: 'Water the plants' },
        about: 'a new note',
      },
    ],
    solution:
      'INSERT INTO notes (id, body, created_at, updated_at)\nVALUES (:id, :body, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)\nON CONFLICT (id) DO UPDATE SET body = excluded.body, updated_at = CURRENT_TIMESTAMP;',
    volatile: ['created_at', 'updated_at'],
  },
];
