/** Every SQLite run starts from a clean database: files made by ATTACH or VACUUM INTO last one run. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteEngine } from '../../src/engine/sqlite';
import type { Engine } from '../../src/engine/types';

let engine: Engine;
beforeAll(async () => {
  engine = await createSqliteEngine();
});
afterAll(() => engine.close());

describe('SQLite database files do not outlive a run', () => {
  it.each([
    ["ATTACH DATABASE 'leak.db' AS l", /^ATTACH of a database file is not available in the playground/],
    ["ATTACH 'le' || 'ak.db' AS l", /^ATTACH of a database file/],
    ["ATTACH 'file:leak.db' AS l", /^ATTACH of a database file/],
    ["VACUUM INTO 'vac.db'", /^VACUUM INTO writes a database file, which is not available in the playground/],
    ["VACUUM main INTO 'vac.db'", /^VACUUM INTO writes a database file/],
  ])('refuses %s, so no file can reach a later run', async (statement, message) => {
    const r = await engine.run({ setup: 'CREATE TABLE t (a);', statement });
    expect(r.error?.message).toMatch(message);
    expect(r.error?.phase).toBe('statement');
    // The engine's in-memory file system keeps nothing: the next run sees no such file.
    const next = await engine.run({
      setup: '',
      statement: "ATTACH ':memory:' AS m; SELECT count(*) FROM m.sqlite_schema;",
    });
    expect(next.statements[1]!.rows).toEqual([[0]]);
  });

  it('an attached database works within its run', async () => {
    const r = await engine.run({
      setup: "ATTACH ':memory:' AS aux; CREATE TABLE aux.t (k INTEGER PRIMARY KEY, v);",
      statement: 'INSERT INTO aux.t VALUES (1, 2) ON CONFLICT (k) DO UPDATE SET v = excluded.v RETURNING *;',
    });
    expect(r.error).toBeUndefined();
    expect(r.statements[0]!.rows).toEqual([[1, 2]]);
  });
});
