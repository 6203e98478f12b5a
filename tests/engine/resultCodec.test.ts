/**
 * The worker → page transfer of run results: real runs on both engines come back from the wire
 * exactly as they went in, and values JSON cannot carry (SQLite REAL infinities, -0) make the
 * result travel as an object instead of being silently changed.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresEngine, type PostgresEngine } from '../../src/engine/postgres';
import { fromWire, jsonExact, toWire } from '../../src/engine/resultCodec';
import { createSqliteEngine } from '../../src/engine/sqlite';
import type { Engine, RunResult } from '../../src/engine/types';
import { defaultScenario } from '../../src/scenario/defaults';

const DEFAULT_SCENARIO = defaultScenario();

/** What the page gets: the wire form after a structured clone (as postMessage does). */
const overTheWire = (r: RunResult): RunResult => fromWire(structuredClone(toWire(r)));

let sqlite: Engine;
let postgres: PostgresEngine;
beforeAll(async () => {
  sqlite = await createSqliteEngine();
  postgres = await createPostgresEngine();
}, 120_000);
afterAll(async () => {
  await sqlite?.close();
  await postgres?.close();
});

describe('run results over the wire', () => {
  it('the default scenario on both engines travels as JSON and arrives unchanged', async () => {
    for (const [engine, scripts] of [
      [sqlite, DEFAULT_SCENARIO.sqlite],
      [postgres, DEFAULT_SCENARIO.postgres],
    ] as const) {
      const r = await engine.run(scripts);
      expect(r.ok).toBe(true);
      expect('json' in toWire(r)).toBe(true);
      expect(overTheWire(r)).toEqual(r);
    }
  });

  it('blobs, NULLs, empty strings, booleans, large integers and errors arrive unchanged', async () => {
    const r = await sqlite.run({
      setup: "CREATE TABLE v (id INTEGER PRIMARY KEY, b BLOB, t TEXT, n REAL, i INTEGER);\nINSERT INTO v VALUES (1, x'00ff', '', 0.1, 9007199254740991), (2, NULL, 'é \"q\" \\\\', 1e300, -5);",
      statement: "INSERT INTO v VALUES (2, x'01', 'new', 2.5, 7) ON CONFLICT (id) DO UPDATE SET t = excluded.t RETURNING *;\nSELECT no_such_column FROM v;",
    });
    expect(r.ok).toBe(false);
    expect('json' in toWire(r)).toBe(true);
    expect(overTheWire(r)).toEqual(r);
    const pg = await postgres.run({
      setup: 'CREATE TABLE v (id int PRIMARY KEY, ok boolean, j jsonb, big bigint);\nINSERT INTO v VALUES (1, true, \'{"a": [1, 2]}\', 9223372036854775807);',
      statement: "INSERT INTO v VALUES (1, false, '[]', 1) ON CONFLICT (id) DO UPDATE SET ok = excluded.ok RETURNING *;",
    });
    expect(pg.ok).toBe(true);
    expect(overTheWire(pg)).toEqual(pg);
  });

  it('infinities and -0 from SQLite REAL columns keep their values (sent as an object)', async () => {
    const r = await sqlite.run({
      setup: 'CREATE TABLE f (id INTEGER PRIMARY KEY, x REAL);\nINSERT INTO f VALUES (1, 1e999), (2, -1e999), (3, -0.0);',
      statement: 'UPDATE f SET x = -x WHERE id = 1 RETURNING x;',
    });
    expect(r.ok).toBe(true);
    expect(jsonExact(r)).toBe(false);
    const back = overTheWire(r);
    expect(back).toEqual(r);
    const after = back.tables[0]!.after!.rows.map((row) => row[1]);
    expect(after[0]).toBe(-Infinity);
    expect(after[1]).toBe(-Infinity);
    expect(back.statements[0]!.rows[0]![0]).toBe(-Infinity);
  });

  it('a -0 alone (a computed REAL) is enough to send the result as an object', async () => {
    const r = await sqlite.run({ setup: 'CREATE TABLE f (id INTEGER PRIMARY KEY);', statement: 'SELECT -0.0 AS z, 1.5 AS y;' });
    expect(r.ok).toBe(true);
    expect(Object.is(r.statements[0]!.rows[0]![0], -0)).toBe(true);
    expect(jsonExact(r)).toBe(false);
    expect(Object.is(overTheWire(r).statements[0]!.rows[0]![0], -0)).toBe(true);
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
      const b = await sqlite.run(DEFAULT_SCENARIO.sqlite);
      expect(a.ok).toBe(true);
      expect(a.tables).toEqual(b.tables);
      expect(a.statements.map((s) => s.rows)).toEqual(b.statements.map((s) => s.rows));
    } finally {
      await fromModule.close();
    }
  });
});
