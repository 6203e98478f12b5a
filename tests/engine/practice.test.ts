// Every practice exercise's reference solution, on the real engine of every dialect it claims and
// on every data set: it runs without error, leaves the hand-written expected state on the visible
// set, agrees across dialects, and is accepted by the checker. A one-dialect exercise must fail on
// the other dialect (so a claimed dialect cannot be wrong), and every claimed dialect must be run.
import { describe, expect, it } from 'vitest';
import { useEngines } from '../support/engines';
import type { Dialect, RunResult, Value } from '../../src/engine/types';
import { rowsMatchUnordered } from '../../src/gallery/check';
import { checkAttempt, ReferenceCache, setupFor } from '../../src/practice/check';
import { normalisedRows, returnedRows } from '../../src/practice/compare';
import { EXERCISES } from '../../src/practice/exercises';
import { bindParams } from '../../src/practice/params';
import { forDialect, UNITS, type Exercise } from '../../src/practice/types';
import { EXPECTED } from './practiceExpected';

const engines = useEngines();
const ran = new Set<string>();
const DIALECTS: Dialect[] = ['sqlite', 'postgres'];

function runRef(
  ex: Exercise,
  dialect: Dialect,
  set: number,
  statement = forDialect(ex.solution, dialect),
): Promise<RunResult> {
  const bound = bindParams(statement, ex.sets[set]!.params ?? {});
  if (!bound.ok) throw new Error(`unknown parameters ${bound.unknown.join(', ')}`);
  return engines[dialect].run({ setup: setupFor(ex, dialect, set), statement: bound.sql });
}

function project(r: RunResult, table: string, columns: string[], ex?: Exercise): Value[][] {
  const t = r.tables.find((x) => x.name === table)!;
  const idx = columns.map((c) => t.after!.columns.indexOf(c));
  // With the exercise given, a timestamp the run set reads as "set by the run", as the checker
  // compares it: two engines run a second apart must still agree.
  const rows = ex ? normalisedRows(ex, r, t) : t.after!.rows;
  return rows.map((row) => idx.map((i) => row[i] ?? null));
}

/** Values as both engines would agree on them (booleans as 0/1, timestamps without the zone). */
function portable(rows: Value[][]): string[] {
  return rows
    .map((r) =>
      JSON.stringify(
        r.map((v) =>
          typeof v === 'boolean'
            ? Number(v)
            : typeof v === 'string'
              ? v.replace(/^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)(\.\d+)?\+00$/, '$1')
              : v,
        ),
      ),
    )
    .sort();
}

it('has 24 or more exercises in 5 or 6 units, with unique ids, 2–3 hints and a hidden set each', () => {
  expect(EXERCISES.length).toBeGreaterThanOrEqual(24);
  const units = new Set(EXERCISES.map((e) => e.unit));
  expect(units.size).toBeGreaterThanOrEqual(5);
  expect(units.size).toBeLessThanOrEqual(6);
  expect(UNITS.map((u) => u.id).filter((u) => units.has(u)).length).toBe(units.size);
  expect(new Set(EXERCISES.map((e) => e.id)).size).toBe(EXERCISES.length);
  for (const ex of EXERCISES) {
    expect(ex.hints.length, ex.id).toBeGreaterThanOrEqual(2);
    expect(ex.hints.length, ex.id).toBeLessThanOrEqual(3);
    expect(ex.sets.length, ex.id).toBeGreaterThanOrEqual(2);
    for (const s of ex.sets.slice(1)) expect(s.about, ex.id).toBeTruthy();
    expect(ex.dialects.length, ex.id).toBeGreaterThan(0);
    if (ex.dialects.length === 1) expect(ex.dialectNote, ex.id).toBeTruthy();
    expect(EXPECTED[ex.id], ex.id).toBeDefined();
  }
});

describe.each(EXERCISES.map((e) => [e.id, e] as const))('%s', (_id, ex) => {
  for (const dialect of ex.dialects) {
    it(`reference solution on ${dialect}: every data set, the expected visible state, accepted by the checker`, async () => {
      const results: RunResult[] = [];
      for (let set = 0; set < ex.sets.length; set++) {
        const r = await runRef(ex, dialect, set);
        expect(r.error?.message, `set ${set}`).toBeUndefined();
        expect(r.ok).toBe(true);
        results.push(r);
      }
      const want = EXPECTED[ex.id]!;
      const got = project(results[0]!, want.table, want.columns);
      expect(rowsMatchUnordered(got, want.rows), JSON.stringify(got)).toBe(true);
      if (want.returned) {
        expect(Boolean(ex.returning)).toBe(true);
        const rr = returnedRows(results[0]!).rows;
        expect(rowsMatchUnordered(rr, want.returned), JSON.stringify(rr)).toBe(true);
      }
      const verdict = await checkAttempt(
        ex,
        dialect,
        forDialect(ex.solution, dialect),
        (input) => engines[dialect].run(input),
        new ReferenceCache(),
      );
      expect(verdict.kind).toBe('correct');
      ran.add(`${ex.id}:${dialect}`);
    });
  }
  if (ex.dialects.length === 2) {
    it('reference solution gives the same rows on both dialects, on every data set', async () => {
      for (let set = 0; set < ex.sets.length; set++) {
        const [a, b] = await Promise.all(DIALECTS.map((d) => runRef(ex, d, set)));
        for (const t of a!.tables) {
          const cols = t.after!.columns;
          expect(portable(project(b!, t.name, cols, ex)), `${t.name}, set ${set}`).toEqual(
            portable(project(a!, t.name, cols, ex)),
          );
        }
        expect(portable(returnedRows(b!).rows)).toEqual(portable(returnedRows(a!).rows));
      }
    });
  } else {
    const other = DIALECTS.find((d) => !ex.dialects.includes(d))!;
    it(`is not claimed for ${other} because its statement fails there`, async () => {
      // For replace-hazard the statement the task is about is the colleague's INSERT OR REPLACE.
      const statement =
        ex.id === 'replace-hazard'
          ? 'INSERT OR REPLACE INTO accounts (email, name) VALUES (:email, :name);'
          : forDialect(ex.solution, other);
      const r = await runRef(ex, other, 0, statement);
      expect(r.setup.filter((s) => s.error)).toEqual([]);
      expect(r.ok).toBe(false);
    });
  }
});

it('ran every dialect every exercise claims', () => {
  const claimed = EXERCISES.flatMap((e) => e.dialects.map((d) => `${e.id}:${d}`));
  for (const k of claimed) expect(ran.has(k), k).toBe(true);
  expect(claimed.length).toBeGreaterThanOrEqual(40);
});
