/**
 * What translation needs to know about the tables: column types (to turn 0/1 into booleans), identity
 * columns, and unique keys (to infer a conflict target, or resolve `ON CONSTRAINT name`). Built from
 * the engine's introspection (TableSchema[]) and/or by parsing CREATE TABLE / CREATE UNIQUE INDEX
 * statements of a script.
 */
import type { Dialect, TableSchema } from '../engine/types';
import { parseScript, type CstNode } from './sqlSource';
import { dataTypeInfo } from './typeMap';

/** A column as translation sees it. */
interface ColumnModel {
  name: string;
  /** Upper-case base type name in the source dialect ('' when untyped). */
  type: string;
  identity: boolean;
  isBoolean: boolean;
}

/** A primary key, unique constraint or unique index. */
export interface KeyModel {
  name: string;
  kind: 'primary' | 'unique' | 'index';
  columns: string[];
  predicate: string | null;
  hasExpressions: boolean;
}

/** A table as translation sees it. */
export interface TableModel {
  name: string;
  columns: ColumnModel[];
  keys: KeyModel[];
}

type AnyNode = CstNode & Record<string, unknown>;
const lower = (s: string) => s.toLowerCase();

/** The last part of a possibly qualified name node (schema.table → table). */
export function nameOf(node: unknown): string | null {
  const n = node as AnyNode | undefined;
  if (!n) return null;
  if (n.type === 'identifier') return String(n.name);
  if (n.type === 'member_expr') return nameOf(n.property);
  if (n.type === 'alias') return nameOf(n.expr);
  return null;
}

/** The items of a `( … )` list node. */
export function listItems(node: unknown): AnyNode[] {
  const n = node as AnyNode | undefined;
  const expr = (n?.type === 'paren_expr' ? n.expr : n) as AnyNode | undefined;
  return expr?.type === 'list_expr' ? (expr.items as AnyNode[]) : expr ? [expr] : [];
}

/** Key columns of a constraint/index column list; expressions make the key unusable as a column list. */
function keyColumns(node: unknown): { columns: string[]; hasExpressions: boolean } {
  const columns: string[] = [];
  let hasExpressions = false;
  for (const item of listItems(node)) {
    const expr = item.type === 'index_specification' ? (item.expr as AnyNode) : item;
    const name = expr.type === 'identifier' ? String(expr.name) : null;
    if (name) columns.push(name);
    else hasExpressions = true;
  }
  return { columns, hasExpressions };
}

/** The tables known for a translation, looked up case-insensitively. */
export class SchemaModel {
  private readonly tables = new Map<string, TableModel>();

  /** Build from introspected tables (preferred) and from the CREATE statements of scripts. */
  static build(tables: readonly TableSchema[] | undefined, scripts: { sql: string; dialect: Dialect }[]): SchemaModel {
    const model = new SchemaModel();
    for (const { sql, dialect } of scripts) model.addScript(sql, dialect);
    for (const t of tables ?? []) model.addIntrospected(t);
    return model;
  }

  /** A table by name (unqualified, any case). */
  get(name: string | null): TableModel | undefined {
    return name === null ? undefined : this.tables.get(lower(name));
  }

  /**
   * What a column name holds in every known table that has it — 'boolean', 'integer' or 'other' —
   * or null when no table has it or the tables disagree (then nothing is rewritten).
   */
  columnClass(name: string): 'boolean' | 'integer' | 'other' | null {
    const classes = new Set(
      [...this.tables.values()]
        .flatMap((t) => t.columns.filter((c) => lower(c.name) === lower(name)))
        .map((c) => (c.isBoolean ? 'boolean' : c.type.includes('INT') ? 'integer' : 'other')),
    );
    return classes.size === 1 ? ([...classes][0] as 'boolean' | 'integer' | 'other') : null;
  }

  /** A key by constraint or index name, with its table. */
  findKey(name: string): { table: TableModel; key: KeyModel } | undefined {
    for (const table of this.tables.values()) {
      const key = table.keys.find((k) => lower(k.name) === lower(name));
      if (key) return { table, key };
    }
    return undefined;
  }

