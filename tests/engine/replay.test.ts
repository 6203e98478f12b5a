/**
 * "Run again" and "Explain" on the real engines: the second run starts from the state the first
 * left; the plan is the engine's own, taken on a replay that never reaches the shown results (no
 * spent sequence value, no changed row).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresEngine } from '../../src/engine/postgres';
import { createSqliteEngine } from '../../src/engine/sqlite';
import type { Engine } from '../../src/engine/types';

let sqlite: Engine;
let pg: Engine;
beforeAll(async () => {
  sqlite = await createSqliteEngine();
  pg = await createPostgresEngine();
}, 300_000);
afterAll(async () => {
  await pg?.close();
});
const engines = (): Record<'sqlite' | 'postgres', Engine> => ({ sqlite, postgres: pg });

const SETUP = {
  sqlite:
    "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE, name TEXT, visits INTEGER NOT NULL DEFAULT 0);\nINSERT INTO users (email, name) VALUES ('ada@x', 'Ada');",
  postgres:
    "CREATE TABLE users (id serial PRIMARY KEY, email text NOT NULL UNIQUE, name text, visits int NOT NULL DEFAULT 0);\nINSERT INTO users (email, name) VALUES ('ada@x', 'Ada');",
};
const IDEMPOTENT =
  "INSERT INTO users (email, name) VALUES ('ada@x', 'Ada L.'), ('grace@x', 'Grace') ON CONFLICT (email) DO UPDATE SET name = excluded.name";
const COUNTER =
  "INSERT INTO users (email, name) VALUES ('ada@x', 'Ada') ON CONFLICT (email) DO UPDATE SET visits = users.visits + 1";

for (const d of ['sqlite', 'postgres'] as const) {
  describe(`${d}: run again`, () => {
    it('an idempotent upsert changes nothing the second time (rows rewritten with the same values)', async () => {
      const once = await engines()[d].run({ setup: SETUP[d], statement: IDEMPOTENT });
      expect(once.again).toBeUndefined();
      expect(once.tables[0]!.counts.inserted).toBe(1);
      const r = await engines()[d].run({ setup: SETUP[d], statement: IDEMPOTENT, again: 1 });
      expect(r.error).toBeUndefined();
      expect(r.again).toEqual({ runs: 1 });
      const t = r.tables[0]!;
      // Before is the state the first run left.
      expect(t.before!.rows.map((x) => x[1])).toEqual(['ada@x', 'grace@x']);
      expect(t.counts.inserted + t.counts.deleted).toBe(0);
      expect(t.counts.updated).toBe(t.counts.sameValues);
      expect(t.counts.sameValues).toBe(2);
      expect(r.statements[0]!.proposed!.rows.map((x) => x.fate)).toEqual(['same-values', 'same-values']);
    });

    it('a counter is not idempotent: each run adds one, and the fates say which row changed', async () => {
      const r = await engines()[d].run({ setup: SETUP[d], statement: COUNTER, again: 2 });
      expect(r.again).toEqual({ runs: 2 });
      const t = r.tables[0]!;
      expect(t.before!.rows[0]![3]).toBe(2);
      expect(t.after!.rows[0]![3]).toBe(3);
      expect(t.counts.updated).toBe(1);
      expect(t.counts.sameValues).toBe(0);
      expect(r.statements[0]!.proposed!.rows[0]!.fate).toBe('updated');
    });

    it("an earlier run's open transaction is rolled back before the next run, with a note", async () => {
      const r = await engines()[d].run({ setup: SETUP[d], statement: `BEGIN;\n${COUNTER};`, again: 1 });
      expect(r.tables[0]!.before!.rows[0]![3]).toBe(0);
      expect(r.notes.some((n) => n.startsWith('Run 1 left a transaction open'))).toBe(true);
    });
  });

  describe(`${d}: explain`, () => {
    it("plans the upsert on the state the statements before it left, and the shown run's values are untouched", async () => {
      const statement = `${COUNTER};\n${IDEMPOTENT} RETURNING id;`;
      const plain = await engines()[d].run({ setup: SETUP[d], statement });
      const p = await engines()[d].run({ setup: SETUP[d], statement, explain: 1 });
      expect(p.error).toBeUndefined();
      const plan = p.plan!;
      expect(plan.statementIndex).toBe(1);
      expect(plan.error).toBeUndefined();
      if (d === 'postgres') {
        expect(plan.facts).toMatchObject({
          operation: 'Insert',
          table: 'users',
          conflictResolution: 'UPDATE',
          arbiterIndexes: ['users_email_key'],
          tuplesInserted: 1,
          conflictingTuples: 1,
        });
        expect(plan.lines[0]!.text).toMatch(/^Insert on users/);
        expect(plan.lines.some((l) => l.text.startsWith('Values Scan'))).toBe(true);
        expect(JSON.parse(plan.raw)).toBeInstanceOf(Array);
      } else {
        expect(plan.facts).toBeUndefined();
        expect(plan.lines.map((l) => l.text)).toEqual(['SCAN 2-ROW VALUES CLAUSE']);
        expect(plan.notes[0]).toMatch(/does not show the conflict check/);
      }
      // Nothing of the replay reaches a run: the same ids (no sequence value spent) and rows.
      const again = await engines()[d].run({ setup: SETUP[d], statement });
      expect(again.statements[1]!.rows).toEqual(plain.statements[1]!.rows);
      expect(again.tables[0]!.after!.rows).toEqual(plain.tables[0]!.after!.rows);
    });

    it('a target that matches no key: the error, the keys, and what the target almost matched', async () => {
      const setup = `${SETUP[d]}\nCREATE UNIQUE INDEX users_name_live ON users (name) WHERE visits >= 0;`;
      const statement = "INSERT INTO users (email, name) VALUES ('x@x', 'Ada') ON CONFLICT (name) DO NOTHING;";
      const p = await engines()[d].run({ setup, statement, explain: 0 });
      const plan = p.plan!;
      expect(plan.error!.message).toMatch(
        d === 'postgres'
          ? /no unique or exclusion constraint matching the ON CONFLICT specification/
          : /ON CONFLICT clause does not match any PRIMARY KEY or UNIQUE constraint/,
      );
      if (d === 'postgres') expect(plan.error!.code).toBe('42P10');
      // PostgreSQL prints the predicate in parentheses.
      expect(plan.help!.keys).toContainEqual(
        expect.stringMatching(/^unique index users_name_live \(name\) WHERE \(?visits >= 0\)?$/),
      );
      const advised = /(ON CONFLICT \(name\) WHERE \(?visits >= 0\)?)\.$/.exec(plan.help!.advice);
      expect(advised).not.toBeNull();
      // …and the advice is right: with it, the statement runs.
      const fixed = await engines()[d].run({ setup, statement: statement.replace('ON CONFLICT (name)', advised![1]!) });
      expect(fixed.error).toBeUndefined();
    });
  });
}

it('postgres: MERGE counters from the plan', async () => {
  const p = await pg.run({
    setup: SETUP.postgres,
    statement:
      "MERGE INTO users u USING (VALUES ('ada@x', 'A'), ('bob@x', 'B')) AS s(email, name) ON u.email = s.email WHEN MATCHED THEN UPDATE SET name = s.name WHEN NOT MATCHED THEN INSERT (email, name) VALUES (s.email, s.name);",
    explain: 0,
  });
  expect(p.plan!.facts).toMatchObject({ operation: 'Merge', tuplesInserted: 1, tuplesUpdated: 1, tuplesDeleted: 0 });
});
