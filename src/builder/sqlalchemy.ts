/**
 * The form's statement as SQLAlchemy 2.0 Core code: a Table matching the introspected schema,
 * `insert()` from the dialect module with `on_conflict_do_update` / `on_conflict_do_nothing`
 * and `.returning()`. Choices SQLAlchemy has no construct for are shown as `text()`.
 */
import type { ColumnInfo, Dialect, TableSchema } from '../engine/types';
import { isNumericText, parseBoolean, parseHex, utf8Hex } from './quote';
import { type BuilderState, actionFor, cellFor, findColumn, resolvedInsertColumns } from './model';
import { type Cell, valueKind } from './coltype';
import { resolvePlan } from './targets';
import { BIND_MARK, generateStatements } from './sql';
import { escapeTextColons, pyIdent, pyStr, tableDefinition } from './satable';

export { escapeTextColons, pyStr } from './satable';
import { actionAlias, nowSql, updatableColumns } from './clauses';
import { twoStepFunction } from './satwostep';

/**
 * Python value for a bound text() parameter. No SQLAlchemy type applies to it, so values stay
 * what the driver binds directly: exact numbers as int, or as text for NUMERIC (sqlite3 cannot
 * bind Decimal; both engines convert the text), dates as ISO text like the SQL literals.
 */
export function pyBindValue(cell: Cell, col: ColumnInfo, dialect: Dialect): string {
  if (cell === null) return 'None';
  const kind = valueKind(col.type, dialect);
  const trimmed = cell.trim();
  if ((kind === 'integer' || kind === 'real' || kind === 'untyped') && isNumericText(trimmed)) {
    if (/numeric|decimal/i.test(col.type)) return pyStr(trimmed);
    return /^[+-]?\d+$/.test(trimmed) ? String(BigInt(trimmed)) : trimmed;
  }
  if (kind === 'boolean') {
    const b = parseBoolean(cell);
    if (b !== null) return b ? 'True' : 'False';
  }
  if (kind === 'blob') return `bytes.fromhex(${pyStr(parseHex(cell) ?? utf8Hex(cell))})`;
  return pyStr(cell);
}

/** The text() form with bound parameters, for choices SQLAlchemy has no construct for. */
function textForm(state: BuilderState, table: TableSchema, dialect: Dialect, header: string[], note: string): string {
  const gen = generateStatements(state, table, dialect, { bind: true });
  const lines = [...header, `# ${note}`, '# so the statement is run as text(), with the values as bound parameters.', '', 'from sqlalchemy import text', ''];
  lines.push('params = {', ...gen.params.map((p) => `    ${pyStr(p.name)}: ${pyBindValue(p.cell, p.column, dialect)},`), '}', '');
  const mark = new RegExp(`${BIND_MARK}(\\w+)${BIND_MARK}`, 'g');
  // Escape the SQL's own colons first, then put in the placeholders text() should bind.
  const body = gen.statements.map((st) => `text(${pyBlock(`${escapeTextColons(st).replace(mark, ':$1')}\n`)})`);
  if (body.length === 1) lines.push(`stmt = ${body[0]}.bindparams(**params)`);
  // Not re-indented: the SQL inside the triple quotes must stay byte for byte what was generated.
  else lines.push('statements = [', ...body.map((b) => `    ${b}.bindparams(**params)`), ']');
  return `${lines.join('\n')}\n`;
}

/** A triple-quoted Python string for multi-line SQL. */
function pyBlock(text: string): string {
  const body = text.replaceAll('\\', '\\\\').replaceAll('"""', '\\"\\"\\"').replace(/"$/, '\\"');
  return `"""\n${body}"""`;
}

/** Python literal for one cell, typed like the SQL literal (dates become datetime objects where SQLAlchemy types them). */
export function pyValue(cell: Cell, col: ColumnInfo, dialect: Dialect): string {
  if (cell === null) return 'None';
  const t = col.type.toLowerCase();
  const kind = valueKind(col.type, dialect);
  const trimmed = cell.trim();
  if ((kind === 'integer' || kind === 'real' || kind === 'untyped') && isNumericText(trimmed)) {
    if (/numeric|decimal/.test(t)) return `Decimal(${pyStr(trimmed)})`;
    // Python rejects leading zeros in integer literals (007) but not in floats.
    if (/^[+-]?\d+$/.test(trimmed)) return String(BigInt(trimmed));
    return trimmed;
  }
  if (kind === 'boolean') {
    const b = parseBoolean(cell);
    if (b !== null) return b ? 'True' : 'False';
  }
  if (kind === 'blob') return `bytes.fromhex(${pyStr(parseHex(cell) ?? utf8Hex(cell))})`;
  if (dialect === 'postgres') {
    if (t === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return `datetime.date.fromisoformat(${pyStr(trimmed)})`;
    if (t.startsWith('timestamp') && /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}(:?\d{2})?|Z)?$/.test(trimmed))
      return `datetime.datetime.fromisoformat(${pyStr(trimmed.replace(/Z$/, '+00:00'))})`;
  }
  return pyStr(cell);
}

interface Names {
  t: string;
  col: (name: string) => string;
  ex: (name: string) => string;
}

/** `users.c.name` or `users.c["odd name"]` (attribute access only for plain names that are not collection methods). */
function accessor(base: string, name: string): string {
  const plain = /^[a-z_][a-z0-9_]*$/i.test(name) && pyIdent(name) === name && !COLLECTION_ATTRS.has(name) && !name.startsWith('_');
  return plain ? `${base}.${name}` : `${base}[${pyStr(name)}]`;
}

