/**
 * Compare mode on the real engines: known-divergent scenarios run through engine.run() on both
 * engines produce the expected difference summaries, agreeing ones say "No differences", and every
 * gallery example compares without a crash (with the known divergences flagged).
 */
import { describe, expect, it } from 'vitest';
import { useEngines } from '../support/engines';
import { compareRuns, hasDifferences, type Difference } from '../../src/compare/differences';
import { NO_DIFFERENCES, summarizeDifferences } from '../../src/compare/summary';
import { translateScript } from '../../src/translate/translate';
import { EXAMPLES } from '../../src/gallery/examples';
import { defaultScenario } from '../../src/scenario/scenario';

const engines = useEngines();

const base = defaultScenario();
const SQLITE_SETUP = base.sqlite.setup;
const PG_SETUP = base.postgres.setup;

async function compare(
  s: { setup: string; statement: string },
  p: { setup: string; statement: string },
): Promise<Difference[]> {
  const [rs, rp] = await Promise.all([engines.sqlite.run(s), engines.postgres.run(p)]);
  return compareRuns(rs, rp);
}
const same = (statement: string) => compare({ setup: SQLITE_SETUP, statement }, { setup: PG_SETUP, statement });
const kinds = (d: Difference[]) => d.map((x) => x.kind);

describe('known divergences', () => {
  it('the same key twice in one batch: PostgreSQL fails (21000), SQLite updates twice', async () => {
    const d = await same(`INSERT INTO users (email, name, age) VALUES
  ('ada@example.com', 'Ada L.', 37),
  ('ada@example.com', 'Ada Lovelace', 38)
ON CONFLICT (email) DO UPDATE SET name = excluded.name, age = excluded.age;`);
    expect(d[0]).toMatchObject({
      kind: 'statementError',
      statement: 0,
      failsOn: 'postgres',
      sqlite: null,
      postgres: { code: '21000' },
    });
    const text = summarizeDifferences(d);
    expect(text[0]).toMatch(
      /^Statement 1 fails on PostgreSQL only: “ON CONFLICT DO UPDATE command cannot affect row a second time” \(21000\); SQLite runs it without error\./,
    );
    expect(text.join('\n')).toMatch(
      /Table users after the run differs \(rows matched by email.*name is 'Ada Lovelace' on SQLite, 'Ada' on PostgreSQL/,
    );
  });

  it('a target-less DO UPDATE: PostgreSQL rejects it (42601)', async () => {
    const d = await same(
      `INSERT INTO users (email, name) VALUES ('ada@example.com', 'Ada L.') ON CONFLICT DO UPDATE SET name = excluded.name;`,
    );
    expect(d[0]).toMatchObject({ kind: 'statementError', failsOn: 'postgres', postgres: { code: '42601' } });
    expect(summarizeDifferences(d)[0]).toMatch(
      /fails on PostgreSQL only: “ON CONFLICT DO UPDATE requires inference specification or constraint name”/,
    );
  });

  it('INSERT OR REPLACE vs its ON CONFLICT translation: new id and reset columns on SQLite', async () => {
    const statement = `INSERT OR REPLACE INTO users (email, name, age) VALUES ('ada@example.com', 'Ada L.', 37);`;
    const pgStatement = translateScript(statement, 'sqlite', 'postgres', { setup: SQLITE_SETUP }).sql;
    expect(pgStatement).toContain('ON CONFLICT (email) DO UPDATE SET name = EXCLUDED.name, age = EXCLUDED.age');
    const plain = await same(statement);
    expect(plain[0]).toMatchObject({ kind: 'statementError', failsOn: 'postgres', postgres: { code: '42601' } });
    const d = await compare({ setup: SQLITE_SETUP, statement }, { setup: PG_SETUP, statement: pgStatement });
    expect(kinds(d)).toEqual(['identityGap', 'tableRows']);
    expect(d[0]).toMatchObject({
      table: 'users',
      columns: ['id'],
      matchedBy: ['email'],
      samples: [{ column: 'id', sqlite: 3, postgres: 1 }],
    });
    expect(d[1]).toMatchObject({
      cells: [{ key: { email: 'ada@example.com' }, column: 'login_count', sqlite: 0, postgres: 3 }],
    });
  });

  it('generated ids drift: PostgreSQL spends a sequence value on the conflicting row', async () => {
    const d = await compare(base.sqlite, base.postgres);
    expect(kinds(d)).toEqual(['returnedRows', 'identityGap']);
    expect(d[0]).toMatchObject({
      statement: 0,
      onlyIdentity: ['id'],
      onlySqlite: [expect.objectContaining({ id: 3, email: 'linus@example.com' })],
      onlyPostgres: [expect.objectContaining({ id: 4 })],
    });
    expect(d[1]).toMatchObject({
      rows: 1,
      samples: [{ key: { email: 'linus@example.com' }, column: 'id', sqlite: 3, postgres: 4 }],
    });
    const text = summarizeDifferences(d);
    expect(text[0]).toMatch(/^Statement 1: the same rows came back except for generated ids \(id\)/);
    expect(text[1]).toMatch(/generated ids differ in 1 row.*real divergence/);
  });

  it('timestamps: SQLite text vs PostgreSQL timestamptz compare equal to the second', async () => {
    const d = await compare(
      {
        setup: `CREATE TABLE ev (k TEXT PRIMARY KEY, at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP, fixed TEXT);`,
        statement: `INSERT INTO ev (k, fixed) VALUES ('a', '2026-01-02 03:04:05');`,
      },
      {
        setup: `CREATE TABLE ev (k text PRIMARY KEY, at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP, fixed timestamptz);`,
        statement: `INSERT INTO ev (k, fixed) VALUES ('a', '2026-01-02 04:04:05+01');`,
      },
    );
    expect(hasDifferences(d), summarizeDifferences(d).join('\n')).toBe(false);
    expect(d.some((x) => x.kind === 'normalisation' && x.rule === 'timestamp')).toBe(true);
    expect(summarizeDifferences(d)[0]).toBe(NO_DIFFERENCES);
  });

  it('booleans: SQLite 1/0 vs PostgreSQL true/false, and RETURNING them', async () => {
    const d = await compare(
      {
        setup: `CREATE TABLE f (k INTEGER PRIMARY KEY, on_ INTEGER NOT NULL DEFAULT 0);`,
        statement: `INSERT INTO f (k, on_) VALUES (1, 1), (2, 0) RETURNING k, on_;`,
      },
      {
        setup: `CREATE TABLE f (k integer PRIMARY KEY, on_ boolean NOT NULL DEFAULT false);`,
        statement: `INSERT INTO f (k, on_) VALUES (1, true), (2, false) RETURNING k, on_;`,
      },
    );
    expect(hasDifferences(d)).toBe(false);
    expect(d).toEqual([
      expect.objectContaining({ kind: 'normalisation', rule: 'boolean', places: ['f.on_', 'statement 1: on_'] }),
    ]);
  });

  it('an agreeing scenario says "No differences"', async () => {
    const d = await same(
      `INSERT INTO users (id, email, name) VALUES (1, 'ada@example.com', 'X') ON CONFLICT (email) DO NOTHING RETURNING *;`,
    );
    expect(d).toEqual([]);
    expect(summarizeDifferences(d)).toEqual([NO_DIFFERENCES]);
  });
});

describe('gallery examples in Compare mode', () => {
  const both = EXAMPLES.filter((e) => e.dialects.sqlite && e.dialects.postgres);

  it.each(both.map((e) => [e.id, e] as const))('%s', async (_id, ex) => {
    const d = await compare(ex.dialects.sqlite!, ex.dialects.postgres!);
    const text = summarizeDifferences(d);
    expect(text.length).toBeGreaterThan(0);
    expect(text.every((s) => s.length > 10 && !s.includes('undefined'))).toBe(true);
    if (ex.id === 'same-key-twice-in-batch') {
      expect(d[0]).toMatchObject({ kind: 'statementError', failsOn: 'postgres', postgres: { code: '21000' } });
    }
    if (ex.id === 'conditional-last-write-wins' || ex.id === 'partial-update-coalesce') {
      expect(hasDifferences(d), text.join('\n')).toBe(false);
    }
  });
});
