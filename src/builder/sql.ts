/**
 * Generates the upsert SQL for the form's state, in the chosen dialect.
 * Pure: the same state and schema always give the same text, so a dialect switch regenerates
 * the other engine's statement from the same form.
 */
import type { ColumnInfo, Dialect, TableSchema } from '../engine/types';
import { needsCast } from './coltype';
import {
  type Ctx,
  conditionSql,
  literalRows,
  newRowPredicate,
  overriding,
  q,
  renderSet,
  returningSql,
  setItems,
} from './clauses';
import { type BuilderState, type Cell, bareTableName, cellFor, resolvedInsertColumns, validateState } from './model';
import { quoteIdent, quoteTable } from './quote';
import { qualifyColumns } from './columnRefs';
import { resolvePlan } from './targets';
import { TWO_STEP_HEADER, twoStepStatements } from './twostep';

export { strategyAvailability } from './targets';

/** The generated statement (empty when the form cannot produce one), notes for the reader, and blocking problems. */
export interface GeneratedSql {
  sql: string;
  warnings: string[];
  errors: string[];
}

/** Name of the new-row source in MERGE, matching ON CONFLICT's `excluded` so expressions read the same. */
const SOURCE = 'excluded';

/** Marks a bound-parameter placeholder in bind mode (replaced by the caller, e.g. with `:name`). */
export const BIND_MARK = '\u0001';

/** A value bound instead of written as a literal (bind mode). */
export interface BoundValue {
  name: string;
  column: ColumnInfo;
  cell: Cell;
}

/** Builds the shared context; the target table is aliased only when its own name is `excluded`. */
function makeCtx(state: BuilderState, table: TableSchema, dialect: Dialect, params?: BoundValue[]): Ctx {
  const plan = resolvePlan(state, table, dialect);
  const warnings = [...plan.warnings];
  const errors = [...plan.errors];
  const cols = resolvedInsertColumns(state, table);
  errors.push(...validateState(state, table));
  let rows = literalRows(state, cols, dialect, warnings);
  if (params) {
    // Bind mode: every cell becomes a named placeholder, e.g. for SQLAlchemy's text().bindparams().
    const names = new Set<string>();
    rows = state.rows.map((row, r) =>
      cols.map((col, c) => {
        let name = `${col.name
          .toLowerCase()
          .replace(/[^a-z0-9_]/g, '_')
          .replace(/^(?=\d)|^$/, 'c')}_${r + 1}`;
        if (names.has(name)) name = `c${c}_${r + 1}`;
        names.add(name);
        params.push({ name, column: col, cell: cellFor(row, col.name) });
        return `${BIND_MARK}${name}${BIND_MARK}`;
      }),
    );
  }
  const bare = bareTableName(table);
  const ref = bare.toLowerCase() === SOURCE ? 't' : quoteIdent(bare, dialect);
  return { state, table, dialect, plan, cols, rows, ref, warnings, errors };
}

/** `INSERT [OR …] INTO table [AS t] (cols) [OVERRIDING SYSTEM VALUE]`. */
function insertHead(ctx: Ctx, or: string): string {
  const alias = ctx.ref === 't' ? ' AS t' : '';
  const cols = ctx.cols.map((c) => q(ctx, c.name)).join(', ');
  return `INSERT${or} INTO ${quoteTable(ctx.table.schema, bareTableName(ctx.table), ctx.dialect)}${alias} (${cols})${overriding(ctx)}`;
}

function valuesBlock(rows: string[][], indent: string): string {
  return rows.map((r) => `${indent}(${r.join(', ')})`).join(',\n');
}

/** `(a, b) WHERE pred` or `ON CONSTRAINT name` or '' for no target. */
function conflictTarget(ctx: Ctx): string {
  const { plan } = ctx;
  if (plan.constraint) return ` ON CONSTRAINT ${q(ctx, plan.constraint)}`;
  if (!plan.key) return '';
  const where = plan.key.predicate ? ` WHERE ${plan.key.predicate}` : '';
  return ` (${plan.keyColumns.map((c) => q(ctx, c.name)).join(', ')})${where}`;
}

