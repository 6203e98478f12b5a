/**
 * Engine-level timings in Node (no browser), run by `npm run bench` through Vitest's bench mode:
 * how long PostgreSQL takes to start with initdb and from the clean data-directory snapshot, and
 * a 100,000-row bulk upsert through the app's whole pipeline next to the same scripts on the raw
 * engines. The tests check these results are exact (tests/engine/bulk.test.ts); only timings here.
 */
import { PGlite } from '@electric-sql/pglite';
import initSqlJs from 'sql.js';
import { bench, describe } from 'vitest';
import { cleanPgSnapshot } from '../scripts/pgSnapshotPlugin.ts';
import { createPostgresEngine } from '../src/engine/postgres.ts';
import { createSqliteEngine } from '../src/engine/sqlite.ts';
import type { Engine } from '../src/engine/types.ts';
import { BULK_ROWS, bulkSetup, bulkStatement } from '../tests/engine/bulkScripts.ts';

const quick = process.env.BENCH_QUICK === '1';
const slow = { iterations: quick ? 1 : 3, time: 0, warmupIterations: 0, warmupTime: 0 };
const snapshot = new Blob([await cleanPgSnapshot()]);

describe('PostgreSQL start', () => {
  bench('initdb (cold)', async () => (await createPostgresEngine()).close(), slow);
  bench('from the clean snapshot', async () => (await createPostgresEngine({ loadDataDir: snapshot })).close(), slow);
});

const script = bulkStatement();
const sqlite = await createSqliteEngine();
const postgres = await createPostgresEngine({ loadDataDir: snapshot });
const SQL = await initSqlJs();
// The raw engines: one instance each, the table dropped before every round (as the app resets).
const rawSqlite = new SQL.Database();
const rawPg = await PGlite.create({ loadDataDir: snapshot });
const DROP = 'DROP TABLE IF EXISTS t;\n';

async function pipeline(engine: Engine, dialect: 'sqlite' | 'postgres'): Promise<void> {
  const r = await engine.run({ setup: bulkSetup(dialect), statement: script });
  if (!r.ok || r.tables[0]?.after?.totalRows !== BULK_ROWS) throw new Error(`${dialect}: the bulk run went wrong`);
}

describe(`${BULK_ROWS.toLocaleString('en')}-row bulk upsert, SQLite`, () => {
  bench('app pipeline (setup, statement, before/after, diff)', () => pipeline(sqlite, 'sqlite'), slow);
  bench(
    'raw sql.js (setup, statement)',
    () => {
      rawSqlite.exec(DROP + bulkSetup('sqlite'));
      rawSqlite.exec(script);
    },
    slow,
  );
});

describe(`${BULK_ROWS.toLocaleString('en')}-row bulk upsert, PostgreSQL`, () => {
  bench('app pipeline (setup, statement, before/after, diff)', () => pipeline(postgres, 'postgres'), slow);
  bench(
    'raw PGlite (setup, statement)',
    async () => {
      await rawPg.exec(DROP + bulkSetup('postgres'));
      await rawPg.exec(script);
    },
    slow,
  );
});
