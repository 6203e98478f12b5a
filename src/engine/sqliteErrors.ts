/**
 * sql.js failures as EngineErrors: the result code a message makes certain (sql.js gives only the
 * message) and the position of the offending token.
 */
import type { Database } from 'sql.js';
import { all } from './sqliteSchema.ts';
import { lineColumn, statementKind } from './sqlText.ts';
import type { EngineError, Span, StatementResult } from './types.ts';

/**
 * Result code names that a sql.js message makes certain (sql.js gives only the message).
 * UNIQUE failures are told apart from PRIMARY KEY failures by looking at the table's key.
 */
const CODE_PATTERNS: [RegExp, string][] = [
  [/^NOT NULL constraint failed/, 'SQLITE_CONSTRAINT_NOTNULL'],
  [/^CHECK constraint failed/, 'SQLITE_CONSTRAINT_CHECK'],
  [/^FOREIGN KEY constraint failed/, 'SQLITE_CONSTRAINT_FOREIGNKEY'],
  [/^datatype mismatch/, 'SQLITE_MISMATCH'],
  [/^cannot store .* value in .* column/, 'SQLITE_CONSTRAINT_DATATYPE'],
  [/^attempt to write a readonly database/, 'SQLITE_READONLY'],
  [
    /^(near ".*": syntax error|incomplete input|no such (table|column|function|index|view|trigger|collation sequence)|unrecognized token|.* already exists|ambiguous column name|cannot (start a transaction within a transaction|commit - no transaction is active|rollback - no transaction is active|UPDATE generated column|INSERT into generated column)|ON CONFLICT clause does not match any PRIMARY KEY or UNIQUE constraint|wrong number of arguments to function|.* values for \d+ columns|table .* has \d+ columns but \d+ values were supplied)/,
    'SQLITE_ERROR',
  ],
];

function errorCode(db: Database, message: string): string | undefined {
  const unique = /^UNIQUE constraint failed: (.+)$/.exec(message);
  if (unique) {
    // "t.a, t.b" — a primary key index raises SQLITE_CONSTRAINT_PRIMARYKEY with the same text.
    const parts = unique[1]!.split(', ').map((p) => p.split('.'));
    const table = parts[0]?.[0];
    const cols = parts.map((p) => p.slice(1).join('.'));
    if (!table) return 'SQLITE_CONSTRAINT';
    try {
      const pk = all(db, 'SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk', [table]).map((r) =>
        String(r[0]),
      );
      const isPk = pk.length === cols.length && pk.every((c, k) => c === cols[k]);
      const rowid = cols.length === 1 && cols[0] === 'rowid';
      return isPk || rowid ? 'SQLITE_CONSTRAINT_PRIMARYKEY' : 'SQLITE_CONSTRAINT_UNIQUE';
    } catch {
      return 'SQLITE_CONSTRAINT';
    }
  }
  return CODE_PATTERNS.find(([re]) => re.test(message))?.[1];
}

/** Locate an error: the statement's span, and the offending token when the message names it once. */
function locate(script: string, span: Span, message: string): Pick<EngineError, 'position' | 'line' | 'column'> {
  const text = script.slice(span.start, span.end);
  let position: number | undefined;
  const near = /^near "(.*)": syntax error$/.exec(message);
  if (near && near[1]) {
    const at = text.indexOf(near[1]);
    if (at >= 0 && at === text.lastIndexOf(near[1])) position = span.start + at;
  } else if (message === 'incomplete input') position = span.end;
  const { line, column } = lineColumn(script, position ?? span.start);
  return position === undefined ? { line, column } : { position, line, column };
}

/** A sql.js exception as an EngineError: message, result code when certain, and where it happened. */
export function failed(
  db: Database,
  script: string,
  phase: 'setup' | 'statement',
  index: number,
  span: Span,
  e: unknown,
): EngineError {
  const message = e instanceof Error ? e.message : String(e);
  const code = errorCode(db, message);
  return {
    message,
    ...(code ? { code } : {}),
    phase,
    statementIndex: index,
    span,
    ...locate(script, span, message),
  };
}

/** The result of a statement that failed. */
export function errorResult(
  index: number,
  script: string,
  span: Span,
  error: EngineError,
  kind?: string,
): StatementResult {
  const sql = script.slice(span.start, span.end);
  return {
    index,
    sql,
    span,
    kind: kind ?? statementKind(sql, 'sqlite'),
    columns: null,
    rows: [],
    rowsAffected: null,
    durationMs: 0,
    error,
  };
}
