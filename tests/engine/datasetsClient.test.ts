/**
 * A loaded CSV file's rows on their way from the page to the engine worker and into runs, through
 * the production client and worker code (the worker served in this process, on the real SQLite
 * engine): kept until dropped, gone with a replaced worker, and the runs say so.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { EngineClient } from '../../src/engine/client';
import { createSqliteEngine } from '../../src/engine/sqlite';
import { encodeBatch } from '../../src/engine/datasets';
import { InProcessWorker } from './inProcessWorker';

const client = new EngineClient('sqlite', () => new InProcessWorker(() => createSqliteEngine()) as unknown as Worker);
afterAll(() => client.dispose());

const SETUP = 'CREATE TABLE t (id integer PRIMARY KEY, v text);';

function send(id: string, rows: (string | null)[][]): void {
  client.postDataset({
    type: 'dataset',
    op: 'begin',
    info: { id, table: 't', columns: ['id', 'v'], fileName: 't.csv' },
  });
  client.postDataset({ type: 'dataset', op: 'rows', dataset: id, data: encodeBatch(rows), rows: rows.length });
}

describe('datasets through the engine client', () => {
  it('keeps the rows, inserts them in each run, forgets them when dropped', async () => {
    send('a', [
      ['1', 'one'],
      ['2', null],
    ]);
    expect(await client.stored('a')).toBe(2);
    const r = await client.run({ setup: SETUP, statement: 'SELECT count(*) FROM t;', datasets: ['a'] }, 10_000);
    expect(r.ok, r.error?.message).toBe(true);
    expect(r.statements[0]!.rows).toEqual([[2]]);
    client.postDataset({ type: 'dataset', op: 'drop', dataset: 'a' });
    expect(await client.stored('a')).toBeNull();
  });

  it('loses them with a replaced worker: the generation moves on and a run says to load the file again', async () => {
    send('b', [['1', 'one']]);
    expect(await client.stored('b')).toBe(1);
    const before = client.generation;
    const stopped = client.run({ setup: SETUP, statement: 'SELECT 1;', datasets: ['b'] }, 10_000);
    client.stop();
    await stopped;
    expect(client.generation).toBe(before + 1);
    expect(await client.stored('b')).toBeNull();
    const r = await client.run({ setup: SETUP, statement: 'SELECT 1;', datasets: ['b'] }, 10_000);
    expect(r.ok).toBe(false);
    expect(r.error!.message).toBe(
      'A loaded CSV file is no longer in the engine (it was restarted since); load the file again.',
    );
  });
});
