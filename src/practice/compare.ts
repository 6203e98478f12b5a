/**
 * Compares a learner's run with the reference solution's run on the same engine and data, and says
 * what differs, row by row. Everything compared comes from the engine: the After snapshots, the
 * change marks of its diff and the rows the statements returned; no upsert rule is re-implemented.
 */
import { sameValue } from '../engine/diff';
import type { RowChange, RunResult, TableDiff, Value } from '../engine/types';
import { valueText } from '../results/format';
import type { Exercise } from './types';

/** Stands for a timestamp the run itself set (compared as "set by the run", not by value). */
export const RUN_TIME = '\u2063set by the run';

/** One difference, in words with the data (`text`) and without it (`summary`, for hidden sets). */
export interface Problem {
  text: string;
  summary: string;
  /** The learner's table and After row index it is about, to mark the row. */
  table?: string;
  row?: number;
  column?: string;
  /** The learner's returned row index it is about. */
  returned?: number;
  /** The row should not be there at all. */
  extra?: boolean;
}

/** A value as feedback shows it (text quoted as in SQL). */
export function showValue(v: Value): string {
  if (v === RUN_TIME) return 'the time of the run';
  if (typeof v === 'string') return `'${v}'`;
  return valueText(v);
}

const showRow = (r: Value[]): string => `(${r.map(showValue).join(', ')})`;

/** Within a day of now: a timestamp the run set (the data sets' own timestamps are years older). */
function recent(v: Value): boolean {
  if (typeof v !== 'string') return false;
  let t = v.trim().replace(' ', 'T');
  if (/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?$/.test(t)) t += 'Z';
  t = t.replace(/([+-]\d\d)$/, '$1:00');
  const ms = Date.parse(t);
  return Number.isFinite(ms) && Math.abs(ms - Date.now()) < 86_400_000;
}

/** A normaliser for one run: volatile columns' fresh timestamps become RUN_TIME. */
function normaliser(result: RunResult, volatile: string[]): (column: string, v: Value) => Value {
  if (volatile.length === 0) return (_c, v) => v;
  const old = new Set<Value>();
  for (const t of result.tables) {
    if (!t.before) continue;
    for (const col of volatile) {
      const i = t.before.columns.indexOf(col);
      if (i >= 0) for (const r of t.before.rows) old.add(r[i] ?? null);
    }
  }
  return (column, v) => (volatile.includes(column) && v !== null && !old.has(v) && recent(v) ? RUN_TIME : v);
}

function rowKey(row: Value[]): string {
  return JSON.stringify(row);
}

function changesByAfter(t: TableDiff): Map<number, RowChange> {
  const m = new Map<number, RowChange>();
  for (const c of t.changes) if (c.after !== undefined) m.set(c.after, c);
  return m;
}

function keyColumns(ex: Exercise, t: TableDiff): string[] {
  const own = ex.keys?.[t.name];
  if (own) return own;
  return t.identity.kind === 'primaryKey' || t.identity.kind === 'unique' ? t.identity.columns : [];
}

function keyText(cols: string[], vals: Value[]): string {
  if (cols.length === 1) return `row ${cols[0]} = ${showValue(vals[0]!)}`;
  return `row (${cols.join(', ')}) = ${showRow(vals)}`;
}

const rowsWord = (n: number) => (n === 1 ? '1 row' : `${n} rows`);

