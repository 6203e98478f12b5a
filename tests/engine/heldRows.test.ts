/**
 * Large tables kept in the engine's worker (RunInput.hold), through the production client and
 * worker code on the real engines served in this process: the page receives counts and the first
 * rows, asks for any others and gets exactly what a run without holding sends whole; a newer run
 * or a replaced worker makes the old rows gone, and the client says so instead of showing others.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { EngineClient } from '../../src/engine/client';
import { FIRST_ROWS, HOLD_ABOVE } from '../../src/engine/heldRows';
import { createPostgresEngine } from '../../src/engine/postgres';
import { createSqliteEngine } from '../../src/engine/sqlite';
import type { RunInput, TableDiff } from '../../src/engine/types';
import { InProcessWorker } from './inProcessWorker';
import { scenarioMarkdown } from '../../src/share/markdown';
import type { Scenario } from '../../src/scenario/scenario';

const clients = {
  sqlite: new EngineClient('sqlite', () => new InProcessWorker(() => createSqliteEngine()) as unknown as Worker),
  postgres: new EngineClient('postgres', () => new InProcessWorker(() => createPostgresEngine()) as unknown as Worker),
};
afterAll(() => Object.values(clients).forEach((c) => c.dispose()));

const N = 5_000;
/** N/2 rows before; the upsert updates every other one of them, inserts N/2 and deletes a few. */
const scripts = (dialect: 'sqlite' | 'postgres'): RunInput => ({
  setup:
    dialect === 'sqlite'
      ? `CREATE TABLE items (sku integer PRIMARY KEY, qty integer NOT NULL, note text);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${N / 2})
INSERT INTO items SELECT i, i, 'n' || i FROM n;`
      : `CREATE TABLE items (sku integer PRIMARY KEY, qty integer NOT NULL, note text);
INSERT INTO items SELECT i, i, 'n' || i FROM generate_series(1, ${N / 2}) AS i;`,
  statement:
    dialect === 'sqlite'
      ? `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 2 FROM n WHERE i + 2 <= ${N})
INSERT INTO items SELECT i, 0, 'new' FROM n WHERE true ON CONFLICT (sku) DO UPDATE SET qty = excluded.qty + 1;
DELETE FROM items WHERE sku % 1000 = 0;`
      : `INSERT INTO items SELECT i, 0, 'new' FROM generate_series(1, ${N}, 2) AS i ON CONFLICT (sku) DO UPDATE SET qty = excluded.qty + 1;
DELETE FROM items WHERE sku % 1000 = 0;`,
});

/** Every entry of a held table asked for, in chunks. */
async function fillAll(client: EngineClient, t: TableDiff): Promise<void> {
  for (const part of ['changes', 'before', 'after'] as const) {
    const n = part === 'changes' ? t.changes.length : t[part]!.rows.length;
    for (let from = 0; from < n; from += 1_000)
      expect(await client.fillHeld(t, part, from, from + 1_000)).toBe('filled');
  }
}