  /** Add or replace a table from the engine's introspection. */
  addIntrospected(t: TableSchema): void {
    const name = t.name.includes('.') ? t.name.slice(t.name.lastIndexOf('.') + 1) : t.name;
    this.tables.set(lower(name), {
      name,
      columns: t.columns.map((c) => ({
        name: c.name,
        type: c.type.toUpperCase(),
        identity: c.identity,
        isBoolean: /^BOOL/i.test(c.type),
      })),
      keys: t.uniqueKeys.map((k) => ({ ...k })),
    });
  }

  /** Add the tables and unique indexes a script creates. */
  addScript(sql: string, dialect: Dialect): void {
    for (const { node, base } of parseScript(sql, dialect).statements) {
      const n = node as AnyNode;
      if (n.type === 'create_table_stmt') this.addCreateTable(n, dialect);
      else if (n.type === 'create_index_stmt' && (n.indexTypeKw as AnyNode | undefined)?.name === 'UNIQUE') {
        const table = this.get(nameOf(n.table));
        const where = (n.clauses as AnyNode[]).find((c) => c.type === 'where_clause');
        const range = (where?.expr as CstNode | undefined)?.range;
        table?.keys.push({
          name: nameOf(n.name) ?? 'unique_index',
          kind: 'index',
          ...keyColumns(n.columns),
          predicate: range ? sql.slice(base + range[0], base + range[1]) : null,
        });
      }
    }
  }

  private addCreateTable(n: AnyNode, dialect: Dialect): void {
    const name = nameOf(n.name);
    if (!name) return;
    const table: TableModel = { name, columns: [], keys: [] };
    const implicitName = (kind: 'primary' | 'unique', cols: string[], i: number) =>
      dialect === 'postgres'
        ? kind === 'primary'
          ? `${name}_pkey`
          : `${name}_${cols.join('_')}_key`
        : `sqlite_autoindex_${name}_${i}`;
    const addKey = (
      kind: 'primary' | 'unique',
      cols: { columns: string[]; hasExpressions: boolean },
      given: string | null,
    ) => {
      const key: KeyModel = {
        name: given ?? implicitName(kind, cols.columns, table.keys.length + 1),
        kind,
        ...cols,
        predicate: null,
      };
      if (kind === 'primary') table.keys.unshift(key);
      else table.keys.push(key);
    };
    for (const item of listItems(n.columns)) {
      const named =
        item.type === 'constraint' ? String(nameOf((item.name as AnyNode | undefined)?.name) ?? '') || null : null;
      const c = (item.type === 'constraint' ? item.constraint : item) as AnyNode;
      if (c.type === 'column_definition') {
        const col = String(nameOf(c.name));
        const info = dataTypeInfo(c.dataType);
        const constraints = (c.constraints as AnyNode[]).map((k) =>
          k.type === 'constraint' ? (k.constraint as AnyNode) : k,
        );
        const pk = constraints.some((k) => k.type === 'constraint_primary_key');
        const identity =
          constraints.some(
            (k) => k.type === 'constraint_generated' && (k.expr as AnyNode | undefined)?.type === 'identity_column',
          ) ||
          /SERIAL/.test(info.base) ||
          (dialect === 'sqlite' && pk && info.base === 'INTEGER');
        table.columns.push({
          name: col,
          type: info.base,
          identity,
          isBoolean: info.base === 'BOOLEAN' || info.base === 'BOOL',
        });
        if (pk) addKey('primary', { columns: [col], hasExpressions: false }, null);
        if (constraints.some((k) => k.type === 'constraint_unique'))
          addKey('unique', { columns: [col], hasExpressions: false }, null);
      } else if (c.type === 'constraint_primary_key') addKey('primary', keyColumns(c.columns), named);
      else if (c.type === 'constraint_unique') addKey('unique', keyColumns(c.columns), named);
    }
    this.tables.set(lower(name), table);
  }
}