/** Compare one table's After state. */
function compareTable(
  ex: Exercise,
  ref: TableDiff,
  mine: TableDiff | undefined,
  normRef: ReturnType<typeof normaliser>,
  normMine: ReturnType<typeof normaliser>,
): Problem[] {
  const name = ref.name;
  if (!mine || !mine.after)
    return [{ text: `Table ${name} no longer exists.`, summary: `Table ${name} no longer exists.` }];
  if (!ref.after) return [];
  const cols = ref.after.columns;
  if (mine.after.columns.join('\u0000') !== cols.join('\u0000')) {
    const t = `Table ${name} has columns (${mine.after.columns.join(', ')}), expected (${cols.join(', ')}).`;
    return [{ text: t, summary: t, table: name }];
  }
  const norm = (rows: Value[][], f: typeof normRef) => rows.map((r) => r.map((v, i) => f(cols[i]!, v ?? null)));
  const refRows = norm(ref.after.rows, normRef);
  const myRows = norm(mine.after.rows, normMine);
  const key = keyColumns(ex, ref);
  const ki = key.map((c) => cols.indexOf(c));
  const kOf = (r: Value[]) => rowKey(ki.map((i) => r[i] ?? null));
  const unique = (rows: Value[][]) => new Set(rows.map(kOf)).size === rows.length;
  const keyed = key.length > 0 && ki.every((i) => i >= 0) && unique(refRows) && unique(myRows);
  const out: Problem[] = [];
  const refChanges = changesByAfter(ref);
  const myChanges = changesByAfter(mine);
  if (keyed) {
    const mineByKey = new Map(myRows.map((r, i) => [kOf(r), i]));
    const seen = new Set<number>();
    refRows.forEach((r, ri) => {
      const mi = mineByKey.get(kOf(r));
      const label = keyText(
        key,
        ki.map((i) => r[i] ?? null),
      );
      if (mi === undefined) {
        out.push({
          text: `Missing ${label}: expected ${showRow(r)}.`,
          summary: `Table ${name}: a row that should be there is missing.`,
          table: name,
        });
        return;
      }
      seen.add(mi);
      const m = myRows[mi]!;
      let differs = false;
      cols.forEach((c, i) => {
        if (sameValue(m[i] ?? null, r[i] ?? null)) return;
        differs = true;
        out.push({
          text: `In ${name}, ${label}: ${c} is ${showValue(m[i] ?? null)}, expected ${showValue(r[i] ?? null)}.`,
          summary: `Table ${name}: a row has a different ${c}.`,
          table: name,
          row: mi,
          column: c,
        });
      });
      const mc = myChanges.get(mi);
      const rc = refChanges.get(ri);
      if (mc?.replaced && !rc?.replaced) {
        out.push({
          text: `In ${name}, ${label} was deleted and inserted again (replaced), expected it updated in place.`,
          summary: `Table ${name}: a row was deleted and inserted again instead of updated.`,
          table: name,
          row: mi,
        });
      } else if (!differs && ex.strictWrites && mc?.change === 'updated' && rc?.change === 'unchanged') {
        out.push({
          text: `In ${name}, ${label} was rewritten with the same values; it should be left untouched.`,
          summary: `Table ${name}: a row that should be left untouched was rewritten.`,
          table: name,
          row: mi,
        });
      }
    });
    const extra = myRows.map((_, i) => i).filter((i) => !seen.has(i));
    for (const i of extra) {
      out.push({
        text: `1 extra row in ${name}: ${showRow(myRows[i]!)}.`,
        summary: `Table ${name}: there is a row that should not be there.`,
        table: name,
        row: i,
        extra: true,
      });
    }
    return out;
  }
  // No usable key: compare the rows as a multiset.
  const left = new Map<string, number>();
  for (const r of refRows) left.set(rowKey(r), (left.get(rowKey(r)) ?? 0) + 1);
  myRows.forEach((r, i) => {
    const n = left.get(rowKey(r)) ?? 0;
    if (n > 0) left.set(rowKey(r), n - 1);
    else
      out.push({
        text: `1 extra row in ${name}: ${showRow(r)}.`,
        summary: `Table ${name}: there is a row that should not be there.`,
        table: name,
        row: i,
        extra: true,
      });
  });
  for (const [k, n] of left) {
    for (let j = 0; j < n; j++)
      out.push({
        text: `Missing row in ${name}: ${showRow(JSON.parse(k) as Value[])}.`,
        summary: `Table ${name}: a row that should be there is missing.`,
        table: name,
      });
  }
  return out;
}

