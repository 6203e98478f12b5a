/**
 * INSERT translation: INSERT OR REPLACE / OR IGNORE ↔ ON CONFLICT, target inference for SQLite's
 * target-less DO UPDATE, ON CONSTRAINT name ↔ its columns, several ON CONFLICT clauses,
 * INSERT … SELECT … ON CONFLICT (SQLite's `WHERE true`), OVERRIDING and booleans in VALUES/SET
 * (RETURNING items that only PostgreSQL has: `returning.ts`).
 */
import type { Dialect } from '../engine/types';
import type { KeyModel } from './schemaModel';
import { listItems, nameOf } from './schemaModel';
import { blockComment, quoteIdent, type CstNode } from './sqlSource';
import { parts, type InsertParts } from './insertParts';
import { returningToSqlite } from './returning';
import { Translator } from './translator';

type AnyNode = CstNode & Record<string, unknown>;
const get = Translator.get;
const lower = (s: string) => s.toLowerCase();

/** Translate one INSERT statement. */
export function translateInsert(t: Translator, stmt: AnyNode): void {
  const p = parts(t, stmt);
  if (t.to === 'postgres') {
    orActionToPostgres(t, p);
    if (p.upserts.length > 1) {
      for (const extra of p.upserts.slice(1)) {
        t.replace(extra, blockComment(t.text(extra)));
        t.problem(
          extra,
          'multipleOnConflict',
          `PostgreSQL allows one ON CONFLICT clause; SQLite tries several in order. Kept the first, commented out: ${t.text(extra).replace(/\s+/g, ' ')}`,
        );
      }
    }
    const first = p.upserts[0];
    if (first && !get(first, 'conflictTarget') && get(first, 'action')?.type === 'upsert_action_update')
      inferTarget(t, p, first);
    valuesToPostgres(t, p);
    identityValues(t, p);
  } else {
    for (const u of p.upserts) onConstraintToSqlite(t, u);
    const overriding = (stmt.clauses as AnyNode[]).find((c) => c.type === 'overriding_clause');
    if (overriding) {
      const user = (overriding.overridingKw as unknown as AnyNode[]).some((k) => k.name === 'USER');
      t.removeWithSpace(overriding);
      if (user)
        t.problem(
          overriding,
          'overriding',
          'OVERRIDING USER VALUE (ignore the given ids) has no SQLite form; removed: the given ids are used',
        );
      else t.change(overriding, 'overriding', 'OVERRIDING SYSTEM VALUE removed (SQLite always accepts explicit ids)');
    }
    const select = p.source;
    const last = (select?.clauses as AnyNode[] | undefined)?.at(-1);
    if (p.upserts.length && select?.type === 'select_stmt' && last?.type === 'from_clause') {
      t.insert(t.span(last)[1], ' WHERE true');
      t.change(
        last,
        'insertSelect',
        'INSERT … SELECT … FROM … ON CONFLICT: added WHERE true (without it SQLite reads ON CONFLICT as a join condition)',
      );
    }
  }
  if (p.returning && t.to === 'sqlite') returningToSqlite(t, p.returning);
}

/** Keys usable as a conflict target for the inserted columns, best first. */
function candidateKeys(p: InsertParts): KeyModel[] {
  const table = p.table;
  if (!table) return [];
  const cols = new Set((p.columns ?? table.columns.map((c) => c.name)).map(lower));
  const identity = new Set(table.columns.filter((c) => c.identity).map((c) => lower(c.name)));
  const usable = table.keys.filter((k) => !k.hasExpressions && k.columns.every((c) => cols.has(lower(c))));
  return [
    ...usable.filter((k) => !k.columns.some((c) => identity.has(lower(c)))),
    ...usable.filter((k) => k.columns.some((c) => identity.has(lower(c)))),
  ];
}

const keyText = (k: KeyModel, to: Dialect) =>
  `(${k.columns.map((c) => quoteIdent(c, to)).join(', ')})${k.predicate ? ` WHERE ${k.predicate}` : ''}`;

