// @vitest-environment happy-dom
// A value too long for the page, in Practice's tables: the Setup table, the learner's result (a
// row kept, a row deleted) and the returned rows show it cut with its marker, and each offers the
// whole value from the engine that ran. The run is made by the page's engine client over the real
// SQLite engine (in this process, through the production worker code).
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createElement } from 'react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EngineClient } from '../../src/engine/client';
import { createSqliteEngine } from '../../src/engine/sqlite';
import { copyTextLater } from '../../src/lib/clipboard';
import { RunTables, SetupTables } from '../../src/practice/ResultTables';
import type { Exercise } from '../../src/practice/types';
import { EnginesContext } from '../../src/state/engineContext';
import { InProcessWorker } from '../engine/inProcessWorker';

const client = new EngineClient('sqlite', () => new InProcessWorker(() => createSqliteEngine()) as unknown as Worker);
const engines = { sqlite: client, postgres: client };
afterAll(() => client.dispose());

const ex: Exercise = {
  id: 'cut',
  unit: 'basics',
  title: 'Long values',
  task: 't',
  lesson: 't',
  hints: ['a', 'b'],
  dialects: ['sqlite'],
  schema: 'CREATE TABLE t (k int PRIMARY KEY, v text);',
  sets: [{ rows: '' }, { rows: '', about: 'x' }],
  solution: 'SELECT 1',
  returning: 'ordered',
};

describe('Practice tables with a value cut for display', () => {
  it('offer the whole value in the Setup table, the result (kept and deleted rows) and the returned rows', async () => {
    const result = await client.run(
      {
        setup: `CREATE TABLE t (k int PRIMARY KEY, v text);\nINSERT INTO t VALUES (1, printf('%.*c', 20000, 'a')), (2, printf('%.*c', 30000, 'b'));`,
        statement: "DELETE FROM t WHERE k = 2;\nUPDATE t SET v = v || 'z' WHERE k = 1 RETURNING v;",
      },
      30_000,
    );
    expect(result.error).toBeUndefined();
    render(
      createElement(
        EnginesContext,
        { value: engines },
        createElement(SetupTables, { result }),
        createElement(RunTables, { ex, result, title: 'Your result' }),
      ),
    );
    const setup = screen.getByRole('table', { name: 'Setup: t' });
    expect(within(setup).getByText('(10,000 of 20,000 characters)')).toBeTruthy();
    expect(within(setup).getByText('(10,000 of 30,000 characters)')).toBeTruthy();
    expect(within(setup).getAllByRole('button', { name: 'Copy whole value' })).toHaveLength(2);

    const mine = screen.getByRole('table', { name: 'Your result: t' });
    // The kept row (After) and the deleted one (shown from Before, struck through).
    expect(within(mine).getByText('(10,000 of 20,001 characters)')).toBeTruthy();
    const deleted = within(mine).getByText('(10,000 of 30,000 characters)').closest('td')!;
    expect(deleted.querySelector('del')).not.toBeNull();

    const returned = screen.getByRole('table', { name: 'Your returned rows' });
    const cell = within(returned).getByText('(10,000 of 20,001 characters)').closest('td')!;
    const save = within(cell).getByRole('button', { name: 'Download whole value' });
    // The whole value comes from the engine: saving it names the file and says so.
    URL.createObjectURL = vi.fn(() => 'blob:whole');
    URL.revokeObjectURL = vi.fn();
    await userEvent.click(save);
    expect(await within(cell).findByText('Saved as statement-2-v-row-1.txt.')).toBeTruthy();
  });
});

describe('copyTextLater', () => {
  it('starts the clipboard write before the text arrives (Safari allows it only within the click)', async () => {
    const written: string[] = [];
    const write = vi.fn(async (items: ClipboardItem[]) => {
      const blob = await items[0]!.getType('text/plain');
      written.push(await blob.text());
    });
    vi.stubGlobal('navigator', { clipboard: { write, writeText: vi.fn() } });
    try {
      let arrive: (t: string) => void = () => undefined;
      const copied = copyTextLater(new Promise<string>((r) => (arrive = r)));
      expect(write).toHaveBeenCalledTimes(1); // at once, not after the text came
      arrive('whole value');
      expect(await copied).toBe(true);
      expect(written).toEqual(['whole value']);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('is false, without an unhandled rejection, when the text never comes', async () => {
    vi.stubGlobal('navigator', { clipboard: { write: (items: ClipboardItem[]) => items[0]!.getType('text/plain') } });
    try {
      expect(await copyTextLater(Promise.reject(new Error('gone')))).toBe(false);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
