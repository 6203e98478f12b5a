/**
 * The SQLAlchemy panel's notes ("What the tutorials get wrong", src/builder/SaOptions.tsx), each
 * run: the SQLAlchemy claims with real SQLAlchemy (tests/python/sa_truths.py, on SQLite), the
 * engine claims on PGlite and sql.js.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { PGlite } from '@electric-sql/pglite';
import { startPGlite } from '../support/engines';
import { sqliteDb } from './builderFixtures';
import { findExample } from '../../src/gallery/gallery';
import { MERGE_EXAMPLE, RACE_EXAMPLE } from '../../src/builder/SaOptions';
import { probeSqlAlchemy, runPython } from './saPython';

const available = probeSqlAlchemy();
const is2 = available.ok && available.version.startsWith('2.');

type Log = { sql: string; executemany: boolean; params: number }[];
interface Facts {
  version: string;
  generic_has_on_conflict: boolean;
  generic_error: string | null;
  sqlite_has_on_conflict: boolean;
  postgresql_has_on_conflict: boolean;
  merge: { existing: string[]; new: string[]; other_key: string | null };
  bulk: {
    values_list: Log;
    executemany: Log;
    executemany_returning: Log;
    executemany_returning_rows: number;
    loop: Log;
  };
  set_none: string | null;
  coalesce: string | null;
}

describe.skipIf(!is2)('what the SQLAlchemy panel teaches, run with SQLAlchemy 2.0', () => {
  let f: Facts;
  beforeAll(() => {
    const r = runPython([join(__dirname, '..', 'python', 'sa_truths.py')], { timeout: 60_000 });
    if (r.status !== 0) throw new Error(String(r.stderr));
    f = JSON.parse(String(r.stdout)) as Facts;
  });

  test('on_conflict_do_update exists only on the dialect inserts; the generic insert raises AttributeError', () => {
    expect(f.generic_has_on_conflict).toBe(false);
    expect(f.generic_error).toBe('AttributeError');
    expect(f.sqlite_has_on_conflict).toBe(true);
    expect(f.postgresql_has_on_conflict).toBe(true);
  });

  test('session.merge() is a SELECT by primary key, then an INSERT or UPDATE, and fails on another unique key', () => {
    expect(f.merge.existing).toEqual(['SELECT', 'UPDATE']);
    expect(f.merge.new).toEqual(['SELECT', 'INSERT']);
    expect(f.merge.other_key).toMatch(/UNIQUE constraint failed: users\.email/);
  });

  test('values(list) is one statement; execute(stmt, list) is an executemany, batched into multi-row statements only with RETURNING; a loop is one statement per row', () => {
    expect(f.bulk.values_list).toHaveLength(1);
    expect(f.bulk.values_list[0]?.executemany).toBe(false);
    expect(f.bulk.values_list[0]?.sql.match(/\(\?, \?, \?\)/g)).toHaveLength(5);
    // Without RETURNING: one single-row statement handed to the driver with 5 parameter sets.
    expect(f.bulk.executemany).toHaveLength(1);
    expect(f.bulk.executemany[0]?.sql.match(/\(\?, \?, \?\)/g)).toHaveLength(1);
    expect(f.bulk.executemany[0]?.params).toBe(5);
    // With RETURNING: "insertmanyvalues" rewrote it as one statement with 5 rows.
    expect(f.bulk.executemany_returning).toHaveLength(1);
    expect(f.bulk.executemany_returning[0]?.sql.match(/\(\?, \?, \?\)/g)).toHaveLength(5);
    expect(f.bulk.executemany_returning_rows).toBe(5);
    expect(f.bulk.loop).toHaveLength(5);
  });

  test('set_={"name": None} writes NULL; func.coalesce(stmt.excluded.name, ...) keeps the old value', () => {
    expect(f.set_none).toBeNull();
    expect(f.coalesce).toBe('Ann');
  });
});

describe('xmax and RETURNING old/new: PostgreSQL only', () => {
  let pg: PGlite;
  beforeAll(async () => {
    pg = await startPGlite();
    await pg.exec("CREATE TABLE users (id int PRIMARY KEY, name text); INSERT INTO users VALUES (1, 'Ann');");
  });
  afterAll(async () => pg?.close());

  test('PostgreSQL: xmax = 0 marks inserted rows; RETURNING old.*, new.* shows both sides', async () => {
    const r = await pg.query<{ id: number; inserted: boolean }>(
      "INSERT INTO users VALUES (1, 'Ann 2'), (2, 'Bob') ON CONFLICT (id) DO UPDATE SET name = excluded.name RETURNING id, (xmax = 0) AS inserted",
    );
    expect(r.rows).toEqual([
      { id: 1, inserted: false },
      { id: 2, inserted: true },
    ]);
    const o = await pg.query(
      "INSERT INTO users VALUES (2, 'Bo') ON CONFLICT (id) DO UPDATE SET name = excluded.name RETURNING old.name AS old_name, new.name AS new_name",
    );
    expect(o.rows).toEqual([{ old_name: 'Bob', new_name: 'Bo' }]);
  });

  test('SQLite has neither: both are errors', async () => {
    const db = await sqliteDb(
      "CREATE TABLE users (id integer PRIMARY KEY, name text); INSERT INTO users VALUES (1, 'Ann');",
    );
    expect(() =>
      db.exec(
        "INSERT INTO users VALUES (1, 'A') ON CONFLICT (id) DO UPDATE SET name = excluded.name RETURNING xmax = 0",
      ),
    ).toThrow(/no such column: xmax/);
    expect(() =>
      db.exec(
        "INSERT INTO users VALUES (1, 'A') ON CONFLICT (id) DO UPDATE SET name = excluded.name RETURNING old.name",
      ),
    ).toThrow(/no such column|old/);
    db.close();
  });
});

/** Debian bookworm's own SQLAlchemy, when it is 1.4: what the panel says differs there. */
const system = spawnSync('/usr/bin/python3', ['-c', 'import sqlalchemy; print(sqlalchemy.__version__)'], {
  encoding: 'utf8',
});
const system14 = system.status === 0 && system.stdout.startsWith('1.4');
describe.skipIf(!system14)('what the panel says of SQLAlchemy 1.4, run with 1.4', () => {
  test('no DeclarativeBase or mapped_column, and no RETURNING on SQLite', () => {
    const code = [
      'import sqlalchemy.orm as o',
      'from sqlalchemy import column, table',
      'from sqlalchemy.dialects import sqlite',
      'print(hasattr(o, "DeclarativeBase"), hasattr(o, "mapped_column"))',
      'try:',
      '    sqlite.insert(table("t", column("a"))).values(a=1).returning(column("a")).compile(dialect=sqlite.dialect())',
      'except Exception as exc:',
      '    print(type(exc).__name__)',
    ].join('\n');
    const r = spawnSync('/usr/bin/python3', ['-c', code], {
      encoding: 'utf8',
      env: { ...process.env, PYTHONPATH: '' },
    });
    expect(r.stdout.trim().split('\n')).toEqual(['False False', 'CompileError']);
  });
});

test('the examples the merge() note links to exist', () => {
  expect(findExample(MERGE_EXAMPLE)?.title).toMatch(/merge\(\)/);
  expect(findExample(RACE_EXAMPLE)?.title).toMatch(/race/);
});
