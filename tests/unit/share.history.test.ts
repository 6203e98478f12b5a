// @vitest-environment happy-dom
// The history module: pushes for loaded scenarios, replaces for edits, reports back/forward once.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  addressWithFragment,
  createFragmentUpdater,
  exampleFragment,
  exampleIdOf,
  MAX_FRAGMENT_CHARS,
  onFragmentChange,
  pushFragment,
  readFragment,
  replaceFragment,
} from '../../src/persistence/history';

afterEach(() => {
  vi.useRealTimers();
});

describe('history', () => {
  it('replace keeps the entry count, push adds one, same fragment does not', () => {
    replaceFragment('s1/first');
    const start = window.history.length;
    expect(readFragment()).toBe('s1/first');
    replaceFragment('s1/edited');
    expect(window.history.length).toBe(start);
    expect(window.location.hash).toBe('#s1/edited');
    pushFragment('example/upsert');
    expect(window.history.length).toBe(start + 1);
    pushFragment('example/upsert');
    expect(window.history.length).toBe(start + 1);
    expect(readFragment()).toBe('example/upsert');
  });

  it('drops the fragment when it is too long for an address', () => {
    expect(replaceFragment('s1/' + 'A'.repeat(MAX_FRAGMENT_CHARS))).toBe(false);
    expect(readFragment()).toBe('');
    expect(window.location.href.endsWith('#')).toBe(false);
  });

  it('reports fragment changes from the outside once, and not its own writes', () => {
    replaceFragment('s1/a');
    const cb = vi.fn();
    const off = onFragmentChange(cb);
    pushFragment('s1/b');
    replaceFragment('s1/c');
    expect(cb).not.toHaveBeenCalled();
    window.location.hash = '#example/x';
    window.dispatchEvent(new Event('popstate'));
    window.dispatchEvent(new Event('hashchange'));
    expect(cb).toHaveBeenCalledTimes(1);
    expect(cb).toHaveBeenCalledWith('example/x', 'history');
    off();
    window.location.hash = '#example/y';
    window.dispatchEvent(new Event('hashchange'));
    expect(cb).toHaveBeenCalledTimes(1);
  });

  it('tells an address opened in the tab from Back/Forward where the browser has a Navigation API', () => {
    // The browser's navigation object, as far as this module uses it: it fires 'navigate' first.
    const navigation = new EventTarget();
    (window as unknown as { navigation?: EventTarget }).navigation = navigation;
    const navigate = (navigationType: string, hashChange: boolean) =>
      navigation.dispatchEvent(Object.assign(new Event('navigate'), { navigationType, hashChange }));
    try {
      replaceFragment('s1/a');
      const cb = vi.fn();
      const off = onFragmentChange(cb);
      // Typed or pasted into the address bar: a 'push' fragment navigation.
      navigate('push', true);
      window.location.hash = '#s1/pasted';
      window.dispatchEvent(new Event('hashchange'));
      expect(cb).toHaveBeenLastCalledWith('s1/pasted', 'opened');
      // Back: a 'traverse'.
      navigate('traverse', true);
      window.location.hash = '#s1/a';
      window.dispatchEvent(new Event('popstate'));
      expect(cb).toHaveBeenLastCalledWith('s1/a', 'history');
      // The page's own pushState is not a fragment navigation and does not colour the next change.
      navigate('push', false);
      pushFragment('s1/own');
      window.location.hash = '#s1/later';
      window.dispatchEvent(new Event('hashchange'));
      expect(cb).toHaveBeenLastCalledWith('s1/later', 'history');
      expect(cb).toHaveBeenCalledTimes(3);
      off();
    } finally {
      delete (window as unknown as { navigation?: EventTarget }).navigation;
    }
  });

  it('builds the address to share from the page address', () => {
    replaceFragment('s1/old');
    const link = addressWithFragment('s1/new');
    expect(link.endsWith('#s1/new')).toBe(true);
    expect(link).toBe(window.location.href.replace(/#.*$/, '') + '#s1/new');
  });

  it('example fragments round-trip their id', () => {
    expect(exampleFragment('on conflict/do nothing')).toBe('example/on%20conflict%2Fdo%20nothing');
    expect(exampleIdOf('#' + exampleFragment('on conflict/do nothing'))).toBe('on conflict/do nothing');
    expect(exampleIdOf('s1/abc')).toBeNull();
    expect(exampleIdOf('example/%E0%A4%A')).toBeNull();
  });

  it('the fragment updater debounces edits and computes the fragment once', () => {
    vi.useFakeTimers();
    replaceFragment('s1/start');
    const make = vi.fn(() => 's1/final');
    const up = createFragmentUpdater(200);
    up.schedule(() => 's1/never');
    up.schedule(make);
    vi.advanceTimersByTime(199);
    expect(readFragment()).toBe('s1/start');
    vi.advanceTimersByTime(1);
    expect(readFragment()).toBe('s1/final');
    expect(make).toHaveBeenCalledTimes(1);
    up.schedule(() => 's1/cancelled');
    up.cancel();
    vi.advanceTimersByTime(1000);
    expect(readFragment()).toBe('s1/final');
    // A fragment that must stay (Practice opened meanwhile): make says so with null.
    replaceFragment('practice');
    up.schedule(() => null);
    vi.advanceTimersByTime(200);
    expect(readFragment()).toBe('practice');
  });

  it('a fragment made elsewhere (a promise) is written when it comes, unless something newer came first', async () => {
    vi.useFakeTimers();
    replaceFragment('s1/start');
    const up = createFragmentUpdater(100);
    // The timer starts the making; the address changes once the fragment comes.
    let give!: (f: string) => void;
    up.schedule((now) => (now ? 's1/at-once' : new Promise<string>((r) => (give = r))));
    vi.advanceTimersByTime(100);
    expect(readFragment()).toBe('s1/start');
    give('s1/made');
    await vi.waitFor(() => expect(readFragment()).toBe('s1/made'));
    // settle() starts a pending one without waiting for the quiet time, and says when it is written.
    up.schedule((now) => (now ? 's1/at-once' : Promise.resolve('s1/settled')));
    const done = up.settle();
    expect(done).not.toBeNull();
    await done;
    expect(readFragment()).toBe('s1/settled');
    expect(up.settle()).toBeNull();
    // A fragment that can be made at once is written by settle() itself.
    up.schedule(() => 's1/small');
    expect(up.settle()).toBeNull();
    expect(readFragment()).toBe('s1/small');
    // flush() while one is being made: made again at once, and the late one is dropped.
    let late!: (f: string) => void;
    up.schedule((now) => (now ? 's1/flushed' : new Promise<string>((r) => (late = r))));
    const waiting = up.settle();
    up.flush();
    expect(readFragment()).toBe('s1/flushed');
    late('s1/late');
    await waiting;
    expect(readFragment()).toBe('s1/flushed');
    // A newer edit made at once is not overwritten by an older one still being made.
    up.schedule((now) => (now ? 's1/x' : new Promise<string>((r) => (late = r))));
    const older = up.settle();
    up.schedule(() => 's1/newer');
    expect(up.settle()).toBeNull();
    late('s1/older');
    await older;
    expect(readFragment()).toBe('s1/newer');
    // cancel() (Back/Forward, a pushed entry) drops one being made.
    up.schedule((now) => (now ? 's1/x' : new Promise<string>((r) => (late = r))));
    const cancelled = up.settle();
    up.cancel();
    late('s1/cancelled');
    await cancelled;
    expect(readFragment()).toBe('s1/newer');
  });
});
