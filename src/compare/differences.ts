/**
 * compareRuns: what differs between a SQLite run and a PostgreSQL run of one scenario, statement
 * by statement and table by table. Pure: takes the two RunResults, returns a list of differences
 * and notes (see ./types). Statements are paired by position in their scripts.
 */
import type { Dialect, EngineError, RunResult, StatementResult, Value } from '../engine/types';
import { NormalisationLog } from './normalisations';
import { compareTables, MAX_SAMPLES } from './tables';
import type { Difference, RowSample } from './types';
import { canonicalRow } from './values';

export type { Difference } from './types';
export { hasDifferences, isNote } from './types';

const DML = /^(INSERT|UPDATE|DELETE|MERGE|REPLACE|WITH)\b/;

function failsOn(s: unknown, p: unknown): Dialect | 'both' {
  return s && p ? 'both' : s ? 'sqlite' : 'postgres';
}

/** The error of statement `k`, whether the engine put it on the statement or on the run. */
function statementError(run: RunResult, k: number): EngineError | null {
  const st = run.statements[k];
  if (st?.error) return st.error;
  const e = run.error;
  return e && e.phase === 'statement' && e.statementIndex === k ? e : null;
}

/** Compare two runs of the same scenario; an empty list means nothing differs. */
export function compareRuns(sqlite: RunResult, postgres: RunResult): Difference[] {
  const out: Difference[] = [];
  const log = new NormalisationLog();

  const se = sqlite.error?.phase === 'setup' ? sqlite.error : null;
  const pe = postgres.error?.phase === 'setup' ? postgres.error : null;
  if (se || pe) {
    // Without the same starting tables, statement and table comparisons would only be noise.
    out.push({ kind: 'setupError', failsOn: failsOn(se, pe), sqlite: se, postgres: pe });
    return out;
  }
  const isRunError = (e?: EngineError) => (e && (e.phase === 'engine' || e.phase === 'timeout') ? e : null);
  const re = isRunError(sqlite.error);
  const rp = isRunError(postgres.error);
  if (re || rp) out.push({ kind: 'runError', failsOn: failsOn(re, rp), sqlite: re, postgres: rp });

  const total = (r: RunResult) =>
    Math.max(r.statements.length + r.notRun.length, ...r.statements.map((s) => s.index + 1));
  const ns = total(sqlite);
  const np = total(postgres);
  if (ns !== np) out.push({ kind: 'statementCount', sqlite: ns, postgres: np });

  const identity = new Set(
    [...sqlite.tables, ...postgres.tables].flatMap((t) =>
      t.schema.columns.filter((c) => c.identity).map((c) => c.name.toLowerCase()),
    ),
  );
  for (let k = 0; k < Math.max(ns, np); k++) {
    const es = statementError(sqlite, k);
    const ep = statementError(postgres, k);
    const s = sqlite.statements.find((x) => x.index === k);
    const p = postgres.statements.find((x) => x.index === k);
    if (es || ep) {
      // An error on one side only counts when the other side got to run that statement.
      if ((es && ep) || (es && p) || (ep && s)) {
        const notRun = { sqlite: es ? ns - k - 1 : 0, postgres: ep ? np - k - 1 : 0 };
        out.push({ kind: 'statementError', statement: k, failsOn: failsOn(es, ep), sqlite: es, postgres: ep, notRun });
      }
      continue;
    }
    if (!s || !p) continue;
    const isDml = DML.test(s.kind) || DML.test(p.kind);
    if (isDml && s.rowsAffected !== null && p.rowsAffected !== null && s.rowsAffected !== p.rowsAffected) {
      out.push({ kind: 'rowsAffected', statement: k, sqlite: s.rowsAffected, postgres: p.rowsAffected });
    }
    out.push(...compareReturned(k, s, p, log, identity));
  }

  out.push(...compareTables(sqlite.tables, postgres.tables, log));
  out.push(...log.notes());
  return out;
}

