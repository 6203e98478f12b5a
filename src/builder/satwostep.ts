/**
 * The two-step pattern as SQLAlchemy Core application code: for each row, `select()` the key,
 * then `update()` the row if found, else `insert()` it. Custom expressions and partial-index
 * predicates become `text()` with bound parameters for the row's values.
 */
import type { ColumnInfo, Dialect, TableSchema } from '../engine/types';
import { actionAlias, nowSql, updatableColumns } from './clauses';
import { type BuilderState, actionFor, findColumn } from './model';
import { escapeTextColons, pyStr } from './satable';
import { replaceColumns, substituteExcluded } from './columnRefs';
import type { Plan } from './targets';

/** Names the generated code uses for the table, its columns and row keys. */
export interface TwoStepNames {
  t: string;
  col: (name: string) => string;
  key: (name: string) => string;
  all: string[];
}

/** How the function runs: on a Core connection or an ORM session, sync or async. */
export interface TwoStepRun {
  orm: boolean;
  async: boolean;
}

/** Writes `text(...).bindparams(...)` for SQL whose column references became bound row values. */
class TextBinder {
  private n = 0;
  constructor(
    private readonly inserted: ColumnInfo[],
    private readonly key: (name: string) => string,
  ) {}

  /** `expr` with `excluded.col` bound to the row's value. */
  custom(expr: string): string {
    const binds: string[] = [];
    const sql = substituteExcluded(escapeTextColons(expr), (name, quoted) => {
      const col = this.inserted.find((c) => (quoted ? c.name === name : c.name.toLowerCase() === name.toLowerCase()));
      if (!col) return 'NULL';
      const p = `v${this.n++}`;
      binds.push(`${p}=row[${pyStr(this.key(col.name))}]`);
      return `:${p}`;
    });
    return binds.length ? `text(${pyStr(sql)}).bindparams(${binds.join(', ')})` : `text(${pyStr(sql)})`;
  }

  /** A partial index predicate evaluated on the new row (its columns bound to the row's values or constant defaults). */
  predicate(pred: string, table: TableSchema): string {
    const binds: string[] = [];
    const sql = replaceColumns(
      escapeTextColons(pred),
      table.columns.map((c) => c.name),
      (name) => {
        const col = table.columns.find((c) => c.name === name);
        if (col && this.inserted.includes(col)) {
          const p = `v${this.n++}`;
          binds.push(`${p}=row[${pyStr(this.key(col.name))}]`);
          return `:${p}`;
        }
        const d = col?.defaultExpr?.trim() ?? '';
        return /^([+-]?\d+(\.\d+)?|'(?:[^']|'')*'|true|false|null)$/i.test(d) ? d : 'NULL';
      },
    );
    return binds.length ? `text(${pyStr(sql)}).bindparams(${binds.join(', ')})` : `text(${pyStr(sql)})`;
  }
}

