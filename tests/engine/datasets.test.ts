/** Loaded CSV files (datasets) inserted after the setup of each run, on both real engines. */
import { describe, expect, it } from 'vitest';
import { useEngines } from '../support/engines';
import { encodeBatch, type DatasetInfo } from '../../src/engine/datasets';
import type { Engine, RunResult } from '../../src/engine/types';
import { raceInput } from '../../src/race/model';

const engines = useEngines();

const SETUP = `CREATE TABLE items (id integer PRIMARY KEY, name text NOT NULL, price numeric, note text);
INSERT INTO items VALUES (1, 'setup row', 1, NULL);`;
const UPSERT = `INSERT INTO items (id, name) VALUES (2, 'changed') ON CONFLICT (id) DO UPDATE SET name = excluded.name;`;

function load(e: Engine, info: Omit<DatasetInfo, 'fileName'>, batches: (string | null)[][][]): void {
  e.datasets.begin({ ...info, fileName: 'items.csv' });
  for (const b of batches) e.datasets.add(info.id, encodeBatch(b), b.length);
}

const rowsOf = (r: RunResult, name: string) => r.tables.find((t) => t.name === name)!;

describe.each(['sqlite', 'postgres'] as const)('%s datasets', (dialect) => {
  it('inserts the rows after the setup on every run, before the statement', async () => {
    const e = engines[dialect];
    // Columns in the file's order, which need not be the table's.
    load(e, { id: 'a', table: 'items', columns: ['name', 'id', 'price'] }, [
      [
        ['two', '2', '2.5'],
        ['three', '3', null],
      ],
      [['four', '4', '10']],
    ]);
    expect(e.datasets.rows('a')).toBe(3);
    for (let run = 0; run < 2; run++) {
      const r = await e.run({ setup: SETUP, statement: UPSERT, datasets: ['a'] });
      expect(r.ok, r.error?.message).toBe(true);
      const t = rowsOf(r, 'items');
      expect(t.before!.totalRows).toBe(4);
      expect(t.after!.totalRows).toBe(4);
      expect(t.counts.updated).toBe(1);
      expect(r.notes[0]).toMatch(
        /^3 rows of items\.csv were inserted into items after the setup \(in \d+ ms\); the file is loaded in this tab only, not part of the scenario\.$/,
      );
      expect(t.after!.rows.map((row) => row[1])).toEqual(['setup row', 'changed', 'three', 'four']);
      // Empty fields are NULL; the text is read as the column's type.
      const three = t.after!.rows[2]!;
      expect(three[2]).toBeNull();
      expect(t.after!.rows[3]![0]).toBe(4);
    }
    // No table, sequence or counter of the engine's own is left behind.
    const r = await e.run({ setup: SETUP, statement: 'SELECT 1;', datasets: ['a'] });
    expect(r.tables.map((t) => t.name)).toEqual(['items']);
    e.datasets.drop('a');
  });

  it('names the row and column a refused value is in, and keeps none of the rows', async () => {
    const e = engines[dialect];
    const strict = dialect === 'sqlite' ? ' STRICT' : '';
    const setup = `CREATE TABLE n (id integer PRIMARY KEY, qty integer NOT NULL)${strict};`;
    load(e, { id: 'bad', table: 'n', columns: ['id', 'qty'] }, [
      [
        ['1', '5'],
        ['2', 'lots'],
      ],
    ]);
    const r = await e.run({ setup, statement: 'SELECT count(*) FROM n;', datasets: ['bad'] });
    expect(r.ok).toBe(false);
    expect(r.error!.phase).toBe('setup');
    expect(r.error!.message).toMatch(/^items\.csv could not be loaded into table n: row 2, column qty: /);
    expect(r.statements).toEqual([]);
    expect(r.notes).toContain('The statement script was not run because a CSV file could not be loaded.');
    expect(rowsOf(r, 'n').after!.totalRows).toBe(0);
    // A NOT NULL column left empty.
    load(e, { id: 'null', table: 'n', columns: ['id', 'qty'] }, [[['1', null]]]);
    const r2 = await e.run({ setup, statement: 'SELECT 1;', datasets: ['null'] });
    expect(r2.error!.message).toMatch(/row 1, column qty: .*(NOT NULL|not-null)/i);
    e.datasets.drop('bad');
    e.datasets.drop('null');
  });

  it('says when a dataset is no longer there or its table is gone', async () => {
    const e = engines[dialect];
    const r = await e.run({ setup: SETUP, statement: 'SELECT 1;', datasets: ['gone'] });
    expect(r.error!.message).toMatch(/no longer in the engine/);
    load(e, { id: 'x', table: 'items', columns: ['id', 'name'] }, [[['9', 'nine']]]);
    const r2 = await e.run({ setup: 'CREATE TABLE other (a int);', statement: 'SELECT 1;', datasets: ['x'] });
    expect(r2.error!.message).toMatch(/which the setup no longer creates/);
    e.datasets.drop('x');
  });

  it('inserts inside a transaction the setup left open', async () => {
    const e = engines[dialect];
    load(e, { id: 'tx', table: 't', columns: ['a'] }, [[['1'], ['2']]]);
    const r = await e.run({
      setup: 'CREATE TABLE t (a integer);\nBEGIN;\nINSERT INTO t VALUES (0);',
      statement: 'COMMIT;',
      datasets: ['tx'],
    });
    expect(r.ok, r.error?.message).toBe(true);
    expect(rowsOf(r, 't').after!.rows).toEqual([[0], [1], [2]]);
    e.datasets.drop('tx');
  });

  it('inserts the rows before a race lab timeline too', async () => {
    const e = engines[dialect];
    load(e, { id: 'race', table: 't', columns: ['a'] }, [[['1'], ['2'], ['3']]]);
    const race = raceInput({
      sessions: [['SELECT count(*) AS n FROM t;'], ['SELECT 1 AS one;']],
      timeline: [
        { session: 0, step: 0 },
        { session: 1, step: 0 },
      ],
    });
    const r = await e.run({ setup: 'CREATE TABLE t (a integer);', statement: '', race, datasets: ['race'] });
    expect(r.ok, r.error?.message).toBe(true);
    expect(r.statements[0]!.rows).toEqual([[3]]);
    e.datasets.drop('race');
  });

  it('inserts 20,000 rows', async () => {
    const e = engines[dialect];
    const rows = Array.from({ length: 20_000 }, (_, i) => [String(i + 10), `name ${i}`, String(i / 4), 'x']);
    load(e, { id: 'big', table: 'items', columns: ['id', 'name', 'price', 'note'] }, [
      rows.slice(0, 7000),
      rows.slice(7000),
    ]);
    const r = await e.run({ setup: SETUP, statement: 'SELECT 1;', datasets: ['big'] });
    expect(r.ok, r.error?.message).toBe(true);
    expect(rowsOf(r, 'items').after!.totalRows).toBe(20_001);
    e.datasets.drop('big');
  });
});
