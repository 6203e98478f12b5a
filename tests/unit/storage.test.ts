// Autosave, the "my scenario" stash and the load decision, on in-memory and failing stores.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeScenario } from '../../src/scenario/link';
import { defaultScenario, type Scenario } from '../../src/scenario/scenario';
import { createAutosaver } from '../../src/persistence/autosave';
import {
  clearStash,
  decideOnLoad,
  loadStash,
  loadWork,
  loadWorkRecord,
  saveWork,
  loadTabWork,
  saveTabWork,
  stashOwnWork,
  STASH_KEY,
  TAB_KEY,
  WORK_KEY,
  type KeyValueStore,
} from '../../src/persistence/storage';

class MemoryStore implements KeyValueStore {
  data = new Map<string, string>();
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.data.set(k, v);
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
}
class FullStore extends MemoryStore {
  override setItem(): void {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  }
}
class BrokenStore implements KeyValueStore {
  getItem(): string | null {
    throw new Error('SecurityError: access denied');
  }
  setItem(): void {
    throw new Error('SecurityError: access denied');
  }
  removeItem(): void {
    throw new Error('SecurityError: access denied');
  }
}

const mine: Scenario = {
  ...defaultScenario(),
  title: 'My own work',
  sqlite: { setup: 'CREATE TABLE mine(a);', statement: 'SELECT 1;' },
};
const theirs: Scenario = { ...defaultScenario(), dialect: 'postgres', title: 'Shared with me' };

