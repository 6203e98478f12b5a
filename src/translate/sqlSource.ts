/**
 * Parsing and editing SQL text for translation. Scripts are parsed with sql-parser-cst (a real
 * SQLite/PostgreSQL grammar that keeps source ranges); translations are expressed as edits on the
 * ranges of syntax-tree nodes and applied to the original text, so whitespace, comments and
 * everything not translated stay exactly as the user wrote them.
 */
import { parse, type Node, type Program } from 'sql-parser-cst';
import type { Dialect } from '../engine/types';
import { isKeyword } from '../builder/quote';

/** Any syntax-tree node (with ranges: parsing always asks for them). */
export type CstNode = Node & { range?: [number, number] };

/** A statement of a script with the offset its node ranges are relative to. */
export interface ParsedStatement {
  node: CstNode;
  /** Added to node ranges to get offsets in the whole script (non-zero after a fallback split). */
  base: number;
}

/** A part of the script that could not be parsed. */
export interface ParseFailure {
  start: number;
  end: number;
  message: string;
}

const PARSER_DIALECT: Record<Dialect, 'sqlite' | 'postgresql'> = { sqlite: 'sqlite', postgres: 'postgresql' };

function parseProgram(sql: string, dialect: Dialect): Program {
  return parse(sql, { dialect: PARSER_DIALECT[dialect], includeRange: true, paramTypes: ['?', '$nr', ':name'] });
}

/**
 * Split a script at top-level semicolons, skipping quotes, comments and dollar quotes. Only used
 * when the whole script does not parse, so one unsupported statement does not stop the rest.
 */
export function splitStatements(sql: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    if (c === "'" || c === '"' || c === '`') {
      const close = sql.indexOf(c, i + 1);
      i = close < 0 ? sql.length : close + 1;
    } else if (c === '[') {
      const close = sql.indexOf(']', i + 1);
      i = close < 0 ? sql.length : close + 1;
    } else if (c === '-' && sql[i + 1] === '-') {
      const nl = sql.indexOf('\n', i);
      i = nl < 0 ? sql.length : nl + 1;
    } else if (c === '/' && sql[i + 1] === '*') {
      const close = sql.indexOf('*/', i + 2);
      i = close < 0 ? sql.length : close + 2;
    } else if (c === '$') {
      const tag = /^\$[A-Za-z_]*\$/.exec(sql.slice(i, i + 64))?.[0];
      if (tag) {
        const close = sql.indexOf(tag, i + tag.length);
        i = close < 0 ? sql.length : close + tag.length;
      } else i++;
    } else if (c === ';') {
      out.push({ start, end: i });
      start = ++i;
    } else i++;
  }
  if (sql.slice(start).trim()) out.push({ start, end: sql.length });
  return out.filter((r) => sql.slice(r.start, r.end).trim() !== '');
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/^Syntax Error: /, 'syntax error: ');
}

/** Parse a script; on a syntax error, parse it statement by statement and report what failed. */
export function parseScript(
  sql: string,
  dialect: Dialect,
): { statements: ParsedStatement[]; failures: ParseFailure[] } {
  try {
    const program = parseProgram(sql, dialect);
    const statements = program.statements.filter((s) => s.type !== 'empty').map((node) => ({ node: node, base: 0 }));
    return { statements, failures: [] };
  } catch {
    const statements: ParsedStatement[] = [];
    const failures: ParseFailure[] = [];
    for (const part of splitStatements(sql)) {
      try {
        const program = parseProgram(sql.slice(part.start, part.end), dialect);
        for (const node of program.statements)
          if (node.type !== 'empty') statements.push({ node: node, base: part.start });
      } catch (e) {
        const lead = sql.slice(part.start, part.end).search(/\S/);
        failures.push({
          start: part.start + Math.max(lead, 0),
          end: part.end,
          message: firstLine(e instanceof Error ? e.message : String(e)),
        });
      }
    }
    return { statements, failures };
  }
}

/** Whether a script parses in a dialect (used to check translations). */
export function parseError(sql: string, dialect: Dialect): string | null {
  try {
    parseProgram(sql, dialect);
    return null;
  } catch (e) {
    return firstLine(e instanceof Error ? e.message : String(e));
  }
}

/** Visit every node under `node` (depth first); return false from `visit` to skip a subtree. */
export function walk(node: unknown, visit: (n: CstNode) => boolean | void): void {
  if (Array.isArray(node)) {
    for (const item of node) walk(item, visit);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const n = node as CstNode;
  if (typeof n.type === 'string' && visit(n) === false) return;
  for (const [key, value] of Object.entries(n)) {
    if (key !== 'range' && value && typeof value === 'object') walk(value, visit);
  }
}

/** One text edit: replace [start, end) of the original script with `text`. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * Apply edits to a text. Edits must not overlap; where they would (a construct edited inside a
 * region already replaced), the later edit is dropped: the outer replacement wins.
 */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = edits
    .map((e, order) => ({ ...e, order }))
    // At one offset: insertions first (in the order made), then the widest replacement.
    .sort(
      (a, b) =>
        a.start - b.start || Number(a.end > a.start) - Number(b.end > b.start) || b.end - a.end || a.order - b.order,
    );
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    if (e.start < pos) continue;
    out += text.slice(pos, e.start) + e.text;
    pos = Math.max(pos, e.end);
  }
  return out + text.slice(pos);
}

/** 1-based line of an offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Turn text into a block comment that cannot end early. */
export function blockComment(text: string): string {
  return `/* ${text.replace(/\*\//g, '* /')} */`;
}

/** Turn text into line comments, one `-- ` per line. */
export function lineComments(text: string): string {
  return text
    .split('\n')
    .map((l) => `-- ${l}`)
    .join('\n');
}

const PLAIN_IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * An identifier as SQL text in `dialect`: bare when it is a plain name and not one of the
 * dialect's keywords, else double-quoted. Unlike the builder's `quoteIdent` (which names catalog
 * entries and so quotes capitals too), capitals stay bare here: the translator copies names from
 * the user's script, where an unquoted `Users` means the same table in the translated script.
 */
export function quoteIdent(name: string, dialect: Dialect): string {
  return PLAIN_IDENT.test(name) && !isKeyword(name, dialect) ? name : `"${name.replace(/"/g, '""')}"`;
}
