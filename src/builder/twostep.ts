/**
 * The two-step application pattern as a runnable script: for each row, look the key up, then
 * UPDATE it or INSERT it. An application decides between the two in its own code (and races other
 * writers between the steps); a SQL script cannot branch, so each step carries the guard the
 * application's `if` stands for, which makes the script do what the application would.
 */
import type { ColumnInfo } from '../engine/types';
import { type Ctx, conditionSql, newRowPredicate, overriding, q, returningSql, setItems } from './clauses';
import { bareTableName } from './model';
import { quoteTable } from './quote';
import { substituteExcluded } from './columnRefs';

/** The comment that opens the script. */
export const TWO_STEP_HEADER = [
  '-- Two steps per row: look the key up, then UPDATE the row if it exists, else INSERT it.',
  '-- An application branches in its own code between the steps, where other writers can race it.',
  '-- This script guards each step instead, so it does what the application would.',
].join('\n');

/** The per-row SELECT / UPDATE / INSERT statements (without terminating semicolons). */
export function twoStepStatements(ctx: Ctx): string[] {
  const { plan } = ctx;
  const indexOf = (col: ColumnInfo) => ctx.cols.findIndex((c) => c.name === col.name);
  for (const k of plan.keyColumns) {
    if (indexOf(k) < 0) ctx.errors.push(`The lookup uses ${k.name}, so it must be one of the inserted columns.`);
  }
  if (ctx.errors.length) return [];
  const target = quoteTable(ctx.table.schema, bareTableName(ctx.table), ctx.dialect);
  const alias = ctx.ref === 't' ? ' AS t' : '';
  const colList = ctx.cols.map((c) => q(ctx, c.name)).join(', ');
  const out: string[] = [];
  ctx.rows.forEach((lits, n) => {
    const litOf = (col: ColumnInfo): string | null => {
      const i = indexOf(col);
      return i < 0 ? null : (lits[i] ?? null);
    };
    // Custom expressions are written against `excluded`; here the new values are this row's literals.
    const custom = (expr: string) =>
      substituteExcluded(expr, (name, quoted) => {
        const col = ctx.cols.find((c) => (quoted ? c.name === name : c.name.toLowerCase() === name.toLowerCase()));
        return col ? (litOf(col) ?? 'NULL') : 'NULL';
      });
    const match = plan.keyColumns.map((k) => `${q(ctx, k.name)} = ${litOf(k) ?? 'NULL'}`);
    // A partial unique index only holds rows its predicate accepts: both rows must be in it to conflict.
    if (plan.key?.predicate)
      match.push(`(${plan.key.predicate})`, `(${newRowPredicate(ctx, plan.key.predicate, litOf)})`);
    const where = match.join(' AND ');
    const items = setItems(ctx, litOf, custom);
    const cond = conditionSql(ctx, items, litOf, custom);
    const set = items.map((i) => `${q(ctx, i.column.name)} = ${i.expr}`).join(', ');
    out.push(
      `-- Row ${n + 1}\nSELECT * FROM ${target} WHERE ${where}`,
      `UPDATE ${target}${alias} SET ${set}\nWHERE ${where}${cond ? ` AND (${cond})` : ''}${returningSql(ctx, false, "'updated'")}`,
      `INSERT INTO ${target} (${colList})${overriding(ctx)}\nSELECT ${lits.join(', ')}\nWHERE NOT EXISTS (SELECT 1 FROM ${target} WHERE ${where})${returningSql(ctx, false, "'inserted'")}`,
    );
  });
  return out;
}
