/**
 * Property tests of the row-by-row account on the real engines: for random small tables with one
 * to three unique keys, random existing rows and random multi-row upserts, the proposed rows'
 * fates must agree with the engine's own After table, its change marks and its row counts — and,
 * for one-key tables without repeated keys in the input, with the builder's independent model.
 * fast-check prints the seed and the shrunk case of a failure.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useEngines } from '../support/engines';
import type { ProposedRow, ProposedRows } from '../../src/engine/fates';
import type { Dialect, RunResult, TableDiff, Value } from '../../src/engine/types';
import { simulate, type ModelAction, type Row } from './builderModel';

const engines = useEngines();

const COLS = ['a', 'b', 'c', 'v'] as const;
type Col = (typeof COLS)[number];
/** Candidate unique keys: small domains, so rows conflict often. */
const KEY_SETS: Col[][] = [['a'], ['b'], ['c'], ['a', 'b'], ['b', 'c']];
type R = [number, string, number | null, string | null];

type Action =
  | { kind: 'nothing'; target: number | null }
  | { kind: 'update'; target: number; set: 'excluded' | 'same'; where: null | 'distinct' | 'less' }
  | { kind: 'replace' }
  | { kind: 'ignore' };

interface Case {
  keys: Col[][];
  primary: boolean;
  existing: R[];
  input: R[];
  action: Action;
}

const rowArb: fc.Arbitrary<R> = fc.tuple(
  fc.integer({ min: 0, max: 2 }),
  fc.constantFrom('p', 'q', 'r'),
  // c may be NULL: a NULL key value conflicts with nothing (and SQLite fills an INTEGER PRIMARY KEY).
  fc.oneof({ arbitrary: fc.integer({ min: 0, max: 2 }), weight: 4 }, { arbitrary: fc.constant(null), weight: 1 }),
  fc.constantFrom(null, 'x', 'y'),
);

const actionArb = (nKeys: number, sqliteOnly: boolean): fc.Arbitrary<Action> => {
  const target = fc.integer({ min: 0, max: nKeys - 1 });
  const common: fc.Arbitrary<Action>[] = [
    target.map((t) => ({ kind: 'nothing', target: t })),
    fc.constant({ kind: 'nothing', target: null }),
    fc.record({
      kind: fc.constant('update' as const),
      target,
      set: fc.constantFrom('excluded' as const, 'same' as const),
      where: fc.constantFrom(null, 'distinct' as const, 'less' as const),
    }),
  ];
  // SQLite's own forms, alone (SQLite runs the ON CONFLICT forms in the test of both engines).
  if (sqliteOnly) return fc.constantFrom({ kind: 'replace' as const }, { kind: 'ignore' as const });
  return fc.oneof(...common);
};

const caseArb = (opts: { sqliteOnly?: boolean; oneKey?: boolean } = {}): fc.Arbitrary<Case> =>
  fc
    .uniqueArray(fc.integer({ min: 0, max: KEY_SETS.length - 1 }), {
      minLength: 1,
      maxLength: opts.oneKey ? 1 : 3,
    })
    .chain((ks) =>
      fc.array(rowArb, { maxLength: 6 }).chain((existing) =>
        fc.record({
          keys: fc.constant(ks.map((k) => KEY_SETS[k]!)),
          primary: fc.boolean(),
          existing: fc.constant(existing),
          // Some input rows repeat an existing row exactly (same values, identical replacement).
          input: fc.array(existing.length ? fc.oneof(rowArb, fc.constantFrom(...existing)) : rowArb, {
            minLength: 1,
            maxLength: 5,
          }),
          action: actionArb(ks.length, opts.sqliteOnly ?? false),
        }),
      ),
    );

const lit = (v: number | string | null): string => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${v}'`);
const tuple = (r: R): string => `(${r.map(lit).join(', ')})`;

function setupSql(c: Case): string {
  const keys = c.keys.map((k, i) => `${i === 0 && c.primary ? 'PRIMARY KEY' : 'UNIQUE'} (${k.join(', ')})`);
  return [
    `CREATE TABLE t (a INTEGER NOT NULL, b TEXT NOT NULL, c INTEGER, v TEXT, ${keys.join(', ')});`,
    // The same existing rows on both engines: a row that would break a key is left out.
    // (A NULL in the primary key would fail the setup on PostgreSQL: such a row is left out too.)
    ...c.existing
      .filter((r) => !(c.primary && c.keys[0]!.includes('c') && r[2] === null))
      .map((r) => `INSERT INTO t VALUES ${tuple(r)} ON CONFLICT DO NOTHING;`),
  ].join('\n');
}

