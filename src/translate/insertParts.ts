/** The parts of an INSERT statement that the translation rules look at, read once from its syntax tree. */
import type { TableModel } from './schemaModel';
import { listItems, nameOf } from './schemaModel';
import type { CstNode } from './sqlSource';
import { Translator } from './translator';

type AnyNode = CstNode & Record<string, unknown>;
const get = Translator.get;

/** The parts of an INSERT the rules look at. */
export interface InsertParts {
  stmt: AnyNode;
  clause: AnyNode;
  table: TableModel | undefined;
  tableName: string;
  /** Inserted column names as written (null = no list: all columns in order). */
  columns: string[] | null;
  upserts: AnyNode[];
  returning: AnyNode | undefined;
  source: AnyNode | undefined;
  /** Offset where a new ON CONFLICT clause goes. */
  upsertAt: number;
  sep: string;
}

/** Read an INSERT statement's parts. */
export function parts(t: Translator, stmt: AnyNode): InsertParts {
  const clauses = stmt.clauses as AnyNode[];
  const clause = clauses.find((c) => c.type === 'insert_clause')!;
  const tableNode = get(clause, 'table');
  const columnList = get(clause, 'columns') ?? get(tableNode, 'columnAliases');
  const columns = columnList ? listItems(columnList).map((c) => nameOf(c) ?? t.text(c)) : null;
  const tableName = nameOf(tableNode) ?? '';
  const upserts = clauses.filter((c) => c.type === 'upsert_clause');
  const returning = clauses.find((c) => c.type === 'returning_clause');
  const source = clauses.find(
    (c) => c.type === 'values_clause' || c.type.endsWith('select_stmt') || c.type === 'default_values',
  );
  const before = clauses.filter((c) => c.type !== 'upsert_clause' && c.type !== 'returning_clause');
  const upsertAt = t.span(before[before.length - 1])[1];
  return {
    stmt,
    clause,
    table: t.schema.get(tableName),
    tableName,
    columns,
    upserts,
    returning,
    source,
    upsertAt,
    sep: t.text(stmt).includes('\n') ? '\n' : ' ',
  };
}
