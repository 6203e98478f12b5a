/**
 * Binding placeholder values, the engine's side: which placeholder is unbound, the argument list
 * each engine takes for one statement, and SQL-expression values evaluated by the engine. The
 * values are always bound by the engine: they never become part of the SQL text.
 */
import { findPlaceholders, type Placeholder } from './placeholders.ts';
import type { Dialect, EngineError, RunParams, Span } from './types.ts';
import { lineColumn } from './sqlText.ts';

/** A bindable scalar (SQL expressions already evaluated). */
export type Scalar = null | boolean | number | string;
/** Values by key, ready to bind. */
export type ResolvedParams = Record<string, Scalar>;

/** How a placeholder is shown in messages: as written, e.g. `:email`, `?` (value 2), `$1`. */
function describePlaceholder(p: Placeholder): string {
  return p.style === 'question' && p.text === '?' ? `? (value ${p.key})` : p.text;
}

/**
 * The first placeholder with no value in `params`, as an error located in its script (null when
 * every placeholder has one). `spans` are the statements of the script, to mark the failing one.
 */
export function unboundError(
  script: string,
  phase: 'setup' | 'statement',
  dialect: Dialect,
  params: RunParams | undefined,
  spans: Span[],
): EngineError | null {
  const p = findPlaceholders(script, dialect).find(
    (x) => !(params && Object.prototype.hasOwnProperty.call(params, x.key)),
  );
  if (!p) return null;
  const index = Math.max(
    0,
    spans.findIndex((s) => s.start <= p.start && p.start < s.end),
  );
  const { line, column } = lineColumn(script, p.start);
  return {
    message: `The placeholder ${describePlaceholder(p)} has no value, so nothing was run: give it a value (a placeholder is never filled with NULL silently).`,
    phase,
    statementIndex: index,
    span: spans[index] ?? { start: p.start, end: p.end },
    position: p.start,
    line,
    column,
  };
}

/** Evaluate the SQL-expression values with the engine's `evaluate`; plain values pass through. */
export async function resolveParams(
  params: RunParams | undefined,
  evaluate: (expr: string) => Promise<Scalar>,
): Promise<ResolvedParams> {
  const out: ResolvedParams = {};
  for (const [k, v] of Object.entries(params ?? {})) {
    if (v !== null && typeof v === 'object') {
      try {
        out[k] = await evaluate(v.sql);
      } catch (e) {
        throw new Error(
          `The value of parameter ${k} is the SQL expression ${v.sql}, which failed: ${e instanceof Error ? e.message : String(e)}`,
        );
      }
    } else out[k] = v;
  }
  return out;
}

/**
 * SQLite: the text to prepare (only `%(name)s` is respelled, as `:name` padded to the same length,
 * so every offset stays put) and the argument array by SQLite's parameter number. SQLite numbers
 * parameters as it meets them: `?` takes the next number, `?NNN` takes NNN, a name (`:a`, `$1`)
 * takes the next number the first time it is seen.
 */
export function sqliteStatementArgs(sql: string, params: ResolvedParams): { sql: string; args: Scalar[] | null } {
  const list = findPlaceholders(sql, 'sqlite');
  if (!list.length) return { sql, args: null };
  let text = sql;
  const byIndex: Scalar[] = [];
  const names = new Map<string, number>();
  let max = 0;
  for (const p of list) {
    let index: number;
    if (p.style === 'question') {
      index = p.text === '?' ? max + 1 : Number(p.key);
    } else {
      const name = p.style === 'pyformat' ? `:${p.key}` : p.text;
      index = names.get(name) ?? max + 1;
      names.set(name, index);
    }
    max = Math.max(max, index);
    byIndex[index - 1] = params[p.key] ?? null;
    if (p.style === 'pyformat') {
      const spelled = `:${p.key}`.padEnd(p.end - p.start, ' ');
      text = text.slice(0, p.start) + spelled + text.slice(p.end);
    }
  }
  for (let k = 0; k < max; k++) if (byIndex[k] === undefined) byIndex[k] = null;
  return { sql: text, args: byIndex };
}

/** PostgreSQL: the statement with every placeholder as `$n` (numbered by key, first seen first), its values, and a map from positions in the new text back to the old. */
export function postgresStatementArgs(
  sql: string,
  params: ResolvedParams,
): { sql: string; args: Scalar[]; toOriginal: (offset: number) => number } | null {
  const list = findPlaceholders(sql, 'postgres');
  if (!list.length) return null;
  const order = new Map<string, number>();
  // Positional keys keep their numbers ($2 stays the second value); named keys follow them.
  for (const p of list) if (/^[0-9]+$/.test(p.key)) order.set(p.key, Number(p.key));
  let next = Math.max(0, ...order.values());
  for (const p of list) if (!order.has(p.key)) order.set(p.key, ++next);
  const args: Scalar[] = [];
  for (const [k, n] of order) args[n - 1] = params[k] ?? null;
  for (let k = 0; k < next; k++) if (args[k] === undefined) args[k] = null;
  let out = '';
  let at = 0;
  const shifts: { newStart: number; oldStart: number; newEnd: number; oldEnd: number }[] = [];
  for (const p of list) {
    out += sql.slice(at, p.start);
    const rep = `$${order.get(p.key)!}`;
    shifts.push({ newStart: out.length, oldStart: p.start, newEnd: out.length + rep.length, oldEnd: p.end });
    out += rep;
    at = p.end;
  }
  out += sql.slice(at);
  const toOriginal = (offset: number): number => {
    let delta = 0;
    for (const s of shifts) {
      if (offset < s.newStart) break;
      if (offset < s.newEnd) return s.oldStart;
      delta = s.oldEnd - s.newEnd;
    }
    return offset + delta;
  };
  return { sql: out, args, toOriginal };
}