function statementSql(c: Case): string {
  const a = c.action;
  const values = `VALUES ${c.input.map(tuple).join(', ')}`;
  if (a.kind === 'replace' || a.kind === 'ignore')
    return `INSERT OR ${a.kind.toUpperCase()} INTO t (a, b, c, v) ${values}`;
  const target = a.target === null ? '' : ` (${c.keys[a.target]!.join(', ')})`;
  const head = `INSERT INTO t (a, b, c, v) ${values} ON CONFLICT${target}`;
  if (a.kind === 'nothing') return `${head} DO NOTHING`;
  const set = a.set === 'excluded' ? 'v = excluded.v' : 'v = t.v';
  const where =
    a.where === 'distinct'
      ? ' WHERE t.v IS DISTINCT FROM excluded.v'
      : a.where === 'less'
        ? ' WHERE t.c < excluded.c'
        : '';
  return `${head} DO UPDATE SET ${set}${where}`;
}

const same = (x: readonly Value[] | undefined, y: readonly Value[] | undefined): boolean =>
  JSON.stringify(x) === JSON.stringify(y);
const colIdx = (c: Col): number => COLS.indexOf(c);
/** Same non-NULL values on every column of `key`. */
const onKey = (key: Col[], x: readonly Value[], y: readonly Value[]): boolean =>
  key.every((c) => x[colIdx(c)] !== null && x[colIdx(c)] === y[colIdx(c)]);
const conflicts = (keys: Col[][], x: readonly Value[], y: readonly Value[]): boolean =>
  keys.some((k) => onKey(k, x, y));

/** The keys a proposed row is checked against for a conflict the statement handles. */
function arbiters(c: Case): Col[][] {
  const a = c.action;
  return (a.kind === 'nothing' || a.kind === 'update') && a.target !== null ? [c.keys[a.target]!] : c.keys;
}

/** Whether the DO UPDATE … WHERE holds for an existing row and a proposed one. */
function whereHolds(c: Case, existing: readonly Value[], proposed: readonly Value[]): boolean {
  const a = c.action;
  if (a.kind !== 'update' || a.where === null) return true;
  if (a.where === 'distinct') return existing[3] !== proposed[3];
  const [x, y] = [existing[2], proposed[2]];
  return x !== null && y !== null && (x as number) < (y as number);
}

const WRITES = new Set(['inserted', 'updated', 'same-values', 'replaced']);
const ALLOWED: Record<Action['kind'] | 'update-where', string[]> = {
  nothing: ['inserted', 'skipped'],
  update: ['inserted', 'updated', 'same-values'],
  'update-where': ['inserted', 'updated', 'same-values', 'skipped'],
  replace: ['inserted', 'replaced'],
  ignore: ['inserted', 'ignored'],
};

function tableOf(r: RunResult): TableDiff {
  const t = r.tables.find((x) => x.name === 't');
  if (!t?.before || !t.after) throw new Error('table t missing');
  return t;
}

