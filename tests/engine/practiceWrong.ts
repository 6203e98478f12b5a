// Plausible wrong answers to every practice exercise, and what the feedback must say about each:
// every listed text must appear in the verdict (the row, the column and the values, or the cause).
// `hidden: true`: the answer passes the visible data set and must fail a hidden one, whose feedback
// names the kind of case and never its data.
import type { Dialect } from '../../src/engine/types';

export interface WrongAnswer {
  id: string;
  why: string;
  sql: string;
  /** Default: every dialect of the exercise. */
  dialects?: Dialect[];
  says: string[];
  hidden?: boolean;
}

const UNIQUE_HINT = 'collides with an existing row on a unique key';
const TARGET_HINT = 'must be exactly the columns of a primary key or unique index';

export const WRONG: WrongAnswer[] = [
  // Unit 1
  {
    id: 'insert-or-update-name',
    why: 'DO NOTHING instead of DO UPDATE',
    sql: 'INSERT INTO users (email, name) VALUES (:email, :name) ON CONFLICT (email) DO NOTHING;',
    says: ["In users, row email = 'ada@example.com': name is 'Ada', expected 'Ada Lovelace'."],
  },
  {
    id: 'insert-or-update-name',
    why: 'a plain INSERT',
    sql: 'INSERT INTO users (email, name) VALUES (:email, :name);',
    says: [UNIQUE_HINT],
  },
  {
    id: 'insert-or-update-name',
    why: 'hard-coded values',
    sql: "INSERT INTO users (email, name) VALUES ('ada@example.com', 'Ada Lovelace') ON CONFLICT (email) DO UPDATE SET name = excluded.name;",
    says: [
      'not in a hidden check: a user who is not in the table yet',
      'Table users: a row that should be there is missing.',
    ],
    hidden: true,
  },
  {
    id: 'do-nothing-returning',
    why: 'DO UPDATE rewrites and returns the existing tag',
    sql: 'INSERT INTO tags (name) VALUES (:name) ON CONFLICT (name) DO UPDATE SET name = excluded.name RETURNING id, name;',
    says: ["In tags, row name = 'sql' was rewritten with the same values", 'Returned 1 row, expected 0.'],
  },
  {
    id: 'do-nothing-returning',
    why: 'no RETURNING',
    sql: 'INSERT INTO tags (name) VALUES (:name) ON CONFLICT (name) DO NOTHING;',
    says: ['Your statement returned nothing; expected 0 rows with columns (id, name) (add RETURNING).'],
  },
  {
    id: 'update-some-columns',
    why: 'overwrites the name too',
    sql: 'INSERT INTO products (sku, name, price_cents) VALUES (:sku, :name, :price) ON CONFLICT (sku) DO UPDATE SET name = excluded.name, price_cents = excluded.price_cents;',
    says: ["In products, row sku = 'A-1': name is 'Widget Pro', expected 'Widget'."],
  },
  {
    id: 'update-some-columns',
    why: 'resets the stock',
    sql: 'INSERT INTO products (sku, name, price_cents, stock) VALUES (:sku, :name, :price, 0) ON CONFLICT (sku) DO UPDATE SET price_cents = excluded.price_cents, stock = excluded.stock;',
    says: ["In products, row sku = 'A-1': stock is 0, expected 12."],
  },
  {
    id: 'update-some-columns',
    why: 'INSERT OR REPLACE',
    dialects: ['sqlite'],
    sql: 'INSERT OR REPLACE INTO products (sku, name, price_cents) VALUES (:sku, :name, :price);',
    says: [
      "row sku = 'A-1': name is 'Widget Pro', expected 'Widget'.",
      "row sku = 'A-1': stock is 0, expected 12.",
      'was deleted and inserted again (replaced)',
    ],
  },
  {
    id: 'remember-previous-name',
    why: 'previous name from excluded',
    sql: 'INSERT INTO users (email, name) VALUES (:email, :name) ON CONFLICT (email) DO UPDATE SET previous_name = excluded.name, name = excluded.name;',
    says: ["In users, row email = 'ada@example.com': previous_name is 'Ada Lovelace', expected 'Ada'."],
  },
  {
    id: 'remember-previous-name',
    why: 'forgets the previous name',
    sql: 'INSERT INTO users (email, name) VALUES (:email, :name) ON CONFLICT (email) DO UPDATE SET name = excluded.name;',
    says: ["In users, row email = 'ada@example.com': previous_name is NULL, expected 'Ada'."],
  },
  // Unit 2
  {
    id: 'coalesce-keep',
    why: 'overwrites with NULL',
    sql: 'INSERT INTO contacts (email, name, phone) VALUES (:email, :name, :phone) ON CONFLICT (email) DO UPDATE SET name = excluded.name, phone = excluded.phone;',
    says: ["In contacts, row email = 'ada@example.com': phone is NULL, expected '555-0100'."],
  },
  {
    id: 'coalesce-keep',
    why: 'COALESCE arguments reversed',
    sql: 'INSERT INTO contacts (email, name, phone) VALUES (:email, :name, :phone) ON CONFLICT (email) DO UPDATE SET name = COALESCE(contacts.name, excluded.name), phone = COALESCE(contacts.phone, excluded.phone);',
    says: ["In contacts, row email = 'ada@example.com': name is 'Ada Lovelace', expected 'Ada King'."],
  },
  {
    id: 'coalesce-keep',
    why: 'COALESCE on the phone only',
    sql: 'INSERT INTO contacts (email, name, phone) VALUES (:email, :name, :phone) ON CONFLICT (email) DO UPDATE SET name = excluded.name, phone = COALESCE(excluded.phone, contacts.phone);',
    says: [
      'a contact whose new name is NULL but whose new phone is given',
      'Table contacts: a row has a different name.',
    ],
    hidden: true,
  },
  {
    id: 'accumulate-stock',
    why: 'replaces the stock',
    sql: 'INSERT INTO inventory (sku, stock) VALUES (:sku, :qty) ON CONFLICT (sku) DO UPDATE SET stock = excluded.stock;',
    says: ["In inventory, row sku = 'A-1': stock is 5, expected 17."],
  },
  {
    id: 'accumulate-stock',
    why: 'a hard-coded quantity',
    sql: 'INSERT INTO inventory (sku, stock) VALUES (:sku, :qty) ON CONFLICT (sku) DO UPDATE SET stock = inventory.stock + 5;',
    says: ['a delivery of another size', 'Table inventory: a row has a different stock.'],
    hidden: true,
  },
  {
    id: 'count-views',
    why: 'resets to 1',
    sql: 'INSERT INTO page_views (path, views) VALUES (:path, 1) ON CONFLICT (path) DO UPDATE SET views = 1;',
    says: ["In page_views, row path = '/': views is 1, expected 8."],
  },
  {
    id: 'count-views',
    why: 'adds to excluded instead of the stored count',
    sql: 'INSERT INTO page_views (path, views) VALUES (:path, 1) ON CONFLICT (path) DO UPDATE SET views = excluded.views + 1;',
    says: ["In page_views, row path = '/': views is 2, expected 8."],
  },
  {
    id: 'timestamps',
    why: 'overwrites created_at',
    sql: 'INSERT INTO notes (id, body, created_at, updated_at) VALUES (:id, :body, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP) ON CONFLICT (id) DO UPDATE SET body = excluded.body, created_at = excluded.created_at, updated_at = excluded.updated_at;',
    says: ["In notes, row id = 1: created_at is the time of the run, expected '2024-01-05 09:00:00"],
  },
  {
    id: 'timestamps',
    why: 'forgets updated_at',
    sql: 'INSERT INTO notes (id, body, created_at, updated_at) VALUES (:id, :body, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP) ON CONFLICT (id) DO UPDATE SET body = excluded.body;',
    says: ["In notes, row id = 1: updated_at is '2024-01-05 09:00:00", 'expected the time of the run.'],
  },
  // Unit 3
  {
    id: 'newer-version-wins',
    why: 'no WHERE',
    sql: 'INSERT INTO docs (id, body, version) VALUES (:id, :body, :version) ON CONFLICT (id) DO UPDATE SET body = excluded.body, version = excluded.version;',
    says: ["In docs, row id = 1: body is 'draft', expected 'final'.", 'version is 2, expected 3.'],
  },
  {
    id: 'newer-version-wins',
    why: '>= lets an equal version win',
    sql: 'INSERT INTO docs (id, body, version) VALUES (:id, :body, :version) ON CONFLICT (id) DO UPDATE SET body = excluded.body, version = excluded.version WHERE excluded.version >= docs.version;',
    says: ['the same version arriving twice', 'Table docs: a row has a different body.'],
    hidden: true,
  },
  {
    id: 'newer-version-wins',
    why: 'comparison reversed',
    sql: 'INSERT INTO docs (id, body, version) VALUES (:id, :body, :version) ON CONFLICT (id) DO UPDATE SET body = excluded.body, version = excluded.version WHERE docs.version > excluded.version;',
    says: ["In docs, row id = 1: body is 'draft', expected 'final'."],
  },
  {
    id: 'only-if-changed',
    why: 'no WHERE rewrites the same price',
    sql: 'INSERT INTO prices (sku, price_cents) VALUES (:sku, :price) ON CONFLICT (sku) DO UPDATE SET price_cents = excluded.price_cents;',
    says: ["In prices, row sku = 'A-1' was rewritten with the same values; it should be left untouched."],
  },
  {
    id: 'only-if-changed',
    why: '<> misses a NULL price',
    sql: 'INSERT INTO prices (sku, price_cents) VALUES (:sku, :price) ON CONFLICT (sku) DO UPDATE SET price_cents = excluded.price_cents WHERE prices.price_cents <> excluded.price_cents;',
    says: ['a product whose stored price is NULL', 'Table prices: a row has a different price_cents.'],
    hidden: true,
  },
  {
    id: 'no-revival',
    why: 'no WHERE',
    sql: 'INSERT INTO accounts (email, name) VALUES (:email, :name) ON CONFLICT (email) DO UPDATE SET name = excluded.name;',
    says: ["In accounts, row email = 'bob@example.com': name is 'Robert', expected 'Bob'."],
  },
  {
    id: 'no-revival',
    why: 'tests excluded instead of the stored row',
    sql: 'INSERT INTO accounts (email, name) VALUES (:email, :name) ON CONFLICT (email) DO UPDATE SET name = excluded.name WHERE excluded.closed = 0;',
    says: ["In accounts, row email = 'bob@example.com': name is 'Robert', expected 'Bob'."],
  },
  {
    id: 'no-revival',
    why: 'DO NOTHING',
    sql: 'INSERT INTO accounts (email, name) VALUES (:email, :name) ON CONFLICT (email) DO NOTHING;',
    says: ['an open account', 'Table accounts: a row has a different name.'],
    hidden: true,
  },
  {
    id: 'best-score',
    why: 'no WHERE',
    sql: 'INSERT INTO scores (player, best) VALUES (:player, :score) ON CONFLICT (player) DO UPDATE SET best = excluded.best;',
    says: ["In scores, row player = 'ada': best is 95, expected 120."],
  },
  {
    id: 'best-score',
    why: 'DO NOTHING',
    sql: 'INSERT INTO scores (player, best) VALUES (:player, :score) ON CONFLICT (player) DO NOTHING;',
    says: ['a player who beats her best score', 'Table scores: a row has a different best.'],
    hidden: true,
  },
  // Unit 4
  {
    id: 'choose-target',
    why: 'the handle as target',
    sql: 'INSERT INTO users (email, handle, name) VALUES (:email, :handle, :name) ON CONFLICT (handle) DO UPDATE SET email = excluded.email, name = excluded.name;',
    says: [UNIQUE_HINT],
  },
  {
    id: 'choose-target',
    why: 'the id as target',
    sql: 'INSERT INTO users (email, handle, name) VALUES (:email, :handle, :name) ON CONFLICT (id) DO UPDATE SET handle = excluded.handle, name = excluded.name;',
    says: [UNIQUE_HINT],
  },
  {
    id: 'partial-index',
    why: 'target without the index predicate',
    sql: 'INSERT INTO members (email, name) VALUES (:email, :name) ON CONFLICT (email) DO UPDATE SET name = excluded.name;',
    says: [TARGET_HINT],
  },
  {
    id: 'partial-index',
    why: 'DO NOTHING',
    sql: 'INSERT INTO members (email, name) VALUES (:email, :name) ON CONFLICT (email) WHERE deleted = 0 DO NOTHING;',
    says: ["In members, row id = 2: name is 'Ada', expected 'Ada Lovelace'."],
  },
  {
    id: 'composite-key',
    why: 'half of the key as target',
    sql: 'INSERT INTO stock (warehouse, sku, qty) VALUES (:warehouse, :sku, :qty) ON CONFLICT (sku) DO UPDATE SET qty = excluded.qty;',
    says: [TARGET_HINT],
  },
  {
    id: 'composite-key',
    why: 'an UPDATE by sku only',
    sql: 'UPDATE stock SET qty = :qty WHERE sku = :sku;',
    says: ["In stock, row (warehouse, sku) = ('north', 'A-1'): qty is 9, expected 10."],
  },
  {
    id: 'on-constraint',
    why: 'DO NOTHING',
    sql: 'INSERT INTO subscriptions (user_id, list, active) VALUES (:user_id, :list, true) ON CONFLICT ON CONSTRAINT one_per_list DO NOTHING;',
    says: ["In subscriptions, row (user_id, list) = (1, 'news'): active is false, expected true."],
  },
  {
    id: 'on-constraint',
    why: 'a plain INSERT',
    sql: 'INSERT INTO subscriptions (user_id, list, active) VALUES (:user_id, :list, true);',
    says: ['one_per_list', UNIQUE_HINT],
  },
  // Unit 5
  {
    id: 'staging-upsert',
    why: "the visible batch's values written out",
    sql: "INSERT INTO products (sku, name, price_cents) VALUES ('A-1', 'Widget', 550), ('C-3', 'Gizmo', 1200) ON CONFLICT (sku) DO UPDATE SET name = excluded.name, price_cents = excluded.price_cents;",
    says: ['another batch, with other products', 'Table products: a row has a different'],
    hidden: true,
  },
  {
    id: 'staging-upsert',
    why: 'DO NOTHING',
    sql: 'INSERT INTO products (sku, name, price_cents) SELECT sku, name, price_cents FROM incoming WHERE true ON CONFLICT (sku) DO NOTHING;',
    says: ["In products, row sku = 'A-1': price_cents is 500, expected 550."],
  },
  {
    id: 'staging-upsert',
    why: 'no WHERE on the SELECT',
    dialects: ['sqlite'],
    sql: 'INSERT INTO products (sku, name, price_cents) SELECT sku, name, price_cents FROM incoming ON CONFLICT (sku) DO UPDATE SET name = excluded.name, price_cents = excluded.price_cents;',
    says: ['near "DO": syntax error', 'WHERE true will do'],
  },
  {
    id: 'dedupe-batch',
    why: 'no deduplication (PostgreSQL refuses)',
    dialects: ['postgres'],
    sql: 'INSERT INTO products (sku, price_cents) SELECT sku, price_cents FROM incoming ON CONFLICT (sku) DO UPDATE SET price_cents = excluded.price_cents;',
    says: ['cannot affect row a second time', 'keep one row per key first'],
  },
  {
    id: 'dedupe-batch',
    why: 'no deduplication (SQLite: table order wins)',
    dialects: ['sqlite'],
    sql: 'INSERT INTO products (sku, price_cents) SELECT sku, price_cents FROM incoming WHERE true ON CONFLICT (sku) DO UPDATE SET price_cents = excluded.price_cents;',
    says: ["In products, row sku = 'A-1': price_cents is 510, expected 520."],
  },
  {
    id: 'dedupe-batch',
    why: 'oldest row kept',
    sql: 'INSERT INTO products (sku, price_cents) SELECT sku, price_cents FROM (SELECT sku, price_cents, row_number() OVER (PARTITION BY sku ORDER BY seq) AS rn FROM incoming) AS b WHERE rn = 1 ON CONFLICT (sku) DO UPDATE SET price_cents = excluded.price_cents;',
    says: ["In products, row sku = 'A-1': price_cents is 510, expected 520."],
  },
  {
    id: 'aggregate-batch',
    why: 'no GROUP BY (PostgreSQL refuses)',
    dialects: ['postgres'],
    sql: 'INSERT INTO page_views (path, views) SELECT path, 1 FROM clicks ON CONFLICT (path) DO UPDATE SET views = page_views.views + excluded.views;',
    says: ['cannot affect row a second time', 'keep one row per key first'],
  },
  {
    id: 'aggregate-batch',
    why: 'replaces the views with the batch count',
    sql: 'INSERT INTO page_views (path, views) SELECT path, count(*) FROM clicks WHERE true GROUP BY path ON CONFLICT (path) DO UPDATE SET views = excluded.views;',
    says: ["In page_views, row path = '/': views is 3, expected 10."],
  },
  {
    id: 'aggregate-batch',
    why: 'counts each page once',
    sql: 'INSERT INTO page_views (path, views) SELECT DISTINCT path, 1 FROM clicks WHERE true ON CONFLICT (path) DO UPDATE SET views = page_views.views + excluded.views;',
    says: ["In page_views, row path = '/': views is 8, expected 10."],
  },
  {
    id: 'select-then-write',
    why: 'only the UPDATE',
    sql: 'UPDATE wallets SET balance = balance + :amount WHERE user_id = :user_id;',
    says: ['a user without a wallet yet', 'Table wallets: a row that should be there is missing.'],
    hidden: true,
  },
  {
    id: 'select-then-write',
    why: 'replaces the balance',
    sql: 'INSERT INTO wallets (user_id, balance) VALUES (:user_id, :amount) ON CONFLICT (user_id) DO UPDATE SET balance = excluded.balance;',
    says: ['In wallets, row user_id = 1: balance is 25, expected 125.'],
  },
  // Unit 6
  {
    id: 'login-action',
    why: 'a constant action',
    sql: "INSERT INTO logins (email, login_count) VALUES (:email, 1) ON CONFLICT (email) DO UPDATE SET login_count = logins.login_count + 1 RETURNING email, login_count, 'updated' AS action;",
    says: ['a first login', 'A returned row differs from the expected one.'],
    hidden: true,
  },
  {
    id: 'login-action',
    why: 'resets the count',
    sql: "INSERT INTO logins (email, login_count) VALUES (:email, 1) ON CONFLICT (email) DO UPDATE SET login_count = 1 RETURNING email, login_count, CASE WHEN login_count = 1 THEN 'inserted' ELSE 'updated' END AS action;",
    says: [
      "In logins, row email = 'ada@example.com': login_count is 1, expected 5.",
      "Returned row ('ada@example.com', 1, 'inserted') is not expected.",
    ],
  },
  {
    id: 'xmax-inserted',
    why: 'a constant true',
    sql: 'INSERT INTO settings (key, value) VALUES (:key, :value) ON CONFLICT (key) DO UPDATE SET value = excluded.value RETURNING key, value, true AS inserted;',
    says: ["Returned row ('theme', 'dark', true) is not expected."],
  },
  {
    id: 'xmax-inserted',
    why: 'xmax test reversed',
    sql: 'INSERT INTO settings (key, value) VALUES (:key, :value) ON CONFLICT (key) DO UPDATE SET value = excluded.value RETURNING key, value, (xmax <> 0) AS inserted;',
    says: ["Returned row ('theme', 'dark', true) is not expected."],
  },
  {
    id: 'returning-old-new',
    why: 'plain columns are the new values',
    sql: 'INSERT INTO prices (sku, price_cents) VALUES (:sku, :price) ON CONFLICT (sku) DO UPDATE SET price_cents = excluded.price_cents RETURNING sku, price_cents AS old_price, price_cents AS new_price;',
    says: ["Returned row ('A-1', 550, 550) is not expected."],
  },
  {
    id: 'returning-old-new',
    why: 'excluded in RETURNING',
    sql: 'INSERT INTO prices (sku, price_cents) VALUES (:sku, :price) ON CONFLICT (sku) DO UPDATE SET price_cents = excluded.price_cents RETURNING sku, price_cents AS old_price, excluded.price_cents AS new_price;',
    says: ['FROM-clause entry for table "excluded"', 'EXCLUDED (the proposed row) exists only inside DO UPDATE SET'],
  },
  {
    id: 'merge-sync',
    why: 'no DELETE branch',
    sql: 'MERGE INTO products AS p USING feed AS f ON p.sku = f.sku WHEN MATCHED THEN UPDATE SET name = f.name, price_cents = f.price_cents WHEN NOT MATCHED AND NOT f.discontinued THEN INSERT (sku, name, price_cents) VALUES (f.sku, f.name, f.price_cents);',
    says: ["1 extra row in products: ('B-2', 'Gadget', 900)."],
  },
  {
    id: 'merge-sync',
    why: 'UPDATE branch before the DELETE branch',
    sql: 'MERGE INTO products AS p USING feed AS f ON p.sku = f.sku WHEN MATCHED THEN UPDATE SET name = f.name, price_cents = f.price_cents WHEN MATCHED AND f.discontinued THEN DELETE WHEN NOT MATCHED AND NOT f.discontinued THEN INSERT (sku, name, price_cents) VALUES (f.sku, f.name, f.price_cents);',
    says: ['unreachable WHEN clause', 'put the conditional branch first'],
  },
  {
    id: 'merge-sync',
    why: 'inserts discontinued products',
    sql: 'MERGE INTO products AS p USING feed AS f ON p.sku = f.sku WHEN MATCHED AND f.discontinued THEN DELETE WHEN MATCHED THEN UPDATE SET name = f.name, price_cents = f.price_cents WHEN NOT MATCHED THEN INSERT (sku, name, price_cents) VALUES (f.sku, f.name, f.price_cents);',
    says: [
      'a discontinued product that is not in the table',
      'Table products: there is a row that should not be there.',
    ],
    hidden: true,
  },
  {
    id: 'replace-hazard',
    why: "the colleague's INSERT OR REPLACE",
    sql: 'INSERT OR REPLACE INTO accounts (email, name) VALUES (:email, :name);',
    says: [
      "In accounts, row email = 'ada@example.com': id is 3, expected 1.",
      'credits is 0, expected 50.',
      'was deleted and inserted again (replaced)',
    ],
  },
  {
    id: 'replace-hazard',
    why: 'REPLACE that copies the credits',
    sql: 'INSERT OR REPLACE INTO accounts (email, name, credits) VALUES (:email, :name, (SELECT credits FROM accounts WHERE email = :email));',
    says: ["In accounts, row email = 'ada@example.com': id is 3, expected 1."],
  },
];
