/**
 * `:name` parameters in a statement (as SQLAlchemy's `text()` writes them), replaced by SQL
 * literals before a run, so the same statement is checked against every data set. Written by hand:
 * the rule is small (skip quoted text, comments and `::` casts) and no SQL parser is loaded here.
 */
import type { Value } from '../engine/types';
import { realLiteral, isReal } from '../engine/values';

/** A value as a SQL literal both engines read the same way. */
export function sqlLiteral(v: Value): string {
  if (v === null) return 'NULL';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (isReal(v)) return realLiteral(v.real);
  if (typeof v === 'object') return `X'${v.blob}'`;
  return `'${v.replace(/'/g, "''")}'`;
}

/** The outcome of binding: the SQL to run, or the parameters the exercise does not have. */
export type Bound = { ok: true; sql: string } | { ok: false; unknown: string[] };

const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;

/** Replace every `:name` outside quotes and comments by its literal. */
export function bindParams(sql: string, params: Record<string, Value>): Bound {
  let out = '';
  const unknown: string[] = [];
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const c = sql[i]!;
    let end = i + 1;
    if (c === "'" || c === '"' || c === '`') {
      end = sql.indexOf(c, i + 1);
      // A doubled quote inside the literal continues it.
      while (end !== -1 && sql[end + 1] === c) end = sql.indexOf(c, end + 2);
      end = end === -1 ? n : end + 1;
    } else if (c === '-' && sql[i + 1] === '-') {
      end = sql.indexOf('\n', i);
      end = end === -1 ? n : end;
    } else if (c === '/' && sql[i + 1] === '*') {
      end = sql.indexOf('*/', i + 2);
      end = end === -1 ? n : end + 2;
    } else if (c === '$') {
      const tag = /\$[A-Za-z_]*\$/y;
      tag.lastIndex = i;
      const m = tag.exec(sql);
      if (m) {
        end = sql.indexOf(m[0], i + m[0].length);
        end = end === -1 ? n : end + m[0].length;
      }
    } else if (c === ':' && sql[i + 1] === ':') {
      end = i + 2; // a PostgreSQL cast
    } else if (c === ':' && !/[A-Za-z0-9_]/.test(sql[i - 1] ?? '')) {
      NAME.lastIndex = i + 1;
      const m = NAME.exec(sql);
      if (m) {
        const name = m[0];
        if (Object.hasOwn(params, name)) out += sqlLiteral(params[name]!);
        else if (!unknown.includes(name)) unknown.push(name);
        i += 1 + name.length;
        continue;
      }
    }
    out += sql.slice(i, end);
    i = end;
  }
  return unknown.length ? { ok: false, unknown } : { ok: true, sql: out };
}
