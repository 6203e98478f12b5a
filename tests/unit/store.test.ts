import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../../src/scenario/scenario';
import { initialState, isStale, reducer, type RunRecord } from '../../src/state/store';
import { failedRun } from '../../src/engine/runFailure';

const record = (ran: { setup: string; statement: string }): RunRecord => ({
  result: failedRun('sqlite', 'SQLite', { phase: 'engine', message: 'x' }),
  ran,
  elapsedMs: 1,
});

describe('playground store', () => {
  it('an edit marks the shown result stale and leaves the other dialect alone', () => {
    let s = initialState(defaultScenario(), 'default');
    s = reducer(s, { type: 'runDone', dialect: 'sqlite', record: record(s.scenario.sqlite), loadSeq: 0 });
    expect(isStale(s.results.sqlite, s.scenario.sqlite)).toBe(false);
    s = reducer(s, { type: 'edit', dialect: 'sqlite', part: 'statement', text: 'SELECT 1;' });
    expect(s.scenario.sqlite.statement).toBe('SELECT 1;');
    expect(s.scenario.postgres.statement).toBe(defaultScenario().postgres.statement);
    expect(isStale(s.results.sqlite, s.scenario.sqlite)).toBe(true);
    expect(s.source).toBe('edited');
  });

  it('a result of a run started before a load is dropped, so the loaded scenario runs afresh', () => {
    let s = initialState(defaultScenario(), 'default');
    s = reducer(s, { type: 'runStart', dialect: 'sqlite' });
    const seqAtStart = s.loadSeq;
    const loaded = { ...defaultScenario(), title: 'Loaded' };
    s = reducer(s, { type: 'load', scenario: loaded, source: 'link', origin: { address: 'push' } });
    s = reducer(s, {
      type: 'runDone',
      dialect: 'sqlite',
      record: record(defaultScenario().sqlite),
      loadSeq: seqAtStart,
    });
    expect(s.results.sqlite).toBeUndefined();
    expect(s.running.sqlite).toBe(false);
    expect(s.scenario.title).toBe('Loaded');
  });

  it('switching the dialect keeps both results', () => {
    let s = initialState(defaultScenario(), 'default');
    s = reducer(s, { type: 'runDone', dialect: 'sqlite', record: record(s.scenario.sqlite), loadSeq: 0 });
    s = reducer(s, { type: 'setDialect', dialect: 'postgres' });
    expect(s.scenario.dialect).toBe('postgres');
    expect(s.results.sqlite).toBeDefined();
  });
});