describe('saveWork / loadWork', () => {
  it('round-trips the scenario, the dialect and the origin', () => {
    const store = new MemoryStore();
    expect(saveWork(theirs, 'loaded', store)).toEqual({ ok: true });
    expect(loadWork(store)).toEqual(theirs);
    expect(loadWorkRecord(store)).toMatchObject({ scenario: theirs, origin: 'loaded' });
    saveWork(mine, undefined, store);
    expect(loadWorkRecord(store)).toMatchObject({ scenario: mine, origin: 'edited' });
    expect(JSON.parse(store.data.get(WORK_KEY)!)).toMatchObject({
      v: 1,
      origin: 'edited',
      scenario: { title: 'My own work' },
    });
  });

  it('reads corrupted or foreign entries as nothing, without throwing', () => {
    const store = new MemoryStore();
    for (const junk of [
      '{',
      'null',
      '42',
      '[]',
      '{"v":2,"scenario":{}}',
      '{"v":1}',
      '{"v":1,"scenario":{"dialect":"oracle"}}',
    ]) {
      store.data.set(WORK_KEY, junk);
      expect(loadWork(store)).toBeNull();
    }
  });

  it('degrades with a message when storage is full, missing or refused', () => {
    expect(saveWork(mine, 'edited', new FullStore())).toEqual({
      ok: false,
      message: expect.stringMatching(/storage is full/),
    });
    expect(saveWork(mine, 'edited', null)).toEqual({ ok: false, message: expect.stringMatching(/private mode/) });
    expect(saveWork(mine, 'edited', new BrokenStore())).toEqual({
      ok: false,
      message: expect.stringMatching(/could not be autosaved \(SecurityError/),
    });
    expect(loadWork(new BrokenStore())).toBeNull();
    expect(loadWork(null)).toBeNull();
    expect(() => clearStash(new BrokenStore())).not.toThrow();
  });
});

describe('stash', () => {
  it('keeps the set-aside work separately until cleared', () => {
    const store = new MemoryStore();
    saveWork(theirs, 'loaded', store);
    stashOwnWork(mine, store);
    expect(loadStash(store)).toEqual(mine);
    expect(loadWork(store)).toEqual(theirs);
    clearStash(store);
    expect(loadStash(store)).toBeNull();
    expect(store.data.has(STASH_KEY)).toBe(false);
    expect(loadWork(store)).toEqual(theirs);
  });
});

describe('decideOnLoad', () => {
  const link = '#' + encodeScenario(theirs);
  const findExample = (id: string) => (id === 'upsert-basics' ? theirs : null);

  it('opens the saved work without a fragment, or the default on a first visit', () => {
    expect(decideOnLoad({ hash: '', saved: mine })).toEqual({ scenario: mine, source: 'saved' });
    expect(decideOnLoad({ hash: '#', saved: null })).toEqual({ scenario: defaultScenario(), source: 'default' });
  });

  it('opens a link over edited work and stashes that work', () => {
    expect(decideOnLoad({ hash: link, saved: mine })).toEqual({ scenario: theirs, source: 'link', stash: mine });
    expect(decideOnLoad({ hash: link, saved: { scenario: mine, origin: 'edited', savedAt: 1 } })).toEqual({
      scenario: theirs,
      source: 'link',
      stash: mine,
    });
  });

  it('does not stash when the saved work is the same scenario or an unedited loaded one', () => {
    expect(decideOnLoad({ hash: link, saved: theirs })).toEqual({ scenario: theirs, source: 'link' });
    expect(decideOnLoad({ hash: link, saved: { scenario: mine, origin: 'loaded', savedAt: 1 } })).toEqual({
      scenario: theirs,
      source: 'link',
    });
    expect(decideOnLoad({ hash: link, saved: null })).toEqual({ scenario: theirs, source: 'link' });
    expect(decideOnLoad({ hash: link, saved: defaultScenario() })).toEqual({ scenario: theirs, source: 'link' });
  });

  it('opens an example by id, stashing edited work', () => {
    expect(decideOnLoad({ hash: '#example/upsert-basics', saved: mine, findExample })).toEqual({
      scenario: theirs,
      source: 'example',
      stash: mine,
      exampleId: 'upsert-basics',
    });
    expect(decideOnLoad({ hash: '#example/nope', saved: mine, findExample })).toEqual({
      scenario: mine,
      source: 'saved',
      message:
        'This link names an example that this version of the playground does not have (the link may be from a newer or older version, or mistyped). Open Examples to pick one.',
    });
  });

  it('a reload of a tab reopens its own latest work when the address still holds the same fragment', () => {
    const stale = encodeScenario(defaultScenario());
    expect(decideOnLoad({ hash: '#' + stale, saved: theirs, tab: { fragment: stale, scenario: mine } })).toEqual({
      scenario: mine,
      source: 'saved',
    });
    expect(decideOnLoad({ hash: '', saved: theirs, tab: { fragment: '', scenario: mine } })).toEqual({
      scenario: mine,
      source: 'saved',
    });
    // Another address in this tab (a link pasted in): the link wins as usual.
    expect(decideOnLoad({ hash: link, saved: mine, tab: { fragment: stale, scenario: mine } })).toEqual({
      scenario: theirs,
      source: 'link',
      stash: mine,
    });
  });

  it('keeps the saved work and explains a bad link', () => {
    const cut = link.slice(0, link.length - 30);
    const d = decideOnLoad({ hash: cut, saved: mine });
    expect(d.scenario).toEqual(mine);
    expect(d.source).toBe('saved');
    expect(d.stash).toBeUndefined();
    expect(d.message).toMatch(/cut off/);
    expect(decideOnLoad({ hash: '#s9/abc', saved: null })).toMatchObject({
      source: 'default',
      message: expect.stringMatching(/newer version/),
    });
  });
});

describe('tab work', () => {
  it('round-trips and reads junk as nothing', () => {
    const store = new MemoryStore();
    saveTabWork(mine, 's1/abc', store);
    expect(loadTabWork(store)).toEqual({ fragment: 's1/abc', scenario: mine });
    store.data.set(TAB_KEY, '{"v":1,"fragment":3}');
    expect(loadTabWork(store)).toBeNull();
    expect(loadTabWork(new BrokenStore())).toBeNull();
    expect(() => saveTabWork(mine, '', new BrokenStore())).not.toThrow();
  });
});

describe('createAutosaver', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('debounces writes and keeps only the last scenario', () => {
    const store = new MemoryStore();
    const spy = vi.spyOn(store, 'setItem');
    const saver = createAutosaver({ store, delayMs: 300, target: null });
    saver.save({ ...mine, title: 'a' });
    saver.save({ ...mine, title: 'ab' });
    vi.advanceTimersByTime(299);
    expect(spy).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    // One write of the work (plus the small owner stamp that tells tabs apart).
    expect(spy.mock.calls.filter(([k]) => k === WORK_KEY)).toHaveLength(1);
    expect(loadWork(store)?.title).toBe('ab');
    saver.dispose();
  });

  it('writes at once when the page is hidden or unloaded', () => {
    const store = new MemoryStore();
    const target = new EventTarget();
    let hidden = false;
    const saver = createAutosaver({ store, delayMs: 10_000, target, isHidden: () => hidden });
    saver.save({ ...mine, title: 'typed just before reload' });
    target.dispatchEvent(new Event('visibilitychange'));
    expect(loadWork(store)).toBeNull();
    hidden = true;
    target.dispatchEvent(new Event('visibilitychange'));
    expect(loadWork(store)?.title).toBe('typed just before reload');
    saver.save({ ...mine, title: 'then closed' });
    target.dispatchEvent(new Event('pagehide'));
    expect(loadWork(store)?.title).toBe('then closed');
    saver.dispose();
    saver.save({ ...mine, title: 'after dispose' });
    target.dispatchEvent(new Event('pagehide'));
    expect(loadWork(store)?.title).toBe('then closed');
  });

  it('also keeps the tab record with the fragment the address holds', () => {
    const store = new MemoryStore();
    const tabStore = new MemoryStore();
    let frag = 's1/old';
    const saver = createAutosaver({ store, delayMs: 5, target: null, tab: { fragment: () => frag, store: tabStore } });
    saver.save(mine);
    saver.flush();
    expect(loadTabWork(tabStore)).toEqual({ fragment: 's1/old', scenario: mine });
    frag = 's1/new';
    saver.save(theirs);
    saver.flush();
    expect(loadTabWork(tabStore)).toEqual({ fragment: 's1/new', scenario: theirs });
  });

  it('after the quiet time, writes the tab record a task after the work; leaving the page writes both at once', () => {
    const store = new MemoryStore();
    const tabStore = new MemoryStore();
    let frag = 's1/mine';
    const saver = createAutosaver({ store, delayMs: 5, target: null, tab: { fragment: () => frag, store: tabStore } });
    saver.save(mine);
    vi.advanceTimersByTime(5);
    expect(loadWork(store)).toEqual(mine);
    expect(loadTabWork(tabStore)).toBeNull();
    // The record pairs the work with the address it had when the work was written.
    frag = 's1/pushed-since';
    vi.advanceTimersToNextTimer();
    expect(loadTabWork(tabStore)).toEqual({ fragment: 's1/mine', scenario: mine });
    // One still waiting is written at once when the page is left.
    saver.save(theirs);
    vi.advanceTimersByTime(5);
    expect(loadTabWork(tabStore)?.scenario).toEqual(mine);
    saver.dispose();
    expect(loadTabWork(tabStore)).toEqual({ fragment: 's1/pushed-since', scenario: theirs });
  });

  it('reports a failure once, and recovery once', () => {
    const onError = vi.fn();
    let full = true;
    const store = new MemoryStore();
    const real = store.setItem.bind(store);
    store.setItem = (k: string, v: string) => {
      if (full) throw new DOMException('full', 'QuotaExceededError');
      real(k, v);
    };
    const saver = createAutosaver({ store, delayMs: 1, target: null, onError });
    saver.save(mine);
    saver.flush();
    saver.save(mine);
    saver.flush();
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenLastCalledWith(expect.stringMatching(/storage is full/));
    full = false;
    saver.save(mine);
    saver.flush();
    expect(onError).toHaveBeenCalledTimes(2);
    expect(onError).toHaveBeenLastCalledWith(null);
  });
});
