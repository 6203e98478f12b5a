// Practice progress: its own storage key, round trips, corrupted entries, export/import files.
import { describe, expect, it } from 'vitest';
import {
  clearProgress,
  loadProgress,
  mergeProgress,
  parseProgressFile,
  PRACTICE_KEY,
  progressFile,
  saveProgress,
  statusOf,
  withRecord,
} from '../../src/practice/progress';
import { STASH_KEY, TAB_KEY, WORK_KEY } from '../../src/persistence/keys';

function memory(): Storage {
  const m = new Map<string, string>();
  return {
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => void m.set(k, v),
    removeItem: (k) => void m.delete(k),
    clear: () => m.clear(),
    key: (i) => [...m.keys()][i] ?? null,
    get length() {
      return m.size;
    },
  };
}

describe('practice progress', () => {
  it('uses a key of its own and never the autosave keys', () => {
    expect([WORK_KEY, STASH_KEY, TAB_KEY]).not.toContain(PRACTICE_KEY);
    const s = memory();
    s.setItem(WORK_KEY, 'mine');
    expect(saveProgress(withRecord({}, 'a', 'sqlite', { attempts: 1, last: 'SELECT 1' }), s)).toBeNull();
    clearProgress(s);
    expect(s.getItem(WORK_KEY)).toBe('mine');
    expect(s.getItem(PRACTICE_KEY)).toBeNull();
  });
  it('round-trips and tells done / tried / new', () => {
    const s = memory();
    let p = withRecord({}, 'a', 'sqlite', { attempts: 2, last: 'x' });
    p = withRecord(p, 'b', 'postgres', { attempts: 1, solved: true });
    saveProgress(p, s);
    const back = loadProgress(s);
    expect(back).toEqual(p);
    expect(statusOf(back, 'a', 'sqlite')).toBe('tried');
    expect(statusOf(back, 'b', 'postgres')).toBe('done');
    expect(statusOf(back, 'b', 'sqlite')).toBe('new');
  });
  it('reads a corrupted entry as no progress', () => {
    const s = memory();
    s.setItem(PRACTICE_KEY, '{not json');
    expect(loadProgress(s)).toEqual({});
    s.setItem(PRACTICE_KEY, JSON.stringify({ v: 1, progress: { a: { sqlite: { solved: 'yes' } } } }));
    expect(loadProgress(s)).toEqual({});
  });
  it('says why a save failed', () => {
    const full = {
      ...memory(),
      setItem: () => {
        throw new Error('quota');
      },
    };
    expect(saveProgress({}, full)).toMatch(/could not be saved \(quota\)/);
  });
  it('exports and imports a file, refusing other files with a message', () => {
    const p = withRecord({}, 'a', 'sqlite', { attempts: 3, solved: true, last: 'INSERT' });
    expect(parseProgressFile(progressFile(p))).toEqual({ ok: true, progress: p });
    expect(parseProgressFile('nope')).toMatchObject({ ok: false, message: expect.stringMatching(/not JSON/) });
    expect(parseProgressFile('{"format":"upsert-playground","version":1}')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not a practice progress file/),
    });
    expect(
      parseProgressFile(JSON.stringify({ format: 'upsert-playground-practice', version: 2, progress: {} })),
    ).toMatchObject({ ok: false, message: expect.stringMatching(/newer version/) });
  });
  it('merges: solved wins, own text kept', () => {
    const mine = withRecord({}, 'a', 'sqlite', { attempts: 1, last: 'mine' });
    const theirs = withRecord(
      withRecord({}, 'a', 'sqlite', { attempts: 4, solved: true, last: 'theirs' }),
      'b',
      'postgres',
      { attempts: 1, last: 'b' },
    );
    const m = mergeProgress(mine, theirs);
    expect(m.a?.sqlite).toEqual({ solved: true, attempts: 4, last: 'mine' });
    expect(m.b?.postgres?.last).toBe('b');
  });
});
