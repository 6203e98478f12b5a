/**
 * An independent model of upsert semantics for the builder's matrix test. It knows nothing of
 * the generator: given a table's rows and keys, the input rows and the form's choices expressed
 * as plain data and functions, it computes the after-state and the returned rows by the rules
 * of ON CONFLICT / INSERT OR / MERGE / two steps as documented by SQLite and PostgreSQL.
 */
/** A cell value as the engines return it (after normalisation). */
export type V = null | number | string;
/** A row by column name. */
export type Row = Record<string, V>;

/** Stands for "the current timestamp": any date-like text matches it. */
export const NOW = '\u0000now';

/** A unique key of the modelled table. */
export interface ModelKey {
  name: string;
  columns: string[];
  /** Partial index predicate: only rows for which it holds are in the index. */
  where?: (row: Row) => boolean;
}

/** What happens to a column on conflict. */
export type ModelAction =
  | { kind: 'excluded' | 'keep' | 'add' | 'coalesce' | 'increment' | 'now' }
  | { kind: 'custom'; fn: (old: Row, neu: Row) => V };

/** When an existing row is updated. */
export type ModelCondition =
  | { kind: 'none' }
  | { kind: 'changed' }
  | { kind: 'newer'; column: string }
  | { kind: 'custom'; fn: (old: Row, neu: Row) => boolean };

/** The form's choices, as the model sees them. */
export interface ModelChoice {
  strategy: 'doUpdate' | 'doNothing' | 'orReplace' | 'orIgnore' | 'merge' | 'twoStep';
  /** The conflict target's key name, or null for "any key". */
  key: string | null;
  actions: Record<string, ModelAction>;
  condition: ModelCondition;
  returning: { kind: 'none' | 'all' } | { kind: 'columns'; columns: string[] };
  /** The action column's values, or null when the dialect returns none. */
  actionWords: { inserted: string; updated: string } | null;
}

const add = (a: V, b: V): V => (a === null || b === null ? null : Number(a) + Number(b));
const distinct = (a: V, b: V): boolean => a !== b; // NULL-safe: null === null
const greater = (a: V, b: V): boolean => a !== null && b !== null && a > b;

function keyEqual(a: Row, b: Row, key: ModelKey): boolean {
  if (key.columns.some((c) => a[c] === null || a[c] === undefined || b[c] === null || b[c] === undefined)) return false;
  if (!key.columns.every((c) => a[c] === b[c])) return false;
  return key.where ? key.where(a) && key.where(b) : true;
}

/** Simulates the statement; input rows must not repeat a key (engines differ there). */
export function simulate(
  columns: string[],
  existing: Row[],
  keys: ModelKey[],
  primaryKey: string[],
  input: Row[],
  choice: ModelChoice,
): { after: Row[]; returned: V[][] } {
  const rows = existing.map((r) => ({ ...r }));
  const returned: V[][] = [];
  const target = choice.key === null ? null : keys.find((k) => k.name === choice.key);
  if (choice.key !== null && !target) throw new Error(`no key ${choice.key}`);
  const checkKeys = target ? [target] : keys;
  const keyCols = new Set(target ? target.columns : primaryKey);
  const ret = (row: Row, action: 'inserted' | 'updated') => {
    if (choice.returning.kind === 'none' && !choice.actionWords) return;
    const cols =
      choice.returning.kind === 'all' ? columns : choice.returning.kind === 'columns' ? choice.returning.columns : [];
    const out: V[] = cols.map((c) => row[c] ?? null);
    if (choice.actionWords) out.push(choice.actionWords[action]);
    returned.push(out);
  };
  for (const neu of input) {
    if (choice.strategy === 'orReplace') {
      for (let i = rows.length - 1; i >= 0; i--) {
        const e = rows[i];
        if (e && keys.some((k) => keyEqual(e, neu, k))) rows.splice(i, 1);
      }
      rows.push({ ...neu });
      ret(neu, 'inserted');
      continue;
    }
    const match = rows.find((e) => checkKeys.some((k) => keyEqual(e, neu, k)));
    if (!match) {
      rows.push({ ...neu });
      ret(neu, 'inserted');
      continue;
    }
    if (choice.strategy === 'doNothing' || choice.strategy === 'orIgnore') continue;
    const updated: Row = { ...match };
    const dataChanged: boolean[] = [];
    for (const c of columns) {
      if (keyCols.has(c)) continue;
      const a = choice.actions[c] ?? { kind: 'excluded' };
      const old = match[c] ?? null;
      const nv = neu[c] ?? null;
      let v: V = old;
      if (a.kind === 'excluded') v = nv;
      if (a.kind === 'add') v = add(old, nv);
      if (a.kind === 'coalesce') v = nv ?? old;
      if (a.kind === 'increment') v = add(old, 1);
      if (a.kind === 'now') v = NOW;
      if (a.kind === 'custom') v = a.fn(match, neu);
      if (a.kind === 'excluded' || a.kind === 'add' || a.kind === 'coalesce' || a.kind === 'custom')
        dataChanged.push(distinct(old, v));
      updated[c] = v;
    }
    const cond = choice.condition;
    const go =
      cond.kind === 'none' ||
      (cond.kind === 'changed' && (dataChanged.length === 0 || dataChanged.some(Boolean))) ||
      (cond.kind === 'newer' && greater(neu[cond.column] ?? null, match[cond.column] ?? null)) ||
      (cond.kind === 'custom' && cond.fn(match, neu));
    if (!go) continue;
    Object.assign(match, updated);
    ret(match, 'updated');
  }
  return { after: rows, returned };
}