/** Checks that hold for a statement that failed: nothing changed, and the error row is named. */
function checkError(d: Dialect, c: Case, r: RunResult, p: ProposedRows): void {
  const t = tableOf(r);
  const s = r.statements[0]!;
  expect(r.ok).toBe(false);
  // The statement's writes were rolled back: the After table is the Before table.
  expect(t.counts).toMatchObject({ inserted: 0, updated: 0, deleted: 0 });
  expect(t.after!.rows).toEqual(t.before!.rows);
  expect(p.notes.join(' ')).toMatch(/rolled back every row/);
  // The failing row is the last one proposed, and only it is an error.
  const last = p.rows[p.rows.length - 1]!;
  expect(last.fate).toBe('error');
  expect(p.rows.filter((x) => x.fate === 'error')).toHaveLength(1);
  expect(last.reason).toContain(s.error!.code ?? s.error!.message);
  // It broke a key: one of its keys' values is held by a Before row or an earlier proposed row.
  const earlier = p.rows.slice(0, -1).map((x) => x.written ?? x.values);
  const clash = [...t.before!.rows, ...earlier].some((x) => conflicts(c.keys, last.values, x));
  // (PostgreSQL refuses a NULL in a primary key, which SQLite allows outside an INTEGER one.)
  if (s.error!.code !== '23502') expect(clash).toBe(true);
  if (s.error!.code === '21000') {
    // PostgreSQL: DO UPDATE would affect a row this statement already wrote; the row is named.
    expect(c.action.kind).toBe('update');
    expect(last.earlier).toBeDefined();
    const first = p.rows[last.earlier! - 1]!;
    expect(onKey(arbiters(c)[0]!, last.values, first.written ?? first.values)).toBe(true);
  }
  // Before the error, a row's fate is one the statement can give, or unknown (PostgreSQL drops
  // the AFTER events of a failed statement).
  const allowed = ALLOWED[c.action.kind === 'update' && c.action.where ? 'update-where' : c.action.kind];
  for (const x of p.rows.slice(0, -1)) expect([...allowed, 'unknown']).toContain(x.fate);
  if (d === 'postgres') for (const x of p.rows.slice(0, -1)) expect(x.fate).not.toBe('inserted');
}

/** Checks that hold for a statement that succeeded. */
function checkOk(c: Case, r: RunResult, p: ProposedRows): void {
  const t = tableOf(r);
  const before = t.before!.rows;
  const after = t.after!.rows;
  const s = r.statements[0]!;
  const a = c.action;
  const allowed = ALLOWED[a.kind === 'update' && a.where ? 'update-where' : a.kind];
  for (const x of p.rows) expect(allowed).toContain(x.fate);
  const writes = p.rows.filter((x) => WRITES.has(x.fate));
  // The engine's own count: every row written (REPLACE's deletes aside) is a fate that wrote.
  if (s.rowsAffected !== null) expect(s.rowsAffected).toBe(writes.length);

  for (const x of p.rows) {
    if (x.fate === 'updated') {
      expect(x.existing).toBeDefined();
      expect(x.changed?.length).toBeGreaterThan(0);
      expect(same(x.written, x.existing)).toBe(false);
    }
    if (x.fate === 'same-values') expect(x.written).toEqual(x.existing);
    // A linked After row holds what the row wrote.
    if (x.afterRow !== undefined) expect(after[x.afterRow]).toEqual(x.written);
  }

  // Every proposed row that conflicted names a row it conflicted with, held before it came: a
  // Before row or a row written earlier in the statement (by its own key, for a conflict target).
  const state: Value[][] = before.map((b) => [...b]);
  const replaceIn = (from: readonly Value[], to: Value[]) => {
    const i = state.findIndex((y) => same(y, from));
    if (i >= 0) state[i] = to;
  };
  for (const x of p.rows) {
    const hit = state.find((y) => conflicts(arbiters(c), x.values, y));
    if (x.fate === 'skipped' || x.fate === 'ignored') {
      expect(hit, `row ${x.n} ${x.fate} without a conflict`).toBeDefined();
      if (a.kind === 'update') expect(whereHolds(c, hit!, x.values)).toBe(false);
    } else if (x.fate === 'updated' || x.fate === 'same-values') {
      expect(hit, `row ${x.n} ${x.fate} without a conflict`).toEqual(x.existing);
      replaceIn(x.existing!, x.written!);
    } else if (x.fate === 'inserted' || x.fate === 'replaced') {
      if (a.kind !== 'replace') expect(hit, `row ${x.n} inserted despite a conflict`).toBeUndefined();
      for (let i = state.length - 1; i >= 0; i--) if (conflicts(c.keys, x.written!, state[i]!)) state.splice(i, 1);
      state.push(x.written!);
    }
  }
  // Replaying the fates gives the engine's After table.
  const sorted = (rows: Value[][]) => rows.map((x) => JSON.stringify(x)).sort();
  expect(sorted(state)).toEqual(sorted(after));

  // Every change the diff marks is some fate's row: inserted and updated After rows are linked.
  const linked = new Set(p.rows.map((x) => x.afterRow).filter((i) => i !== undefined));
  for (const ch of t.changes) {
    if (ch.change === 'inserted' || ch.change === 'updated')
      expect(linked.has(ch.after!), `After row ${ch.after} (${ch.change}) not linked to a proposed row`).toBe(true);
  }
  // An inserted fate is an inserted After row (a row that took an old one's place is 'replaced').
  // Except where REPLACE freed a key earlier in the statement and this row took it: the diff,
  // matching rows by key, shows that key's Before row updated; the account names it removed.
  const removed = new Set(p.rows.flatMap((x) => x.removed ?? []).map((x) => JSON.stringify(x)));
  for (const x of p.rows) {
    if (x.fate !== 'inserted' || x.afterRow === undefined) continue;
    const ch = t.changes.find((y) => y.after === x.afterRow);
    const reused = ch?.change === 'updated' && removed.has(JSON.stringify(before[ch.before!]));
    if (!reused) expect(ch?.change, `row ${x.n} inserted, but its After row is ${ch?.change}`).toBe('inserted');
  }
  if (a.kind === 'replace') {
    // Rows REPLACE deleted are accounted for: each Before row gone is named as removed.
    const removed = p.rows.flatMap((x) => x.removed ?? []);
    for (const ch of t.changes) {
      if (ch.change === 'deleted' || (ch.change === 'updated' && !ch.sameValues))
        expect(removed).toContainEqual(before[ch.before!]);
    }
    for (const x of p.rows) for (const gone of x.removed ?? []) expect(conflicts(c.keys, x.written!, gone)).toBe(true);
    // A written row missing from After was removed by a later row of the statement.
    for (const x of p.rows) {
      if (x.afterRow !== undefined) continue;
      const later = p.rows.filter((y) => y.n > x.n && y.removed?.some((g) => same(g, x.written)));
      expect(later.length, `row ${x.n}'s write is not in After and no later row removed it`).toBeGreaterThan(0);
    }
    return;
  }
  // Without REPLACE nothing is deleted, and the counts are the fates'.
  expect(t.counts.deleted).toBe(0);
  expect(t.counts.inserted).toBe(p.rows.filter((x) => x.fate === 'inserted').length);
  const touched = new Set(
    p.rows
      .filter((x) => (x.fate === 'updated' || x.fate === 'same-values') && x.earlier === undefined)
      .map((x) => before.findIndex((b) => same(b, x.existing))),
  );
  expect(touched.has(-1)).toBe(false);
  expect(t.counts.updated).toBe(touched.size);
  for (const ch of t.changes) if (ch.change === 'updated') expect(touched.has(ch.before!)).toBe(true);
}

