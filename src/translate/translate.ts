/**
 * Translate a scenario's SQL between SQLite and PostgreSQL: parse with a real grammar
 * (sql-parser-cst), rewrite the constructs whose spelling or meaning differs, and report every
 * change, every construct that could not be translated, and every behaviour that still differs.
 * Nothing is dropped silently: untranslatable text is kept or commented out, and listed.
 */
import { DIALECT_LABEL, type Dialect, type TableSchema } from '../engine/types';
import type { Scenario, Scripts } from '../scenario/scenario';
import { quoteString } from '../builder/quote';
import { translateCreateTable } from './ddl';
import { translateInsert } from './dml';
import { returningToSqlite } from './returning';
import { translateExpressions } from './expressions';
import { SchemaModel } from './schemaModel';
import { applyEdits, lineAt, parseError, parseScript, quoteIdent, walk, type CstNode } from './sqlSource';
import { Translator, type Change, type Problem, type ScriptRole } from './translator';

export type { Change, Construct, Problem, ScriptRole } from './translator';

/** The outcome of translating one script. */
export interface ScriptTranslation {
  sql: string;
  /** What was rewritten, by source line. */
  changes: Change[];
  /** What could not be translated (kept as written, or commented out — each says which). */
  untranslatable: Problem[];
  /** Translated, but the two engines will still behave differently here. */
  warnings: Problem[];
}

/** A whole scenario translated: setup and statement, from one dialect to the other. */
export interface TranslationResult {
  from: Dialect;
  to: Dialect;
  setup: ScriptTranslation;
  statement: ScriptTranslation;
}

/** Optional knowledge about the tables. */
export interface TranslateContext {
  /** Tables as the engine introspected them (describe(setup) on the source engine). */
  tables?: TableSchema[];
  /** The source-dialect setup script, parsed for CREATE TABLE / CREATE UNIQUE INDEX (for statement scripts). */
  setup?: string;
  /** 'setup' scripts may get extra statements (identity sequence fixes); default 'statement'. */
  role?: ScriptRole;
}

type AnyNode = CstNode & Record<string, unknown>;

const POSTGRES_ONLY_STATEMENTS = new Set([
  'do_stmt',
  'create_function_stmt',
  'create_procedure_stmt',
  'create_extension_stmt',
  'create_schema_stmt',
  'create_sequence_stmt',
  'alter_sequence_stmt',
  'create_type_stmt',
  'set_parameter_stmt',
  'comment_stmt',
  'call_stmt',
]);
const SQLITE_ONLY_STATEMENTS = new Set([
  'create_trigger_stmt',
  'pragma_stmt',
  'attach_database_stmt',
  'detach_database_stmt',
  'create_virtual_table_stmt',
]);

function statementLabel(type: string): string {
  return type
    .replace(/_stmt$/, '')
    .replace(/_/g, ' ')
    .toUpperCase();
}

/** A CTE whose body writes (INSERT, UPDATE, DELETE or MERGE inside WITH), if the statement has one. */
function writingCte(node: AnyNode): CstNode | null {
  let found: CstNode | null = null;
  walk(node, (n) => {
    if (found) return false;
    if (n.type !== 'common_table_expr') return;
    let body = (n as AnyNode).expr as AnyNode | undefined;
    while (body?.type === 'paren_expr') body = body.expr as AnyNode;
    if (body && /^(insert|update|delete|merge)_stmt$/.test(body.type)) found = n;
  });
  return found;
}

function translateStatement(t: Translator, node: AnyNode): void {
  const type = node.type;
  const writing = t.to === 'sqlite' ? writingCte(node) : null;
  if (writing) {
    t.problem(
      writing,
      'statement',
      'an INSERT, UPDATE, DELETE or MERGE inside WITH is PostgreSQL-only (SQLite allows only SELECT there); kept as written, so SQLite will reject it. Run the write as a statement of its own, then a SELECT.',
    );
  }
  if (t.to === 'sqlite' && type === 'merge_stmt') {
    t.commentOut(node, 'MERGE');
    t.problem(
      node,
      'merge',
      `SQLite has no MERGE: the statement is commented out${t.role === 'statement' ? ' (a placeholder SELECT keeps the statements paired for Compare)' : ''}. Where the join condition is a unique key, write it as INSERT … ON CONFLICT (key) DO UPDATE (WHEN NOT MATCHED → the insert, WHEN MATCHED → the update); otherwise as separate UPDATE, INSERT and DELETE statements.`,
    );
    return;
  }
  if (
    (t.to === 'sqlite' && POSTGRES_ONLY_STATEMENTS.has(type)) ||
    (t.to === 'postgres' && SQLITE_ONLY_STATEMENTS.has(type))
  ) {
    t.commentOut(node, statementLabel(type));
    const why =
      type === 'create_trigger_stmt'
        ? ' (PostgreSQL triggers call a trigger function: CREATE FUNCTION … RETURNS trigger, then CREATE TRIGGER … EXECUTE FUNCTION)'
        : '';
    t.problem(
      node,
      'statement',
      `${statementLabel(type)} has no ${DIALECT_LABEL[t.to]} equivalent; commented out${why}`,
    );
    return;
  }
  if (type === 'create_table_stmt') translateCreateTable(t, node);
  if (type === 'insert_stmt') translateInsert(t, node);
  if (type === 'update_stmt' && t.to === 'postgres') {
    const clause = (node.clauses as AnyNode[]).find((c) => c.type === 'update_clause');
    const orAction = Translator.get(clause, 'orAction');
    if (orAction) {
      t.removeWithSpace(orAction);
      t.problem(
        orAction,
        'insertOr',
        `UPDATE ${t.text(orAction)}: PostgreSQL has no conflict resolution for UPDATE; removed (a conflict now fails the statement)`,
      );
    }
  }
  if (type === 'update_stmt' || type === 'delete_stmt') {
    const returning = (node.clauses as AnyNode[]).find((c) => c.type === 'returning_clause');
    if (returning && t.to === 'sqlite') returningToSqlite(t, returning);
  }
  if (translateExpressions(t, node)) t.commentOut(node, 'sequence function');
}