const COLLECTION_ATTRS = new Set(['keys', 'values', 'items', 'get', 'contains', 'index', 'add', 'update', 'clear', 'remove', 'compare', 'corresponding_column', 'as_readonly', 'as_immutable', 'extend', 'replace']);

/** The on-conflict `set_` entries and the `where=` expression, mirroring the SQL generator's choices. */
function setAndWhere(state: BuilderState, table: TableSchema, dialect: Dialect, n: Names, updatable: ColumnInfo[], inserted: Set<string>): { set: string[]; where: string | null } {
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
    if (a.kind === 'now') set.push({ col, expr: nowSql(col, dialect) === 'unixepoch()' ? 'func.unixepoch()' : dialect === 'postgres' ? 'func.now()' : 'func.current_timestamp()', data: false });
    if (a.kind === 'custom' && a.expr.trim()) set.push({ col, expr: `literal_column(${pyStr(a.expr.trim())})`, data: true });
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
  return { set: set.map((s) => `${pyStr(s.col.name)}: ${s.expr}`), where };
}

/** Generates SQLAlchemy 2.0 code for the form state; a module that defines the table and `stmt` (or `statements`). */
export function generateSqlAlchemy(state: BuilderState, table: TableSchema, dialect: Dialect): string {
  const gen = generateStatements(state, table, dialect);
  if (gen.statements.length === 0) return `# The form is not complete yet:\n${gen.errors.map((e) => `# - ${e}`).join('\n')}\n`;
  const plan = resolvePlan(state, table, dialect);
  const mod = dialect === 'sqlite' ? 'sqlite' : 'postgresql';
  const def = tableDefinition(table, dialect);
  const n: Names = {
    t: def.variable,
    col: (name) => accessor(`${def.variable}.c`, name),
    ex: (name) => accessor('stmt.excluded', name),
  };
  const header = [
    `# SQLAlchemy 2.0 Core for the ${dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'} statement.`,
    '# Run it with: with engine.begin() as conn: result = conn.execute(stmt)',
  ];
  const noConstruct: Record<string, string> = {
    orReplace: 'SQLAlchemy has no construct for INSERT OR REPLACE (insert().prefix_with("OR REPLACE") only pastes the words in),',
    orIgnore: 'SQLAlchemy has no construct for INSERT OR IGNORE (on_conflict_do_nothing() is the portable spelling),',
    merge: 'SQLAlchemy 2.0 has no MERGE construct,',
  };
  // SQLAlchemy cannot alias an INSERT target, so for a table called "excluded" its
  // `excluded.col` and the table's own columns would read the same.
  const aliasNeeded = table.name.toLowerCase() === 'excluded' && (plan.strategy === 'doUpdate' || plan.strategy === 'doNothing');
  const textNote = aliasNeeded
    ? 'SQLAlchemy cannot alias the INSERT target, and a table called "excluded" clashes with on_conflict_do_update()\'s excluded;'
    : noConstruct[plan.strategy];
  if (textNote) return textForm(state, table, dialect, header, textNote);

  const inserted = resolvedInsertColumns(state, table);
  const insertedNames = new Set(inserted.map((c) => c.name));
  const rows = state.rows.map((row) => `    {${inserted.map((c) => `${pyStr(c.name)}: ${pyValue(cellFor(row, c.name), c, dialect)}`).join(', ')}},`);
  const twoStep = plan.strategy === 'twoStep';
  if (twoStep) header[1] = '# Run it with: with engine.begin() as conn: returned = upsert(conn)';
  const out = [...header, ''];
  const usesDecimal = rows.some((r) => r.includes('Decimal('));
  const usesDatetime = rows.some((r) => r.includes('datetime.'));
  if (usesDatetime) out.push('import datetime');
  if (usesDecimal) out.push('from decimal import Decimal');
  if (usesDatetime || usesDecimal) out.push('');
  const names = twoStep ? ['and_', 'func', 'insert', 'literal', 'or_', 'select', 'text', 'update'] : ['case', 'func', 'literal_column', 'or_', 'text'];
  out.push(`from sqlalchemy import ${[...def.imports, ...names].filter((v, i, a) => a.indexOf(v) === i).sort().join(', ')}`);
  if (!twoStep) out.push(`from sqlalchemy.dialects.${mod} import insert`);
  out.push('', 'metadata = MetaData()', '', ...def.lines, '', 'rows = [', ...rows, ']', '');
  if (twoStep) {
    return `${[...out, ...twoStepFunction(state, table, dialect, plan, inserted, def.variable, n)].join('\n')}\n`;
  }
  out.push(`stmt = insert(${def.variable}).values(rows)`);

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
    out.push('stmt = stmt.on_conflict_do_update(', ...targetArgs.map((a) => `    ${a},`), '    set_={', ...set.map((s) => `        ${s},`), '    },');
    if (where) out.push(`    where=${where},`);
    out.push(')');
  }
  const ret: string[] = [];
  const r = state.returning;
  if (r.kind === 'all') ret.push(`*${def.variable}.c`);
  if (r.kind === 'columns') for (const c of r.columns) if (findColumn(table, c)) ret.push(n.col(findColumn(table, c)?.name ?? c));
  if (r.action && dialect === 'postgres')
    ret.push(`case((literal_column("xmax") == 0, "inserted"), else_="updated").label(${pyStr(actionAlias(table))})`);
  if (ret.length) {
    if (dialect === 'sqlite') out.push('# RETURNING on SQLite needs SQLAlchemy 2.0 and SQLite 3.35+.');
    out.push(`stmt = stmt.returning(${ret.join(', ')})`);
  }
  return `${out.join('\n')}\n`;
}