const excludedRef = (ctx: Ctx) => (col: ColumnInfo) =>
  ctx.cols.some((c) => c.name === col.name) ? `${SOURCE}.${q(ctx, col.name)}` : null;

/** INSERT … ON CONFLICT …, INSERT OR REPLACE / OR IGNORE. */
function insertStatement(ctx: Ctx): string {
  const strategy = ctx.plan.strategy;
  const or = strategy === 'orReplace' ? ' OR REPLACE' : strategy === 'orIgnore' ? ' OR IGNORE' : '';
  let sql = `${insertHead(ctx, or)}\nVALUES\n${valuesBlock(ctx.rows, '  ')}`;
  if (strategy === 'doNothing') sql += `\nON CONFLICT${conflictTarget(ctx)} DO NOTHING`;
  if (strategy === 'doUpdate') {
    const source = excludedRef(ctx);
    const keep = (e: string) => e;
    const items = setItems(ctx, source, keep);
    sql += `\nON CONFLICT${conflictTarget(ctx)} DO UPDATE SET\n${renderSet(ctx, items, '  ')}`;
    const cond = conditionSql(ctx, items, source, keep);
    if (cond) sql += `\nWHERE ${cond}`;
  }
  const action = ctx.dialect === 'postgres' ? `CASE WHEN xmax = 0 THEN 'inserted' ELSE 'updated' END` : null;
  return `${sql}${returningSql(ctx, false, action)}`;
}

/** MERGE INTO … USING (VALUES …) AS excluded … (Postgres 15+; RETURNING needs 17+). */
function mergeStatement(ctx: Ctx): string {
  const { plan } = ctx;
  const inserted = new Set(ctx.cols.map((c) => c.name));
  for (const k of plan.keyColumns) {
    if (!inserted.has(k.name))
      ctx.errors.push(`MERGE matches rows on ${k.name}, so it must be one of the inserted columns.`);
  }
  // In a VALUES list used as a source, quoted literals and NULLs resolve to text: cast them.
  const rows = ctx.rows.map((r) =>
    r.map((lit, i) => {
      const col = ctx.cols[i];
      if (col && needsCast(col, ctx.dialect) && lit.startsWith(BIND_MARK)) return `CAST(${lit} AS ${col.type})`;
      return col && needsCast(col, ctx.dialect) && (lit.startsWith("'") || lit === 'NULL') && !lit.endsWith('::bytea')
        ? `${lit}::${col.type}`
        : lit;
    }),
  );
  const alias = ctx.ref === 't' ? ' AS t' : '';
  const target = quoteTable(ctx.table.schema, bareTableName(ctx.table), ctx.dialect);
  const on = plan.keyColumns.map((k) => `${ctx.ref}.${q(ctx, k.name)} = ${SOURCE}.${q(ctx, k.name)}`);
  if (plan.key?.predicate) {
    // The partial index's predicate names target columns; qualify them, the source has the same names.
    on.push(
      `(${qualifyColumns(
        plan.key.predicate,
        ctx.table.columns.map((c) => c.name),
        ctx.ref,
      )})`,
    );
    on.push(`(${newRowPredicate(ctx, plan.key.predicate, excludedRef(ctx))})`);
  }
  const source = excludedRef(ctx);
  const keep = (e: string) => e;
  const items = setItems(ctx, source, keep);
  const cond = conditionSql(ctx, items, source, keep);
  const colList = ctx.cols.map((c) => q(ctx, c.name)).join(', ');
  return (
    `MERGE INTO ${target}${alias}\nUSING (\n  VALUES\n${valuesBlock(rows, '    ')}\n) AS ${SOURCE} (${colList})\n` +
    `ON ${on.join(' AND ')}\n` +
    `WHEN MATCHED${cond ? ` AND (${cond})` : ''} THEN\n  UPDATE SET\n${renderSet(ctx, items, '    ')}\n` +
    `WHEN NOT MATCHED THEN\n  INSERT (${colList})${overriding(ctx)}\n  VALUES (${ctx.cols.map((c) => `${SOURCE}.${q(ctx, c.name)}`).join(', ')})` +
    `${returningSql(ctx, true, 'merge_action()')}`
  );
}

