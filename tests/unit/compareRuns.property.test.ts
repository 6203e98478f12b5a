import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareRuns, hasDifferences } from '../../src/compare/differences';
import { summarizeDifferences } from '../../src/compare/summary';
import type { Dialect, RunResult, TableDiff, Value } from '../../src/engine/types';

const value: fc.Arbitrary<Value> = fc.oneof(
  fc.constant(null),
  fc.integer({ min: -5, max: 5 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom('a', 'b', '', '2026-01-02 03:04:05', '{"x":1}', '12.50'),
  fc.record({ blob: fc.constantFrom('00', 'ff', '') }),
);

/** A table with a primary key k (distinct), an optional unique column and random other cells. */
const tableArb = (name: string) =>
  fc
    .record({
      rows: fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 50 }), value, value), {
        selector: (r) => r[0],
        maxLength: 12,
      }),
      withKey: fc.boolean(),
    })
    .map(({ rows, withKey }): TableDiff => ({
      name,
      status: 'kept',
      schema: {
        name,
        schema: 'main',
        columns: ['k', 'a', 'b'].map((c) => ({
          name: c,
          type: '',
          notNull: false,
          defaultExpr: null,
          generated: false,
          identity: false,
        })),
        primaryKey: withKey ? ['k'] : [],
        uniqueKeys: withKey
          ? [{ name: 'pk', kind: 'primary', columns: ['k'], predicate: null, hasExpressions: false }]
          : [],
        hasRowid: false,
      },
      identity: { kind: 'wholeRow', columns: [] },
      writeTracking: 'none',
      before: null,
      after: { columns: ['k', 'a', 'b'], rows: rows.map((r) => [...r]), totalRows: rows.length },
      changes: [],
      counts: { inserted: 0, updated: 0, deleted: 0, unchanged: 0, sameValues: 0, replaced: 0 },
      notes: [],
    }));

const runArb = fc.record({
  t: tableArb('t'),
  u: tableArb('u'),
  returned: fc.array(fc.tuple(value, value), { maxLength: 6 }),
});

function run(dialect: Dialect, tables: TableDiff[], returned: Value[][]): RunResult {
  return {
    dialect,
    engineVersion: 'x',
    ok: true,
    setup: [],
    statements: [
      {
        index: 0,
        sql: '',
        span: { start: 0, end: 0 },
        kind: 'INSERT',
        columns: ['x', 'y'],
        rows: returned,
        rowsAffected: returned.length,
        durationMs: 0,
      },
    ],
    notRun: [],
    tables,
    notes: [],
    timings: { reset: 0, setup: 0, before: 0, statements: 0, after: 0, diff: 0, total: 0 },
  };
}

/** What PostgreSQL would hand back for the same data: 1/0 as booleans where they came from booleans. */
const asPostgres = (t: TableDiff): TableDiff => ({
  ...t,
  after: t.after && {
    ...t.after,
    rows: [...t.after.rows].reverse().map((r) => r.map((v) => (v === 1 ? true : v === 0 ? false : v))),
  },
});

describe('compareRuns properties', () => {
  it('a run compared with itself has no differences', () => {
    fc.assert(
      fc.property(runArb, ({ t, u, returned }) => {
        const r = run('sqlite', [t, u], returned);
        const d = compareRuns(r, { ...r, dialect: 'postgres' });
        expect(hasDifferences(d), summarizeDifferences(d).join('\n')).toBe(false);
      }),
    );
  });

  it('booleans for 1/0 and a different row order are not differences', () => {
    fc.assert(
      fc.property(runArb, ({ t, u, returned }) => {
        const d = compareRuns(
          run('sqlite', [t, u], returned),
          run('postgres', [asPostgres(t), asPostgres(u)], [...returned].reverse()),
        );
        expect(hasDifferences(d), summarizeDifferences(d).join('\n')).toBe(false);
      }),
    );
  });

  it('a removed row is always reported, with exact totals', () => {
    fc.assert(
      fc.property(
        runArb.filter(({ t }) => (t.after?.rows.length ?? 0) > 0),
        ({ t, returned }) => {
          const fewer: TableDiff = {
            ...t,
            after: { ...t.after!, rows: t.after!.rows.slice(1), totalRows: t.after!.rows.length - 1 },
          };
          const d = compareRuns(run('sqlite', [t], returned), run('postgres', [fewer], returned));
          const rows = d.find((x) => x.kind === 'tableRows');
          expect(rows).toMatchObject({ totals: { onlySqlite: 1, onlyPostgres: 0 } });
          expect(summarizeDifferences(d)[0]).toMatch(/^Table t after the run differs/);
        },
      ),
    );
  });
});
