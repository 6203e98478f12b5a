// What each practice exercise's reference solution must leave on the visible data set, written by
// hand from the task (not from a run): the After rows of one table and, where the task asks for
// them, the returned rows. The same expectation holds on every dialect the exercise claims.
import type { CellExpect } from '../../src/gallery/types';

const NOW = { like: '^20\\d\\d-' }; // a timestamp the run set (checked as recent by the checker)

export interface VisibleExpect {
  table: string;
  columns: string[];
  rows: CellExpect[][];
  returned?: CellExpect[][];
}

export const EXPECTED: Record<string, VisibleExpect> = {
  'insert-or-update-name': {
    table: 'users',
    columns: ['email', 'name'],
    rows: [
      ['ada@example.com', 'Ada Lovelace'],
      ['grace@example.com', 'Grace Hopper'],
    ],
  },
  'do-nothing-returning': {
    table: 'tags',
    columns: ['id', 'name'],
    rows: [
      [1, 'sql'],
      [2, 'sqlite'],
    ],
    returned: [],
  },
  'update-some-columns': {
    table: 'products',
    columns: ['sku', 'name', 'price_cents', 'stock'],
    rows: [
      ['A-1', 'Widget', 550, 12],
      ['B-2', 'Gadget', 900, 3],
    ],
  },
  'remember-previous-name': {
    table: 'users',
    columns: ['email', 'name', 'previous_name'],
    rows: [
      ['ada@example.com', 'Ada Lovelace', 'Ada'],
      ['grace@example.com', 'Grace', null],
    ],
  },
  'coalesce-keep': {
    table: 'contacts',
    columns: ['email', 'name', 'phone'],
    rows: [
      ['ada@example.com', 'Ada King', '555-0100'],
      ['alan@example.com', 'Alan Turing', null],
    ],
  },
  'accumulate-stock': {
    table: 'inventory',
    columns: ['sku', 'stock'],
    rows: [
      ['A-1', 17],
      ['B-2', 0],
    ],
  },
  'count-views': {
    table: 'page_views',
    columns: ['path', 'views'],
    rows: [
      ['/', 8],
      ['/about', 2],
    ],
  },
  timestamps: {
    table: 'notes',
    columns: ['id', 'body', 'created_at', 'updated_at'],
    rows: [
      [1, 'Buy oat milk', { like: '^2024-01-05 09:00:00' }, NOW],
      [2, 'Call Bob', { like: '^2024-02-01 12:00:00' }, { like: '^2024-02-03 08:30:00' }],
    ],
  },
  'newer-version-wins': {
    table: 'docs',
    columns: ['id', 'body', 'version'],
    rows: [
      [1, 'final', 3],
      [2, 'intro', 1],
    ],
  },
  'only-if-changed': {
    table: 'prices',
    columns: ['sku', 'price_cents'],
    rows: [
      ['A-1', 500],
      ['B-2', null],
    ],
  },
  'no-revival': {
    table: 'accounts',
    columns: ['email', 'name', 'closed'],
    rows: [
      ['ada@example.com', 'Ada', 0],
      ['bob@example.com', 'Bob', 1],
    ],
  },
  'best-score': {
    table: 'scores',
    columns: ['player', 'best'],
    rows: [
      ['ada', 120],
      ['alan', 80],
    ],
  },
  'choose-target': {
    table: 'users',
    columns: ['id', 'email', 'handle', 'name'],
    rows: [
      [1, 'ada@example.com', 'lovelace', 'Ada Lovelace'],
      [2, 'alan@example.com', 'turing', 'Alan'],
    ],
  },
  'partial-index': {
    table: 'members',
    columns: ['id', 'email', 'name', 'deleted'],
    rows: [
      [1, 'ada@example.com', 'Ada (old)', 1],
      [2, 'ada@example.com', 'Ada Lovelace', 0],
      [3, 'alan@example.com', 'Alan', 0],
    ],
  },
  'composite-key': {
    table: 'stock',
    columns: ['warehouse', 'sku', 'qty'],
    rows: [
      ['north', 'A-1', 10],
      ['south', 'A-1', 9],
      ['north', 'B-2', 7],
    ],
  },
  'on-constraint': {
    table: 'subscriptions',
    columns: ['user_id', 'list', 'active'],
    rows: [
      [1, 'news', true],
      [1, 'offers', true],
    ],
  },
  'staging-upsert': {
    table: 'products',
    columns: ['sku', 'name', 'price_cents'],
    rows: [
      ['A-1', 'Widget', 550],
      ['B-2', 'Gadget', 900],
      ['C-3', 'Gizmo', 1200],
    ],
  },
  'dedupe-batch': {
    table: 'products',
    columns: ['sku', 'price_cents'],
    rows: [
      ['A-1', 520],
      ['B-2', 900],
      ['C-3', 100],
    ],
  },
  'aggregate-batch': {
    table: 'page_views',
    columns: ['path', 'views'],
    rows: [
      ['/', 10],
      ['/about', 1],
    ],
  },
  'select-then-write': {
    table: 'wallets',
    columns: ['user_id', 'balance'],
    rows: [
      [1, 125],
      [2, 0],
    ],
  },
  'login-action': {
    table: 'logins',
    columns: ['email', 'login_count'],
    rows: [['ada@example.com', 5]],
    returned: [['ada@example.com', 5, 'updated']],
  },
  'xmax-inserted': {
    table: 'settings',
    columns: ['key', 'value'],
    rows: [['theme', 'dark']],
    returned: [['theme', 'dark', false]],
  },
  'returning-old-new': {
    table: 'prices',
    columns: ['sku', 'price_cents'],
    rows: [['A-1', 550]],
    returned: [['A-1', 500, 550]],
  },
  'merge-sync': {
    table: 'products',
    columns: ['sku', 'name', 'price_cents'],
    rows: [
      ['A-1', 'Widget', 550],
      ['C-3', 'Doohickey', 300],
      ['D-4', 'Gizmo', 100],
    ],
  },
  'replace-hazard': {
    table: 'accounts',
    columns: ['id', 'email', 'name', 'credits'],
    rows: [
      [1, 'ada@example.com', 'Ada Lovelace', 50],
      [2, 'alan@example.com', 'Alan', 10],
    ],
  },
};
