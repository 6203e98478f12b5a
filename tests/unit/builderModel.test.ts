// The form state model: defaults from a schema, name resolution across dialects, stored state.
import { describe, expect, test } from 'vitest';
import type { ColumnInfo, TableSchema } from '../../src/engine/types';
import { actionFor, cellFor, defaultBuilderState, findColumn, findKey, findTable } from '../../src/builder/model';
import { parseBuilderState } from '../../src/builder/schema';

const col = (name: string, type: string, extra: Partial<ColumnInfo> = {}): ColumnInfo => ({
  name,
  type,
  notNull: false,
  defaultExpr: null,
  generated: false,
  identity: false,
  ...extra,
});

const accounts: TableSchema = {
  name: 'Accounts',
  schema: 'main',
  columns: [
    col('id', 'INTEGER', { identity: true }),
    col('Email', 'TEXT'),
    col('n', 'INTEGER'),
    col('g', 'INTEGER', { generated: true }),
  ],
  primaryKey: ['id'],
  uniqueKeys: [
    { name: 'PRIMARY KEY', kind: 'primary', columns: ['id'], predicate: null, hasExpressions: false },
    { name: 'sqlite_autoindex_Accounts_1', kind: 'unique', columns: ['Email'], predicate: null, hasExpressions: false },
  ],
  hasRowid: true,
};

describe('defaultBuilderState', () => {
  test('leaves out generated columns and identity keys when another key exists, and conflicts on that key', () => {
    const s = defaultBuilderState(accounts, 'sqlite');
    expect(s.insertColumns).toEqual(['Email', 'n']);
    expect(s.target).toEqual({ kind: 'key', name: 'sqlite_autoindex_Accounts_1', columns: ['Email'] });
    expect(s.strategy).toBe('doUpdate');
    expect(s.rows).toEqual([{ Email: null, n: null }]);
    expect(actionFor(s, 'n').kind).toBe('excluded');
    expect(actionFor(s, 'id').kind).toBe('keep');
  });
  test('a table without keys starts with DO NOTHING on Postgres', () => {
    const bare = { ...accounts, primaryKey: [], uniqueKeys: [], schema: 'public' };
    expect(defaultBuilderState(bare, 'postgres')).toMatchObject({ strategy: 'doNothing', target: { kind: 'none' } });
  });
});

describe('name resolution across dialects', () => {
  test('tables, columns and cells match exactly first, then case-insensitively', () => {
    const pg = { ...accounts, name: 'accounts' };
    expect(findTable([pg], 'Accounts')).toBe(pg);
    expect(findTable([accounts, pg], 'accounts')).toBe(pg);
    expect(findColumn(accounts, 'email')?.name).toBe('Email');
    expect(cellFor({ email: 'x' }, 'Email')).toBe('x');
    expect(cellFor({}, 'Email')).toBeNull();
  });
  test('keys are found by name, else by their columns (names differ per engine)', () => {
    expect(findKey(accounts, 'accounts_email_key', ['email'])?.name).toBe('sqlite_autoindex_Accounts_1');
    expect(findKey(accounts, 'nope')).toBeUndefined();
  });
});

describe('parseBuilderState', () => {
  test('a stored state reads back; anything else is rejected', () => {
    const s = defaultBuilderState(accounts, 'sqlite');
    s.target = { kind: 'constraint', name: 'x', columns: ['Email'] };
    expect(parseBuilderState(JSON.parse(JSON.stringify(s)))).toEqual(s);
    expect(parseBuilderState({ ...s, strategy: 'upsert' })).toBeNull();
    expect(parseBuilderState({ ...s, rows: [{ a: 1 }] })).toBeNull();
    expect(parseBuilderState(null)).toBeNull();
  });
});