/** Translate one script from one dialect to the other. */
export function translateScript(
  sql: string,
  from: Dialect,
  to: Dialect,
  context: TranslateContext = {},
): ScriptTranslation {
  if (from === to) return { sql, changes: [], untranslatable: [], warnings: [] };
  const scripts = [
    ...(context.setup !== undefined ? [{ sql: context.setup, dialect: from }] : []),
    { sql, dialect: from },
  ];
  const schema = SchemaModel.build(context.tables, scripts);
  const t = new Translator(sql, from, to, schema, context.role ?? 'statement');
  const parsed = parseScript(sql, from);
  for (const f of parsed.failures) {
    t.problem(
      f.start,
      'syntax',
      `not translated: the ${DIALECT_LABEL[from]} parser could not read this statement (${f.message}); kept as written`,
    );
  }
  for (const { node, base } of parsed.statements) {
    t.base = base;
    const mark = { edits: t.edits.length, changes: t.changes.length };
    try {
      translateStatement(t, node as AnyNode);
    } catch (e) {
      // A syntax tree shape the rules did not expect: keep the statement as written, and say so.
      t.edits.length = mark.edits;
      t.changes.length = mark.changes;
      t.problem(
        base + (node.range?.[0] ?? 0),
        'syntax',
        `not translated: this statement has a form the translator does not handle (${e instanceof Error ? e.message : String(e)}); kept as written`,
      );
    }
  }
  let out = applyEdits(sql, t.edits);
  if (t.identityFixes.size) {
    const fixes = [...t.identityFixes.values()].map(
      ({ table, column }) =>
        `SELECT setval(pg_get_serial_sequence(${quoteString(quoteIdent(table, 'postgres'))}, ${quoteString(column)}), (SELECT max(${quoteIdent(column, 'postgres')}) FROM ${quoteIdent(table, 'postgres')}));`,
    );
    out = `${out.trimEnd()}\n\n-- Explicit ids do not advance an identity sequence: move it past them.\n${fixes.join('\n')}\n`;
    for (const { table, column } of t.identityFixes.values()) {
      t.change(
        sql.length,
        'identity',
        `added setval for ${table}.${column}: the setup inserts explicit ids, which PostgreSQL's identity sequence does not see`,
      );
    }
  }
  const error = parsed.failures.length ? null : parseError(out, to);
  if (error) {
    t.warn(
      sql.length,
      'syntax',
      `the translated text does not parse as ${DIALECT_LABEL[to]} (${error}); check the lines listed above`,
    );
  }
  const byLine = (a: Problem, b: Problem) => a.line - b.line;
  return {
    sql: out,
    changes: t.changes.sort(byLine),
    untranslatable: t.untranslatable.sort(byLine),
    warnings: t.warnings.sort(byLine),
  };
}

/** Translate a scenario's setup and statement; the statement sees the tables the setup creates. */
export function translateScenario(
  scripts: Scripts,
  from: Dialect,
  to: Dialect,
  context: { tables?: TableSchema[] } = {},
): TranslationResult {
  return {
    from,
    to,
    setup: translateScript(scripts.setup, from, to, { ...context, role: 'setup' }),
    statement: translateScript(scripts.statement, from, to, { ...context, setup: scripts.setup, role: 'statement' }),
  };
}

/** Translate a scenario's `from` texts into the other dialect. */
export function translateFrom(s: Scenario, from: Dialect, context: { tables?: TableSchema[] } = {}): TranslationResult {
  return translateScenario(s[from], from, from === 'sqlite' ? 'postgres' : 'sqlite', context);
}

/** Whether a translation needs the user's attention (something untranslatable or behaving differently). */
export function needsAttention(r: TranslationResult): boolean {
  return [r.setup, r.statement].some((s) => s.untranslatable.length > 0 || s.warnings.length > 0);
}

/** 1-based line of an offset (re-exported for the UI's line links). */
export { lineAt };
