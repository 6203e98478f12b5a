/**
 * SQLite's own Tcl tests for upserts and RETURNING (upsert1–5.test, returning1.test), vendored in
 * tests/upstream/sqlite, fed through the playground's engine API as SQLite's tester would, and
 * compared with their expected results. Cases that need Tcl itself, test-only hooks or
 * capabilities the browser build lacks are skipped and counted.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteEngine } from '../../src/engine/sqlite';
import type { Engine } from '../../src/engine/types';
import { runTclFile, type TclReport } from '../upstream/tclHarness';

let engine: Engine;
beforeAll(async () => {
  engine = await createSqliteEngine();
});
afterAll(() => engine.close());

const FILES = ['upsert1', 'upsert2', 'upsert3', 'upsert4', 'upsert5', 'returning1'];

const reports: TclReport[] = [];

describe('SQLite Tcl tests through the engine API', () => {
  it.each(FILES)('%s.test', async (name) => {
    const text = readFileSync(new URL(`../upstream/sqlite/${name}.test`, import.meta.url), 'utf8');
    const r = await runTclFile(engine, `${name}.test`, text);
    reports.push(r);
    const run = r.cases - r.skipped.length;
    console.log(
      `${r.file}: ${r.same}/${run} cases identical, ${r.skipped.length} skipped (${[...new Set(r.skipped.map((s) => s.why))].join('; ')})`,
    );
    expect(r.differences, r.differences.join('\n')).toEqual([]);
    expect(r.same).toBe(run);
  });
});
