/**
 * The statement part of the generated SQLAlchemy code, shared by every variant: the dialect
 * insert() with on_conflict_do_update / on_conflict_do_nothing and .returning(), the text() form
 * where SQLAlchemy has no construct, or the two-step function. Names (a Core Table's `users.c.x`
 * or a model's `User.x`) come from the caller.
 */
import type { ColumnInfo, Dialect, TableSchema } from '../engine/types';
import { type BuilderState, actionFor, cellFor, findColumn, resolvedInsertColumns } from './model';
import type { Plan } from './targets';
import { pyValue } from './savalues';
import { BIND_MARK, generateStatements } from './sql';
import { escapeTextColons, pyIdent, pyStr } from './satable';
import { actionAlias, nowSql, updatableColumns } from './clauses';
import { pyBindValue, pyBlock } from './savalues';

/** The text() form's lines with bound parameters, for choices SQLAlchemy has no construct for. */
export function textForm(
  state: BuilderState,
  table: TableSchema,
  dialect: Dialect,
  note: string,
): { lines: string[]; count: number } {
  const gen = generateStatements(state, table, dialect, { bind: true });
  const lines = [`# ${note}`, '# so the statement is run as text(), with the values as bound parameters.', ''];
  lines.push(
    'params = {',
    ...gen.params.map((p) => `    ${pyStr(p.name)}: ${pyBindValue(p.cell, p.column, dialect)},`),
    '}',
    '',
  );
  const mark = new RegExp(`${BIND_MARK}(\\w+)${BIND_MARK}`, 'g');
  // Escape the SQL's own colons first, then put in the placeholders text() should bind.
  const body = gen.statements.map((st) => `text(${pyBlock(`${escapeTextColons(st).replace(mark, ':$1')}\n`)})`);
  if (body.length === 1) lines.push(`stmt = ${body[0]}.bindparams(**params)`);
  // Not re-indented: the SQL inside the triple quotes must stay byte for byte what was generated.
  else lines.push('statements = [', ...body.map((b) => `    ${b}.bindparams(**params)`), ']');
  return { lines, count: body.length };
}

/** How the generated code names the table and its columns (Core Table or ORM model). */
export interface Names {
  /** What insert()/select()/update() take: the Table variable or the model class. */
  t: string;
  /** A column in expressions: `users.c.email` or `User.email`. */
  col: (name: string) => string;
  /** The proposed row's column: `stmt.excluded.email`. */
  ex: (name: string) => string;
  /** The key of a column in values() dictionaries: the column name (Core) or attribute (ORM). */
  key: (name: string) => string;
  /** The key of a column in set_: SQLAlchemy matches set_ keys with the table's column keys (the names). */
  setKey: (name: string) => string;
  /** RETURNING every column, in table order. */
  all: string[];
}

/** `users.c.name` or `users.c["odd name"]` (attribute access only for plain names that are not collection methods). */
export function accessor(base: string, name: string): string {
  const plain =
    /^[a-z_][a-z0-9_]*$/i.test(name) && pyIdent(name) === name && !COLLECTION_ATTRS.has(name) && !name.startsWith('_');
  return plain ? `${base}.${name}` : `${base}[${pyStr(name)}]`;
}

const COLLECTION_ATTRS = new Set([
  'keys',
  'values',
  'items',
  'get',
  'contains',
  'index',
  'add',
  'update',
  'clear',
  'remove',
  'compare',
  'corresponding_column',
  'as_readonly',
  'as_immutable',
  'extend',
  'replace',
]);

