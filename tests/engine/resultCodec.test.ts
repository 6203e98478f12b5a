/**
 * The worker → page transfer of run results: real runs on both engines come back from the wire
 * exactly as they went in, and values JSON cannot carry (SQLite REAL infinities, -0) make the
 * result travel as an object instead of being silently changed.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { useEngines } from '../support/engines';
import { fromWire, jsonExact, toWire } from '../../src/engine/resultCodec';
import type { RunResult } from '../../src/engine/types';
import { createSqliteEngine } from '../../src/engine/sqlite';
import { defaultScenario } from '../../src/scenario/defaults';

const DEFAULT_SCENARIO = defaultScenario();

/** What the page gets: the wire form after a structured clone (as postMessage does). */
const overTheWire = (r: RunResult): Promise<RunResult> => fromWire(structuredClone(toWire(r)));

const engines = useEngines();

describe('run results over the wire', () => {
  it('the default scenario on both engines travels as JSON and arrives unchanged', async () => {
    for (const [engine, scripts] of [
      [engines.sqlite, DEFAULT_SCENARIO.sqlite],
      [engines.postgres, DEFAULT_SCENARIO.postgres],
    ] as const) {
      const r = await engine.run(scripts);
      expect(r.ok).toBe(true);
      expect('json' in toWire(r)).toBe(true);
      expect(await overTheWire(r)).toEqual(r);
    }
  });

  it('blobs, NULLs, empty strings, booleans, large integers and errors arrive unchanged', async () => {
    const r = await engines.sqlite.run({
      setup:
        "CREATE TABLE v (id INTEGER PRIMARY KEY, b BLOB, t TEXT, n REAL, i INTEGER);\nINSERT INTO v VALUES (1, x'00ff', '', 0.1, 9007199254740991), (2, NULL, 'é \"q\" \\\\', 1e300, -5);",
      statement:
        "INSERT INTO v VALUES (2, x'01', 'new', 2.5, 7) ON CONFLICT (id) DO UPDATE SET t = excluded.t RETURNING *;\nSELECT no_such_column FROM v;",
    });
    expect(r.ok).toBe(false);
    expect('json' in toWire(r)).toBe(true);
    expect(await overTheWire(r)).toEqual(r);
    const pg = await engines.postgres.run({
      setup:
        'CREATE TABLE v (id int PRIMARY KEY, ok boolean, j jsonb, big bigint);\nINSERT INTO v VALUES (1, true, \'{"a": [1, 2]}\', 9223372036854775807);',
      statement:
        "INSERT INTO v VALUES (1, false, '[]', 1) ON CONFLICT (id) DO UPDATE SET ok = excluded.ok RETURNING *;",
    });
    expect(pg.ok).toBe(true);
    expect(await overTheWire(pg)).toEqual(pg);
  });

  it('infinities and -0 from SQLite REAL columns keep their values (sent as an object)', async () => {
    const r = await engines.sqlite.run({
      setup:
        'CREATE TABLE f (id INTEGER PRIMARY KEY, x REAL);\nINSERT INTO f VALUES (1, 1e999), (2, -1e999), (3, -0.0);',
      statement: 'UPDATE f SET x = -x WHERE id = 1 RETURNING x;',
    });
    expect(r.ok).toBe(true);
    expect(jsonExact(r)).toBe(false);
    const back = await overTheWire(r);
    expect(back).toEqual(r);
    const after = back.tables[0]!.after!.rows.map((row) => row[1]);
    expect(after[0]).toBe(-Infinity);
    expect(after[1]).toBe(-Infinity);
    expect(back.statements[0]!.rows[0]![0]).toBe(-Infinity);
  });

  it('a -0 alone (a computed REAL) is enough to send the result as an object', async () => {
    const r = await engines.sqlite.run({
      setup: 'CREATE TABLE f (id INTEGER PRIMARY KEY);',
      statement: 'SELECT -0.0 AS z, 1.5 AS y;',
    });
    expect(r.ok).toBe(true);
    expect(Object.is(r.statements[0]!.rows[0]![0], -0)).toBe(true);
    expect(jsonExact(r)).toBe(false);
    expect(Object.is((await overTheWire(r)).statements[0]!.rows[0]![0], -0)).toBe(true);
  });
});

describe('large results', () => {
  it('travel in parts, one table piece per task, and arrive unchanged on both engines', async () => {
    const n = 40_000; // After: 40,000 rows x 3 columns; Before: half as many; and 40,000 row changes
    for (const [engine, setup, statement] of [
      [
        engines.sqlite,
        `CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT, x REAL);\nINSERT INTO t WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < ${n / 2}) SELECT i, 'v' || i, i * 0.5 FROM s;`,
        `INSERT INTO t WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < ${n}) SELECT i, 'w' || i, i * 0.25 FROM s WHERE true ON CONFLICT (id) DO UPDATE SET v = excluded.v;`,
      ],
      [
        engines.postgres,
        `CREATE TABLE t (id int PRIMARY KEY, v text, x float8);\nINSERT INTO t SELECT i, 'v' || i, i * 0.5 FROM generate_series(1, ${n / 2}) i;`,
        `INSERT INTO t SELECT i, 'w' || i, i * 0.25 FROM generate_series(1, ${n}) i ON CONFLICT (id) DO UPDATE SET v = excluded.v;`,
      ],
    ] as const) {
      const r = await engine.run({ setup, statement });
      expect(r.ok).toBe(true);
      const wire = toWire(r);
      expect('parts' in wire && wire.parts?.length).toBe(3 * r.tables.length);
      // Another task gets to run before the parts are all parsed: the page is not held throughout.
      let otherTaskRan = false;
      setTimeout(() => (otherTaskRan = true), 0);
      const back = await fromWire(structuredClone(wire));
      expect(otherTaskRan).toBe(true);
      expect(back).toEqual(r);
      expect(back.tables[0]!.after!.rows).toHaveLength(n);
    }
  }, 120_000);

  it('small results are decoded without waiting for another task', async () => {
    const r = await engines.sqlite.run(DEFAULT_SCENARIO.sqlite);
    const wire = toWire(r);
    expect('parts' in wire).toBe(false);
    let otherTaskRan = false;
    setTimeout(() => (otherTaskRan = true), 0);
    expect(await fromWire(wire)).toEqual(r);
    expect(otherTaskRan).toBe(false);
  });
});

describe('sql.js from a module compiled outside the worker', () => {
  it('runs the default scenario like an engine that loads its wasm itself', async () => {
    const require = createRequire(import.meta.url);
    const bytes = await readFile(require.resolve('sql.js/dist/sql-wasm.wasm'));
    const module = await WebAssembly.compile(bytes);
    const fromModule = await createSqliteEngine({ wasmModule: module });
    try {
      const a = await fromModule.run(DEFAULT_SCENARIO.sqlite);
      const b = await engines.sqlite.run(DEFAULT_SCENARIO.sqlite);
      expect(a.ok).toBe(true);
      expect(a.tables).toEqual(b.tables);
      expect(a.statements.map((s) => s.rows)).toEqual(b.statements.map((s) => s.rows));
    } finally {
      await fromModule.close();
    }
  });
});