function inferTarget(t: Translator, p: InsertParts, upsert: AnyNode): void {
  const keys = candidateKeys(p);
  const kw = (upsert.onConflictKw as AnyNode[]).at(-1)!;
  if (!keys.length) {
    t.problem(
      upsert,
      'conflictTarget',
      `ON CONFLICT DO UPDATE without a target: PostgreSQL needs one, and no unique key of ${p.tableName || 'the table'} is covered by the inserted columns${p.table ? '' : ' (its definition is unknown: translate the setup too)'}`,
    );
    return;
  }
  const key = keys[0]!;
  t.insert(t.span(kw)[1], ` ${keyText(key, t.to)}`);
  t.change(
    upsert,
    'conflictTarget',
    `ON CONFLICT DO UPDATE: added the conflict target ${keyText(key, t.to)} (${key.kind === 'primary' ? 'the primary key' : `a unique ${key.kind === 'index' ? 'index' : 'key'} of ${p.tableName}`}); PostgreSQL requires a target for DO UPDATE`,
  );
  if (keys.length > 1) {
    const others = keys
      .slice(1)
      .map((k) => keyText(k, t.to))
      .join(', ');
    t.warn(
      upsert,
      'conflictTarget',
      `SQLite's target-less DO UPDATE also handles conflicts on ${others}; in PostgreSQL such a conflict raises a unique violation`,
    );
  }
}

function orActionToPostgres(t: Translator, p: InsertParts): void {
  const insertKw = get(p.clause, 'insertKw')!;
  const orAction = get(p.clause, 'orAction');
  const action = insertKw.name === 'REPLACE' ? 'REPLACE' : orAction ? String(get(orAction, 'actionKw')?.name) : null;
  if (!action) return;
  if (orAction) t.replace([t.span(insertKw)[1], t.span(orAction)[1]], '');
  else t.replace(insertKw, 'INSERT');
  const written = orAction ? `INSERT ${t.text(orAction)}` : 'REPLACE';
  if (action === 'ABORT') {
    t.change(p.clause, 'insertOr', 'INSERT OR ABORT → INSERT (the default behaviour)');
  } else if (action === 'FAIL' || action === 'ROLLBACK') {
    t.change(p.clause, 'insertOr', `${written} → INSERT`);
    t.warn(
      p.clause,
      'insertOr',
      action === 'FAIL'
        ? 'OR FAIL keeps the rows inserted before the failing one; PostgreSQL undoes the whole statement'
        : 'OR ROLLBACK ends the transaction; PostgreSQL only fails the statement',
    );
  } else if (action === 'IGNORE') {
    if (!p.upserts.length) t.insert(p.upsertAt, `${p.sep}ON CONFLICT DO NOTHING`);
    t.change(p.clause, 'insertOrIgnore', `${written} → INSERT … ON CONFLICT DO NOTHING`);
    t.warn(
      p.clause,
      'insertOrIgnore',
      'OR IGNORE also skips rows that break NOT NULL or CHECK constraints; ON CONFLICT DO NOTHING skips only unique conflicts',
    );
  } else if (action === 'REPLACE') {
    orReplace(t, p, written);
  }
}

