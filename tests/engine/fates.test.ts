/**
 * Proposed rows and their fates, on the real engines, for the upsert forms the playground teaches.
 * Every fate here comes from the engine's row events; the test checks them against the After table.
 */
import { describe, expect, it } from 'vitest';
import { useEngines } from '../support/engines';
import { EngineClient } from '../../src/engine/client';
import { createSqliteEngine } from '../../src/engine/sqlite';
import { InProcessWorker } from './inProcessWorker';
import type { ProposedRows } from '../../src/engine/fates';
import type { RunResult } from '../../src/engine/types';
import { afterText, fateText } from '../../src/results/why/fateText';

const engines = useEngines();

const proposed = (r: RunResult, k = 0): ProposedRows => r.statements[k]!.proposed!;
const fates = (r: RunResult, k = 0): string[] => proposed(r, k).rows.map((x) => x.fate);
const texts = (r: RunResult, k = 0): string[] => proposed(r, k).rows.map((x) => fateText(proposed(r, k), x));

const USERS = {
  sqlite:
    "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE, name TEXT, visits INTEGER NOT NULL DEFAULT 0);\nINSERT INTO users (email, name, visits) VALUES ('ada@x', 'Ada', 3), ('linus@x', 'Linus', 1);",
  postgres:
    "CREATE TABLE users (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL UNIQUE, name text, visits int NOT NULL DEFAULT 0);\nINSERT INTO users (email, name, visits) VALUES ('ada@x', 'Ada', 3), ('linus@x', 'Linus', 1);",
};

for (const d of ['sqlite', 'postgres'] as const) {
  describe(`${d}: proposed rows and fates`, () => {
    it('multi-row DO UPDATE … WHERE: updated, inserted, skipped by the WHERE; linked to the After rows', async () => {
      const r = await engines[d].run({
        setup: USERS[d],
        statement:
          "INSERT INTO users (email, name) VALUES ('ada@x', 'Ada L.'), ('grace@x', 'Grace'), ('linus@x', 'Linus')\nON CONFLICT (email) DO UPDATE SET name = excluded.name, visits = users.visits + 1 WHERE users.name <> excluded.name",
      });
      expect(r.error).toBeUndefined();
      const p = proposed(r);
      expect(p.table).toBe('users');
      expect(fates(r)).toEqual(['updated', 'inserted', 'skipped']);
      // Defaults filled in (visits 0); the identity/rowid is not known yet.
      // (On PostgreSQL the identity value 3 went to the conflicting first row, spent.)
      expect(p.rows[1]!.values).toEqual([d === 'sqlite' ? null : 4, 'grace@x', 'Grace', 0]);
      expect(texts(r)[0]).toBe(
        "conflicted with the existing row email = 'ada@x' on " +
          (d === 'sqlite' ? 'UNIQUE (email)' : 'users_email_key (email)') +
          " → updated: name 'Ada' → 'Ada L.', visits 3 → 4",
      );
      expect(texts(r)[2]).toMatch(
        /^conflicted → skipped because the DO UPDATE … WHERE was false — an existing row with the same key: email = 'linus@x'/,
      );
      const after = r.tables[0]!.after!.rows;
      expect(after[p.rows[0]!.afterRow!]).toEqual([1, 'ada@x', 'Ada L.', 4]);
      expect(after[p.rows[1]!.afterRow!]).toEqual([d === 'sqlite' ? 3 : 4, 'grace@x', 'Grace', 0]);
      expect(p.rows[0]!.beforeRow).toBe(0);
      expect(afterText(p, p.rows[1]!, true)).toBe(
        `After row 3: id = ${d === 'sqlite' ? 3 : 4}, email = 'grace@x', name = 'Grace', visits = 0`,
      );
    });

    it('DO NOTHING: the conflicting row is skipped, the other inserted', async () => {
      const r = await engines[d].run({
        setup: USERS[d],
        statement:
          "INSERT INTO users (email, name) VALUES ('ada@x', 'Other'), ('new@x', 'New') ON CONFLICT DO NOTHING RETURNING id",
      });
      expect(fates(r)).toEqual(['skipped', 'inserted']);
      expect(texts(r)[0]).toMatch(
        /^conflicted → skipped by DO NOTHING — an existing row with the same key: email = 'ada@x'/,
      );
      expect(r.statements[0]!.rows).toEqual([[d === 'sqlite' ? 3 : 4]]);
    });

    it('rewriting with the same values is told apart from an update', async () => {
      const r = await engines[d].run({
        setup: USERS[d],
        statement:
          "INSERT INTO users (email, name, visits) VALUES ('ada@x', 'Ada', 3) ON CONFLICT (email) DO UPDATE SET name = excluded.name, visits = excluded.visits",
      });
      expect(fates(r)).toEqual(['same-values']);
      expect(texts(r)[0]).toMatch(/rewritten with the same values$/);
    });

    it('INSERT … SELECT: the rows come in the order of the SELECT', async () => {
      const r = await engines[d].run({
        setup: `${USERS[d]}\nCREATE TABLE src (email text, name text, o int);\nINSERT INTO src VALUES ('z@x', 'Z', 2), ('ada@x', 'A2', 1);`,
        statement:
          'INSERT INTO users (email, name) SELECT email, name FROM src WHERE true ORDER BY o ON CONFLICT (email) DO UPDATE SET name = excluded.name',
      });
      expect(proposed(r).rows.map((x) => [x.values[1], x.fate])).toEqual([
        ['ada@x', 'updated'],
        ['z@x', 'inserted'],
      ]);
    });

    it("a unique violation on a key that is not the conflict target is the failing row's error", async () => {
      const r = await engines[d].run({
        setup: `${USERS[d]}\nCREATE UNIQUE INDEX users_name ON users (name);`,
        statement:
          "INSERT INTO users (email, name) VALUES ('n1@x', 'N1'), ('n2@x', 'Ada') ON CONFLICT (email) DO NOTHING",
      });
      expect(r.error).toBeDefined();
      expect(fates(r)).toEqual([d === 'sqlite' ? 'inserted' : 'unknown', 'error']);
      expect(texts(r)[1]).toMatch(
        d === 'sqlite' ? /UNIQUE constraint failed: users.name/ : /23505.*users_name.*\(name\)=\(Ada\) already exists/,
      );
      expect(proposed(r).notes.join(' ')).toMatch(/rolled back every row/);
    });
  });
}

