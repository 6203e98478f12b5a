/** Unit 3: DO UPDATE … WHERE: newer versions win, no pointless rewrites, closed rows, best scores. */
import type { Exercise } from '../types';

export const CONDITIONAL: Exercise[] = [
  {
    id: 'newer-version-wins',
    unit: 'conditional',
    title: 'Only a newer version wins',
    task: 'Documents arrive from several devices, sometimes late. Save the document `:id` with `:body` and `:version`, but replace a stored document only when the arriving version is newer than the stored one.',
    lesson:
      '`DO UPDATE … WHERE excluded.version > docs.version` skips the update when the condition is false, and the stored row stays as it was.',
    hints: [
      '`DO UPDATE SET …` can be followed by a `WHERE` that decides whether the update happens.',
      'Compare `excluded.version` with the stored `docs.version`. Is an equal version newer?',
    ],
    dialects: ['sqlite', 'postgres'],
    schema: 'CREATE TABLE docs (id integer PRIMARY KEY, body text NOT NULL, version integer NOT NULL);',
    sets: [
      {
        rows: "INSERT INTO docs VALUES (1, 'final', 3), (2, 'intro', 1);",
        params: { id: 1, body: 'draft', version: 2 },
      },
      {
        rows: "INSERT INTO docs VALUES (1, 'final', 3), (2, 'intro', 1);",
        params: { id: 1, body: 'final, fixed', version: 4 },
        about: 'a newer version of a stored document',
      },
      {
        rows: "INSERT INTO docs VALUES (1, 'final', 3);",
        params: { id: 1, body: 'final (copy)', version: 3 },
        about: 'the same version arriving twice',
      },
      {
        rows: "INSERT INTO docs VALUES (1, 'final', 3);",
        params: { id: 5, body: 'new', version: 1 },
        about: 'a new document',
      },
    ],
    solution:
      'INSERT INTO docs (id, body, version) VALUES (:id, :body, :version)\nON CONFLICT (id) DO UPDATE SET body = excluded.body, version = excluded.version\nWHERE excluded.version > docs.version;',
    strictWrites: true,
  },
  {
    id: 'only-if-changed',
    unit: 'conditional',
    title: 'Do not rewrite an unchanged price',
    task: 'Save the price `:price` of `:sku`. When the stored price is already the same, the row must not be written at all (triggers and replication would see a pointless update). A price may be NULL (unknown).',
    lesson:
      '`WHERE prices.price_cents IS DISTINCT FROM excluded.price_cents` skips equal values and, unlike `<>`, treats NULL as a value.',
    hints: [
      'Add a `WHERE` to `DO UPDATE` that is true only when the price changes.',
      '`NULL <> 700` is NULL, not true: use `IS DISTINCT FROM` (both engines have it).',
    ],
    dialects: ['sqlite', 'postgres'],
    schema: 'CREATE TABLE prices (sku text PRIMARY KEY, price_cents integer);',
    sets: [
      { rows: "INSERT INTO prices VALUES ('A-1', 500), ('B-2', NULL);", params: { sku: 'A-1', price: 500 } },
      {
        rows: "INSERT INTO prices VALUES ('A-1', 500), ('B-2', NULL);",
        params: { sku: 'B-2', price: 700 },
        about: 'a product whose stored price is NULL',
      },
      { rows: "INSERT INTO prices VALUES ('A-1', 500);", params: { sku: 'A-1', price: 450 }, about: 'a changed price' },
      { rows: "INSERT INTO prices VALUES ('A-1', 500);", params: { sku: 'C-3', price: 100 }, about: 'a new product' },
    ],
    solution:
      'INSERT INTO prices (sku, price_cents) VALUES (:sku, :price)\nON CONFLICT (sku) DO UPDATE SET price_cents = excluded.price_cents\nWHERE prices.price_cents IS DISTINCT FROM excluded.price_cents;',
    strictWrites: true,
  },
  {
    id: 'no-revival',
    unit: 'conditional',
    title: 'Leave closed accounts alone',
    task: 'Set the name of the account `:email` to `:name`, or open a new account. A closed account (`closed = 1`) must not change at all.',
    lesson: 'The `WHERE` of `DO UPDATE` can test the stored row: `WHERE accounts.closed = 0` protects closed accounts.',
    hints: [
      'Which row knows whether the account is closed: the stored one or `excluded`?',
      '`excluded.closed` is the default 0 of the row you tried to insert.',
    ],
    dialects: ['sqlite', 'postgres'],
    schema: 'CREATE TABLE accounts (email text PRIMARY KEY, name text NOT NULL, closed integer NOT NULL DEFAULT 0);',
    sets: [
      {
        rows: "INSERT INTO accounts VALUES ('ada@example.com', 'Ada', 0), ('bob@example.com', 'Bob', 1);",
        params: { email: 'bob@example.com', name: 'Robert' },
      },
      {
        rows: "INSERT INTO accounts VALUES ('ada@example.com', 'Ada', 0), ('bob@example.com', 'Bob', 1);",
        params: { email: 'ada@example.com', name: 'Ada Lovelace' },
        about: 'an open account',
      },
      {
        rows: "INSERT INTO accounts VALUES ('bob@example.com', 'Bob', 1);",
        params: { email: 'eve@example.com', name: 'Eve' },
        about: 'a new account',
      },
    ],
    solution:
      'INSERT INTO accounts (email, name) VALUES (:email, :name)\nON CONFLICT (email) DO UPDATE SET name = excluded.name\nWHERE accounts.closed = 0;',
    strictWrites: true,
  },
  {
    id: 'best-score',
    unit: 'conditional',
    title: 'Keep the best score',
    task: "Player `:player` finished a game with `:score` points. Keep each player's best score: store the score of a new player, and replace a stored best only when the new score beats it.",
    lesson:
      'A conditional upsert keeps a maximum without reading it first: the update happens only when `excluded.best > scores.best`.',
    hints: [
      'Insert `(:player, :score)`; the update should only happen sometimes.',
      'Compare the proposed score with the stored best in the `WHERE` of `DO UPDATE`.',
    ],
    dialects: ['sqlite', 'postgres'],
    schema: 'CREATE TABLE scores (player text PRIMARY KEY, best integer NOT NULL);',
    sets: [
      { rows: "INSERT INTO scores VALUES ('ada', 120), ('alan', 80);", params: { player: 'ada', score: 95 } },
      {
        rows: "INSERT INTO scores VALUES ('ada', 120), ('alan', 80);",
        params: { player: 'alan', score: 150 },
        about: 'a player who beats her best score',
      },
      {
        rows: "INSERT INTO scores VALUES ('ada', 120);",
        params: { player: 'grace', score: 60 },
        about: 'a new player',
      },
    ],
    solution:
      'INSERT INTO scores (player, best) VALUES (:player, :score)\nON CONFLICT (player) DO UPDATE SET best = excluded.best\nWHERE excluded.best > scores.best;',
    strictWrites: true,
  },
];
