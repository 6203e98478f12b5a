/**
 * PGlite's errors as EngineErrors: SQLSTATE, detail, hint, context, the internal query, and the
 * position mapped into the script.
 */
import { codePointOffset, lineColumn } from './sqlText.ts';
import type { EngineError, Span } from './types.ts';

interface PgErrorLike {
  message: string;
  code?: string;
  position?: string;
  detail?: string;
  hint?: string;
  where?: string;
  internalQuery?: string;
  internalPosition?: string;
}

/** An error of one statement, located in the whole script (Postgres counts characters, 1-based). */
export function toEngineError(
  e: unknown,
  script: string,
  span: Span,
  index: number,
  phase: 'setup' | 'statement',
  bound?: { sql: string; toOriginal: (offset: number) => number } | null,
): EngineError {
  const err = (typeof e === 'object' && e !== null ? e : { message: String(e) }) as PgErrorLike;
  const out: EngineError = { message: err.message ?? String(e), phase, statementIndex: index, span };
  if (err.code) out.code = err.code;
  if (err.detail) out.detail = err.detail;
  if (err.hint) out.hint = err.hint;
  if (err.where) out.context = err.where;
  if (err.internalQuery) {
    out.internalQuery = err.internalQuery;
    const at = Number(err.internalPosition);
    if (Number.isInteger(at) && at > 0) out.internalPosition = at;
  }
  const pos = Number(err.position);
  if (Number.isInteger(pos) && pos > 0) {
    // With placeholders respelled as $n, the server counts in the respelled text: map back.
    out.position = bound
      ? span.start + bound.toOriginal(codePointOffset(bound.sql, 0, pos - 1))
      : codePointOffset(script, span.start, pos - 1);
  }
  const { line, column } = lineColumn(script, out.position ?? span.start);
  out.line = line;
  out.column = column;
  return out;
}
