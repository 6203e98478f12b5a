/**
 * The upsert form's state and the rules that relate it to a table schema and a dialect.
 * Pure data and functions: the React form, the SQL generator and the SQLAlchemy generator all
 * read the same state. The state is dialect-neutral so a dialect switch regenerates from it.
 */
import type { ColumnInfo, Dialect, TableSchema, UniqueKey } from '../engine/types';
import type { Cell } from './coltype';

export type { Cell } from './coltype';

/** The upsert strategies the form offers. */
export type Strategy = 'doUpdate' | 'doNothing' | 'orReplace' | 'orIgnore' | 'merge' | 'twoStep';

/** Strategies in the order the form lists them. */
export const STRATEGIES: readonly Strategy[] = ['doUpdate', 'doNothing', 'orReplace', 'orIgnore', 'merge', 'twoStep'];

/** Labels for the strategies. */
export const STRATEGY_LABEL: Record<Strategy, string> = {
  doUpdate: 'ON CONFLICT … DO UPDATE',
  doNothing: 'ON CONFLICT … DO NOTHING',
  orReplace: 'INSERT OR REPLACE',
  orIgnore: 'INSERT OR IGNORE',
  merge: 'MERGE',
  twoStep: 'Two steps: SELECT, then UPDATE or INSERT',
};

/** The conflict target: a key's columns (with its predicate), a named constraint, or none. */
export type TargetChoice =
  | { kind: 'key'; name: string; columns: string[] }
  | { kind: 'constraint'; name: string; columns: string[] }
  | { kind: 'none' };

/** What happens to one column when the row already exists. */
export type ActionKind = 'excluded' | 'keep' | 'add' | 'coalesce' | 'increment' | 'now' | 'custom';

/** Actions in the order the form lists them, with labels. */
export const ACTION_LABEL: Record<ActionKind, string> = {
  excluded: 'New value',
  keep: 'Keep existing',
  add: 'Add (existing + new)',
  coalesce: 'New unless NULL',
  increment: 'Increment by 1',
  now: 'Current timestamp',
  custom: 'Custom expression',
};

/** One column's on-conflict action; `expr` is the custom expression (kept while another kind is chosen). */
export interface ColumnAction {
  kind: ActionKind;
  expr: string;
}

/** When the update happens. */
export type ConditionKind = 'none' | 'changed' | 'newer' | 'custom';

/** The update condition; `column` for "newer", `expr` for custom. */
interface UpdateCondition {
  kind: ConditionKind;
  column: string;
  expr: string;
}

/** What comes back. `action` adds an inserted/updated column where the dialect can tell. */
interface ReturningChoice {
  kind: 'none' | 'all' | 'columns';
  columns: string[];
  action: boolean;
}

/** The whole form. Rows are keyed by column name so they survive column toggles and dialect switches. */
export interface BuilderState {
  table: string;
  /** Columns the INSERT lists, in table order. */
  insertColumns: string[];
  rows: Record<string, Cell>[];
  strategy: Strategy;
  target: TargetChoice;
  actions: Record<string, ColumnAction>;
  condition: UpdateCondition;
  returning: ReturningChoice;
}

/** Finds a table by name: exact first, then case-insensitively (SQLite keeps case, Postgres folds it). */
export function findTable(tables: readonly TableSchema[], name: string): TableSchema | undefined {
  return tables.find((t) => t.name === name) ?? tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
}

/** Finds a column by name: exact first, then case-insensitively. */
export function findColumn(table: TableSchema, name: string): ColumnInfo | undefined {
  return (
    table.columns.find((c) => c.name === name) ?? table.columns.find((c) => c.name.toLowerCase() === name.toLowerCase())
  );
}

/** Columns that can be inserted or set (generated columns cannot). */
export function insertableColumns(table: TableSchema): ColumnInfo[] {
  return table.columns.filter((c) => !c.generated);
}

/** The table name without its schema prefix. */
export function bareTableName(table: TableSchema): string {
  const prefix = `${table.schema}.`;
  return table.name.startsWith(prefix) ? table.name.slice(prefix.length) : table.name;
}

/** Why a key cannot serve as a column-list conflict target, or null when it can. */
export function keyUnusableReason(key: UniqueKey): string | null {
  if (key.hasExpressions) return 'contains expressions, which the form cannot restate as a column list';
  return null;
}

/** Finds a unique key for a target name; falls back to a key with the same columns (names differ per engine). */
export function findKey(table: TableSchema, name: string, hintColumns?: string[]): UniqueKey | undefined {
  const exact = table.uniqueKeys.find((k) => k.name === name);
  if (exact || !hintColumns) return exact;
  const want = hintColumns
    .map((c) => c.toLowerCase())
    .sort()
    .join('\u0000');
  return table.uniqueKeys.find(
    (k) =>
      k.columns
        .map((c) => c.toLowerCase())
        .sort()
        .join('\u0000') === want,
  );
}

/** The first key usable as a column-list target (primary key first), if any. */
export function firstUsableKey(table: TableSchema): UniqueKey | undefined {
  return table.uniqueKeys.find((k) => keyUnusableReason(k) === null);
}

