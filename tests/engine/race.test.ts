// The race lab on the real engines: every scenario's timeline on SQLite and PostgreSQL, each
// step's outcome, the tables after each step and at the end, and the summary's sentences; a
// transaction statement in a session is refused with its message; session values bind through
// the engine and a missing one stops only its step.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresEngine } from '../../src/engine/postgres';
import { raceTransactionRefusal } from '../../src/engine/race';
import { createSqliteEngine } from '../../src/engine/sqlite';
import { tablesAround } from '../../src/engine/steps';
import type { Dialect, Engine, RunResult, TableDiff, Value } from '../../src/engine/types';
import { moveEntry, raceInput, type RaceScript } from '../../src/race/model';
import { RACE_SCENARIOS } from '../../src/race/scenarios';
import { raceSummary } from '../../src/race/summary';

const engines = {} as Record<Dialect, Engine>;
const DIALECTS: Dialect[] = ['sqlite', 'postgres'];

beforeAll(async () => {
  engines.sqlite = await createSqliteEngine();
  engines.postgres = await createPostgresEngine();
});
afterAll(async () => {
  await engines.sqlite?.close();
  await engines.postgres?.close();
});

/** A table's rows projected on `columns`, in the snapshot's (key) order. */
function project(t: TableDiff | undefined, columns: string[]): Value[][] {
  if (!t?.after) return [];
  const at = columns.map((c) => t.after!.columns.indexOf(c));
  return t.after.rows.map((r) => at.map((k) => r[k] ?? null));
}

const runRace = (d: Dialect, setup: string, race: RaceScript): Promise<RunResult> =>
  engines[d].run({ setup, statement: '', race: raceInput(race) });

describe.each(RACE_SCENARIOS.map((s) => [s.id, s] as const))('%s', (_id, scenario) => {
  it.each(DIALECTS)('runs on %s as its explanation says', async (d) => {
    const exp = scenario.expect[d];
    const r = await runRace(d, scenario.setup[d], scenario.race[d]);
    expect(r.error).toBeUndefined();
    expect(r.setup.filter((s) => s.error)).toEqual([]);
    expect(r.statements.length).toBe(exp.steps.length);
    exp.steps.forEach((e, i) => {
      const s = r.statements[i]!;
      if (e.error) {
        expect(s.error?.code, `step ${i + 1}`).toBe(e.error.code);
        expect(s.error?.message, `step ${i + 1}`).toContain(e.error.message);
      } else expect(s.error, `step ${i + 1}`).toBeUndefined();
      if (e.rowsAffected !== undefined) expect(s.rowsAffected, `step ${i + 1}`).toBe(e.rowsAffected);
      if (e.rows) expect(s.rows, `step ${i + 1}`).toEqual(e.rows);
      // Every step has the tables just after it.
      expect(tablesAround(r, i), `tables after step ${i + 1}`).toBeDefined();
    });
    for (const [name, t] of Object.entries(exp.after)) {
      expect(
        project(
          r.tables.find((x) => x.name === name),
          t.columns,
        ),
      ).toEqual(t.rows);
      // The tables after the last step are the end state.
      const last = tablesAround(r, exp.steps.length - 1)!;
      expect(
        project(
          last.find((x) => x.name === name),
          t.columns,
        ),
      ).toEqual(t.rows);
    }
    const summary = raceSummary(r).join('\n');
    for (const line of exp.summary) expect(summary).toContain(line);
    // Only the read-modify-write race is called a lost update.
    expect(summary.includes('lost update')).toBe(scenario.id === 'race-lost-update');
  });
});

describe('the manual upsert race, reordered', () => {
  it.each(DIALECTS)('on %s: B reading after A inserted sees the row, and no insert fails by surprise', async (d) => {
    const s = RACE_SCENARIOS.find((x) => x.id === 'race-select-then-insert')!;
    // A1, B1, A2, B2 → A1, A2, B1, B2: move B1 down one place.
    const race = { ...s.race[d], timeline: moveEntry(s.race[d].timeline, 1, 2) };
    const r = await runRace(d, s.setup[d], race);
    expect(r.race!.steps.map((x) => x.label)).toEqual(['A1', 'A2', 'B1', 'B2']);
    expect(r.statements[2]!.rows.length).toBe(1);
    // B's INSERT still runs (the timeline does not branch on what B read) and fails on the key.
    expect(r.statements[3]!.error?.message).toMatch(/users\.email|users_email_key/);
    const summary = raceSummary(r);
    expect(summary).toContain('B1 read 1 row: id = 2.');
    expect(summary.join('\n')).not.toContain('out of date');
  });
});

describe('transactions in a session', () => {
  const base = (sql: string): RaceScript => ({
    sessions: [[sql], ['SELECT 1 AS one;']],
    timeline: [
      { session: 1, step: 0 },
      { session: 0, step: 0 },
    ],
  });
  it.each(DIALECTS)('on %s, BEGIN is refused with the reason, and nothing runs', async (d) => {
    const r = await runRace(d, 'CREATE TABLE t (k int PRIMARY KEY);', base('BEGIN;'));
    expect(r.ok).toBe(false);
    expect(r.error?.message).toBe(raceTransactionRefusal('BEGIN'));
    expect(r.error?.statementIndex).toBe(1);
    expect(r.statements).toEqual([]);
    expect(r.setup).toEqual([]);
    expect(r.error?.message).toContain('one connection');
    expect(r.error?.message).toContain('SELECT … FOR UPDATE, deadlocks and serialization failures');
  });
  it.each(DIALECTS)('on %s, START TRANSACTION, COMMIT and SAVEPOINT are refused too', async (d) => {
    for (const sql of ['START TRANSACTION;', 'COMMIT;', 'savepoint s1;', 'ROLLBACK;']) {
      const r = await runRace(d, '', base(sql));
      expect(r.error?.message, sql).toMatch(/is refused in the race lab: this page has one connection/);
    }
  });
  it.each(DIALECTS)('on %s, a step of two statements is refused', async (d) => {
    const r = await runRace(d, '', base('SELECT 1; SELECT 2;'));
    expect(r.error?.message).toContain('holds 2 statements');
  });
});

describe('session values', () => {
  it.each(DIALECTS)('on %s, a value the session never read stops that step only', async (d) => {
    const race: RaceScript = {
      sessions: [['SELECT 41 AS n;', 'SELECT :n + 1 AS m;'], ['SELECT :n AS n;']],
      timeline: [
        { session: 1, step: 0 },
        { session: 0, step: 0 },
        { session: 0, step: 1 },
      ],
    };
    const r = await runRace(d, '', race);
    expect(r.error).toBeUndefined();
    expect(r.statements[0]!.error?.message).toContain('Session B holds no value for :n, so step B1 was not run');
    expect(r.statements[2]!.rows).toEqual([[42]]);
    expect(r.race!.steps[2]!.used).toEqual({ n: 41 });
    expect(r.race!.steps[1]!.captured).toEqual({ n: 41 });
  });
  it.each(DIALECTS)('on %s, a read that returns no row clears the names it returned', async (d) => {
    const race: RaceScript = {
      sessions: [['SELECT 1 AS n;', 'SELECT 2 AS n WHERE 1 = 0;', 'SELECT :n AS again;'], []],
      timeline: [0, 1, 2].map((step) => ({ session: 0, step })),
    };
    const r = await runRace(d, '', race);
    expect(r.race!.steps[1]!.emptyRead).toEqual(['n']);
    expect(r.statements[2]!.error?.message).toContain('holds no value for :n');
  });
});
