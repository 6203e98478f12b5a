/**
 * Of the Form's describes (one per pause in typing) only the latest waits for the engine; other
 * describes always run. On the real SQLite (sql.js), through the page's EngineClient and the production
 * worker code. (The time limit of a describe needs a real worker, which an in-process engine cannot
 * interrupt: tests/e2e/describe-limit.spec.ts.)
 */
import { afterAll, describe, expect, it } from 'vitest';
import { EngineClient } from '../../src/engine/client';
import { createSqliteEngine } from '../../src/engine/sqlite';
import { InProcessWorker } from './inProcessWorker';

const client = new EngineClient('sqlite', () => new InProcessWorker(() => createSqliteEngine()) as unknown as Worker);
const names = (d: { tables: { name: string }[] }) => d.tables.map((t) => t.name);

afterAll(() => client.dispose());

describe('only the latest pending describe', () => {
  it('a newer latest-only describe replaces the one still waiting; the one in flight finishes', async () => {
    const a = client.describe('CREATE TABLE a (k int);', undefined, { latestOnly: true });
    const b = client.describe('CREATE TABLE b (k int);', undefined, { latestOnly: true });
    const c = client.describe('CREATE TABLE c (k int);', undefined, { latestOnly: true });
    expect(names(await a)).toEqual(['a']);
    expect(await b).toEqual({ tables: [], superseded: true });
    expect(names(await c)).toEqual(['c']);
  });

  it('a describe that is not latest-only (Translate, carry-over) is never replaced', async () => {
    const kept = client.describe('CREATE TABLE kept (k int);');
    const first = client.describe('CREATE TABLE x (k int);', undefined, { latestOnly: true });
    const waiting = client.describe('CREATE TABLE y (k int);');
    const last = client.describe('CREATE TABLE z (k int);', undefined, { latestOnly: true });
    expect(names(await kept)).toEqual(['kept']);
    expect(await first).toEqual({ tables: [], superseded: true });
    expect(names(await waiting)).toEqual(['y']);
    expect(names(await last)).toEqual(['z']);
  });
});
