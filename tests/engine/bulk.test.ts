/**
 * A 100,000-row bulk upsert (half the keys already exist) through the whole pipeline on both
 * engines: the results must be exact. Its timings, next to the raw engines', are in the benchmark
 * (bench/engine.bench.ts).
 */
import { describe, expect, it } from 'vitest';
import { useEngines } from '../support/engines';
import { BULK_BATCH, BULK_ROWS as N, bulkSetup, bulkStatement } from './bulkScripts';

const script = bulkStatement();
const engines = useEngines();

describe('100k-row bulk upsert', () => {
  it.each(['sqlite', 'postgres'] as const)('%s: exact counts through the whole pipeline', async (dialect) => {
    const r = await engines[dialect].run({ setup: bulkSetup(dialect), statement: script });
    expect(r.ok).toBe(true);
    const t = r.tables[0]!;
    expect(t.before!.totalRows).toBe(N / 2);
    expect(t.after!.totalRows).toBe(N);
    expect(t.counts).toMatchObject({ inserted: N / 2, updated: N / 2, deleted: 0, unchanged: 0 });
    expect(t.after!.rows[1]).toEqual([1, 'new1', 1]);
    expect(t.after!.rows[2]).toEqual([2, 'new2', 1]);
    expect(r.statements).toHaveLength(N / BULK_BATCH + 2);
    expect(r.statements[1]!.rowsAffected).toBe(BULK_BATCH);
  });
});
