// Claims the practice lessons and hints make that the reference runs alone do not pin down: other
// correct answers are accepted, and the hidden sets' returned rows are what the lessons say.
import { describe, expect, it } from 'vitest';
import { useEngines } from '../support/engines';
import type { Dialect, Value } from '../../src/engine/types';
import { checkAttempt, ReferenceCache, setupFor, verdictLines } from '../../src/practice/check';
import { returnedRows } from '../../src/practice/compare';
import { findExercise } from '../../src/practice/exercises';
import { bindParams } from '../../src/practice/params';
import { forDialect } from '../../src/practice/types';

const engines = useEngines();
const cache = new ReferenceCache();

/** Other right answers, each accepted on every dialect listed. */
const RIGHT: { id: string; why: string; sql: string; dialects: Dialect[] }[] = [
  {
    id: 'remember-previous-name',
    why: 'every SET reads the old row, whatever the order',
    sql: 'INSERT INTO users (email, name) VALUES (:email, :name) ON CONFLICT (email) DO UPDATE SET name = excluded.name, previous_name = users.name;',
    dialects: ['sqlite', 'postgres'],
  },
  {
    id: 'on-constraint',
    why: 'the columns of the constraint name the same key',
    sql: 'INSERT INTO subscriptions (user_id, list, active) VALUES (:user_id, :list, true) ON CONFLICT (user_id, list) DO UPDATE SET active = true;',
    dialects: ['postgres'],
  },
  {
    id: 'only-if-changed',
    why: "SQLite's IS NOT treats NULL as a value too",
    sql: 'INSERT INTO prices (sku, price_cents) VALUES (:sku, :price) ON CONFLICT (sku) DO UPDATE SET price_cents = excluded.price_cents WHERE prices.price_cents IS NOT excluded.price_cents;',
    dialects: ['sqlite'],
  },
  {
    id: 'insert-or-update-name',
    why: 'SQLite accepts DO UPDATE without a target',
    sql: 'INSERT INTO users (email, name) VALUES (:email, :name) ON CONFLICT DO UPDATE SET name = excluded.name;',
    dialects: ['sqlite'],
  },
  {
    id: 'dedupe-batch',
    why: 'DISTINCT ON keeps one row per key on PostgreSQL',
    sql: 'INSERT INTO products (sku, price_cents) SELECT DISTINCT ON (sku) sku, price_cents FROM incoming ORDER BY sku, seq DESC ON CONFLICT (sku) DO UPDATE SET price_cents = excluded.price_cents;',
    dialects: ['postgres'],
  },
  {
    id: 'aggregate-batch',
    why: 'on SQLite a key repeated in the batch updates the row it inserted a moment before',
    sql: 'INSERT INTO page_views (path, views) SELECT path, 1 FROM clicks WHERE true ON CONFLICT (path) DO UPDATE SET views = page_views.views + excluded.views;',
    dialects: ['sqlite'],
  },
];

describe.each(RIGHT.map((r) => [`${r.id}: ${r.why}`, r] as const))('%s', (_n, r) => {
  for (const d of r.dialects) {
    it(`is accepted on ${d}`, async () => {
      const v = await checkAttempt(findExercise(r.id)!, d, r.sql, (input) => engines[d].run(input), cache);
      expect(verdictLines(v)).toEqual(['Correct.']);
    });
  }
});

/** The reference's returned rows on one hidden set. */
async function hiddenReturned(id: string, d: Dialect, set: number): Promise<Value[][]> {
  const ex = findExercise(id)!;
  const bound = bindParams(forDialect(ex.solution, d), ex.sets[set]!.params ?? {});
  if (!bound.ok) throw new Error('unknown parameter');
  const r = await engines[d].run({ setup: setupFor(ex, d, set), statement: bound.sql });
  expect(r.ok).toBe(true);
  return returnedRows(r).rows;
}

it('RETURNING old/new: old is NULL for an inserted row (PostgreSQL)', async () => {
  expect(await hiddenReturned('returning-old-new', 'postgres', 1)).toEqual([['B-2', null, 300]]);
});
it('xmax = 0 on a freshly inserted row (PostgreSQL)', async () => {
  expect(await hiddenReturned('xmax-inserted', 'postgres', 1)).toEqual([['lang', 'en', true]]);
});
it('a first login returns action inserted, on both engines', async () => {
  for (const d of ['sqlite', 'postgres'] as const)
    expect(await hiddenReturned('login-action', d, 1)).toEqual([['alan@example.com', 1, 'inserted']]);
});
it('DO NOTHING returns the inserted row only, on both engines', async () => {
  for (const d of ['sqlite', 'postgres'] as const)
    expect(await hiddenReturned('do-nothing-returning', d, 1)).toEqual([[3, 'postgres']]);
});