function toSample(names: string[], row: readonly Value[], idx: number[]): RowSample {
  const o: RowSample = {};
  names.forEach((n, i) => (o[n] = row[idx[i]!] ?? null));
  return o;
}

/** Returned rows of statement k, compared as multisets (RETURNING order is not promised). */
function compareReturned(
  k: number,
  s: StatementResult,
  p: StatementResult,
  log: NormalisationLog,
  identity: Set<string>,
): Difference[] {
  if (!s.columns && !p.columns) return [];
  const sc = s.columns ?? [];
  const pc = p.columns ?? [];
  const pcIndex = new Map(pc.map((c, i) => [c.toLowerCase(), i]));
  let names: string[] = [];
  let si: number[] = [];
  let pi: number[] = [];
  const sameNames = sc.length === pc.length && sc.every((c) => pcIndex.has(c.toLowerCase()));
  if (sameNames || sc.length !== pc.length || !s.columns || !p.columns) {
    sc.forEach((c, i) => {
      const j = pcIndex.get(c.toLowerCase());
      if (j !== undefined) {
        names.push(c);
        si.push(i);
        pi.push(j);
      }
    });
  } else {
    // Same width, different names (e.g. an expression SQLite names by its text, Postgres "?column?").
    names = sc.map((c, i) => (c.toLowerCase() === pc[i]!.toLowerCase() ? c : `${c} / ${pc[i]!}`));
    si = sc.map((_, i) => i);
    pi = si;
  }
  const columnsDiffer = !sameNames;
  const key = (row: readonly Value[], idx: number[]) => canonicalRow(idx.map((i) => row[i] ?? null));
  const pool = new Map<string, (readonly Value[])[]>();
  for (const row of p.rows) {
    const kk = key(row, pi);
    pool.set(kk, [...(pool.get(kk) ?? []), row]);
  }
  const onlyS: (readonly Value[])[] = [];
  for (const row of s.rows) {
    const match = pool.get(key(row, si))?.shift();
    if (!match) {
      onlyS.push(row);
      continue;
    }
    names.forEach((n, i) => log.compare(row[si[i]!] ?? null, match[pi[i]!] ?? null, `statement ${k + 1}: ${n}`));
  }
  const onlyP = [...pool.values()].flat();
  if (!columnsDiffer && !onlyS.length && !onlyP.length) {
    const inOrder = s.rows.every((row, i) => key(row, si) === key(p.rows[i]!, pi));
    return inOrder ? [] : [{ kind: 'order', statement: k }];
  }
  // Do the leftovers pair up once generated id columns are ignored? Then only the ids drifted.
  const nonId = names.map((n, i) => (identity.has(n.toLowerCase()) ? -1 : i)).filter((i) => i >= 0);
  let onlyIdentity: string[] | undefined;
  if (!columnsDiffer && nonId.length < names.length && onlyS.length === onlyP.length && onlyS.length) {
    const rest = (row: readonly Value[], idx: number[]) => canonicalRow(nonId.map((i) => row[idx[i]!] ?? null));
    const left = onlyP.map((r) => rest(r, pi)).sort();
    const right = onlyS.map((r) => rest(r, si)).sort();
    if (left.every((x, i) => x === right[i])) onlyIdentity = names.filter((_, i) => !nonId.includes(i));
  }
  return [
    {
      kind: 'returnedRows',
      ...(onlyIdentity ? { onlyIdentity } : {}),
      statement: k,
      ...(columnsDiffer ? { columns: { sqlite: s.columns, postgres: p.columns } } : {}),
      compared: names,
      count: { sqlite: s.rows.length, postgres: p.rows.length },
      onlySqlite: onlyS.slice(0, MAX_SAMPLES).map((r) => toSample(names, r, si)),
      onlyPostgres: onlyP.slice(0, MAX_SAMPLES).map((r) => toSample(names, r, pi)),
    },
  ];
}
