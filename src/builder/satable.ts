/**
 * A SQLAlchemy `Table(...)` definition matching an introspected schema: column types, NOT NULL,
 * server defaults, the primary key, unique constraints and (partial) unique indexes.
 */
import type { ColumnInfo, Dialect, TableSchema } from '../engine/types';
import { bareTableName } from './model';
import { isKeyword } from './quote';

/** A Python string literal (JSON's escapes are valid Python). */
export function pyStr(text: string): string {
  return JSON.stringify(text);
}

/** Escapes colons that `text()` would read as bind parameters (SQLAlchemy's own rule: `:name` not after a word char or colon). */
export function escapeTextColons(sql: string): string {
  return sql.replace(/(?<![:\w\\]):(?=\w)/gu, '\\:');
}

const PY_KEYWORDS = new Set(
  'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield'.split(
    ' ',
  ),
);

/** Names the generated module already uses; a table variable must not shadow them. */
const TAKEN = new Set([
  ...'stmt rows metadata insert update select text func case or_ and_ literal literal_column datetime statements'.split(
    ' ',
  ),
  ...'upsert row key found result returned conn session engine main setup_rows params asyncio'.split(' '),
  // builtins the generated code calls or a reader would expect untouched
  ...'bytes float int str bool list dict set tuple len range print type object id'.split(' '),
]);

/** A Python identifier derived from a name (ASCII letters, digits, underscores; not a keyword). */
export function pyIdent(name: string): string {
  let id = name.replace(/[^A-Za-z0-9_]/g, '_');
  if (!id || /^\d/.test(id)) id = `t_${id}`;
  if (PY_KEYWORDS.has(id)) id = `${id}_`;
  return id;
}

/** The SQLAlchemy type for a declared column type, plus the name to import. */
export function saType(col: ColumnInfo, dialect: Dialect): { expr: string; imports: string[]; note?: string } {
  const t = col.type.trim().toLowerCase();
  const len = /\((\d+)\)/.exec(t)?.[1];
  const prec = /\((\d+)\s*,\s*(\d+)\)/.exec(t);
  if (t === '' && dialect === 'sqlite') return { expr: '', imports: [], note: 'no declared type' };
  if (t.endsWith(']')) return { expr: 'Text', imports: ['Text'], note: `${col.type} in the database` };
  if (/\bbigint|int8|bigserial/.test(t)) return { expr: 'BigInteger', imports: ['BigInteger'] };
  if (/smallint|int2|smallserial/.test(t)) return { expr: 'SmallInteger', imports: ['SmallInteger'] };
  if (t.includes('int') || /^serial/.test(t)) return { expr: 'Integer', imports: ['Integer'] };
  if (/numeric|decimal/.test(t))
    return { expr: prec ? `Numeric(${prec[1]}, ${prec[2]})` : 'Numeric', imports: ['Numeric'] };
  if (/real|floa|doub/.test(t)) return { expr: 'Float', imports: ['Float'] };
  if (t.startsWith('bool')) return { expr: 'Boolean', imports: ['Boolean'] };
  if (t.includes('blob') || t === 'bytea') return { expr: 'LargeBinary', imports: ['LargeBinary'] };
  if (/char|clob|text/.test(t))
    return len ? { expr: `String(${len})`, imports: ['String'] } : { expr: 'Text', imports: ['Text'] };
  if (dialect === 'postgres') {
    if (t === 'date') return { expr: 'Date', imports: ['Date'] };
    if (t.startsWith('timestamp'))
      return { expr: t.includes('with time zone') ? 'DateTime(timezone=True)' : 'DateTime', imports: ['DateTime'] };
    if (t.startsWith('time')) return { expr: 'Time', imports: ['Time'] };
  }
  // SQLite keeps dates as text (SQLAlchemy's DateTime would write microseconds); other Postgres
  // types (uuid, json, …) pass through as their text form.
  return { expr: 'Text', imports: ['Text'], note: `${col.type} in the database` };
}

/**
 * The unique constraints and unique indexes other than the primary key, one per line ending in a
 * comma (`ref` names a column the way the Table or model refers to it: its key).
 */
export function keyDefinitions(
  table: TableSchema,
  dialect: Dialect,
  ref: (column: string) => string,
): { imports: string[]; lines: string[] } {
  const imports = new Set<string>();
  const lines: string[] = [];
  for (const key of table.uniqueKeys) {
    if (key.kind === 'primary') continue;
    const cols = key.columns.map((c) => pyStr(ref(c))).join(', ');
    const autoName = key.name.startsWith('sqlite_autoindex_');
    if (key.hasExpressions) {
      lines.push(`# unique index ${key.name} on expressions: ${key.columns.join(', ')}`);
    } else if (key.kind === 'unique') {
      imports.add('UniqueConstraint');
      lines.push(`UniqueConstraint(${cols}${autoName ? '' : `, name=${JSON.stringify(key.name)}`}),`);
    } else {
      imports.add('Index');
      const where = key.predicate
        ? `, ${dialect === 'sqlite' ? 'sqlite' : 'postgresql'}_where=text(${pyStr(escapeTextColons(key.predicate))})`
        : '';
      lines.push(`Index(${JSON.stringify(key.name)}, ${cols}, unique=True${where}),`);
    }
  }
  return { imports: [...imports], lines };
}

/** The Table(...) lines, the Python variable naming the table, and the names to import. */
export function tableDefinition(
  table: TableSchema,
  dialect: Dialect,
): { variable: string; imports: string[]; lines: string[] } {
  let variable = pyIdent(bareTableName(table).toLowerCase());
  if (TAKEN.has(variable)) variable = `${variable}_table`;
  const imports = new Set(['Column', 'MetaData', 'Table']);
  const lines = [`${variable} = Table(`, `    ${JSON.stringify(bareTableName(table))},`, '    metadata,'];
  const pk = new Set(table.primaryKey);
  for (const col of table.columns) {
    const ty = saType(col, dialect);
    ty.imports.forEach((i) => imports.add(i));
    const args = [JSON.stringify(col.name)];
    if (ty.expr) args.push(ty.expr);
    if (col.identity && dialect === 'postgres') {
      args.push('Identity()');
      imports.add('Identity');
    }
    if (pk.has(col.name)) args.push('primary_key=True');
    else if (col.notNull) args.push('nullable=False');
    if (col.defaultExpr !== null && !col.identity && !col.generated)
      args.push(`server_default=text(${pyStr(escapeTextColons(col.defaultExpr))})`);
    // SQLAlchemy's keyword lists lag the engines' (1.4 leaves SQLite's NOTHING bare): force quotes.
    if (isKeyword(col.name, dialect)) args.push('quote=True');
    const notes = [ty.note, col.generated ? 'generated column' : undefined].filter(Boolean);
    lines.push(`    Column(${args.join(', ')}),${notes.length ? `  # ${notes.join('; ')}` : ''}`);
  }
  const keys = keyDefinitions(table, dialect, (c) => c);
  keys.imports.forEach((i) => imports.add(i));
  lines.push(...keys.lines.map((l) => `    ${l}`));
  const implicit = dialect === 'sqlite' ? table.schema === 'main' : table.schema === 'public';
  if (!implicit && table.schema) {
    lines.push(`    schema=${JSON.stringify(table.schema)},`);
    if (isKeyword(table.schema, dialect)) lines.push('    quote_schema=True,');
  }
  if (isKeyword(bareTableName(table), dialect)) lines.push('    quote=True,');
  lines.push(')');
  return { variable, imports: [...imports], lines };
}
