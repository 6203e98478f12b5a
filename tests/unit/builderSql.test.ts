// The SQL generator's rules: availability with reasons, targets, fall-backs on a dialect switch,
// warnings and blocking problems. Engine behaviour itself is tested in tests/engine/builder*.
import { describe, expect, test } from 'vitest';
import type { ColumnInfo, Dialect, TableSchema } from '../../src/engine/types';
import { type BuilderState, defaultBuilderState } from '../../src/builder/model';
import { generateSql, strategyAvailability } from '../../src/builder/sql';
import { targetOptions } from '../../src/builder/targets';

const col = (name: string, type: string, extra: Partial<ColumnInfo> = {}): ColumnInfo => ({
  name,
  type,
  notNull: false,
  defaultExpr: null,
  generated: false,
  identity: false,
  ...extra,
});

function users(dialect: Dialect): TableSchema {
  return {
    name: 'users',
    schema: dialect === 'sqlite' ? 'main' : 'public',
    columns: [
      col('id', 'integer', { notNull: true }),
      col('email', 'text'),
      col('n', 'integer'),
      col('seen', 'date'),
      col('stamp', 'integer'),
      col('g', 'integer', { generated: true }),
      col('deleted', 'integer', { defaultExpr: '0' }),
    ],
    primaryKey: ['id'],
    uniqueKeys: [
      { name: 'users_pkey', kind: 'primary', columns: ['id'], predicate: null, hasExpressions: false },
      { name: 'users_email_key', kind: 'unique', columns: ['email'], predicate: null, hasExpressions: false },
      { name: 'live_email', kind: 'index', columns: ['email'], predicate: 'deleted = 0', hasExpressions: false },
      { name: 'lower_email', kind: 'index', columns: ['lower(email)'], predicate: null, hasExpressions: true },
    ],
    hasRowid: dialect === 'sqlite',
  };
}

function state(dialect: Dialect, patch: Partial<BuilderState> = {}): BuilderState {
  const s = defaultBuilderState(users(dialect), dialect);
  s.rows = [{ id: '1', email: 'a@x', n: '2', seen: '2024-01-01', stamp: null }];
  return { ...s, ...patch };
}

const gen = (d: Dialect, patch: Partial<BuilderState> = {}) => generateSql(state(d, patch), users(d), d);

describe('availability', () => {
  test('strategies a dialect cannot run are disabled with a reason', () => {
    const t = users('sqlite');
    expect(strategyAvailability('merge', 'sqlite', t)).toEqual({
      ok: false,
      reason: expect.stringMatching(/PostgreSQL only/),
    });
    expect(strategyAvailability('orReplace', 'postgres', t)).toEqual({
      ok: false,
      reason: expect.stringMatching(/SQLite only/),
    });
    expect(strategyAvailability('orIgnore', 'postgres', t).ok).toBe(false);
    expect(strategyAvailability('merge', 'postgres', t).ok).toBe(true);
    const bare: TableSchema = { ...t, primaryKey: [], uniqueKeys: [] };
    expect(strategyAvailability('doUpdate', 'sqlite', bare)).toEqual({
      ok: false,
      reason: expect.stringMatching(/no primary key or unique/),
    });
    expect(strategyAvailability('doNothing', 'postgres', bare).ok).toBe(true);
  });
  test('targets: keys, ON CONSTRAINT for constraints only, "no target" where allowed', () => {
    const pg = targetOptions('doUpdate', 'postgres', users('postgres'));
    expect(pg.map((o) => o.label)).toEqual([
      'PRIMARY KEY (id)',
      'UNIQUE users_email_key (email)',
      'UNIQUE INDEX live_email (email) WHERE deleted = 0',
      'UNIQUE INDEX lower_email (lower(email))',
      'ON CONSTRAINT users_pkey',
      'ON CONSTRAINT users_email_key',
      'No target (any unique key)',
    ]);
    expect(pg.find((o) => o.label.includes('lower'))?.availability.ok).toBe(false);
    expect(pg.at(-1)?.availability).toEqual({ ok: false, reason: 'PostgreSQL needs a conflict target for DO UPDATE.' });
    expect(targetOptions('doNothing', 'postgres', users('postgres')).at(-1)?.availability.ok).toBe(true);
    expect(targetOptions('doUpdate', 'sqlite', users('sqlite')).some((o) => o.choice.kind === 'constraint')).toBe(
      false,
    );
    expect(targetOptions('doUpdate', 'sqlite', users('sqlite')).at(-1)?.availability.ok).toBe(true);
    expect(targetOptions('orReplace', 'sqlite', users('sqlite'))).toHaveLength(1);
  });
});