/** Notes about input rows that share a key: each engine treats them differently. */
function duplicateKeyWarnings(ctx: Ctx): void {
  const { plan } = ctx;
  if (!plan.key || ctx.rows.length < 2) return;
  const idx = plan.keyColumns.map((k) => ctx.cols.findIndex((c) => c.name === k.name));
  if (idx.some((i) => i < 0)) return;
  const seen = new Map<string, number>();
  ctx.rows.forEach((r, n) => {
    const parts = idx.map((i) => r[i] ?? 'NULL');
    if (parts.includes('NULL')) return; // NULLs never conflict
    const k = parts.join('\u0000');
    const first = seen.get(k);
    if (first === undefined) {
      seen.set(k, n);
      return;
    }
    const rowsText = `Rows ${first + 1} and ${n + 1} have the same key`;
    const s = plan.strategy;
    if (ctx.dialect === 'postgres' && s === 'doUpdate')
      ctx.warnings.push(
        `${rowsText}: PostgreSQL stops with "ON CONFLICT DO UPDATE command cannot affect row a second time".`,
      );
    else if (s === 'merge')
      ctx.warnings.push(
        `${rowsText}: MERGE fails (a row cannot be affected twice, or the second insert violates the key).`,
      );
    else if (s === 'doUpdate' || s === 'twoStep')
      ctx.warnings.push(`${rowsText}: the later row updates the row the earlier one wrote.`);
    else if (s === 'orReplace') ctx.warnings.push(`${rowsText}: the later row replaces the earlier one.`);
    else ctx.warnings.push(`${rowsText}: the later row is skipped.`);
  });
}

/**
 * The statements for the form state (one, or several for two steps), with notes and problems.
 * With `bind`, cells are written as BIND_MARK-delimited placeholders and listed in `params`.
 */
export function generateStatements(
  state: BuilderState,
  table: TableSchema,
  dialect: Dialect,
  opts: { bind?: boolean } = {},
): { statements: string[]; warnings: string[]; errors: string[]; params: BoundValue[] } {
  const params: BoundValue[] = [];
  const ctx = makeCtx(state, table, dialect, opts.bind ? params : undefined);
  let statements: string[] = [];
  if (ctx.errors.length === 0) {
    const s = ctx.plan.strategy;
    statements =
      s === 'merge' ? [mergeStatement(ctx)] : s === 'twoStep' ? twoStepStatements(ctx) : [insertStatement(ctx)];
    duplicateKeyWarnings(ctx);
    if (s === 'orReplace')
      ctx.warnings.push(
        'INSERT OR REPLACE deletes every row the new one conflicts with (on any unique key) and inserts it afresh: a new rowid, and columns you do not insert get their defaults.',
      );
    const sequenced = ctx.table.columns.some(
      (c) => !ctx.cols.includes(c) && (c.identity || /nextval\(/i.test(c.defaultExpr ?? '')),
    );
    if (dialect === 'postgres' && sequenced && (s === 'doUpdate' || s === 'doNothing'))
      ctx.warnings.push(
        'PostgreSQL draws the next identity/sequence value for every row before checking for a conflict, so conflicting rows leave gaps in the ids.',
      );
    if (ctx.table.uniqueKeys.length === 0)
      ctx.warnings.push(
        'This table has no primary key or unique constraint: nothing can conflict, so every row is inserted.',
      );
  }
  return {
    statements: ctx.errors.length ? [] : statements,
    warnings: [...new Set(ctx.warnings)],
    errors: [...new Set(ctx.errors)],
    params,
  };
}

/** Generates the statement (or script, for two steps) for the form state in the dialect. */
export function generateSql(state: BuilderState, table: TableSchema, dialect: Dialect): GeneratedSql {
  const g = generateStatements(state, table, dialect);
  const header =
    state.strategy === 'twoStep' && g.statements.length
      ? `${TWO_STEP_HEADER}
`
      : '';
  return {
    sql: g.statements.length ? `${header}${g.statements.map((st) => `${st};\n`).join('')}` : '',
    warnings: g.warnings,
    errors: g.errors,
  };
}