function orReplace(t: Translator, p: InsertParts, written: string): void {
  if (p.upserts.length) {
    t.problem(
      p.clause,
      'insertOrReplace',
      `${written} together with ON CONFLICT: the REPLACE fallback for other constraints has no PostgreSQL equivalent; removed`,
    );
    return;
  }
  const cols = p.columns ?? p.table?.columns.map((c) => c.name) ?? null;
  if (!cols) {
    t.problem(
      p.clause,
      'insertOrReplace',
      `${written}: the columns of ${p.tableName} are unknown (translate the setup too); no conflict target could be chosen`,
    );
    return;
  }
  const keys = candidateKeys(p).filter((k) => k.predicate === null);
  const primary = keys.find((k) => k.kind === 'primary');
  const key = primary ?? keys[0];
  if (!key) {
    t.change(
      p.clause,
      'insertOrReplace',
      `${written} → INSERT (no unique key is covered by the inserted columns, so nothing can be replaced)`,
    );
    return;
  }
  const keyCols = new Set(key.columns.map(lower));
  const set = cols
    .filter((c) => !keyCols.has(lower(c)))
    .map((c) => `${quoteIdent(c, t.to)} = EXCLUDED.${quoteIdent(c, t.to)}`);
  const action = set.length ? `DO UPDATE SET ${set.join(', ')}` : 'DO NOTHING';
  t.insert(p.upsertAt, `${p.sep}ON CONFLICT ${keyText(key, t.to)} ${action}`);
  t.change(
    p.clause,
    'insertOrReplace',
    `${written} → INSERT … ON CONFLICT ${keyText(key, t.to)} ${set.length ? 'DO UPDATE SET every inserted column' : 'DO NOTHING'}`,
  );
  const listed = new Set(cols.map(lower));
  const unlisted = (p.table?.columns ?? []).filter((c) => !listed.has(lower(c.name)));
  const idCols = unlisted.filter((c) => c.identity).map((c) => c.name);
  const others = unlisted.filter((c) => !c.identity).map((c) => c.name);
  const details = [
    others.length ? `the columns not listed (${others.join(', ')}) go back to their defaults` : '',
    idCols.length ? `the row gets a new ${idCols.join(', ')}` : '',
    'DELETE triggers fire, and so do foreign-key ON DELETE actions when foreign keys are on',
  ].filter(Boolean);
  t.warn(
    p.clause,
    'insertOrReplace',
    `OR REPLACE deletes the conflicting row and inserts a new one: ${details.join(', ')}. DO UPDATE keeps the row and changes only the listed columns.`,
  );
  if (keys.length > 1) {
    t.warn(
      p.clause,
      'insertOrReplace',
      `OR REPLACE also removes rows that conflict on ${keys
        .filter((k) => k !== key)
        .map((k) => keyText(k, t.to))
        .join(', ')}; PostgreSQL raises a unique violation instead`,
    );
  }
}

/** Column model of an inserted/assigned column. */
function column(p: InsertParts, name: string) {
  return p.table?.columns.find((c) => lower(c.name) === lower(name));
}

function booleanLiteral(t: Translator, p: InsertParts, colName: string, value: AnyNode): void {
  const col = column(p, colName);
  if (!col) return;
  if (col.isBoolean && value.type === 'number_literal' && (value.value === 0 || value.value === 1)) {
    t.replace(value, value.value ? 'true' : 'false');
    t.change(
      value,
      'booleans',
      `${colName}: ${value.value} → ${value.value ? 'true' : 'false'} (a boolean column in PostgreSQL)`,
    );
  } else if (!col.isBoolean && /INT/.test(col.type) && value.type === 'boolean_literal') {
    t.replace(value, value.value ? '1' : '0');
    t.change(
      value,
      'booleans',
      `${colName}: ${t.text(value)} → ${value.value ? 1 : 0} (an integer column in PostgreSQL)`,
    );
  }
}

function valuesToPostgres(t: Translator, p: InsertParts): void {
  const cols = p.columns ?? p.table?.columns.map((c) => c.name);
  if (cols && p.source?.type === 'values_clause') {
    for (const row of listItems(get(p.source, 'values'))) {
      listItems(row).forEach((value, i) => cols[i] !== undefined && booleanLiteral(t, p, cols[i], value));
    }
  }
}

function identityValues(t: Translator, p: InsertParts): void {
  const id = p.table?.columns.find((c) => c.identity && p.columns?.some((x) => lower(x) === lower(c.name)));
  if (!id || !p.table) return;
  if (t.role === 'setup') {
    t.identityFixes.set(lower(p.table.name), { table: p.table.name, column: id.name });
  } else {
    t.warn(
      p.clause,
      'identity',
      `explicit ${id.name} values do not advance PostgreSQL's identity sequence; a later insert without ${id.name} may collide with them`,
    );
  }
}

function onConstraintToSqlite(t: Translator, upsert: AnyNode): void {
  const target = get(upsert, 'conflictTarget');
  if (target?.type !== 'conflict_target_on_constraint') return;
  const name = nameOf(get(target, 'constraint')) ?? '';
  const found = t.schema.findKey(name);
  if (!found || found.key.hasExpressions) {
    t.problem(
      target,
      'onConstraint',
      `ON CONSTRAINT ${name}: SQLite needs the constraint's columns, and ${found ? 'it has expressions' : 'its definition is unknown (translate the setup too)'}; kept as written`,
    );
    return;
  }
  t.replace(target, keyText(found.key, t.to));
  t.change(
    target,
    'onConstraint',
    `ON CONSTRAINT ${name} → ON CONFLICT ${keyText(found.key, t.to)} (SQLite names the columns, not the constraint)`,
  );
}
