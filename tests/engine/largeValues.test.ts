/**
 * A huge value reaches the page cut to a displayable length, with a note; the diff used the full
 * value. The engine keeps each cut value whole until its next run: the page's client fetches it
 * through the worker protocol.
 */
import { describe, expect, it } from 'vitest';
import { useEngines } from '../support/engines';
import { MAX_CELL_CHARS } from '../../src/engine/cellCap';
import { EngineClient } from '../../src/engine/client';
import { createSqliteEngine } from '../../src/engine/sqlite';
import type { Engine } from '../../src/engine/types';
import { InProcessWorker } from './inProcessWorker';

const engines = useEngines();

/**
 * The longest string anywhere in a run's result, walked whole, but for a statement's raw account
 * events (the worker drops them before the result goes to the page).
 */
function longestString(v: unknown): number {
  if (typeof v === 'string') return v.length;
  if (v === null || typeof v !== 'object') return 0;
  let n = 0;
  for (const [k, x] of Object.entries(v))
    if (k !== 'account' || !('events' in (x as object))) n = Math.max(n, longestString(x));
  return n;
}

describe('large values', () => {
  it.each([
    [
      'SQLite',
      () => engines.sqlite,
      "SELECT printf('%.*c', 10000000, 'x') AS big",
      "UPDATE t SET v = v || 'y' WHERE k = 1",
    ],
    [
      'PostgreSQL',
      () => engines.postgres,
      "SELECT repeat('x', 10000000) AS big",
      "UPDATE t SET v = v || 'y' WHERE k = 1",
    ],
  ])(
    '%s: a 10,000,000-character value is cut for display and the diff still sees the change at its end',
    async (_name, engine, select, update) => {
      const r = await engine().run({
        setup: `CREATE TABLE t (k int PRIMARY KEY, v text);\nINSERT INTO t VALUES (1, ${select.replace(/^SELECT (.*) AS big$/, '$1')}), (2, 'short');`,
        statement: `${select};\n${update};`,
      });
      expect(r.error).toBeUndefined();
      const big = r.statements[0]!.rows[0]![0] as string;
      expect(big).toHaveLength(MAX_CELL_CHARS + 1);
      expect(big.endsWith('…')).toBe(true);
      const t = r.tables[0]!;
      // The change is past the cut: only the engine's full comparison can see it.
      expect(t.changes.map((c) => c.change)).toEqual(['updated', 'unchanged']);
      expect(t.after!.rows[1]).toEqual([2, 'short']);
      // Four places hold it: the SELECT's row, Before, After, and After of the UPDATE's own step.
      expect(
        r.notes.some((n) => /^4 values were longer than 10,000 characters \(the longest: 10,000,001\)/.test(n)),
      ).toBe(true);
      // Nothing in the result reaches the page longer than the cut (the step-through's tables too).
      expect(longestString(r)).toBe(MAX_CELL_CHARS + 1);
    },
    180_000, // ten million characters through every phase: slow on a busy 2-core machine
  );
});

describe('the row-by-row account', () => {
  it.each([
    ['SQLite', () => engines.sqlite, "printf('%.*c', 200000, 'x')"],
    ['PostgreSQL', () => engines.postgres, "repeat('x', 200000)"],
  ])('%s: proposed, existing and written rows carry long values cut, like the tables', async (_name, get, big) => {
    const r = await get().run({
      setup: `CREATE TABLE t (k int PRIMARY KEY, v text);\nINSERT INTO t VALUES (1, ${big});`,
      statement: `INSERT INTO t VALUES (1, ${big} || 'y'), (2, ${big}) ON CONFLICT (k) DO UPDATE SET v = excluded.v;`,
    });
    expect(r.error).toBeUndefined();
    const rows = r.statements[0]!.proposed!.rows;
    expect(rows.map((p) => p.fate)).toEqual(['updated', 'inserted']);
    const cells = rows.flatMap((p) => [...p.values, ...(p.existing ?? []), ...(p.written ?? [])]);
    const long = cells.filter((v): v is string => typeof v === 'string');
    expect(long.length).toBeGreaterThanOrEqual(3);
    for (const v of long) expect(v).toBe(`${'x'.repeat(MAX_CELL_CHARS)}…`);
  });
});