/** The on-conflict `set_` entries and the `where=` expression, mirroring the SQL generator's choices. */
function setAndWhere(
  state: BuilderState,
  table: TableSchema,
  dialect: Dialect,
  n: Names,
  updatable: ColumnInfo[],
  inserted: Set<string>,
): { set: string[]; where: string | null } {
  const set: { col: ColumnInfo; expr: string; data: boolean }[] = [];
  for (const col of updatable) {
    const a = actionFor(state, col.name);
    const has = inserted.has(col.name);
    const cur = n.col(col.name);
    const ex = n.ex(col.name);
    if ((a.kind === 'excluded' || a.kind === 'add' || a.kind === 'coalesce') && !has) continue;
    if (a.kind === 'excluded') set.push({ col, expr: ex, data: true });
    if (a.kind === 'add') set.push({ col, expr: `${cur} + ${ex}`, data: true });
    if (a.kind === 'coalesce') set.push({ col, expr: `func.coalesce(${ex}, ${cur})`, data: true });
    if (a.kind === 'increment') set.push({ col, expr: `${cur} + 1`, data: false });
    if (a.kind === 'now')
      set.push({
        col,
        expr:
          nowSql(col, dialect) === 'unixepoch()'
            ? 'func.unixepoch()'
            : dialect === 'postgres'
              ? 'func.now()'
              : 'func.current_timestamp()',
        data: false,
      });
    if (a.kind === 'custom' && a.expr.trim())
      set.push({ col, expr: `literal_column(${pyStr(a.expr.trim())})`, data: true });
  }
  if (set.length === 0) {
    const col = updatable[0] ?? table.columns[0];
    if (col) set.push({ col, expr: n.col(col.name), data: false });
  }
  let where: string | null = null;
  const c = state.condition;
  if (c.kind === 'changed') {
    const parts = set.filter((s) => s.data).map((s) => `${n.col(s.col.name)}.is_distinct_from(${s.expr})`);
    where = parts.length > 1 ? `or_(\n        ${parts.join(',\n        ')},\n    )` : (parts[0] ?? null);
  } else if (c.kind === 'newer') {
    const col = findColumn(table, c.column);
    if (col) where = `${n.ex(col.name)} > ${n.col(col.name)}`;
  } else if (c.kind === 'custom' && c.expr.trim()) {
    where = `literal_column(${pyStr(c.expr.trim())})`;
  }
  return { set: set.map((s) => `${pyStr(n.setKey(s.col.name))}: ${s.expr}`), where };
}

/** The statement lines: `rows` and `stmt` for the constructs. */
export function constructBody(
  state: BuilderState,
  table: TableSchema,
  dialect: Dialect,
  plan: Plan,
  n: Names,
): { lines: string[]; returns: boolean } {
  const inserted = resolvedInsertColumns(state, table);
  const insertedNames = new Set(inserted.map((c) => c.name));
  const out = ['rows = [', ...rowLines(state, table, dialect, n), ']', `stmt = insert(${n.t}).values(rows)`];
  const targetArgs: string[] = [];
  if (plan.constraint) targetArgs.push(`constraint=${pyStr(plan.constraint)}`);
  else if (plan.key) {
    targetArgs.push(`index_elements=[${plan.keyColumns.map((c) => n.col(c.name)).join(', ')}]`);
    if (plan.key.predicate) targetArgs.push(`index_where=text(${pyStr(escapeTextColons(plan.key.predicate))})`);
  }
  if (plan.strategy === 'doNothing') {
    out.push(`stmt = stmt.on_conflict_do_nothing(${targetArgs.join(', ')})`);
  } else {
    const { set, where } = setAndWhere(state, table, dialect, n, updatableColumns(table, plan), insertedNames);
    out.push(
      'stmt = stmt.on_conflict_do_update(',
      ...targetArgs.map((a) => `    ${a},`),
      '    set_={',
      ...set.map((s) => `        ${s},`),
      '    },',
    );
    if (where) out.push(`    where=${where},`);
    out.push(')');
  }
  const ret: string[] = [];
  const r = state.returning;
  if (r.kind === 'all') ret.push(...n.all);
  if (r.kind === 'columns')
    for (const c of r.columns) {
      const col = findColumn(table, c);
      if (col) ret.push(n.col(col.name));
    }
  if (r.action && dialect === 'postgres')
    ret.push(`case((literal_column("xmax") == 0, "inserted"), else_="updated").label(${pyStr(actionAlias(table))})`);
  if (ret.length) {
    const one = `stmt = stmt.returning(${ret.join(', ')})`;
    out.push(...(one.length <= 100 ? [one] : ['stmt = stmt.returning(', ...ret.map((x) => `    ${x},`), ')']));
  }
  return { lines: out, returns: ret.length > 0 };
}

/** The input rows as dictionaries keyed like the Table or model. */
function rowLines(state: BuilderState, table: TableSchema, dialect: Dialect, n: Names): string[] {
  const inserted = resolvedInsertColumns(state, table);
  return state.rows.map(
    (row) =>
      `    {${inserted.map((c) => `${pyStr(n.key(c.name))}: ${pyValue(cellFor(row, c.name), c, dialect)}`).join(', ')}},`,
  );
}
