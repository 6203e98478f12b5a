/**
 * A SQLAlchemy 2.0 declarative model matching an introspected table: a `DeclarativeBase`, one
 * class with `Mapped[...]` annotations and `mapped_column()`, the unique keys in
 * `__table_args__`. Column names that are not Python identifiers get an attribute name of their
 * own (the column keeps its name in the database).
 */
import type { Dialect, TableSchema } from '../engine/types';
import { bareTableName } from './model';
import { isKeyword } from './quote';
import { escapeTextColons, keyDefinitions, pyIdent, pyStr, saType } from './satable';

/** The model's lines, its class name, the attribute of each column and the names to import. */
export interface ModelDefinition {
  className: string;
  /** Attribute name by column name. */
  attr: Map<string, string>;
  /** Names to import from `sqlalchemy` (the `sqlalchemy.orm` ones are added by the caller). */
  imports: string[];
  /** Whether an annotation needs `import datetime` / `from decimal import Decimal` / `from typing import Any`. */
  needs: { datetime: boolean; decimal: boolean; any: boolean };
  lines: string[];
}

/** Names a model class or attribute must not take: what the generated module imports or defines. */
const CLASS_TAKEN = new Set(
  'Base Column DeclarativeBase Mapped Session AsyncSession Decimal Any Index Identity UniqueConstraint Text String Integer BigInteger SmallInteger Numeric Float Boolean LargeBinary Date DateTime Time MetaData Table'.split(
    ' ',
  ),
);
/** Attribute names DeclarativeBase keeps for itself. */
const ATTR_TAKEN = new Set(['metadata', 'registry', 'type_annotation_map']);
/** Module-level names a class attribute would shadow for linters (pyflakes reads class scope as redefining them). */
const MODULE_NAMES = new Set(
  'text func case literal literal_column or_ and_ select update insert asyncio datetime rows stmt statements params setup_rows main upsert'.split(
    ' ',
  ),
);

/** A class name for a table: CamelCase, singular for a plain English plural ("users" → "User"). */
export function className(table: TableSchema): string {
  const words = bareTableName(table)
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  let name = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
  if (/[a-z]s$/.test(name) && !/ss$/.test(name) && name.length > 3) name = name.slice(0, -1);
  name = pyIdent(name || 'Row');
  if (!/^[A-Z]/.test(name)) name = `T${name}`;
  return CLASS_TAKEN.has(name) ? `${name}Row` : name;
}

/** Attribute names for the columns: the column name where it is a usable identifier, else a derived one. */
function attributeNames(table: TableSchema): Map<string, string> {
  const used = new Set<string>();
  const out = new Map<string, string>();
  for (const col of table.columns) {
    let base = pyIdent(col.name);
    if (base.startsWith('_') || ATTR_TAKEN.has(base)) base = `col${base.startsWith('_') ? '' : '_'}${base}`;
    if (MODULE_NAMES.has(base) || CLASS_TAKEN.has(base)) base = `${base}_`;
    let name = base;
    for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base}_${i}`;
    used.add(name.toLowerCase());
    out.set(col.name, name);
  }
  return out;
}

/** The Python type inside `Mapped[...]` for a SQLAlchemy type expression. */
function pythonType(expr: string): string {
  if (/Integer/.test(expr)) return 'int';
  if (expr.startsWith('Numeric')) return 'Decimal';
  if (expr === 'Float') return 'float';
  if (expr === 'Boolean') return 'bool';
  if (expr === 'LargeBinary') return 'bytes';
  if (expr.startsWith('DateTime')) return 'datetime.datetime';
  if (expr === 'Date') return 'datetime.date';
  if (expr === 'Time') return 'datetime.time';
  if (expr === '') return 'Any';
  return 'str';
}

/** The model class for a table. */
export function modelDefinition(table: TableSchema, dialect: Dialect): ModelDefinition {
  const name = className(table);
  const attr = attributeNames(table);
  const imports = new Set<string>();
  const needs = { datetime: false, decimal: false, any: false };
  const pk = new Set(table.primaryKey);
  const body: string[] = [];
  for (const col of table.columns) {
    const ty = saType(col, dialect);
    ty.imports.forEach((i) => imports.add(i));
    const py = pythonType(ty.expr);
    if (py.startsWith('datetime.')) needs.datetime = true;
    if (py === 'Decimal') needs.decimal = true;
    if (py === 'Any') needs.any = true;
    const key = attr.get(col.name) ?? col.name;
    const args: string[] = [];
    // quote=True needs the name spelled out.
    if (key !== col.name || isKeyword(col.name, dialect)) args.push(pyStr(col.name));
    // The type is always spelled out, so the DDL matches the table whatever the annotation maps to.
    args.push(ty.expr || 'NullType()');
    if (!ty.expr) imports.add('NullType');
    if (col.identity && dialect === 'postgres') {
      args.push('Identity()');
      imports.add('Identity');
    }
    const nullable = !pk.has(col.name) && !col.notNull;
    if (pk.has(col.name)) args.push('primary_key=True');
    if (col.defaultExpr !== null && !col.identity && !col.generated) {
      args.push(`server_default=text(${pyStr(escapeTextColons(col.defaultExpr))})`);
      imports.add('text');
    }
    if (isKeyword(col.name, dialect)) args.push('quote=True');
    const notes = [ty.note, col.generated ? 'generated column' : undefined].filter(Boolean);
    const annotation = py === 'Any' ? 'Any' : nullable ? `${py} | None` : py;
    body.push(
      `    ${key}: Mapped[${annotation}] = mapped_column(${args.join(', ')})${notes.length ? `  # ${notes.join('; ')}` : ''}`,
    );
  }
  // Constraints in __table_args__ name the columns as the database does.
  const keys = keyDefinitions(table, dialect, (c) => c);
  keys.imports.forEach((i) => imports.add(i));
  const tableArgs = [...keys.lines];
  const implicit = dialect === 'sqlite' ? table.schema === 'main' : table.schema === 'public';
  const kw: string[] = [];
  if (!implicit && table.schema) {
    kw.push(`"schema": ${pyStr(table.schema)}`);
    if (isKeyword(table.schema, dialect)) kw.push('"quote_schema": True');
  }
  if (isKeyword(bareTableName(table), dialect)) kw.push('"quote": True');
  if (kw.length) tableArgs.push(`{${kw.join(', ')}},`);

  const lines = [`class ${name}(Base):`, `    __tablename__ = ${pyStr(bareTableName(table))}`];
  if (tableArgs.length) lines.push('    __table_args__ = (', ...tableArgs.map((l) => `        ${l}`), '    )');
  lines.push('', ...body);
  if (pk.size === 0) {
    // The ORM needs an identity for every row; the table has none, so the mapper takes one.
    const key = table.uniqueKeys.find((k) => !k.hasExpressions && !k.predicate);
    const cols = key ? key.columns : table.columns.map((c) => c.name);
    lines.push(
      '',
      `    # No primary key in the database: the mapper identifies rows by ${key ? `the unique key ${key.name}` : 'all their columns'}.`,
    );
    lines.push(`    __mapper_args__ = {"primary_key": [${cols.map((c) => attr.get(c) ?? c).join(', ')}]}`);
  }
  return {
    className: name,
    attr,
    imports: [...imports],
    needs,
    lines: ['class Base(DeclarativeBase):', '    pass', '', '', ...lines],
  };
}