describe('whole values of cut cells', () => {
  it.each([
    [
      'SQLite',
      () => engines.sqlite,
      "SELECT printf('%.*c', 200000, 'x') AS big, zeroblob(30000) AS b",
      "CREATE TABLE t (k int PRIMARY KEY, v text);\nINSERT INTO t VALUES (1, printf('%.*c', 50000, 'v'));",
    ],
    [
      'PostgreSQL',
      () => engines.postgres,
      "SELECT repeat('x', 200000) AS big, decode(repeat('00', 30000), 'hex') AS b",
      "CREATE TABLE t (k int PRIMARY KEY, v text);\nINSERT INTO t VALUES (1, repeat('v', 50000));",
    ],
  ])(
    '%s: the engine gives each cut value whole until its next run',
    async (_name, get, select, setup) => {
      const engine: Engine = get();
      const r = await engine.run({ setup, statement: `${select};` });
      expect(r.error).toBeUndefined();
      const cut = r.cut ?? [];
      const big = cut.find((c) => c.where === 'statement' && c.column === 0)!;
      const blob = cut.find((c) => c.where === 'statement' && c.column === 1)!;
      expect(big).toMatchObject({ index: 0, row: 0, length: 200_000, blob: false });
      expect(blob).toMatchObject({ length: 30_000, blob: true });
      expect(await engine.fullValue(big.id)).toBe('x'.repeat(200_000));
      expect(await engine.fullValue(blob.id)).toEqual({ blob: '00'.repeat(30_000) });
      // The table's value, cut in Before and in After.
      for (const where of ['before', 'after'])
        expect(await engine.fullValue(cut.find((c) => c.where === where)!.id)).toBe('v'.repeat(50_000));
      // The next run (cutting nothing) replaces what the engine keeps. (A run that cuts values
      // numbers them from 1 again: the page's client gives each cell an id of its own.)
      await engine.run({ setup: 'CREATE TABLE t (k int);', statement: 'SELECT 1;' });
      expect(await engine.fullValue(big.id)).toBeNull();
    },
    120_000,
  );

  it.each([
    ['SQLite', () => engines.sqlite, "printf('%.*c', 50000, 'v')"],
    ['PostgreSQL', () => engines.postgres, "repeat('v', 50000)"],
  ])(
    '%s: the tables around each statement (the step-through) carry long values cut and fetchable too',
    async (_name, get, big) => {
      const engine: Engine = get();
      const r = await engine.run({
        setup: 'CREATE TABLE t (k int PRIMARY KEY, v text);',
        statement: `INSERT INTO t VALUES (1, ${big});\nUPDATE t SET v = v || 'w' WHERE k = 1;`,
      });
      expect(r.error).toBeUndefined();
      expect(r.steps?.map((s) => s.statementIndex)).toEqual([0, 1]);
      for (const [si, step] of (r.steps ?? []).entries()) {
        const after = step.tables[0]!.after!.rows[0]![1] as string;
        expect(after).toHaveLength(MAX_CELL_CHARS + 1);
        const cell = r.cut!.find((c) => c.step === si && c.where === 'after')!;
        expect(cell).toMatchObject({ index: 0, row: 0, column: 1, length: si === 0 ? 50_000 : 50_001 });
        expect(await engine.fullValue(cell.id)).toBe(`${'v'.repeat(50_000)}${si === 0 ? '' : 'w'}`);
      }
    },
    120_000,
  );

  it("the page's client fetches a cut value through the worker; an older run's value is gone", async () => {
    const client = new EngineClient(
      'sqlite',
      () => new InProcessWorker(() => createSqliteEngine()) as unknown as Worker,
    );
    try {
      const input = { setup: 'CREATE TABLE t (a);', statement: "SELECT printf('%.*c', 200000, 'x') AS big;" };
      const first = await client.run(input, 30_000);
      const id = first.cut![0]!.id;
      expect(first.statements[0]!.rows[0]![0]).toHaveLength(MAX_CELL_CHARS + 1);
      expect(await client.fullValue(id)).toBe('x'.repeat(200_000));
      const second = await client.run({ ...input, statement: "SELECT printf('%.*c', 20000, 'y') AS big;" }, 30_000);
      expect(await client.fullValue(id)).toBeNull();
      expect(await client.fullValue(second.cut![0]!.id)).toBe('y'.repeat(20_000));
    } finally {
      client.dispose();
    }
  }, 60_000);
});
