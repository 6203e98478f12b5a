/**
 * The pieces every strategy shares: the literal rows, the SET list built from per-column actions,
 * the update condition and the RETURNING list. Each takes a `source` function giving the SQL of a
 * column's new value: `excluded.col` for ON CONFLICT and MERGE, the row's literal for two steps.
 */
import type { ColumnInfo, Dialect, TableSchema } from '../engine/types';
import { cellLiteral, valueKind } from './coltype';
import { type BuilderState, actionFor, cellFor, findColumn, insertableColumns } from './model';
import type { Plan } from './targets';
import { quoteIdent } from './quote';
import { replaceColumns } from './columnRefs';

/** Everything the statement writers need, resolved once. */
export interface Ctx {
  state: BuilderState;
  table: TableSchema;
  dialect: Dialect;
  plan: Plan;
  /** Resolved insert columns, in table order. */
  cols: ColumnInfo[];
  /** Literal SQL per row and insert column. */
  rows: string[][];
  /** How expressions refer to the target table's current row. */
  ref: string;
  warnings: string[];
  errors: string[];
}

/** Quotes an identifier in the context's dialect. */
export function q(ctx: Ctx, name: string): string {
  return quoteIdent(name, ctx.dialect);
}

/** Renders every cell as a literal, collecting type warnings once per distinct message. */
export function literalRows(state: BuilderState, cols: ColumnInfo[], dialect: Dialect, warnings: string[]): string[][] {
  const seen = new Set<string>();
  return state.rows.map((row) =>
    cols.map((col) => {
      const cell = cellFor(row, col.name);
      const lit = cellLiteral(cell, col, dialect);
      if (cell === null && col.notNull && !col.identity) {
        const w = `${col.name} is NOT NULL, so its NULL cells will be rejected${col.defaultExpr !== null ? ` (leave the column out to get its default, ${col.defaultExpr})` : ''}.`;
        if (!seen.has(w)) warnings.push(w);
        seen.add(w);
      }
      if (lit.warning && !seen.has(lit.warning)) {
        seen.add(lit.warning);
        warnings.push(lit.warning);
      }
      if (dialect === 'postgres' && cell?.includes('\u0000')) {
        const w = `A value in ${col.name} contains a NUL character, which PostgreSQL text cannot store.`;
        if (!seen.has(w)) warnings.push(w);
        seen.add(w);
      }
      return lit.sql;
    }),
  );
}

/** One assignment of the SET list; `data` marks values that come from the input (compared by "only when changed"). */
export interface SetItem {
  column: ColumnInfo;
  expr: string;
  data: boolean;
}

/** The columns an update may touch: insertable and not part of the key that matched the row. */
export function updatableColumns(table: TableSchema, plan: Plan): ColumnInfo[] {
  const keyNames = new Set(
    (plan.key ? plan.keyColumns.map((c) => c.name) : table.primaryKey).map((c) => c.toLowerCase()),
  );
  return insertableColumns(table).filter((c) => !keyNames.has(c.name.toLowerCase()));
}

/** SQL for "the current timestamp" in the dialect, suited to the column's type. */
export function nowSql(column: ColumnInfo, dialect: Dialect): string {
  if (dialect === 'postgres') return 'now()';
  // SQLite has no timestamp type: integer columns usually hold Unix seconds, others ISO text.
  return valueKind(column.type, dialect) === 'integer' ? 'unixepoch()' : 'CURRENT_TIMESTAMP';
}

/**
 * The SET list from the per-column actions. `source(col)` is the new value's SQL, or null when
 * the column has none (not inserted). `custom(expr)` adapts a custom expression to the strategy.
 */
export function setItems(
  ctx: Ctx,
  source: (col: ColumnInfo) => string | null,
  custom: (expr: string) => string,
): SetItem[] {
  const items: SetItem[] = [];
  for (const col of updatableColumns(ctx.table, ctx.plan)) {
    const action = actionFor(ctx.state, col.name);
    const cur = `${ctx.ref}.${q(ctx, col.name)}`;
    const src = source(col);
    const needsSource = action.kind === 'excluded' || action.kind === 'add' || action.kind === 'coalesce';
    if (needsSource && src === null) {
      ctx.warnings.push(`${col.name} is not inserted, so it has no new value; it keeps its current value.`);
      continue;
    }
    switch (action.kind) {
      case 'keep':
        break;
      case 'excluded':
        items.push({ column: col, expr: src ?? 'NULL', data: true });
        break;
      case 'add':
        items.push({ column: col, expr: `${cur} + ${src ?? 'NULL'}`, data: true });
        break;
      case 'coalesce':
        items.push({ column: col, expr: `COALESCE(${src ?? 'NULL'}, ${cur})`, data: true });
        break;
      case 'increment':
        items.push({ column: col, expr: `${cur} + 1`, data: false });
        break;
      case 'now':
        items.push({ column: col, expr: nowSql(col, ctx.dialect), data: false });
        break;
      case 'custom':
        if (!action.expr.trim()) ctx.errors.push(`The custom expression for ${col.name} is empty.`);
        else items.push({ column: col, expr: custom(action.expr.trim()), data: true });
        break;
    }
  }
  if (items.length === 0) {
    // DO UPDATE needs at least one assignment; write a column back unchanged so the row is still
    // "updated" (locked, counted and returned), which is what DO UPDATE with nothing to change means.
    const col = updatableColumns(ctx.table, ctx.plan)[0] ?? ctx.plan.keyColumns[0] ?? ctx.cols[0];
    if (col) {
      items.push({ column: col, expr: `${ctx.ref}.${q(ctx, col.name)}`, data: false });
      ctx.warnings.push(
        'Every column keeps its value: the update writes the row back unchanged. Use DO NOTHING to leave it untouched.',
      );
    }
  }
  return items;
}