async function runCase(d: Dialect, c: Case): Promise<{ r: RunResult; p: ProposedRows }> {
  const r = await engines[d].run({ setup: setupSql(c), statement: statementSql(c) });
  expect(r.setup.every((s) => !s.error)).toBe(true);
  const p = r.statements[0]!.proposed!;
  if (!p && r.statements[0]!.error) {
    // Refused before any row (SQLite: a conflict target that matches no unique index it keeps,
    // as UNIQUE (b, c) beside an INTEGER PRIMARY KEY c): nothing proposed, nothing changed.
    expect(tableOf(r).after!.rows).toEqual(tableOf(r).before!.rows);
    return { r, p: { table: 't', columns: [...COLS], mode: 'upsert', rows: [], notes: [] } };
  }
  expect(p, 'no proposed rows').toBeDefined();
  // The rows in the order given; a failing statement stops at the row that failed.
  const n = r.statements[0]!.error ? p.rows.length : c.input.length;
  expect(p.rows.map((x) => x.values)).toEqual(c.input.slice(0, n));
  if (r.statements[0]!.error) checkError(d, c, r, p);
  else checkOk(c, r, p);
  return { r, p };
}

const fates = (p: ProposedRows): string[] => p.rows.map((x: ProposedRow) => x.fate);

describe('fates agree with the After table (property)', () => {
  it('ON CONFLICT forms on both engines; where both succeed, the same fates and After rows', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb(), async (c) => {
        const s = await runCase('sqlite', c);
        const g = await runCase('postgres', c);
        if (!s.r.statements[0]!.error && !g.r.statements[0]!.error) {
          expect(fates(s.p)).toEqual(fates(g.p));
          const rows = (r: RunResult) =>
            tableOf(r)
              .after!.rows.map((x) => JSON.stringify(x))
              .sort();
          expect(rows(s.r)).toEqual(rows(g.r));
        }
      }),
      {
        numRuns: 50,
        // Cases that once failed: 21000 named a row sharing another key, not the conflict target's.
        examples: [
          [
            {
              keys: [['a', 'b'], ['a'], ['c']],
              primary: false,
              existing: [],
              input: [
                [1, 'p', 1, null],
                [0, 'p', 0, null],
                [0, 'p', 1, null],
                [0, 'p', 0, null],
              ],
              action: { kind: 'update', target: 0, set: 'excluded', where: null },
            },
          ],
        ],
      },
    );
  }, 300_000);

  it('SQLite INSERT OR REPLACE and INSERT OR IGNORE', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb({ sqliteOnly: true }), async (c) => {
        await runCase('sqlite', c);
      }),
      {
        numRuns: 50,
        // Cases that once failed: a row replacing one written earlier in the statement; an
        // identical replacement; a key freed by REPLACE and taken by a later row.
        examples: [
          [
            {
              keys: [['b']],
              primary: false,
              existing: [],
              input: [
                [0, 'p', 0, null],
                [0, 'p', 0, null],
              ],
              action: { kind: 'replace' },
            },
          ],
          [
            {
              keys: [['a']],
              primary: true,
              existing: [[0, 'p', 0, 'x']],
              input: [[0, 'p', 0, 'x']],
              action: { kind: 'replace' },
            },
          ],
          [
            {
              keys: [['a'], ['c']],
              primary: true,
              existing: [
                [2, 'r', 2, 'y'],
                [0, 'r', 0, 'y'],
              ],
              input: [
                [1, 'p', 0, null],
                [0, 'p', 1, null],
                [2, 'r', 2, 'y'],
              ],
              action: { kind: 'replace' },
            },
          ],
        ],
      },
    );
  }, 300_000);

  it("one key, no key repeated in the input: the engines' After is the model's", async () => {
    const arb = caseArb({ oneKey: true }).filter(
      (c) =>
        c.action.kind !== 'replace' &&
        c.action.kind !== 'ignore' &&
        // (The model knows no rowid: a NULL in an INTEGER PRIMARY KEY is SQLite's to fill.)
        !(c.primary && c.keys[0]!.includes('c') && [...c.existing, ...c.input].some((x) => x[2] === null)) &&
        c.input.every((x, i) => c.input.every((y, j) => i === j || !onKey(c.keys[0]!, x, y))),
    );
    await fc.assert(
      fc.asyncProperty(arb, async (c) => {
        const key = c.keys[0]!;
        const toRow = (x: readonly Value[]): Row =>
          Object.fromEntries(COLS.map((col, i) => [col, x[i] as number | string | null]));
        const kept: Row[] = [];
        for (const e of c.existing)
          if (
            !kept.some((k) =>
              onKey(
                key,
                COLS.map((col) => k[col]!),
                e,
              ),
            )
          )
            kept.push(toRow(e));
        const a = c.action;
        const actions: Record<string, ModelAction> = {};
        for (const col of COLS) if (!key.includes(col)) actions[col] = { kind: 'keep' };
        if (a.kind === 'update' && a.set === 'excluded') actions.v = { kind: 'excluded' };
        const model = simulate(
          [...COLS],
          kept,
          [{ name: 'k', columns: key }],
          c.primary ? key : [],
          c.input.map(toRow),
          {
            strategy: a.kind === 'update' ? 'doUpdate' : 'doNothing',
            key: 'k',
            actions,
            condition:
              a.kind === 'update' && a.where
                ? {
                    kind: 'custom',
                    fn: (old, neu) =>
                      whereHolds(
                        c,
                        COLS.map((col) => old[col]!),
                        COLS.map((col) => neu[col]!),
                      ),
                  }
                : { kind: 'none' },
            returning: { kind: 'none' },
            actionWords: null,
          },
        );
        const want = model.after.map((m) => JSON.stringify(COLS.map((col) => m[col]))).sort();
        for (const d of ['sqlite', 'postgres'] as const) {
          const { r } = await runCase(d, c);
          expect(r.statements[0]!.error).toBeUndefined();
          expect(
            tableOf(r)
              .after!.rows.map((x) => JSON.stringify(x))
              .sort(),
          ).toEqual(want);
        }
      }),
      { numRuns: 40 },
    );
  }, 300_000);
});
