/**
 * The builder's test matrix, shared by the engine matrix test and the SQLAlchemy test: two tables
 * (one with hostile names), their input rows, and every combination of form choices with the
 * result an independent model of upsert semantics expects.
 */
import { expect } from 'vitest';
import type { Dialect, TableSchema } from '../../src/engine/types';
import { type ActionKind, type BuilderState, type Strategy, defaultBuilderState } from '../../src/builder/model';
import { strategyAvailability } from '../../src/builder/sql';
import { targetOptions } from '../../src/builder/targets';
import {
  type ModelAction,
  type ModelChoice,
  type ModelCondition,
  type ModelKey,
  type Row,
  type V,
  NOW,
  simulate,
} from './builderModel';
import { setupTables } from './builderFixtures';

/** A table of the matrix: its rows before, the input, its keys and the form choices to try. */
interface TableCase {
  schemaName: string;
  columns: string[];
  existing: Row[];
  input: Row[];
  keys: (dialect: Dialect) => ModelKey[];
  primaryKey: string[];
  /** Columns that identify a row after the statement (for matching rows regardless of order). */
  identity: string[];
  profiles: Record<
    string,
    { actions: Record<string, ActionKind>; custom?: { column: string; sql: string; fn: (o: Row, n: Row) => V } }
  >;
  newer: string;
  customCondition: { sql: string; fn: (o: Row, n: Row) => boolean };
  returnColumns: string[];
}

const users: TableCase = {
  schemaName: 'users',
  columns: ['id', 'email', 'name', 'visits', 'score', 'seen', 'deleted'],
  existing: [
    { id: 1, email: 'ann@x', name: 'Ann', visits: 3, score: 10, seen: '2024-01-01', deleted: 0 },
    { id: 2, email: 'bob@x', name: 'Bob', visits: 1, score: null, seen: '2024-01-01', deleted: 0 },
    { id: 3, email: 'cy@x', name: 'Cy old', visits: 7, score: 5, seen: '2023-05-05', deleted: 1 },
  ],
  input: [
    { id: 1, email: 'ann@x', name: 'Ann', visits: 2, score: 20, seen: '2025-02-02', deleted: 0 },
    { id: 2, email: 'bob@x', name: null, visits: 0, score: 3, seen: '2023-01-01', deleted: 0 },
    { id: 4, email: 'cy@x', name: 'Cy new', visits: 1, score: 1, seen: '2025-03-03', deleted: 0 },
    { id: 5, email: 'dee@x', name: 'O\'Dee "q" ;-- ✓ \\n', visits: 1, score: null, seen: '2025-01-01', deleted: 0 },
    { id: 6, email: 'ann@x', name: 'Ann, deleted', visits: 1, score: 1, seen: '2025-01-01', deleted: 1 },
  ],
  keys: (d) => [
    { name: d === 'postgres' ? 'users_pkey' : 'pk', columns: ['id'] },
    { name: 'users_live_email', columns: ['email'], where: (r) => r.deleted === 0 },
  ],
  primaryKey: ['id'],
  identity: ['id'],
  profiles: {
    fresh: {
      actions: {
        id: 'keep',
        email: 'excluded',
        name: 'excluded',
        visits: 'excluded',
        score: 'excluded',
        seen: 'excluded',
        deleted: 'excluded',
      },
    },
    mixed: {
      actions: {
        id: 'keep',
        email: 'keep',
        name: 'coalesce',
        visits: 'add',
        score: 'keep',
        seen: 'now',
        deleted: 'excluded',
      },
    },
    custom: {
      actions: {
        id: 'keep',
        email: 'keep',
        name: 'custom',
        visits: 'increment',
        score: 'coalesce',
        seen: 'excluded',
        deleted: 'keep',
      },
      custom: { column: 'name', sql: "excluded.name || '!'", fn: (_o, n) => (n.name === null ? null : `${n.name}!`) },
    },
    keepAll: {
      actions: {
        id: 'keep',
        email: 'keep',
        name: 'keep',
        visits: 'keep',
        score: 'keep',
        seen: 'keep',
        deleted: 'keep',
      },
    },
  },
  newer: 'seen',
  customCondition: { sql: 'excluded.visits >= 2', fn: (_o, n) => n.visits !== null && Number(n.visits) >= 2 },
  returnColumns: ['email', 'visits'],
};

