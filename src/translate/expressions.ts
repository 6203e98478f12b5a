/**
 * Expression-level translation rules, applied to every node of a statement: date/time functions,
 * boolean literals, casts, operators, quoted identifiers and blob literals.
 */
import { walk, type CstNode } from './sqlSource';
import { dataTypeInfo, mapType } from './typeMap';
import { nameOf } from './schemaModel';
import { castOperatorToSqlite, timeLiteral } from './casts';
import { Translator } from './translator';

type AnyNode = CstNode & Record<string, unknown>;
const get = Translator.get;

const PG_NOW = new Set(['NOW', 'TRANSACTION_TIMESTAMP', 'STATEMENT_TIMESTAMP', 'CLOCK_TIMESTAMP', 'LOCALTIMESTAMP']);
const PG_SEQUENCE = new Set(['NEXTVAL', 'CURRVAL', 'SETVAL', 'LASTVAL', 'PG_GET_SERIAL_SEQUENCE']);
const SQLITE_ONLY = new Set([
  'STRFTIME',
  'JULIANDAY',
  'UNIXEPOCH',
  'LAST_INSERT_ROWID',
  'CHANGES',
  'TOTAL_CHANGES',
  'GROUP_CONCAT',
  'IIF',
  'PRINTF',
  'INSTR',
]);

function funcName(n: AnyNode): string {
  const name = get(n, 'name');
  return (nameOf(name) ?? '').toUpperCase();
}

function args(n: AnyNode): AnyNode[] {
  const list = get(get(get(n, 'args'), 'expr'), 'args');
  return list?.type === 'list_expr' ? (list.items as AnyNode[]) : [];
}

const isNowLiteral = (a: AnyNode | undefined) =>
  a?.type === 'string_literal' && String(a.value).toLowerCase() === 'now';

/** Translate the expressions of one statement. Returns true when the statement must be commented out. */
export function translateExpressions(t: Translator, stmt: CstNode): boolean {
  let commentOut = false;
  walk(stmt, (node) => {
    const n = node as AnyNode;
    switch (n.type) {
      case 'func_call':
        if (t.to === 'sqlite') commentOut = funcToSqlite(t, n) || commentOut;
        else funcToPostgres(t, n);
        return;
      case 'boolean_literal':
        if (t.to === 'sqlite') {
          t.replace(n, n.value ? '1' : '0');
          t.change(n, 'booleans', 'true/false → 1/0 (SQLite stores booleans as integers)');
        }
        return;
      case 'cast_operator_expr':
        if (t.to === 'sqlite') castOperatorToSqlite(t, n);
        return;
      case 'cast_expr': {
        const arg = get(get(n, 'args'), 'expr');
        const dataType = get(arg, 'dataType');
        if (t.to === 'sqlite' && dataType && timeLiteral(t, n, get(arg, 'expr')!, dataTypeInfo(dataType).base))
          return false;
        if (dataType) {
          const mapped = mapType(dataTypeInfo(dataType), t.to);
          if (mapped.text.toLowerCase() !== t.text(dataType).toLowerCase()) {
            t.replace(dataType, mapped.text);
            t.change(dataType, 'casts', `CAST(… AS ${t.text(dataType)}) → CAST(… AS ${mapped.text})`);
          }
        }
        return;
      }
      case 'interval_literal':
        if (t.to === 'sqlite')
          t.problem(
            n,
            'timestamps',
            `${t.text(n)}: SQLite has no interval type (use datetime(x, '+1 day') modifiers); kept as written`,
          );
        return;
      case 'array_literal_expr':
        if (t.to === 'sqlite')
          t.problem(
            n,
            'types',
            `${t.text(n)}: SQLite has no arrays (a JSON array in text is the usual stand-in); kept as written`,
          );
        return;
      case 'column_assignment':
        if (t.to === 'postgres') assignmentToPostgres(t, n);
        return;
      case 'select_distinct_on':
        if (t.to === 'sqlite')
          t.problem(
            n,
            'statement',
            'SELECT DISTINCT ON has no SQLite form (use row_number() OVER (PARTITION BY … ORDER BY …) and keep rn = 1); kept as written',
          );
        return;
      case 'binary_expr': {
        const op = get(n, 'operator');
        if (t.to === 'postgres' && isOperator(op, ['IS']) !== null) {
          isToPostgres(t, n, op!);
          return;
        }
        if (t.to === 'postgres' && typeof n.operator === 'string' && ['=', '==', '<>', '!='].includes(n.operator)) {
          booleanComparison(t, get(n, 'left'), get(n, 'right'));
          booleanComparison(t, get(n, 'right'), get(n, 'left'));
        }
        if (t.to === 'sqlite' && op?.type === 'keyword' && String(op.name).endsWith('ILIKE')) {
          t.replace(op, String(op.name).replace('ILIKE', 'LIKE'));
          t.change(op, 'functions', 'ILIKE → LIKE (SQLite LIKE ignores case, for ASCII letters only)');
        } else if (t.to === 'postgres' && n.operator === '==') {
          const [, le] = t.span(get(n, 'left'));
          const [rs] = t.span(get(n, 'right'));
          t.replace([le, rs], t.sql.slice(le, rs).replace('==', '='));
          t.change(n, 'syntax', '== → =');
        }
        return;
      }
      case 'identifier': {
        const text = String(n.text);
        if (t.to === 'postgres' && (text.startsWith('`') || text.startsWith('['))) {
          t.replace(n, `"${String(n.name).replace(/"/g, '""')}"`);
          t.change(
            n,
            'identifiers',
            `${text} → "${String(n.name)}" (PostgreSQL quotes identifiers with double quotes only)`,
          );
        }
        return;
      }
      case 'blob_literal':
        if (t.to === 'postgres') {
          const hex = n.value.map((b) => b.toString(16).padStart(2, '0')).join('');
          t.replace(n, `'\\x${hex}'::bytea`);
          t.change(n, 'types', `X'…' blob literal → '\\x…'::bytea`);
        }
        return;
      default:
        return;
    }
  });
  return commentOut;
}

