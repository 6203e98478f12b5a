/**
 * Every PostgreSQL run starts from a database equal to a clean one, whatever the previous run did:
 * session state is reset, the engine's own queries keep their rights, and a change no reset can
 * undo (catalogs, files, a broken engine) restarts the engine from its clean snapshot. Runs go
 * through the page's EngineClient and the production worker code, on the real PGlite.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineClient, type SnapshotStore } from '../../src/engine/client';
import { startPGlite } from '../support/engines';
import { fingerprintDiff, systemFingerprint } from '../../src/engine/pgIsolation';
import { createPostgresEngine } from '../../src/engine/postgres';
import type { RunResult } from '../../src/engine/types';
import { InProcessWorker } from './inProcessWorker';

let stored: Blob | null = null;
const store: SnapshotStore = {
  load: async () => stored,
  save: async (b) => void (stored = b),
};
let workers = 0;
const client = new EngineClient(
  'postgres',
  () => {
    workers++;
    return new InProcessWorker(({ loadDataDir }) =>
      createPostgresEngine(loadDataDir ? { loadDataDir } : { keepCleanDump: true }),
    ) as unknown as Worker;
  },
  store,
);
const run = (setup: string, statement: string): Promise<RunResult> => client.run({ setup, statement }, 60_000);
const rows = (r: RunResult, i = -1): unknown[][] => r.statements.at(i)!.rows;

beforeAll(async () => {
  await client.start();
  const r = await run('', 'SELECT 1');
  expect(r.ok).toBe(true);
  // The client keeps the clean data directory after the first run: restarts load it.
  for (let i = 0; i < 600 && !stored; i++) await new Promise((resolve) => setTimeout(resolve, 100));
  expect(stored).not.toBeNull();
}, 600_000);
afterAll(() => client.dispose());

describe('PostgreSQL session state does not outlive a run', () => {
  it('a session authorization set by the script is undone (the engine stays usable)', async () => {
    const first = await run('CREATE ROLE u1;', 'SET SESSION AUTHORIZATION u1;\nSELECT current_user;');
    expect(rows(first)).toEqual([['u1']]);
    expect(first.restart).toBeUndefined();
    const second = await run('CREATE TABLE t (k int);', 'SELECT session_user, current_user;');
    expect(second.ok).toBe(true);
    expect(second.error).toBeUndefined();
    expect(rows(second)).toEqual([['postgres', 'postgres']]);
  });

  it('role, search_path, settings, prepared statements, cursors, temp tables, locks and LISTEN are reset', async () => {
    const probe = `SELECT current_user, session_user, current_setting('search_path'), current_setting('work_mem'),
  (SELECT count(*) FROM pg_prepared_statements), (SELECT count(*) FROM pg_cursors WHERE name = 'c'),
  (SELECT count(*) FROM pg_class WHERE relname = 'tmp'), (SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'),
  (SELECT count(*) FROM pg_listening_channels()), (SELECT count(*) FROM pg_namespace WHERE nspname = 's1')`;
    const clean = rows(await run('', probe));
    const first = await run(
      'CREATE ROLE r1; CREATE SCHEMA s1; GRANT ALL ON SCHEMA s1 TO r1;',
      `SET search_path = s1; SET work_mem = '7MB'; PREPARE p AS SELECT 1; BEGIN; DECLARE c CURSOR WITH HOLD FOR SELECT 1; COMMIT;
CREATE TEMP TABLE tmp (a int); SELECT pg_advisory_lock(42); LISTEN chan; SET ROLE r1; ${probe}`,
    );
    expect(first.error).toBeUndefined();
    expect(rows(first)[0]!.slice(0, 2)).toEqual(['r1', 'postgres']);
    expect(rows(first)[0]!.slice(4)).toEqual([1, 1, 1, 1, 1, 1]);
    const second = await run('', probe);
    expect(rows(second)).toEqual(clean);
    expect(clean[0]!.slice(0, 2)).toEqual(['postgres', 'postgres']);
    expect(clean[0]!.slice(4)).toEqual([0, 0, 0, 0, 0, 0]);
  });
});

describe("the engine's own queries run with its own rights", () => {
  it("keeps the script's results and tables after SET ROLE to a role that cannot read every table", async () => {
    const r = await run(
      'CREATE ROLE u2; CREATE TABLE t (k int); CREATE TABLE mine (k int); GRANT ALL ON mine TO u2;',
      'SET ROLE u2; INSERT INTO mine VALUES (1); SELECT 42;',
    );
    expect(r.error).toBeUndefined();
    expect(r.ok).toBe(true);
    expect(rows(r)).toEqual([[42]]);
    expect(r.tables.map((t) => t.name)).toEqual(['t', 'mine']);
    expect(r.tables[1]!.after!.rows).toEqual([[1]]);
    expect(r.tables[1]!.counts.inserted).toBe(1);
  });

  it("keeps the script's own error", async () => {
    const r = await run('CREATE ROLE u3; CREATE TABLE t (k int);', 'SET ROLE u3; SELECT 1/0;');
    expect(r.error?.message).toBe('division by zero');
    expect(r.error?.code).toBe('22012');
    expect(r.tables.map((t) => t.name)).toEqual(['t']);
  });

  it('per-statement snapshots inside a transaction give the role back to the script', async () => {
    const r = await run(
      'CREATE ROLE u4; CREATE TABLE t (k int PRIMARY KEY); GRANT ALL ON t TO u4;',
      'BEGIN; SET LOCAL ROLE u4; INSERT INTO t VALUES (1); SELECT current_user; INSERT INTO t VALUES (2); COMMIT; SELECT current_user;',
    );
    expect(r.error).toBeUndefined();
    expect(r.statements[3]!.rows).toEqual([['u4']]);
    expect(rows(r)).toEqual([['postgres']]);
    expect(r.statements.map((s) => s.diffCounts?.inserted ?? null)).toEqual([null, null, 1, null, 1, 0, null]);
  });

  it('a search_path that puts the script schema first does not reach the engine queries', async () => {
    const r = await run(
      'CREATE TABLE t (k int PRIMARY KEY); CREATE FUNCTION public.texteq(text, text) RETURNS bool LANGUAGE sql AS $$ SELECT false $$;',
      'SET search_path = public, pg_catalog; INSERT INTO t VALUES (1);',
    );
    expect(r.error).toBeUndefined();
    expect(r.tables[0]!.counts.inserted).toBe(1);
  });
});

describe('a change no reset undoes restarts the engine from its clean copy', () => {
  it('a replaced pg_catalog function: the run says so, the next run has the real lower()', async () => {
    const before = workers;
    const r = await run(
      '',
      "CREATE OR REPLACE FUNCTION pg_catalog.lower(text) RETURNS text LANGUAGE sql AS $$ SELECT 'pwned' $$",
    );
    expect(r.error).toBeUndefined();
    expect(r.restart).toMatch(/outside your own schemas.*restarted from a clean copy; your next run starts clean/);
    expect(r.notes[0]).toBe(r.restart);
    const next = await run('', "SELECT lower('ABC')");
    expect(rows(next)).toEqual([['abc']]);
    expect(workers).toBe(before + 1);
  }, 300_000);

  it('the system fingerprint changes with every kind of change outside the user schemas', async () => {
    // One plain PGlite, changed step by step: each step must change the fingerprint again.
    const pg = await startPGlite();
    try {
      await pg.exec('DO $$ BEGIN END $$');
      let prev = await systemFingerprint(pg);
      const poisons = [
        'CREATE OPERATOR pg_catalog.=== (LEFTARG = int, RIGHTARG = int, FUNCTION = int4eq)',
        'ALTER FUNCTION pg_catalog.upper(text) RENAME TO upper_x',
        'CREATE TABLE information_schema.leak (a int)',
        'DROP SCHEMA information_schema CASCADE',
        'DROP EXTENSION plpgsql CASCADE',
        "COMMENT ON DATABASE postgres IS 'leak'",
        'ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO PUBLIC',
        'CREATE ROLE leak_role; GRANT EXECUTE ON FUNCTION pg_catalog.now() TO leak_role WITH GRANT OPTION',
      ];
      for (const poison of poisons) {
        await pg.exec(poison);
        await pg.exec('DISCARD ALL');
        const next = await systemFingerprint(pg);
        expect(fingerprintDiff(prev, next), poison).not.toEqual([]);
        prev = next;
      }
      // …and not with what ordinary scripts do in the user schemas.
      await pg.exec(`CREATE TABLE t (k int PRIMARY KEY, v text); CREATE ROLE rr; GRANT SELECT ON t TO rr;
        CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$; CREATE SCHEMA s; CREATE TABLE s.x (a int);
        INSERT INTO t VALUES (1, 'a') ON CONFLICT (k) DO UPDATE SET v = excluded.v;`);
      // exec() runs a script as one transaction, which VACUUM refuses: on their own.
      await pg.exec('VACUUM');
      await pg.exec('ANALYZE');
      await pg.exec('DISCARD ALL');
      expect(fingerprintDiff(prev, await systemFingerprint(pg))).toEqual([]);
    } finally {
      await pg.close();
    }
  }, 300_000);

  it('a file written through dynamic SQL is gone after the restart', { timeout: 300_000 }, async () => {
    const write = await run('', "DO $$ BEGIN EXECUTE 'COPY (SELECT 1) TO ''/tmp/leak.txt'''; END $$");
    expect(write.error).toBeUndefined();
    expect(write.restart).toMatch(/file system/);
    const read = await run('', "DO $$ BEGIN EXECUTE 'SELECT pg_' || 'read_file(''/tmp/leak.txt'')'; END $$");
    expect(read.error?.message).toMatch(/could not open file|No such file/);
  });

  it('ordinary scripts (tables, types, functions, roles, grants, VACUUM, ANALYZE) need no restart', async () => {
    const before = workers;
    const r = await run(
      `CREATE TYPE mood AS ENUM ('ok'); CREATE TABLE t (k int PRIMARY KEY, m mood, v text);
CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.v := upper(NEW.v); RETURN NEW; END $$;
CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION f();
CREATE ROLE reader; GRANT SELECT ON t TO reader; CREATE SCHEMA s; CREATE TABLE s.x (a int);
CREATE TEMP TABLE tmp (a int); CREATE SEQUENCE seq; SET timezone = 'UTC';`,
      `INSERT INTO t VALUES (1, 'ok', 'a') ON CONFLICT (k) DO UPDATE SET v = excluded.v RETURNING *;
MERGE INTO t USING (VALUES (1)) s(k) ON t.k = s.k WHEN MATCHED THEN UPDATE SET v = 'b';
VACUUM; ANALYZE; SELECT nextval('seq'); COMMENT ON TABLE t IS 'mine';`,
    );
    expect(r.error).toBeUndefined();
    expect(r.restart).toBeUndefined();
    expect(workers).toBe(before);
  });
});

describe('an engine broken by deep recursion is restarted', () => {
  const cases: [string, string, string][] = [
    [
      'PL/pgSQL',
      'CREATE FUNCTION f(n int) RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN f(n + 1); END $$;',
      'SELECT f(1);',
    ],
    [
      'trigger',
      `CREATE TABLE t (a int);
CREATE FUNCTION tf() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO t VALUES (NEW.a + 1); RETURN NEW; END $$;
CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION tf();`,
      'INSERT INTO t VALUES (0);',
    ],
  ];
  it.each(cases)('%s', { timeout: 300_000 }, async (_name, setup, statement) => {
    const before = workers;
    const r = await run(setup, statement);
    expect(r.ok).toBe(false);
    // A recursive trigger breaks PGlite without a recognisable error: it gets the general message.
    expect(r.restart).toBe(
      _name === 'trigger'
        ? 'The PostgreSQL engine stopped answering correctly and was restarted; your next run starts clean.'
        : 'The PostgreSQL engine hit its recursion limit (a function, trigger or recursive query calling itself too deeply) and was restarted; your next run starts clean.',
    );
    expect([r.error?.message, ...r.notes]).toContain(r.restart);
    const next = await run('CREATE TABLE u (a int);', 'INSERT INTO u VALUES (1) RETURNING a;');
    expect(next.error).toBeUndefined();
    expect(rows(next)).toEqual([[1]]);
    expect(workers).toBe(before + 1);
  });
});

describe('commands that need a server answer at once', () => {
  it.each([
    ['COPY t TO PROGRAM', "COPY t TO PROGRAM 'cat'", /COPY … PROGRAM is not available in the browser engine/],
    [
      'COPY FROM a server file',
      "COPY t FROM '/etc/passwd'",
      /COPY to or from a server file is not available in the browser engine/,
    ],
    [
      'COPY TO a server file',
      "COPY t TO '/tmp/out.csv'",
      /COPY to or from a server file is not available in the browser engine/,
    ],
    [
      'lo_import',
      "SELECT lo_import('/pglite/data/postgresql.conf')",
      /lo_import\(\) .* not available in the browser engine/,
    ],
    ['lo_export', "SELECT lo_export(1, '/tmp/x')", /lo_export\(\) .* not available in the browser engine/],
    [
      'pg_read_file',
      "SELECT pg_catalog.pg_read_file('postgresql.conf')",
      /pg_read_file\(\) .* not available in the browser engine/,
    ],
    [
      'pg_read_file in a DO block',
      "DO $$ BEGIN PERFORM pg_read_file('postgresql.conf'); END $$",
      /pg_read_file\(\) .* not available/,
    ],
  ])('%s', async (_name, statement, message) => {
    const r = await run('CREATE TABLE t (a int);', statement);
    expect(r.error?.message).toMatch(message);
    expect(r.error?.code).toBe('0A000');
    expect(r.error?.phase).toBe('statement');
    expect(r.restart).toBeUndefined();
  });

  it('still runs COPY TO STDOUT and columns named like the refused functions', async () => {
    const r = await run(
      'CREATE TABLE t (copy int, lo_import int);',
      'SELECT copy, lo_import FROM t; COPY t TO STDOUT;',
    );
    expect(r.error).toBeUndefined();
  });
});