describe('generateSql', () => {
  test('a partial unique index target repeats its predicate', () => {
    const g = gen('sqlite', { target: { kind: 'key', name: 'live_email', columns: ['email'] } });
    expect(g.sql).toContain('ON CONFLICT (email) WHERE deleted = 0 DO UPDATE SET');
  });
  test('ON CONSTRAINT on Postgres; its columns on SQLite, with a note', () => {
    const target = { kind: 'constraint' as const, name: 'users_email_key', columns: ['email'] };
    expect(gen('postgres', { target }).sql).toContain('ON CONFLICT ON CONSTRAINT users_email_key DO UPDATE');
    const s = gen('sqlite', { target });
    expect(s.sql).toContain('ON CONFLICT (email) DO UPDATE');
    expect(s.warnings.join()).toMatch(/no ON CONFLICT ON CONSTRAINT/);
  });
  test('choices another dialect cannot run fall back to the nearest equivalent, with a note', () => {
    const r = gen('postgres', { strategy: 'orReplace' });
    expect(r.sql).toMatch(/^INSERT INTO users/);
    expect(r.sql).toContain('DO UPDATE SET');
    expect(r.warnings[0]).toMatch(/INSERT OR REPLACE does not exist in PostgreSQL/);
    expect(gen('postgres', { strategy: 'orIgnore' }).sql).toContain('DO NOTHING');
    expect(gen('sqlite', { strategy: 'merge' }).warnings[0]).toMatch(/MERGE does not exist in SQLite/);
    const none = gen('postgres', { target: { kind: 'none' } });
    expect(none.sql).toContain('ON CONFLICT (id) DO UPDATE');
    expect(none.warnings.join()).toMatch(/needs a conflict target/);
    expect(gen('sqlite', { target: { kind: 'none' } }).sql).toContain('ON CONFLICT DO UPDATE SET');
  });
  test('generated columns are never inserted or set', () => {
    const g = gen('postgres');
    expect(g.sql).not.toMatch(/\bg\b/);
  });
  test('current timestamp in each dialect, by column type', () => {
    const actions = { seen: { kind: 'now' as const, expr: '' }, stamp: { kind: 'now' as const, expr: '' } };
    expect(gen('postgres', { actions }).sql).toContain('seen = now()');
    const s = gen('sqlite', { actions }).sql;
    expect(s).toContain('seen = CURRENT_TIMESTAMP');
    expect(s).toContain('stamp = unixepoch()');
  });
  test('only-when-changed uses IS DISTINCT FROM / IS NOT over the input columns', () => {
    const condition = { kind: 'changed' as const, column: '', expr: '' };
    const actions = { stamp: { kind: 'now' as const, expr: '' } };
    const insertColumns = ['id', 'email', 'n', 'seen', 'stamp'];
    expect(gen('postgres', { condition, actions, insertColumns }).sql).toContain(
      'WHERE users.email IS DISTINCT FROM excluded.email OR users.n IS DISTINCT FROM excluded.n OR users.seen IS DISTINCT FROM excluded.seen;',
    );
    expect(gen('sqlite', { condition, actions }).sql).toContain('users.n IS NOT excluded.n');
  });
  test('RETURNING with the action column per strategy', () => {
    const returning = { kind: 'columns' as const, columns: ['id'], action: true };
    expect(gen('postgres', { returning }).sql).toContain(
      `RETURNING id, CASE WHEN xmax = 0 THEN 'inserted' ELSE 'updated' END AS action;`,
    );
    expect(gen('postgres', { returning, strategy: 'merge' }).sql).toContain(
      'RETURNING users.id, merge_action() AS action;',
    );
    const s = gen('sqlite', { returning });
    expect(s.sql).toContain('RETURNING id;');
    expect(s.warnings.join()).toMatch(/cannot tell inserted from updated/);
  });
  test('MERGE casts quoted literals and NULLs to the column type', () => {
    const g = gen('postgres', { strategy: 'merge' });
    expect(g.sql).toContain(`(1, 'a@x', 2, '2024-01-01'::date, NULL::integer, NULL::integer)`);
  });
  test('identity columns get OVERRIDING SYSTEM VALUE on Postgres', () => {
    const t = users('postgres');
    t.columns[0] = col('id', 'integer', { identity: true, notNull: true });
    const s = state('postgres', { insertColumns: ['id', 'email'] });
    expect(generateSql(s, t, 'postgres').sql).toContain('INSERT INTO users (id, email) OVERRIDING SYSTEM VALUE');
    expect(generateSql({ ...s, strategy: 'merge' }, t, 'postgres').sql).toContain(
      'INSERT (id, email) OVERRIDING SYSTEM VALUE',
    );
  });
  test('same key twice: a note that says what each engine does', () => {
    const rows = [
      { id: '1', email: 'a' },
      { id: '1', email: 'b' },
    ];
    expect(gen('postgres', { rows }).warnings.join()).toMatch(/cannot affect row a second time/);
    expect(gen('sqlite', { rows }).warnings.join()).toMatch(/later row updates/);
    expect(gen('sqlite', { rows, strategy: 'doNothing' }).warnings.join()).toMatch(/later row is skipped/);
    expect(gen('sqlite', { rows: [{ id: null }, { id: null }] }).warnings.join()).not.toMatch(/same key/);
  });
  test('NULL in a NOT NULL column is flagged, pointing to the default', () => {
    const t = users('sqlite');
    t.columns[2] = col('n', 'integer', { notNull: true, defaultExpr: '0' });
    const g = generateSql(state('sqlite', { rows: [{ id: '1', email: 'a', n: null }] }), t, 'sqlite');
    expect(g.warnings).toContain(
      'n is NOT NULL, so its NULL cells will be rejected (leave the column out to get its default, 0).',
    );
  });
  test('blocking problems give no SQL', () => {
    expect(gen('sqlite', { rows: [] })).toMatchObject({ sql: '', errors: ['Add at least one row.'] });
    expect(gen('sqlite', { insertColumns: [] }).errors).toContain('Choose at least one column to insert.');
    expect(gen('sqlite', { actions: { n: { kind: 'custom', expr: ' ' } } }).errors).toContain(
      'The custom expression for n is empty.',
    );
    expect(
      gen('postgres', { condition: { kind: 'newer', column: 'stamp', expr: '' }, insertColumns: ['id', 'email'] })
        .errors[0],
    ).toMatch(/stamp is not inserted/);
    expect(gen('postgres', { strategy: 'merge', insertColumns: ['email'] }).errors[0]).toMatch(
      /MERGE matches rows on id/,
    );
  });
  test('all columns kept: the update writes the row back, with a note', () => {
    const keep = { kind: 'keep' as const, expr: '' };
    const g = gen('sqlite', { actions: { email: keep, n: keep, seen: keep, stamp: keep, deleted: keep } });
    expect(g.sql).toContain('DO UPDATE SET\n  email = users.email');
    expect(g.warnings.join()).toMatch(/writes the row back unchanged/);
  });
  test('a table called excluded is aliased', () => {
    const t = { ...users('postgres'), name: 'excluded' };
    const g = generateSql(
      state('postgres', { table: 'excluded', actions: { n: { kind: 'add', expr: '' } } }),
      t,
      'postgres',
    );
    expect(g.sql).toContain('INSERT INTO excluded AS t (');
    expect(g.sql).toContain('n = t.n + excluded.n');
  });
  test('a table with an "action" column gets "upsert_action"', () => {
    const t = users('postgres');
    t.columns.push(col('action', 'text'));
    const g = generateSql(state('postgres', { returning: { kind: 'none', columns: [], action: true } }), t, 'postgres');
    expect(g.sql).toContain('END AS upsert_action;');
  });
  test('the same state generates for the other dialect with case-folded names', () => {
    const sqliteTable: TableSchema = {
      ...users('sqlite'),
      name: 'Users',
      columns: users('sqlite').columns.map((c) => (c.name === 'email' ? { ...c, name: 'Email' } : c)),
    };
    const s = defaultBuilderState(sqliteTable, 'sqlite');
    s.rows = [{ id: '1', Email: 'a@x' }];
    const pgTable = users('postgres');
    const g = generateSql(s, pgTable, 'postgres');
    expect(g.errors).toEqual([]);
    expect(g.sql).toContain(`(1, 'a@x'`);
  });
  test('two steps: custom expressions see the row literals, partial predicates both rows', () => {
    const g = gen('sqlite', {
      strategy: 'twoStep',
      target: { kind: 'key', name: 'live_email', columns: ['email'] },
      actions: { n: { kind: 'custom', expr: 'excluded.n * 10 + users.n' } },
    });
    expect(g.sql).toContain('n = 2 * 10 + users.n');
    expect(g.sql).toContain(`WHERE email = 'a@x' AND (deleted = 0) AND (NULL = 0)`);
    // a column left out of the insert takes its constant default in the new row's predicate
    const h = gen('sqlite', {
      strategy: 'twoStep',
      target: { kind: 'key', name: 'live_email', columns: ['email'] },
      insertColumns: ['id', 'email'],
    });
    expect(h.sql).toContain(`AND (deleted = 0) AND (0 = 0)`);
  });
});