describe('linking to the After rows', () => {
  for (const d of ['sqlite', 'postgres'] as const) {
    it(`${d}: a row inserted with the same values as an untouched row links to the inserted After row`, async () => {
      const r = await engines[d].run({
        setup: "CREATE TABLE n (k int UNIQUE, v text);\nINSERT INTO n VALUES (NULL, 'a');",
        statement: "INSERT INTO n VALUES (NULL, 'a') ON CONFLICT (k) DO UPDATE SET v = excluded.v",
      });
      // A NULL key conflicts with nothing: two equal rows, the second one new.
      expect(fates(r)).toEqual(['inserted']);
      const t = r.tables[0]!;
      const row = proposed(r).rows[0]!.afterRow!;
      expect(t.changes.find((c) => c.after === row)?.change).toBe('inserted');
    });

    it(`${d}: equal rows without a usable key: the untouched one is the Before row, the copies are inserted`, async () => {
      const r = await engines[d].run({
        setup:
          "CREATE TABLE n (a int, b text, c int UNIQUE, v text);\nINSERT INTO n VALUES (2, 'r', NULL, NULL), (1, 'p', 2, 'y'), (0, 'r', 0, NULL), (2, 'r', NULL, 'y');",
        statement:
          "INSERT INTO n VALUES (2, 'r', NULL, NULL), (2, 'r', NULL, NULL), (0, 'p', NULL, NULL) ON CONFLICT (c) DO UPDATE SET v = excluded.v",
      });
      const t = r.tables[0]!;
      // (PostgreSQL paired the Before row with a written copy: "rewritten with the same values".)
      expect(t.counts).toMatchObject({ inserted: 3, updated: 0, sameValues: 0, unchanged: 4 });
      const marks = proposed(r).rows.map((x) => t.changes.find((c) => c.after === x.afterRow)?.change);
      expect(marks).toEqual(['inserted', 'inserted', 'inserted']);
    });
  }
});

