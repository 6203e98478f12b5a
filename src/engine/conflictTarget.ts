/**
 * Help for "there is no unique or exclusion constraint matching the ON CONFLICT specification"
 * (PostgreSQL 42P10) and SQLite's "ON CONFLICT clause does not match any PRIMARY KEY or UNIQUE
 * constraint": the table's unique keys as the engine introspected them, and which one the
 * conflict target almost matched. It starts from the engine's error; it only compares the
 * target's column list with the keys' (both engines want the same set of columns, and a partial
 * index's predicate repeated).
 */
import type { EngineError, TableSchema, UniqueKey } from './types.ts';

const NO_MATCHING_KEY =
  /no unique or exclusion constraint matching the ON CONFLICT specification|ON CONFLICT clause does not match any PRIMARY KEY or UNIQUE constraint/i;

export interface ConflictTargetHelp {
  table: string;
  /** The conflict target as written (inside the parentheses), or null when there is none. */
  target: string | null;
  /** The table's unique keys, described. */
  keys: string[];
  /** What the target almost matched and what is missing. */
  advice: string;
}

const bare = (s: string): string => s.trim().replace(/^"|"$/g, '').replace(/""/g, '"').toLowerCase();

/** Split at commas outside parentheses. */
function splitTop(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur);
  return out;
}

function describeKey(k: UniqueKey): string {
  const what = k.kind === 'primary' ? 'primary key' : k.kind === 'unique' ? 'unique constraint' : 'unique index';
  const name = k.name.startsWith('sqlite_autoindex_') ? '' : ` ${k.name}`;
  return `${what}${name} (${k.columns.join(', ')})${k.predicate ? ` WHERE ${k.predicate}` : ''}`;
}

const sameSet = (a: string[], b: string[]): boolean =>
  a.length === b.length && a.every((x) => b.includes(x)) && b.every((x) => a.includes(x));

/** `ON CONFLICT (target) [WHERE …] DO`: the target's text and its WHERE. */
const TARGET = /\bON\s+CONFLICT\s*\(((?:[^()]|\([^()]*\))*)\)\s*(?:WHERE\s+([\s\S]*?))?\s*DO\b/i;
/** `ON CONFLICT ON CONSTRAINT name` (PostgreSQL). */
const CONSTRAINT = /\bON\s+CONFLICT\s+ON\s+CONSTRAINT\s+(?:"((?:[^"]|"")*)"|([\w$]+))/i;

/** The keys of `schema` the statement's conflict target names: by its columns or its constraint's name. */
export function targetKeys(sql: string, schema: TableSchema): UniqueKey[] {
  const named = CONSTRAINT.exec(sql);
  if (named) {
    const name = named[1]?.replace(/""/g, '"') ?? named[2]!.toLowerCase();
    return schema.uniqueKeys.filter((k) => k.name === name);
  }
  const m = TARGET.exec(sql);
  if (!m) return [];
  const cols = splitTop(m[1]!).map(bare);
  return schema.uniqueKeys.filter((k) => !k.hasExpressions && sameSet(k.columns.map(bare), cols));
}

/** The help for a statement that failed because its conflict target matched no key. */
export function conflictTargetHelp(
  sql: string,
  error: EngineError | undefined,
  schemas: TableSchema[],
): ConflictTargetHelp | undefined {
  if (!error || !NO_MATCHING_KEY.test(error.message)) return undefined;
  const into = /\bINTO\s+((?:"(?:[^"]|"")*"|[\w$]+)(?:\s*\.\s*(?:"(?:[^"]|"")*"|[\w$]+))?)/i.exec(sql);
  if (!into) return undefined;
  const parts = into[1]!.split(/\s*\.\s*/).map(bare);
  const name = parts[parts.length - 1]!;
  const schema = schemas.find(
    (t) =>
      t.name.toLowerCase() === parts.join('.') ||
      (t.name.toLowerCase() === name && (parts.length === 1 || t.schema.toLowerCase() === parts[0])),
  );
  if (!schema) return undefined;
  const m = TARGET.exec(sql);
  const target = m ? m[1]!.trim() : null;
  const cols = target ? splitTop(target).map(bare) : [];
  const where = m?.[2]?.trim();
  const keys = schema.uniqueKeys.map(describeKey);
  const t = `ON CONFLICT (${target ?? ''})`;
  let advice: string;
  const same = schema.uniqueKeys.find((k) => !k.hasExpressions && sameSet(k.columns.map(bare), cols));
  const wider = schema.uniqueKeys.find(
    (k) => !k.hasExpressions && cols.length > 0 && cols.every((c) => k.columns.map(bare).includes(c)),
  );
  const narrower = schema.uniqueKeys.find(
    (k) => !k.hasExpressions && k.columns.length > 0 && k.columns.map(bare).every((c) => cols.includes(c)),
  );
  if (schema.uniqueKeys.length === 0) {
    advice = `${schema.name} has no primary key and no unique constraint, so no row can conflict: add UNIQUE (${target ?? 'the key columns'}) to the table (or a primary key), then the target matches it.`;
  } else if (!target) {
    advice = 'The statement names no conflict target: write the columns of one of the keys above.';
  } else if (same?.predicate && !where) {
    advice = `The target almost matches the partial ${describeKey(same)}: that index covers only the rows where ${same.predicate}, so the target must repeat its condition: ON CONFLICT (${target}) WHERE ${same.predicate}.`;
  } else if (same?.predicate && where) {
    advice = `The target almost matches the partial ${describeKey(same)}, but its WHERE (${where}) is not the index's condition (${same.predicate}): repeat the index's condition.`;
  } else if (wider) {
    advice = `The target names only some columns of the ${describeKey(wider)}: a key matches only when the target names all its columns, ${t.replace(target, wider.columns.join(', '))}.`;
  } else if (narrower) {
    advice = `The target names more columns than the ${describeKey(narrower)}: a key matches only when the target names exactly its columns, ON CONFLICT (${narrower.columns.join(', ')}).`;
  } else if (schema.uniqueKeys.some((k) => k.hasExpressions)) {
    advice = `No key has exactly the columns (${cols.join(', ')}); a key on an expression matches only a target that repeats the expression.`;
  } else {
    advice = `No key of ${schema.name} has exactly the columns (${cols.join(', ')}): name the columns of one of the keys above, or add UNIQUE (${cols.join(', ')}) to the table.`;
  }
  return { table: schema.name, target, keys, advice };
}
