/**
 * Compares a RunResult with an example's expectations and lists every mismatch in words.
 * Pure: the gallery tests run it on real engine results; an empty list means the example's
 * explanation still describes what the engine does.
 */
import type { RunResult, TableDiff, Value } from '../engine/types';
import { isBlob, isReal, realDisplay } from '../engine/values';
import type { CellExpect, ErrorMatch, Expectation, MarkExpect, TableExpect } from './types';

/** True when a cell matches an expected cell (`{ like }` is a regular expression on the text). */
export function cellMatches(actual: Value, expected: CellExpect): boolean {
  if (expected !== null && typeof expected === 'object' && 'like' in expected) {
    if (isReal(actual)) return new RegExp(expected.like).test(realDisplay(actual));
    return actual !== null && typeof actual !== 'object' && new RegExp(expected.like).test(String(actual));
  }
  // An expected number matches a SQLite REAL of that value (the examples write 9.99, not { real: 9.99 }).
  if (typeof expected === 'number' && isReal(actual)) return actual.real === expected;
  if (isBlob(expected) && isBlob(actual)) return expected.blob === actual.blob;
  if (isReal(expected) && isReal(actual)) return expected.real === actual.real;
  return actual === expected;
}

const show = (v: unknown): string => JSON.stringify(v);

/**
 * True when the actual rows equal the expected rows in some order (each expected row used once).
 * Rows are matched greedily; expectations with patterns are specific enough for that in practice.
 */
export function rowsMatchUnordered(actual: Value[][], expected: CellExpect[][]): boolean {
  if (actual.length !== expected.length) return false;
  const left = [...expected];
  for (const row of actual) {
    const i = left.findIndex((e) => e.length === row.length && e.every((cell, k) => cellMatches(row[k] ?? null, cell)));
    if (i < 0) return false;
    left.splice(i, 1);
  }
  return true;
}

/** Mismatches between an engine error and an expected one. */
export function checkError(
  actual: { message: string; code?: string } | undefined,
  expected: ErrorMatch,
  where: string,
): string[] {
  if (!actual) return [`${where}: expected an error containing ${show(expected.message)}, got none`];
  const out: string[] = [];
  if (!actual.message.includes(expected.message)) {
    out.push(`${where}: error message ${show(actual.message)} does not contain ${show(expected.message)}`);
  }
  if (expected.code !== undefined && actual.code !== expected.code) {
    out.push(`${where}: error code ${show(actual.code)}, expected ${show(expected.code)}`);
  }
  return out;
}

function project(table: TableDiff, rowIndex: number, side: 'before' | 'after', columns: string[]): Value[] {
  const data = table[side];
  if (!data) return [];
  const row = data.rows[rowIndex] ?? [];
  return columns.map((c) => row[data.columns.indexOf(c)] ?? null);
}

function checkMark(table: TableDiff, mark: MarkExpect): string[] {
  const where = `table ${table.name}, row ${show(mark.key)}`;
  const keyCols = Object.keys(mark.key);
  const hits = table.changes.filter((ch) => {
    const side = ch.after !== undefined ? 'after' : 'before';
    const idx = ch.after ?? ch.before;
    if (idx === undefined) return false;
    const vals = project(table, idx, side, keyCols);
    return keyCols.every((c, k) => cellMatches(vals[k] ?? null, mark.key[c] ?? null));
  });
  // A replaced row appears twice (deleted + inserted); pick the one of the expected kind.
  const hit = hits.find((h) => h.change === mark.change) ?? hits[0];
  if (!hit) return [`${where}: not found in the diff`];
  const out: string[] = [];
  if (hit.change !== mark.change) out.push(`${where}: marked ${hit.change}, expected ${mark.change}`);
  if (mark.changed && table.after) {
    const names = (hit.changed ?? []).map((i) => table.after?.columns[i]).sort();
    if (show(names) !== show([...mark.changed].sort())) {
      out.push(`${where}: changed columns ${show(names)}, expected ${show(mark.changed)}`);
    }
  }
  if (mark.sameValues !== undefined && Boolean(hit.sameValues) !== mark.sameValues) {
    out.push(`${where}: sameValues ${Boolean(hit.sameValues)}, expected ${mark.sameValues}`);
  }
  if (mark.replaced !== undefined && Boolean(hit.replaced) !== mark.replaced) {
    out.push(`${where}: replaced ${Boolean(hit.replaced)}, expected ${mark.replaced}`);
  }
  return out;
}

function checkTable(result: RunResult, name: string, exp: TableExpect): string[] {
  const table = result.tables.find((t) => t.name === name);
  if (!table) return [`table ${name}: missing from the result`];
  if (!table.after) return [`table ${name}: has no After`];
  const out: string[] = [];
  const after = table.after;
  const missing = exp.columns.filter((c) => !after.columns.includes(c));
  if (missing.length) return [`table ${name}: no column(s) ${missing.join(', ')}`];
  const rows = after.rows.map((_, i) => project(table, i, 'after', exp.columns));
  if (!rowsMatchUnordered(rows, exp.rows)) {
    out.push(`table ${name}: After rows ${show(rows)}, expected ${show(exp.rows)}`);
  }
  for (const [kind, n] of Object.entries(exp.counts ?? {})) {
    const actual = table.counts[kind as keyof TableDiff['counts']];
    if (actual !== n) out.push(`table ${name}: ${kind} count ${actual}, expected ${n}`);
  }
  for (const mark of exp.marks ?? []) out.push(...checkMark(table, mark));
  return out;
}

/** Every way `result` differs from `expect`; empty when it matches. */
export function checkRun(result: RunResult, expect: Expectation): string[] {
  const out: string[] = [];
  if (result.setup.some((s) => s.error) || result.error?.phase === 'setup') {
    return [`setup failed: ${result.error?.message ?? 'unknown error'}`];
  }
  if (expect.error) {
    if (result.ok) out.push('expected the run to stop at an error, but it succeeded');
    const failing = result.statements.find((s) => s.error);
    out.push(...checkError(result.error ?? failing?.error, expect.error, 'error'));
    if (result.error && result.error.statementIndex !== expect.error.statementIndex) {
      out.push(`error at statement ${result.error.statementIndex}, expected ${expect.error.statementIndex}`);
    }
  } else if (!result.ok) {
    out.push(`unexpected error: ${result.error?.message ?? 'unknown'}`);
  }
  for (const st of expect.statements) {
    const actual = result.statements.find((s) => s.index === st.index);
    const where = `statement ${st.index}`;
    if (!actual) {
      out.push(`${where}: was not run`);
      continue;
    }
    if (actual.error) out.push(`${where}: failed with ${show(actual.error.message)}`);
    if (st.rowsAffected !== undefined && actual.rowsAffected !== st.rowsAffected) {
      out.push(`${where}: rowsAffected ${actual.rowsAffected}, expected ${st.rowsAffected}`);
    }
    if (st.columns && show(actual.columns) !== show(st.columns)) {
      out.push(`${where}: columns ${show(actual.columns)}, expected ${show(st.columns)}`);
    }
    if (st.diffCounts && show(actual.diffCounts) !== show(st.diffCounts)) {
      out.push(`${where}: diff counts ${show(actual.diffCounts)}, expected ${show(st.diffCounts)}`);
    }
    if (st.rows && !rowsMatchUnordered(actual.rows, st.rows)) {
      out.push(`${where}: returned ${show(actual.rows)}, expected ${show(st.rows)}`);
    }
  }
  for (const [name, exp] of Object.entries(expect.tables)) out.push(...checkTable(result, name, exp));
  return out;
}