describe('engine differences in the fates', () => {
  it('the same key twice: PostgreSQL fails with 21000 naming both rows; SQLite updates the row it just inserted', async () => {
    const statement = "INSERT INTO t VALUES (1, 'a'), (2, 'b'), (1, 'c') ON CONFLICT (k) DO UPDATE SET v = excluded.v";
    const p = await engines.postgres.run({ setup: 'CREATE TABLE t (k int PRIMARY KEY, v text);', statement });
    expect(p.error?.code).toBe('21000');
    expect(fates(p)).toEqual(['unknown', 'unknown', 'error']);
    expect(texts(p)[2]).toBe(
      'error 21000: row 3 would update the row that row 1 already inserted in this statement (same t_pkey (k))',
    );
    const s = await engines.sqlite.run({ setup: 'CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT);', statement });
    expect(fates(s)).toEqual(['inserted', 'inserted', 'updated']);
    expect(texts(s)[2]).toBe(
      "conflicted with the row that row 1 wrote in this statement on PRIMARY KEY (k) → updated: v 'a' → 'c'",
    );
  });

  it('PostgreSQL 21000 names the earlier row with the same conflict target, not one sharing another key', async () => {
    const p = await engines.postgres.run({
      setup: 'CREATE TABLE t (a int NOT NULL, b text NOT NULL, c int NOT NULL UNIQUE, UNIQUE (a, b));',
      statement:
        "INSERT INTO t VALUES (1, 'p', 1), (0, 'p', 0), (0, 'p', 1) ON CONFLICT (a, b) DO UPDATE SET c = excluded.c",
    });
    expect(p.error?.code).toBe('21000');
    // Row 3 shares c with row 1, but the conflict target is (a, b): the row it hit is row 2's.
    expect(proposed(p).rows[2]!.earlier).toBe(2);
    expect(texts(p)[2]).toBe(
      'error 21000: row 3 would update the row that row 2 already inserted in this statement (same t_a_b_key (a, b))',
    );
    const named = await engines.postgres.run({
      setup: 'CREATE TABLE t (a int NOT NULL, b text NOT NULL, c int NOT NULL UNIQUE, UNIQUE (a, b));',
      statement:
        "INSERT INTO t VALUES (1, 'p', 1), (0, 'p', 0), (0, 'p', 1) ON CONFLICT ON CONSTRAINT t_a_b_key DO UPDATE SET c = excluded.c",
    });
    expect(proposed(named).rows[2]!.earlier).toBe(2);
  });

  it('SQLite INSERT OR REPLACE through a second unique key deletes two rows, both named', async () => {
    const r = await engines.sqlite.run({
      setup:
        "CREATE TABLE p (id INTEGER PRIMARY KEY, email TEXT UNIQUE, v TEXT);\nINSERT INTO p VALUES (1, 'a@x', 'one'), (2, 'b@x', 'two'), (3, 'c@x', 'three');",
      statement: "INSERT OR REPLACE INTO p VALUES (1, 'b@x', 'merged')",
    });
    expect(fates(r)).toEqual(['replaced']);
    expect(proposed(r).rows[0]!.removed).toEqual([
      [1, 'a@x', 'one'],
      [2, 'b@x', 'two'],
    ]);
    expect(texts(r)[0]).toMatch(
      /replaced: SQLite deleted 2 rows \(id = 1, email = 'a@x', v = 'one'; id = 2, email = 'b@x', v = 'two'\) and inserted this one/,
    );
    expect(proposed(r).notes.join(' ')).toMatch(/recursive_triggers/);
  });

  it('SQLite INSERT OR REPLACE that removes a row written earlier in the same statement names it', async () => {
    const r = await engines.sqlite.run({
      setup: "CREATE TABLE p (id INTEGER, email TEXT UNIQUE, v TEXT);\nINSERT INTO p VALUES (1, 'a@x', 'one');",
      statement: "INSERT OR REPLACE INTO p VALUES (2, 'b@x', 'first'), (3, 'b@x', 'second'), (4, 'a@x', 'third')",
    });
    const p = proposed(r);
    // Row 2 took the place of row 1's row (same email): SQLite deleted it, so it is no plain insert.
    expect(fates(r)).toEqual(['inserted', 'replaced', 'replaced']);
    expect(p.rows[0]!.removedBy).toBe(2);
    expect(p.rows[0]!.afterRow).toBeUndefined();
    expect(p.rows[1]!.removed).toEqual([[2, 'b@x', 'first']]);
    expect(p.rows[1]!.earlier).toBe(1);
    expect(texts(r)[1]).toBe(
      "conflicted on UNIQUE (email) → replaced: SQLite deleted the row (the row that row 1 wrote in this statement: id = 2, email = 'b@x', v = 'first') and inserted this one",
    );
    expect(afterText(p, p.rows[0]!, true)).toBe(
      "wrote id = 2, email = 'b@x', v = 'first'; row 2 replaced it in this statement",
    );
    // The Before row is still named as before.
    expect(p.rows[2]!.removed).toEqual([[1, 'a@x', 'one']]);
    expect(r.tables[0]!.counts).toMatchObject({ inserted: 2, deleted: 1 });
  });

  it('SQLite INSERT OR REPLACE of a row identical to an existing one is a replacement, not an insert', async () => {
    const r = await engines.sqlite.run({
      setup: "CREATE TABLE p (id INTEGER PRIMARY KEY, v TEXT);\nINSERT INTO p VALUES (1, 'one'), (2, 'two');",
      statement: "INSERT OR REPLACE INTO p VALUES (1, 'one')",
    });
    // The After table shows the row unchanged; SQLite still deleted it and inserted it again.
    expect(r.tables[0]!.counts).toMatchObject({ inserted: 0, updated: 0, deleted: 0 });
    expect(fates(r)).toEqual(['replaced']);
    expect(proposed(r).rows[0]!.removed).toEqual([[1, 'one']]);
    expect(texts(r)[0]).toBe(
      "conflicted on PRIMARY KEY (id) → replaced: SQLite deleted the row (id = 1, v = 'one') and inserted this one",
    );
  });

  it('SQLite INSERT OR IGNORE and REPLACE INTO', async () => {
    const setup = "CREATE TABLE q (k TEXT PRIMARY KEY, v INTEGER);\nINSERT INTO q VALUES ('a', 1);";
    const ig = await engines.sqlite.run({ setup, statement: "INSERT OR IGNORE INTO q VALUES ('a', 2), ('b', 2)" });
    expect(fates(ig)).toEqual(['ignored', 'inserted']);
    const rep = await engines.sqlite.run({ setup, statement: "REPLACE INTO q VALUES ('a', 5), ('c', 1)" });
    expect(fates(rep)).toEqual(['replaced', 'inserted']);
  });

  it('PostgreSQL partial-index target: the row conflicts only with a live row', async () => {
    const r = await engines.postgres.run({
      setup:
        "CREATE TABLE m (email text, deleted int NOT NULL DEFAULT 0, n int);\nCREATE UNIQUE INDEX m_live ON m (email) WHERE deleted = 0;\nINSERT INTO m VALUES ('a', 1, 1), ('a', 0, 2);",
      statement:
        "INSERT INTO m (email, n) VALUES ('a', 10), ('b', 1) ON CONFLICT (email) WHERE deleted = 0 DO UPDATE SET n = excluded.n",
    });
    expect(fates(r)).toEqual(['updated', 'inserted']);
    expect(proposed(r).rows[0]!.existing).toEqual(['a', 0, 2]);
    // The table has no usable key; the update is still one updated row.
    expect(r.tables[0]!.counts).toMatchObject({ updated: 1, inserted: 1, deleted: 0 });
  });

  it('PostgreSQL MERGE: the rows it acted on, with the action', async () => {
    const r = await engines.postgres.run({
      setup:
        'CREATE TABLE t (k int PRIMARY KEY, v int);\nCREATE TABLE s (k int, v int);\nINSERT INTO t VALUES (1, 1), (2, 2);\nINSERT INTO s VALUES (1, 10), (2, 0), (3, 30);',
      statement:
        'MERGE INTO t USING s ON t.k = s.k WHEN MATCHED AND s.v = 0 THEN DELETE WHEN MATCHED THEN UPDATE SET v = s.v WHEN NOT MATCHED THEN INSERT VALUES (s.k, s.v)',
    });
    const p = proposed(r);
    expect(p.mode).toBe('actions');
    expect(p.rows.map((x) => [x.action, x.values[0]]).sort()).toEqual([
      ['deleted', 2],
      ['inserted', 3],
      ['updated', 1],
    ]);
    expect(texts(r).sort()).toEqual(['matched → deleted', 'matched → updated: v 1 → 10', 'not matched → inserted']);
  });
});

describe('through the worker', () => {
  it('the page gets the proposed rows, not the raw row events behind them', async () => {
    const client = new EngineClient(
      'sqlite',
      () => new InProcessWorker(() => createSqliteEngine()) as unknown as Worker,
    );
    try {
      const r = await client.run(
        {
          setup: USERS.sqlite,
          statement:
            "INSERT INTO users (email, name) VALUES ('ada@x', 'Ada L.'), ('grace@x', 'Grace') ON CONFLICT (email) DO UPDATE SET name = excluded.name",
        },
        30_000,
      );
      expect(r.error).toBeUndefined();
      expect(r.statements[0]!.proposed!.rows.map((p) => p.fate)).toEqual(['updated', 'inserted']);
      expect(r.statements[0]!.account).toBeUndefined();
    } finally {
      client.dispose();
    }
  }, 60_000);
});