/** `SET flag = 1` on a boolean column → true; `SET n = TRUE` on an integer column → 1. */
function assignmentToPostgres(t: Translator, n: AnyNode): void {
  const col = get(n, 'column');
  const value = get(n, 'expr');
  const name = col?.type === 'identifier' ? String(col.name) : '';
  if (!name || !value) return;
  const cls = t.schema.columnClass(name);
  if (cls === 'boolean' && value.type === 'number_literal' && (value.value === 0 || value.value === 1)) {
    t.replace(value, value.value ? 'true' : 'false');
    t.change(
      value,
      'booleans',
      `${name}: ${value.value} → ${value.value ? 'true' : 'false'} (a boolean column in PostgreSQL)`,
    );
  } else if (cls === 'integer' && value.type === 'boolean_literal') {
    t.replace(value, value.value ? '1' : '0');
    t.change(value, 'booleans', `${name}: ${t.text(value)} → ${value.value ? 1 : 0} (an integer column in PostgreSQL)`);
  }
}

/** `flag = 1` on a column that is boolean in PostgreSQL: the literal becomes true/false. */
function booleanComparison(t: Translator, column: AnyNode | undefined, literal: AnyNode | undefined): void {
  if (literal?.type !== 'number_literal' || (literal.value !== 0 && literal.value !== 1)) return;
  const name =
    column?.type === 'identifier'
      ? String(column.name)
      : column?.type === 'member_expr'
        ? (nameOf(get(column, 'property')) ?? '')
        : '';
  if (!name || t.schema.columnClass(name) !== 'boolean') return;
  t.replace(literal, literal.value ? 'true' : 'false');
  t.change(
    literal,
    'booleans',
    `${name} = ${literal.value} → ${name} = ${literal.value ? 'true' : 'false'} (a boolean column in PostgreSQL)`,
  );
}

/** The keyword names of an operator when it starts with `first`, else null. */
function isOperator(op: AnyNode | undefined, first: string[]): string[] | null {
  const words = Array.isArray(op) ? (op as AnyNode[]) : op?.type === 'keyword' ? [op] : [];
  const names = words.map((w) => String(w.name));
  return names.length && first.every((f, i) => names[i] === f) ? names : null;
}

const IS_OPERANDS = new Set(['null_literal', 'boolean_literal']);