describe.each(['sqlite', 'postgres'] as const)('tables held in the %s worker', (dialect) => {
  const client = clients[dialect];

  it('sends counts and the first rows, and the rest on request equal to a run that sends everything', async () => {
    const whole = await client.run(scripts(dialect), 60_000);
    expect(whole.ok, whole.error?.message).toBe(true);
    const wt = whole.tables[0]!;
    expect(wt.held).toBeUndefined();
    expect(wt.changes.length).toBeGreaterThan(HOLD_ABOVE);

    const r = await client.run({ ...scripts(dialect), hold: true }, 60_000);
    expect(r.ok, r.error?.message).toBe(true);
    const t = r.tables[0]!;
    expect(t.held).toBeDefined();
    expect(t.counts).toEqual(wt.counts);
    expect(t.changes.length).toBe(wt.changes.length);
    expect(t.after!.rows.length).toBe(wt.after!.rows.length);
    expect(t.after!.totalRows).toBe(wt.after!.totalRows);
    // The first rows are there, with the Before and After rows they show; the rest are holes.
    for (let i = 0; i < FIRST_ROWS; i++) {
      const c = t.changes[i]!;
      expect(c).toEqual(wt.changes[i]);
      if (c.before !== undefined) expect(t.before!.rows[c.before]).toEqual(wt.before!.rows[c.before]);
      if (c.after !== undefined) expect(t.after!.rows[c.after]).toEqual(wt.after!.rows[c.after]);
    }
    expect(t.changes[FIRST_ROWS + 1_000]).toBeUndefined();
    expect(t.before!.rows.slice(0, FIRST_ROWS)).toEqual(wt.before!.rows.slice(0, FIRST_ROWS));
    // The columns with a changed cell come from the engine's scan of every row.
    expect(t.held!.changedColumns).toEqual(['qty']);

    await fillAll(client, t);
    expect(t.changes).toEqual(wt.changes);
    expect(t.before!.rows).toEqual(wt.before!.rows);
    expect(t.after!.rows).toEqual(wt.after!.rows);
  });

  it('a Markdown export of a held result is the export of the same run sent whole (it shows the first rows)', async () => {
    const input = scripts(dialect);
    const whole = await client.run(input, 60_000);
    const held = await client.run({ ...input, hold: true }, 60_000);
    expect(held.tables[0]!.held).toBeDefined();
    const scenario: Scenario = { dialect, sqlite: input, postgres: input };
    // Durations differ from run to run; everything else must not.
    const md = (r: typeof whole) =>
      scenarioMarkdown(scenario, 'https://example.test/#s1/x', r).replace(/[\d.]+ ms/g, 'ms');
    expect(md(held)).toEqual(md(whole));
    expect(md(held)).toContain('more rows');
  });

  it('keeps them across a run that does not hold (Practice, the race lab) and an Explain of the result shown', async () => {
    const input = { ...scripts(dialect), hold: true };
    const r = await client.run(input, 60_000);
    const t = r.tables[0]!;
    const other = await client.run({ setup: '', statement: 'SELECT 1;' }, 60_000);
    expect(other.ok).toBe(true);
    const plan = await client.run({ ...input, explain: 0 }, 60_000);
    expect(plan.plan, plan.error?.message).toBeDefined();
    expect(await client.fillHeld(t, 'changes', 3_000, 4_000)).toBe('filled');
    expect(t.changes[3_500]).toBeDefined();
  });

  it('a newer held run, or a replaced worker, makes the older rows gone', async () => {
    const first = (await client.run({ ...scripts(dialect), hold: true }, 60_000)).tables[0]!;
    const second = (await client.run({ ...scripts(dialect), hold: true }, 60_000)).tables[0]!;
    expect(await client.fillHeld(first, 'changes', 1_000, 2_000)).toBe('gone');
    expect(first.changes[1_500]).toBeUndefined();
    expect(await client.fillHeld(second, 'changes', 1_000, 2_000)).toBe('filled');
    const stopped = client.run({ setup: '', statement: 'SELECT 1;' }, 60_000);
    client.stop();
    await stopped;
    expect(await client.fillHeld(second, 'changes', 2_000, 3_000)).toBe('gone');
  });

  it('a held table cut at the row limit says how many rows it has in all', async () => {
    const r = await client.run({ ...scripts(dialect), hold: true, rowLimit: 3_000 }, 60_000);
    const after = r.tables[0]!.after!;
    expect(r.tables[0]!.held).toBeDefined();
    expect(after.rows.length).toBe(3_000);
    expect(after.totalRows).toBeGreaterThan(3_000);
  });

  it('small tables are sent whole even when the run holds', async () => {
    const r = await client.run(
      { setup: 'CREATE TABLE t (id integer PRIMARY KEY);', statement: 'INSERT INTO t VALUES (1), (2);', hold: true },
      60_000,
    );
    expect(r.tables[0]!.held).toBeUndefined();
    expect(r.tables[0]!.after!.rows).toEqual([[1], [2]]);
  });
});

describe('long values in a held table', () => {
  it('count against the page’s budget only where the page gets them whole: a held table of long texts is not cut to 200 characters', async () => {
    const client = clients.sqlite;
    // 100,000 rows of 250 characters: 25,000,000 characters, past the 20,000,000 a result may carry.
    const input: RunInput = {
      setup: `CREATE TABLE t (id integer PRIMARY KEY, v text);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)
INSERT INTO t SELECT i, printf('%.250c', 'x') FROM n;`,
      statement: 'UPDATE t SET v = v WHERE id = 1;',
    };
    const whole = await client.run(input, 60_000);
    expect(whole.ok, whole.error?.message).toBe(true);
    expect((whole.tables[0]!.after!.rows[5]![1] as string).length).toBeLessThan(250);
    expect(whole.cut?.length).toBeGreaterThan(100_000);
    const held = await client.run({ ...input, hold: true }, 60_000);
    const t = held.tables[0]!;
    expect(t.held).toBeDefined();
    expect(held.cut).toBeUndefined();
    expect(await client.fillHeld(t, 'after', 90_000, 90_010)).toBe('filled');
    expect(t.after!.rows[90_005]![1]).toBe('x'.repeat(250));
  });
});
