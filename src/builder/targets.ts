/**
 * Which strategies and conflict targets a dialect and table allow, and how the form's choices
 * resolve into one concrete plan (with fall-backs, explained, when a dialect switch made a choice
 * impossible — the state keeps the choice so switching back restores it).
 */
import type { ColumnInfo, Dialect, TableSchema, UniqueKey } from '../engine/types';
import {
  type BuilderState,
  type Strategy,
  type TargetChoice,
  STRATEGY_LABEL,
  findColumn,
  findKey,
  firstUsableKey,
  keyUnusableReason,
} from './model';

/** Whether a choice can be used, and why not. */
export type Availability = { ok: true } | { ok: false; reason: string };

const OK: Availability = { ok: true };

/** Whether a strategy can run on the dialect for this table; the reason is shown next to a disabled choice. */
export function strategyAvailability(strategy: Strategy, dialect: Dialect, table: TableSchema): Availability {
  if ((strategy === 'orReplace' || strategy === 'orIgnore') && dialect === 'postgres')
    return { ok: false, reason: 'SQLite only: PostgreSQL has no INSERT OR …; use ON CONFLICT instead.' };
  if (strategy === 'merge' && dialect === 'sqlite')
    return { ok: false, reason: 'PostgreSQL only (15+): SQLite has no MERGE.' };
  const needsKey = strategy === 'doUpdate' || strategy === 'merge' || strategy === 'twoStep';
  if (needsKey && !firstUsableKey(table)) {
    return {
      ok: false,
      reason: table.uniqueKeys.length
        ? 'Every unique key of this table contains expressions; the form cannot match rows on it.'
        : 'This table has no primary key or unique constraint, so no row can match an existing one.',
    };
  }
  return OK;
}

/** One entry of the conflict-target list. */
export interface TargetOption {
  choice: TargetChoice;
  label: string;
  availability: Availability;
}

/** Describes a key for the target list, e.g. `UNIQUE INDEX live_email (email) WHERE deleted = 0`. */
function keyLabel(key: UniqueKey): string {
  const kind = key.kind === 'primary' ? 'PRIMARY KEY' : key.kind === 'unique' ? 'UNIQUE' : 'UNIQUE INDEX';
  // SQLite's generated names (sqlite_autoindex_users_1) say nothing the columns do not.
  const name = key.kind === 'primary' || key.name.startsWith('sqlite_autoindex_') ? '' : ` ${key.name}`;
  const where = key.predicate ? ` WHERE ${key.predicate}` : '';
  return `${kind}${name} (${key.columns.join(', ')})${where}`;
}

/** The conflict targets to offer for a strategy, each with its availability. */
export function targetOptions(strategy: Strategy, dialect: Dialect, table: TableSchema): TargetOption[] {
  if (strategy === 'orReplace' || strategy === 'orIgnore') {
    return [{ choice: { kind: 'none' }, label: 'Any unique key (INSERT OR … takes no target)', availability: OK }];
  }
  const options: TargetOption[] = table.uniqueKeys.map((key) => {
    const reason = keyUnusableReason(key);
    return {
      choice: { kind: 'key', name: key.name, columns: [...key.columns] },
      label: keyLabel(key),
      availability: reason ? { ok: false, reason: `This key ${reason}.` } : OK,
    };
  });
  if (dialect === 'postgres' && (strategy === 'doUpdate' || strategy === 'doNothing')) {
    for (const key of table.uniqueKeys) {
      if (key.kind === 'index') continue; // a unique index is not a constraint: ON CONSTRAINT rejects it
      options.push({
        choice: { kind: 'constraint', name: key.name, columns: [...key.columns] },
        label: `ON CONSTRAINT ${key.name}`,
        availability: OK,
      });
    }
  }
  options.push({
    choice: { kind: 'none' },
    label: 'No target (any unique key)',
    availability: noTargetAvailability(strategy, dialect),
  });
  return options;
}

function noTargetAvailability(strategy: Strategy, dialect: Dialect): Availability {
  if (strategy === 'doNothing') return OK;
  if (strategy === 'doUpdate')
    return dialect === 'sqlite' ? OK : { ok: false, reason: 'PostgreSQL needs a conflict target for DO UPDATE.' };
  return { ok: false, reason: 'Needs a key to match existing rows on.' };
}

/** The form's choices resolved for one dialect and table. */
export interface Plan {
  strategy: Strategy;
  /** The key whose columns identify a row (null: no target). */
  key: UniqueKey | null;
  /** Postgres ON CONSTRAINT name, when chosen. */
  constraint: string | null;
  keyColumns: ColumnInfo[];
  warnings: string[];
  errors: string[];
}

/** Resolves strategy and target, falling back (with a warning) where the dialect cannot do the choice. */
export function resolvePlan(state: BuilderState, table: TableSchema, dialect: Dialect): Plan {
  const warnings: string[] = [];
  const errors: string[] = [];
  let strategy = state.strategy;
  const fallback: Partial<Record<Strategy, Strategy>> =
    dialect === 'postgres' ? { orReplace: 'doUpdate', orIgnore: 'doNothing' } : { merge: 'doUpdate' };
  const mapped = fallback[strategy];
  if (mapped) {
    warnings.push(
      `${STRATEGY_LABEL[strategy]} does not exist in ${dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'}; ` +
        `showing the nearest equivalent, ${STRATEGY_LABEL[mapped]}.`,
    );
    strategy = mapped;
  }
  const avail = strategyAvailability(strategy, dialect, table);
  if (!avail.ok) errors.push(avail.reason);

  let key: UniqueKey | null = null;
  let constraint: string | null = null;
  const target = state.target;
  if (strategy !== 'orReplace' && strategy !== 'orIgnore') {
    if (target.kind !== 'none') {
      key = findKey(table, target.name, target.columns) ?? null;
      if (!key) {
        key = firstUsableKey(table) ?? null;
        if (key) warnings.push(`The table has no key named ${target.name}; using ${keyLabel(key)}.`);
      } else if (keyUnusableReason(key)) {
        errors.push(`${keyLabel(key)} ${keyUnusableReason(key)}.`);
      }
      const conflictClause = strategy === 'doUpdate' || strategy === 'doNothing';
      if (key && target.kind === 'constraint' && conflictClause) {
        if (dialect === 'postgres' && key.kind !== 'index') constraint = key.name;
        if (dialect === 'sqlite')
          warnings.push("SQLite has no ON CONFLICT ON CONSTRAINT; the target lists the constraint's columns instead.");
      }
    } else {
      const none = noTargetAvailability(strategy, dialect);
      if (!none.ok) {
        key = firstUsableKey(table) ?? null;
        if (key) warnings.push(`${none.reason} Using ${keyLabel(key)}.`);
      }
    }
  }
  const keyColumns = key
    ? key.columns.map((c) => findColumn(table, c)).filter((c): c is ColumnInfo => c !== undefined)
    : [];
  return { strategy, key, constraint, keyColumns, warnings, errors };
}
