// Recent work (several set-aside scenarios) and the autosaver's protection of other tabs' edits,
// on stores that behave like Web Storage: a character budget that throws QuotaExceededError.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultScenario, type Scenario } from '../../src/scenario/scenario';
import { createAutosaver } from '../../src/persistence/autosave';
import {
  droppedNote,
  forgetKept,
  keepWork,
  listKept,
  loadKept,
  MAX_KEPT,
  type KeyValueStore,
} from '../../src/persistence/kept';
import { KEPT_KEY, OWNER_KEY, STASH_KEY, WORK_KEY } from '../../src/persistence/keys';
import { loadStash, loadWork, loadWorkRecord, saveWork, stashOwnWork } from '../../src/persistence/storage';

/** localStorage as browsers count it: keys plus values, in characters, up to a budget. */
class BudgetStore implements KeyValueStore {
  data = new Map<string, string>();
  constructor(public budget = Infinity) {}
  used(): number {
    let n = 0;
    for (const [k, v] of this.data) n += k.length + v.length;
    return n;
  }
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    const old = this.data.get(k);
    const next = this.used() - (old === undefined ? 0 : k.length + old.length) + k.length + v.length;
    if (next > this.budget)
      throw new DOMException(`Setting the value of '${k}' exceeded the quota.`, 'QuotaExceededError');
    this.data.set(k, v);
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
}

const work = (title: string, statement = `SELECT '${title}';`): Scenario => ({
  ...defaultScenario(),
  title,
  sqlite: { setup: 'CREATE TABLE t(a);', statement },
});

describe('Recent work', () => {
  it('keeps several set-aside scenarios, newest first, each readable', () => {
    const store = new BudgetStore();
    for (const t of ['W', 'A plus edit', 'C']) expect(keepWork(work(t), { store }).ok).toBe(true);
    const list = listKept(store);
    expect(list.map((m) => m.title)).toEqual(['C', 'A plus edit', 'W']);
    expect(loadKept(list[2]!.id, store)).toEqual(work('W'));
    expect(list[0]!.summary).toBe("SQLite: SELECT 'C';");
  });

  it('does not add the same scenario twice: it moves to the top', () => {
    const store = new BudgetStore();
    keepWork(work('W'), { store });
    keepWork(work('X'), { store });
    keepWork(work('W'), { store });
    expect(listKept(store).map((m) => m.title)).toEqual(['W', 'X']);
  });

  it('is bounded: past the limit the oldest is dropped and reported for a visible note', () => {
    const store = new BudgetStore();
    for (let i = 1; i <= MAX_KEPT; i++)
      expect(keepWork(work(`w${i}`), { store })).toMatchObject({ ok: true, dropped: [] });
    const r = keepWork(work('newest'), { store });
    expect(r).toMatchObject({ ok: true, dropped: [{ title: 'w1' }] });
    expect(listKept(store)).toHaveLength(MAX_KEPT);
    expect(r.ok && droppedNote(r.dropped)).toBe(
      `Recent work keeps at most ${MAX_KEPT} set-aside scenarios within the browser's storage, so the oldest was dropped: “\u2068w1\u2069”.`,
    );
    // The dropped entry's own key is gone too.
    expect([...store.data.keys()].filter((k) => k.startsWith(`${KEPT_KEY}:`))).toHaveLength(MAX_KEPT);
  });

  it('makes room in full storage by dropping the oldest (reported); fails with a message when nothing can go', () => {
    const big = (t: string) => work(t, 'x'.repeat(2000));
    const store = new BudgetStore(7000);
    expect(keepWork(big('one'), { store }).ok).toBe(true);
    expect(keepWork(big('two'), { store }).ok).toBe(true);
    expect(keepWork(big('three'), { store })).toMatchObject({ ok: true, dropped: [{ title: 'one' }] });
    expect(listKept(store).map((m) => m.title)).toEqual(['three', 'two']);
    const tiny = new BudgetStore(1500);
    expect(keepWork(big('too big'), { store: tiny })).toEqual({
      ok: false,
      message: 'Browser storage is full, so your scenario could not be set aside.',
    });
    expect(listKept(tiny)).toEqual([]);
    expect([...tiny.data.keys()].filter((k) => k.startsWith(`${KEPT_KEY}:`))).toEqual([]);
  });

  it('reads the single stash slot of earlier versions as an entry', () => {
    const store = new BudgetStore();
    store.setItem(STASH_KEY, JSON.stringify({ v: 1, savedAt: 5, origin: 'edited', scenario: work('old slot') }));
    const reads = vi.spyOn(store, 'getItem');
    keepWork(work('new'), { store });
    // Moved once (no recursion through keepWork), with its own time.
    expect(reads.mock.calls.length).toBeLessThan(20);
    expect(listKept(store).map((m) => [m.title, m.savedAt > 5 ? 'now' : m.savedAt])).toEqual([
      ['new', 'now'],
      ['old slot', 5],
    ]);
    expect(store.getItem(STASH_KEY)).toBeNull();
  });

  it('stashOwnWork / loadStash / forget work on the newest entry; junk reads as nothing', () => {
    const store = new BudgetStore();
    stashOwnWork(work('W'), store);
    stashOwnWork(work('A'), store);
    expect(loadStash(store)).toEqual(work('A'));
    forgetKept(listKept(store)[0]!.id, store);
    expect(loadStash(store)).toEqual(work('W'));
    store.setItem(KEPT_KEY, '{"v":1,"items":[{"id":"../x"},42,null]}');
    expect(listKept(store)).toEqual([]);
  });
});