/** SQLite's `a IS b` / `a IS NOT b` with any b → PostgreSQL's IS [NOT] DISTINCT FROM. */
function isToPostgres(t: Translator, n: AnyNode, op: AnyNode): void {
  const names = isOperator(op, ['IS'])!;
  const right = get(n, 'right');
  if (names.includes('DISTINCT') || !right || IS_OPERANDS.has(right.type)) return;
  const words = Array.isArray(op) ? (op as unknown as AnyNode[]) : [op];
  const [s] = t.span(words[0]);
  const [, e] = t.span(words[words.length - 1]);
  const not = names.includes('NOT');
  const out = not ? 'IS DISTINCT FROM' : 'IS NOT DISTINCT FROM';
  t.replace([s, e], out);
  t.change(n, 'syntax', `${not ? 'IS NOT' : 'IS'} → ${out} (PostgreSQL's IS takes only NULL, TRUE, FALSE or UNKNOWN)`);
}

function funcToSqlite(t: Translator, n: AnyNode): boolean {
  const name = funcName(n);
  if (name === 'PG_TYPEOF') {
    t.replace(get(n, 'name'), 'typeof');
    t.change(
      n,
      'functions',
      'pg_typeof() → typeof() (SQLite names the storage class: integer, real, text, blob or null)',
    );
    return false;
  }
  if (PG_NOW.has(name)) {
    t.replace(n, 'CURRENT_TIMESTAMP');
    t.change(
      n,
      'timestamps',
      `${t.text(n)} → CURRENT_TIMESTAMP (SQLite: text 'YYYY-MM-DD HH:MM:SS' in UTC, to the second)`,
    );
  } else if (name === 'CURRENT_TIMESTAMP') {
    t.warn(
      n,
      'timestamps',
      "CURRENT_TIMESTAMP is text 'YYYY-MM-DD HH:MM:SS' (UTC, whole seconds) in SQLite, a timestamptz with microseconds in PostgreSQL",
    );
  } else if (name === 'GREATEST' || name === 'LEAST') {
    const nameNode = get(n, 'name');
    t.replace(nameNode, name === 'GREATEST' ? 'max' : 'min');
    t.change(
      n,
      'functions',
      `${name.toLowerCase()}() → ${name === 'GREATEST' ? 'max' : 'min'}() (SQLite's multi-argument form; it returns NULL if any argument is NULL, greatest/least ignore NULLs)`,
    );
  } else if (PG_SEQUENCE.has(name)) {
    t.problem(
      n,
      'functions',
      `${name.toLowerCase()}() works on PostgreSQL sequences; SQLite has none (it numbers rows by rowid): the statement is commented out`,
    );
    return true;
  } else if (name === 'GEN_RANDOM_UUID') {
    t.problem(n, 'functions', 'gen_random_uuid() has no SQLite built-in; kept as written (it will fail)');
  } else if (name === 'MERGE_ACTION') {
    t.problem(n, 'merge', 'merge_action() exists only in PostgreSQL MERGE … RETURNING');
  }
  return false;
}

function funcToPostgres(t: Translator, n: AnyNode): void {
  const name = funcName(n);
  const a = args(n);
  if ((name === 'DATETIME' || name === 'DATE' || name === 'TIME') && a.length === 1 && isNowLiteral(a[0])) {
    const out = name === 'DATETIME' ? 'now()' : name === 'DATE' ? 'CURRENT_DATE' : 'LOCALTIME';
    t.replace(n, out);
    t.change(
      n,
      'timestamps',
      `${t.text(n)} → ${out} (PostgreSQL: a timestamptz with microseconds, taken at transaction start)`,
    );
  } else if (name === 'DATETIME' || name === 'DATE') {
    t.problem(
      n,
      'timestamps',
      `${t.text(n)}: SQLite date modifiers have no direct PostgreSQL form (use now() + interval '…'); kept as written`,
    );
  } else if (name === 'CURRENT_TIMESTAMP') {
    t.warn(
      n,
      'timestamps',
      "CURRENT_TIMESTAMP is a timestamptz with microseconds in PostgreSQL, text 'YYYY-MM-DD HH:MM:SS' in SQLite",
    );
  } else if (name === 'TYPEOF') {
    t.replace(get(n, 'name'), 'pg_typeof');
    t.change(
      n,
      'functions',
      'typeof() → pg_typeof() (PostgreSQL names the declared type, e.g. timestamp with time zone, not the storage class)',
    );
  } else if (name === 'IFNULL') {
    t.replace(get(n, 'name'), 'coalesce');
    t.change(n, 'functions', 'ifnull() → coalesce()');
  } else if (SQLITE_ONLY.has(name)) {
    t.problem(n, 'functions', `${name.toLowerCase()}() is SQLite-only; kept as written`);
  }
}