/** Default on-conflict action for a column: take the new value when it is inserted, else keep it. */
function defaultAction(column: string, insertColumns: readonly string[]): ColumnAction {
  return { kind: insertColumns.includes(column) ? 'excluded' : 'keep', expr: '' };
}

/**
 * A column whose values come from a sequence: an identity column, SQLite's INTEGER PRIMARY KEY, or
 * a SERIAL / DEFAULT nextval(…) column (what SQLAlchemy's Column(Integer, primary_key=True) makes
 * on PostgreSQL). The form treats them alike: not inserted nor updated unless chosen.
 */
export function numberedColumn(c: ColumnInfo): boolean {
  return c.identity || /^nextval\(/i.test(c.defaultExpr ?? '');
}

/** Default insert columns: everything insertable, leaving out identity columns that are not in the primary key
 *  when another key exists (they usually come from a sequence). */
function defaultInsertColumns(table: TableSchema): string[] {
  const otherKey = table.uniqueKeys.some((k) => k.kind !== 'primary' && keyUnusableReason(k) === null);
  return insertableColumns(table)
    .filter((c) => !(numberedColumn(c) && otherKey))
    .map((c) => c.name);
}

/** A fresh empty row: every cell NULL until typed into. */
export function emptyRow(columns: readonly string[]): Record<string, Cell> {
  return Object.fromEntries(columns.map((c) => [c, null]));
}

/** The form's starting state for a table: DO UPDATE (or DO NOTHING without a key) on its first usable key. */
export function defaultBuilderState(table: TableSchema, dialect: Dialect): BuilderState {
  const insertColumns = defaultInsertColumns(table);
  // When the primary key is left out of the insert (an identity column), conflict on another key.
  const pkInserted = table.primaryKey.every((c) => insertColumns.includes(c));
  const key = pkInserted
    ? firstUsableKey(table)
    : table.uniqueKeys.find((k) => k.kind !== 'primary' && keyUnusableReason(k) === null);
  const strategy: Strategy = key || dialect === 'sqlite' ? 'doUpdate' : 'doNothing';
  return {
    table: table.name,
    insertColumns,
    rows: [emptyRow(insertColumns)],
    strategy,
    target: key ? { kind: 'key', name: key.name, columns: [...key.columns] } : { kind: 'none' },
    // Identity columns keep their value: Postgres refuses to update GENERATED ALWAYS ones.
    actions: Object.fromEntries(
      insertableColumns(table).map((c) => [
        c.name,
        numberedColumn(c) ? { kind: 'keep', expr: '' } : defaultAction(c.name, insertColumns),
      ]),
    ),
    condition: { kind: 'none', column: '', expr: '' },
    returning: { kind: 'none', columns: [], action: false },
  };
}

/** The action chosen for a column (default when the state has none for it). */
export function actionFor(state: BuilderState, column: string): ColumnAction {
  const direct = state.actions[column];
  if (direct) return direct;
  const lower = column.toLowerCase();
  const match = Object.entries(state.actions).find(([k]) => k.toLowerCase() === lower);
  return match ? match[1] : defaultAction(column, state.insertColumns);
}

/** The cell of a row for a column (case-insensitive fallback; missing cells are NULL). */
export function cellFor(row: Record<string, Cell>, column: string): Cell {
  if (column in row) return row[column] ?? null;
  const lower = column.toLowerCase();
  const match = Object.keys(row).find((k) => k.toLowerCase() === lower);
  return match === undefined ? null : (row[match] ?? null);
}

/** The insert columns of the state resolved against the table (unknown names dropped, table order kept). */
export function resolvedInsertColumns(state: BuilderState, table: TableSchema): ColumnInfo[] {
  const wanted = new Set(state.insertColumns.map((c) => c.toLowerCase()));
  const exact = new Set(state.insertColumns);
  return insertableColumns(table).filter((c) => exact.has(c.name) || wanted.has(c.name.toLowerCase()));
}

/**
 * Problems that keep the form from producing a statement, in words for the form. The generator
 * reports these too (plus the ones that depend on the dialect's plan, e.g. MERGE key columns).
 */
export function validateState(state: BuilderState, table: TableSchema): string[] {
  const problems: string[] = [];
  const inserted = resolvedInsertColumns(state, table);
  if (inserted.length === 0) problems.push('Choose at least one column to insert.');
  if (state.rows.length === 0) problems.push('Add at least one row.');
  // Actions and the condition only matter to strategies that update (the SQL generator checks
  // the dialect's fall-backs, e.g. INSERT OR REPLACE becoming DO UPDATE on PostgreSQL).
  if (!(state.strategy === 'doUpdate' || state.strategy === 'merge' || state.strategy === 'twoStep')) return problems;
  for (const col of insertableColumns(table)) {
    const a = actionFor(state, col.name);
    if (a.kind === 'custom' && !a.expr.trim()) problems.push(`The custom expression for ${col.name} is empty.`);
  }
  const c = state.condition;
  if (c.kind === 'custom' && !c.expr.trim()) problems.push('The custom update condition is empty.');
  if (c.kind === 'newer') {
    const col = findColumn(table, c.column);
    if (!col) problems.push('Choose the column that tells which row is newer.');
    else if (!inserted.includes(col))
      problems.push(`${col.name} is not inserted, so the new rows have no value to compare.`);
  }
  return problems;
}