/** Renders SET assignments, one per line. */
export function renderSet(ctx: Ctx, items: SetItem[], indent: string): string {
  return items.map((i) => `${indent}${q(ctx, i.column.name)} = ${i.expr}`).join(',\n');
}

/** The update condition as SQL, or null for none. */
export function conditionSql(
  ctx: Ctx,
  items: SetItem[],
  source: (col: ColumnInfo) => string | null,
  custom: (expr: string) => string,
): string | null {
  const cond = ctx.state.condition;
  switch (cond.kind) {
    case 'none':
      return null;
    case 'changed': {
      const data = items.filter((i) => i.data);
      if (data.length === 0) {
        ctx.warnings.push('"Only when something changed" has no input column to compare, so it is left out.');
        return null;
      }
      const op = ctx.dialect === 'postgres' ? 'IS DISTINCT FROM' : 'IS NOT';
      const parts = data.map((i) => `${ctx.ref}.${q(ctx, i.column.name)} ${op} ${wrap(i.expr)}`);
      return parts.join(' OR ');
    }
    case 'newer': {
      const col = findColumn(ctx.table, cond.column);
      if (!col) {
        ctx.errors.push('Choose the column that tells which row is newer.');
        return null;
      }
      const src = source(col);
      if (src === null) {
        ctx.errors.push(`${col.name} is not inserted, so the new rows have no value to compare.`);
        return null;
      }
      return `${src} > ${ctx.ref}.${q(ctx, col.name)}`;
    }
    case 'custom':
      if (!cond.expr.trim()) {
        ctx.errors.push('The custom update condition is empty.');
        return null;
      }
      return custom(cond.expr.trim());
  }
}

/** Wraps an expression in parentheses unless it is a simple reference or literal. */
function wrap(expr: string): string {
  const part = '(?:[\\p{L}\\p{N}_$]+|"(?:[^"]|"")*")';
  const simple = new RegExp(`^${part}(?:\\.${part})*$|^'(?:[^']|'')*'$`, 'u');
  return simple.test(expr) ? expr : `(${expr})`;
}

/** Name of the returned action column: `action`, or `upsert_action` when the table has an `action` column. */
export function actionAlias(table: TableSchema): string {
  return table.columns.some((c) => c.name.toLowerCase() === 'action') ? 'upsert_action' : 'action';
}

/**
 * The RETURNING clause (with its leading newline), or ''. `qualify` prefixes columns (MERGE
 * returns source and target columns, so it needs them qualified); `action` is the SQL of the
 * action column where the strategy can tell, else null.
 */
export function returningSql(ctx: Ctx, qualify: boolean, action: string | null): string {
  const r = ctx.state.returning;
  const parts: string[] = [];
  const prefix = qualify ? `${ctx.ref}.` : '';
  if (r.kind === 'all') parts.push(`${prefix}*`);
  if (r.kind === 'columns') {
    const cols = r.columns.map((c) => findColumn(ctx.table, c)).filter((c): c is ColumnInfo => !!c);
    if (cols.length === 0) ctx.warnings.push('No RETURNING columns are chosen.');
    for (const c of cols) parts.push(`${prefix}${q(ctx, c.name)}`);
  }
  if (r.action) {
    if (action === null) {
      ctx.warnings.push(
        'SQLite cannot tell inserted from updated rows in RETURNING (it has no xmax); the action column is left out.',
      );
    } else {
      parts.push(`${action} AS ${q(ctx, actionAlias(ctx.table))}`);
    }
  }
  return parts.length ? `\nRETURNING ${parts.join(', ')}` : '';
}

/** Postgres refuses explicit values for GENERATED ALWAYS identity columns unless told to override. */
export function overriding(ctx: Ctx): string {
  return ctx.dialect === 'postgres' && ctx.cols.some((c) => c.identity) ? ' OVERRIDING SYSTEM VALUE' : '';
}

/**
 * A partial index's predicate evaluated on the new row: a new row conflicts only when it would
 * itself be in the index. Column references become the new value (`valueOf`), or the column's
 * default when it is a constant, else NULL.
 */
export function newRowPredicate(ctx: Ctx, predicate: string, valueOf: (col: ColumnInfo) => string | null): string {
  return replaceColumns(
    predicate,
    ctx.table.columns.map((c) => c.name),
    (name) => {
      const col = ctx.table.columns.find((c) => c.name === name);
      if (!col) return 'NULL';
      const v = valueOf(col);
      if (v !== null) return v;
      const d = col.defaultExpr?.trim() ?? '';
      return /^([+-]?\d+(\.\d+)?|'(?:[^']|'')*'|true|false|null)$/i.test(d) ? d : 'NULL';
    },
  );
}