const items: TableCase = {
  schemaName: 'Order Items',
  columns: ['select', 'Qty', 'a"b', 'naïve;--', 'group'],
  existing: [{ select: 1, Qty: 2, 'a"b': "it's", 'naïve;--': 'x;--y', group: 'g1' }],
  input: [
    { select: 1, Qty: 5, 'a"b': 'He said "hi"; --', 'naïve;--': '🎉 naïve\\', group: 'g1' },
    { select: 2, Qty: null, 'a"b': '', 'naïve;--': null, group: 'g1' },
    { select: 1, Qty: 1, 'a"b': "'; DROP TABLE users; --", 'naïve;--': '/* c */ NULL', group: 'g2' },
  ],
  keys: (d) => [{ name: d === 'postgres' ? 'oi key' : 'sqlite_autoindex_Order Items_1', columns: ['select', 'group'] }],
  primaryKey: [],
  identity: ['select', 'group'],
  profiles: {
    fresh: {
      actions: { select: 'excluded', Qty: 'excluded', 'a"b': 'excluded', 'naïve;--': 'excluded', group: 'excluded' },
    },
    mixed: { actions: { select: 'keep', Qty: 'add', 'a"b': 'coalesce', 'naïve;--': 'keep', group: 'keep' } },
    custom: {
      actions: { select: 'keep', Qty: 'increment', 'a"b': 'custom', 'naïve;--': 'excluded', group: 'keep' },
      custom: {
        column: 'a"b',
        sql: `excluded."a""b" || '!'`,
        fn: (_o, n) => (n['a"b'] === null ? null : `${n['a"b']}!`),
      },
    },
  },
  newer: 'Qty',
  customCondition: { sql: 'excluded."Qty" > 1', fn: (_o, n) => n.Qty !== null && Number(n.Qty) > 1 },
  returnColumns: ['Qty', 'a"b'],
};

type Cond = 'none' | 'changed' | 'newer' | 'custom';
type Ret = 'none' | 'all' | 'columns' | 'allAction';
/** One matrix case: a form state and the model's view of the same choices. */
export interface Case {
  name: string;
  dialect: Dialect;
  tc: TableCase;
  table: TableSchema;
  state: BuilderState;
  choice: ModelChoice;
}

const RETS: Ret[] = ['none', 'all', 'columns', 'allAction'];

/** Builds every case: strategy × available target × (profile × condition) with RETURNING rotating. */
export function buildCases(dialect: Dialect, tables: TableSchema[] = setupTables(dialect)): Case[] {
  const cases: Case[] = [];
  const strategies: Strategy[] = ['doUpdate', 'doNothing', 'orReplace', 'orIgnore', 'merge', 'twoStep'];
  let rot = 0;
  for (const tc of [users, items]) {
    const table = tables.find((t) => t.name === tc.schemaName);
    if (!table) throw new Error(tc.schemaName);
    for (const strategy of strategies) {
      if (!strategyAvailability(strategy, dialect, table).ok) continue;
      for (const opt of targetOptions(strategy, dialect, table)) {
        if (!opt.availability.ok) continue;
        const updates = strategy === 'doUpdate' || strategy === 'merge' || strategy === 'twoStep';
        const profiles = updates ? Object.keys(tc.profiles) : ['fresh'];
        const conds: Cond[] = updates ? ['none', 'changed', 'newer', 'custom'] : ['none'];
        for (const profile of profiles) {
          for (const cond of conds) {
            const ret = RETS[rot++ % RETS.length] ?? 'none';
            cases.push(makeCase(dialect, tc, table, strategy, opt.choice, profile, cond, ret));
          }
        }
      }
    }
  }
  return cases;
}

