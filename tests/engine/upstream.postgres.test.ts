/**
 * PostgreSQL's own regression tests for upserts (insert_conflict.sql and merge.sql, REL_18),
 * vendored in tests/upstream/postgres, fed through the playground's engine API as psql feeds
 * them, and compared with PostgreSQL's expected output. A gate: the playground must show what
 * PostgreSQL really does.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres } from '../support/engines';
import type { Engine } from '../../src/engine/types';
import { runRegressFile, type RegressReport } from '../upstream/psqlHarness';

const dir = new URL('../upstream/postgres/', import.meta.url);
const read = (name: string): string => readFileSync(new URL(name, dir), 'utf8');

let engine: Engine;
/** A clean session's users, read before any file runs. */
let cleanSession: unknown;
const whoAmI = async (): Promise<unknown> =>
  (await engine.run({ setup: '', statement: 'SELECT session_user::text, current_user::text' })).statements[0]!.rows;
beforeAll(async () => {
  engine = await startPostgres();
  cleanSession = await whoAmI();
}, 600_000);
afterAll(() => engine.close());

function summary(r: RegressReport): string {
  return (
    `${r.file}: ${r.same}/${r.statements} statements identical; result tables ${r.tables.same}/${r.tables.total}, ` +
    `errors ${r.errors.same}/${r.errors.total}, notices ${r.notices.same}/${r.notices.total}; ` +
    `${r.inAbortedTransaction} refused in an aborted transaction block; run in ${(r.runMs / 1000).toFixed(1)} s, row-by-row account ${r.account ? 'on' : 'off'}` +
    (r.restart ? `; the engine is restarted after it (${r.restart})` : '')
  );
}

const files = ['insert_conflict', 'merge'];

describe('PostgreSQL regression suites through the engine API', () => {
  it.each(files)(
    '%s.sql gives exactly its expected output',
    async (name) => {
      const report = await runRegressFile(engine, `${name}.sql`, read(`${name}.sql`), read(`${name}.out`));
      console.log(summary(report));
      expect(report.differences, summary(report)).toEqual([]);
      expect(report.same).toBe(report.statements);
      // The files switch session users (SET SESSION AUTHORIZATION): the next run starts as the engine.
      expect(await whoAmI()).toEqual(cleanSession);
      if (report.restart) {
        // As the page does: a run that changed what a reset cannot undo gets a fresh engine.
        await engine.close();
        engine = await startPostgres();
      }
    },
    600_000,
  );
});