/** The statements whose rows count as returned rows: those that returned any, without an error. */
export const returnedStatements = (r: RunResult) => r.statements.filter((s) => s.columns !== null && !s.error);

/** The rows the statement script returned (RETURNING or SELECT), with the first returning statement's columns. */
export function returnedRows(r: RunResult): { columns: string[] | null; rows: Value[][] } {
  const returning = returnedStatements(r);
  return { columns: returning[0]?.columns ?? null, rows: returning.flatMap((s) => s.rows) };
}

function compareReturned(
  ex: Exercise,
  ref: RunResult,
  mine: RunResult,
  normRef: ReturnType<typeof normaliser>,
  normMine: ReturnType<typeof normaliser>,
): Problem[] {
  const want = returnedRows(ref);
  const got = returnedRows(mine);
  const cols = want.columns ?? [];
  if (want.columns && got.columns === null) {
    const t = `Your statement returned nothing; expected ${rowsWord(want.rows.length)} with columns (${cols.join(', ')}) (add RETURNING).`;
    return [{ text: t, summary: t }];
  }
  if (got.columns && want.columns && got.columns.join('\u0000') !== cols.join('\u0000')) {
    const t = `Returned columns are (${got.columns.join(', ')}), expected (${cols.join(', ')}).`;
    return [{ text: t, summary: t }];
  }
  const w = want.rows.map((r) => r.map((v, i) => normRef(cols[i]!, v ?? null)));
  const g = got.rows.map((r) => r.map((v, i) => normMine(cols[i]!, v ?? null)));
  if (w.length !== g.length) {
    const t = `Returned ${rowsWord(g.length)}, expected ${w.length}.`;
    return [{ text: t, summary: t }];
  }
  const out: Problem[] = [];
  if (ex.returning === 'ordered') {
    g.forEach((r, i) => {
      if (rowKey(r) !== rowKey(w[i]!)) {
        out.push({
          text: `Returned row ${i + 1} is ${showRow(r)}, expected ${showRow(w[i]!)}.`,
          summary: 'The returned rows differ (or come in another order).',
          returned: i,
        });
      }
    });
    return out;
  }
  const left = new Map<string, number>();
  for (const r of w) left.set(rowKey(r), (left.get(rowKey(r)) ?? 0) + 1);
  g.forEach((r, i) => {
    const n = left.get(rowKey(r)) ?? 0;
    if (n > 0) left.set(rowKey(r), n - 1);
    else
      out.push({
        text: `Returned row ${showRow(r)} is not expected.`,
        summary: 'A returned row differs from the expected one.',
        returned: i,
        extra: true,
      });
  });
  for (const [k, n] of left) {
    for (let j = 0; j < n; j++)
      out.push({
        text: `Expected returned row ${showRow(JSON.parse(k) as Value[])} is missing.`,
        summary: 'An expected returned row is missing.',
      });
  }
  return out;
}

/** Every difference between the learner's run and the reference run; empty when they agree. */
export function compareRuns(ex: Exercise, ref: RunResult, mine: RunResult): Problem[] {
  const normRef = normaliser(ref, ex.volatile ?? []);
  const normMine = normaliser(mine, ex.volatile ?? []);
  const names = ex.tables ?? ref.tables.map((t) => t.name);
  const out: Problem[] = [];
  for (const name of names) {
    const r = ref.tables.find((t) => t.name === name);
    if (r)
      out.push(
        ...compareTable(
          ex,
          r,
          mine.tables.find((t) => t.name === name),
          normRef,
          normMine,
        ),
      );
  }
  if (ex.returning) out.push(...compareReturned(ex, ref, mine, normRef, normMine));
  return out;
}

/** Normalised After rows of a run's table (for showing expected and actual tables). */
export function normalisedRows(ex: Exercise, result: RunResult, t: TableDiff): Value[][] {
  const f = normaliser(result, ex.volatile ?? []);
  const cols = t.after?.columns ?? [];
  return (t.after?.rows ?? []).map((r) => r.map((v, i) => f(cols[i]!, v ?? null)));
}