describe('autosave across tabs', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("type in tab A, then in tab B, close A: A's edits are kept (Recent work), B's are the autosaved work", () => {
    const store = new BudgetStore();
    const a = createAutosaver({ store, target: null, pageId: 'a' });
    const onOtherTab = vi.fn();
    // Tab B opened before A typed (it opened the same saved work, or a link).
    const b = createAutosaver({ store, target: null, pageId: 'b', onOtherTab });
    a.save(work('typed in A'));
    a.flush();
    b.save(work('typed in B'));
    b.flush();
    a.dispose(); // tab A closes
    expect(loadWork(store)).toEqual(work('typed in B'));
    expect(listKept(store).map((m) => [m.title, m.reason])).toEqual([['typed in A', 'other-tab']]);
    expect(onOtherTab).toHaveBeenCalledTimes(1);
  });

  it('tabs taking turns keep one entry per other tab, updated in place', () => {
    const store = new BudgetStore();
    const a = createAutosaver({ store, target: null, pageId: 'a' });
    const b = createAutosaver({ store, target: null, pageId: 'b' });
    for (let i = 1; i <= 3; i++) {
      a.save(work(`A${i}`));
      a.flush();
      b.save(work(`B${i}`));
      b.flush();
    }
    expect(loadWork(store)).toEqual(work('B3'));
    expect(
      listKept(store)
        .map((m) => m.title)
        .sort(),
    ).toEqual(['A3', 'B2']);
  });

  it('a tab continuing the work it opened does not keep a copy of it', () => {
    const store = new BudgetStore();
    const a = createAutosaver({ store, target: null });
    a.save(work('W'));
    a.flush();
    a.dispose();
    const b = createAutosaver({ store, target: null }); // opened the saved work
    b.save(work('W, edited further'));
    b.flush();
    expect(listKept(store)).toEqual([]);
    expect(store.getItem(OWNER_KEY)).toMatch(/:1:e$/);
  });

  it('protected work (not set aside: storage was full) is not overwritten by an unedited load, nor by edits while it cannot be kept', () => {
    const store = new BudgetStore();
    saveWork(work('W', 'x'.repeat(3000)), 'edited', store);
    store.budget = store.used() + 200;
    const onError = vi.fn();
    const saver = createAutosaver({ store, target: null, protect: loadWork(store), seenOwner: null, onError });
    saver.save(work('link A'), 'loaded');
    saver.flush();
    expect(loadWork(store)?.title).toBe('W');
    saver.save(work('link A, edited'));
    saver.flush();
    expect(loadWork(store)?.title).toBe('W');
    expect(onError).toHaveBeenLastCalledWith(
      expect.stringMatching(
        /^Browser storage is full, so your scenario could not be set aside, so these edits are not autosaved/,
      ),
    );
    // Room again: W is set aside first, then the edits are written.
    store.budget = Infinity;
    saver.save(work('link A, edited more'));
    saver.flush();
    expect(loadWorkRecord(store)?.scenario.title).toBe('link A, edited more');
    expect(listKept(store).map((m) => m.title)).toEqual(['W']);
    expect(onError).toHaveBeenLastCalledWith(null);
    expect(store.getItem(WORK_KEY)).not.toBeNull();
  });
});