/** The `def upsert(conn)` function body lines for the two-step pattern. */
export function twoStepFunction(
  state: BuilderState,
  table: TableSchema,
  dialect: Dialect,
  plan: Plan,
  inserted: ColumnInfo[],
  n: TwoStepNames,
  run: TwoStepRun,
): string[] {
  const binder = new TextBinder(inserted, n.key);
  const has = (c: ColumnInfo) => inserted.includes(c);
  const rowOf = (c: ColumnInfo) => `row[${pyStr(n.key(c.name))}]`;
  const key = plan.keyColumns.map((k) => `${n.col(k.name)} == literal(${rowOf(k)})`);
  if (plan.key?.predicate)
    key.push(`text(${pyStr(escapeTextColons(plan.key.predicate))})`, binder.predicate(plan.key.predicate, table));

  const set: { col: ColumnInfo; expr: string; data: boolean }[] = [];
  for (const col of updatableColumns(table, plan)) {
    const a = actionFor(state, col.name);
    const cur = n.col(col.name);
    if ((a.kind === 'excluded' || a.kind === 'add' || a.kind === 'coalesce') && !has(col)) continue;
    if (a.kind === 'excluded') set.push({ col, expr: rowOf(col), data: true });
    if (a.kind === 'add') set.push({ col, expr: `${cur} + ${rowOf(col)}`, data: true });
    if (a.kind === 'coalesce') set.push({ col, expr: `func.coalesce(${rowOf(col)}, ${cur})`, data: true });
    if (a.kind === 'increment') set.push({ col, expr: `${cur} + 1`, data: false });
    if (a.kind === 'now')
      set.push({
        col,
        expr:
          dialect === 'postgres'
            ? 'func.now()'
            : nowSql(col, dialect) === 'unixepoch()'
              ? 'func.unixepoch()'
              : 'func.current_timestamp()',
        data: false,
      });
    if (a.kind === 'custom' && a.expr.trim()) set.push({ col, expr: binder.custom(a.expr.trim()), data: true });
  }
  if (set.length === 0) {
    const col = updatableColumns(table, plan)[0] ?? plan.keyColumns[0];
    if (col) set.push({ col, expr: n.col(col.name), data: false });
  }

  const cond: string[] = [];
  const c = state.condition;
  if (c.kind === 'changed') {
    const parts = set.filter((s) => s.data).map((s) => `${n.col(s.col.name)}.is_distinct_from(${s.expr})`);
    if (parts.length) cond.push(parts.length > 1 ? `or_(${parts.join(', ')})` : (parts[0] ?? ''));
  } else if (c.kind === 'newer') {
    const col = findColumn(table, c.column);
    if (col && has(col)) cond.push(`${n.col(col.name)} < literal(${rowOf(col)})`);
  } else if (c.kind === 'custom' && c.expr.trim()) {
    cond.push(binder.custom(c.expr.trim()));
  }

  const r = state.returning;
  const ret: string[] = [];
  if (r.kind === 'all') ret.push(...n.all);
  if (r.kind === 'columns')
    for (const name of r.columns) {
      const col = findColumn(table, name);
      if (col) ret.push(n.col(col.name));
    }
  const returning = (word: string) => {
    const cols = [...ret];
    if (r.action) cols.push(`literal(${pyStr(word)}).label(${pyStr(actionAlias(table))})`);
    return cols.length ? `.returning(${cols.join(', ')})` : '';
  };
  const collects = ret.length > 0 || r.action;
  const conn = run.orm ? 'session' : 'conn';
  const aw = run.async ? 'await ' : '';
  return [
    `${run.async ? 'async ' : ''}def upsert(${conn}):`,
    '    """Two steps per row: look the key up, then UPDATE the row if it exists, else INSERT it.',
    '',
    '    Another writer can insert or change the row between the two steps; ON CONFLICT exists',
    '    to close that race. Returns the rows RETURNING gave back."""',
    '    returned = []',
    '    for row in rows:',
    '        # literal(): a NULL key never matches, as in ON CONFLICT (== None would mean IS NULL).',
    `        key = and_(${key.join(', ')})`,
    `        found = ${run.async ? `(await ${conn}.execute(select(${n.t}).where(key)))` : `${conn}.execute(select(${n.t}).where(key))`}.first()`,
    '        if found is not None:',
    '            stmt = (',
    `                update(${n.t})`,
    `                .where(${['key', ...cond].join(', ')})`,
    `                .values({${set.map((s) => `${pyStr(n.key(s.col.name))}: ${s.expr}`).join(', ')}})`,
    ...(returning('updated') ? [`                ${returning('updated')}`] : []),
    // The ORM would otherwise try to bring loaded objects up to date by evaluating the WHERE in Python.
    ...(run.orm ? ['                .execution_options(synchronize_session=False)'] : []),
    '            )',
    '        else:',
    `            stmt = insert(${n.t}).values(row)${returning('inserted')}`,
    ...(collects
      ? [`        result = ${aw}${conn}.execute(stmt)`, '        returned.extend(result.all())']
      : [`        ${aw}${conn}.execute(stmt)`]),
    '    return returned',
  ];
}