function makeCase(
  dialect: Dialect,
  tc: TableCase,
  table: TableSchema,
  strategy: Strategy,
  target: BuilderState['target'],
  profileName: string,
  cond: Cond,
  ret: Ret,
): Case {
  const profile = tc.profiles[profileName];
  if (!profile) throw new Error(profileName);
  const state = defaultBuilderState(table, dialect);
  state.strategy = strategy;
  state.target = target;
  state.insertColumns = [...tc.columns];
  state.rows = tc.input.map((r) =>
    Object.fromEntries(tc.columns.map((c) => [c, r[c] === null || r[c] === undefined ? null : String(r[c])])),
  );
  state.actions = Object.fromEntries(
    Object.entries(profile.actions).map(([c, k]) => [
      c,
      { kind: k, expr: k === 'custom' ? (profile.custom?.sql ?? '') : '' },
    ]),
  );
  state.condition = {
    kind: cond,
    column: tc.newer,
    expr: cond === 'custom' ? tc.customCondition.sql : '',
  };
  state.returning = {
    kind: ret === 'allAction' ? 'all' : ret,
    columns: ret === 'columns' ? tc.returnColumns : [],
    action: ret === 'allAction',
  };
  // Match the model's key by its columns: constraint names differ per engine and per introspection.
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));
  const keyName =
    target.kind === 'none' ? null : (tc.keys(dialect).find((k) => same(k.columns, target.columns))?.name ?? null);
  const actions: Record<string, ModelAction> = Object.fromEntries(
    Object.entries(profile.actions).map(([c, k]) => [
      c,
      k === 'custom' && profile.custom
        ? { kind: 'custom', fn: profile.custom.fn }
        : { kind: k as Exclude<ActionKind, 'custom'> },
    ]),
  );
  const condition: ModelCondition =
    cond === 'newer'
      ? { kind: 'newer', column: tc.newer }
      : cond === 'custom'
        ? { kind: 'custom', fn: tc.customCondition.fn }
        : { kind: cond };
  const actionWords =
    ret !== 'allAction' || (dialect === 'sqlite' && strategy !== 'twoStep')
      ? null
      : strategy === 'merge'
        ? { inserted: 'INSERT', updated: 'UPDATE' }
        : { inserted: 'inserted', updated: 'updated' };
  const choice: ModelChoice = {
    strategy,
    key: strategy === 'orReplace' || strategy === 'orIgnore' ? null : keyName,
    actions,
    condition,
    returning:
      ret === 'columns' ? { kind: 'columns', columns: tc.returnColumns } : { kind: ret === 'allAction' ? 'all' : ret },
    actionWords,
  };
  const name = `${dialect} ${tc.schemaName} ${strategy} ${target.kind === 'none' ? 'no target' : `${target.kind} ${target.name}`} ${profileName} ${cond} returning ${ret}`;
  return { name, dialect, tc, table, state, choice };
}

/** Statements of a generated script (the generator ends each with ";" and a line break). */
export function statements(sql: string): string[] {
  return sql
    .split(/;\n/)
    .map((s) => s.trim())
    .filter((s) => s.replace(/--[^\n]*/g, '').trim() !== '');
}

/** Whether a statement's rows count as RETURNING output (two-step scripts also SELECT). */
export function isWrite(stmt: string): boolean {
  return /^(INSERT|UPDATE|MERGE)\b/i.test(stmt.replace(/^(--[^\n]*\n)*/, '').trim());
}

/** Replaces NOW placeholders in expected rows by the actual value when it looks like a timestamp. */
function matchNow(expected: V[][], actual: unknown[][]): V[][] {
  return expected.map((row, i) =>
    row.map((v, j) => {
      const a = actual[i]?.[j];
      return v === NOW && typeof a === 'string' && /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}/.test(a) ? a : v;
    }),
  );
}

function byKey(rows: unknown[][], idx: number[]): unknown[][] {
  const k = (r: unknown[]) => JSON.stringify(idx.length ? idx.map((i) => r[i]) : r);
  return [...rows].sort((a, b) => (k(a) < k(b) ? -1 : k(a) > k(b) ? 1 : 0));
}

/** Checks an engine's after-state and returned rows against the model's for a case. */
export function expectModel(c: Case, after: unknown[][], returned: unknown[][], context: string): void {
  const model = simulate(c.tc.columns, c.tc.existing, c.tc.keys(c.dialect), c.tc.primaryKey, c.tc.input, c.choice);
  const idIdx = c.tc.identity.map((col) => c.tc.columns.indexOf(col));
  const expectedAfter = byKey(
    model.after.map((r) => c.tc.columns.map((col) => r[col] ?? null)),
    idIdx,
  ) as V[][];
  const actualAfter = byKey(after, idIdx);
  expect(actualAfter, `after-state\n${context}`).toEqual(matchNow(expectedAfter, actualAfter));
  if (returned === SKIP_RETURNED) return;
  const retCols =
    c.choice.returning.kind === 'all'
      ? c.tc.columns
      : c.choice.returning.kind === 'columns'
        ? c.choice.returning.columns
        : [];
  const retIdx = c.tc.identity.every((col) => retCols.includes(col))
    ? c.tc.identity.map((col) => retCols.indexOf(col))
    : [];
  const expectedRet = byKey(model.returned, retIdx) as V[][];
  const actualRet = byKey(returned, retIdx);
  expect(actualRet, `returned rows\n${context}`).toEqual(matchNow(expectedRet, actualRet));
}

/** Pass as `returned` when the returned rows could not be observed. */
export const SKIP_RETURNED: unknown[][] = [];
