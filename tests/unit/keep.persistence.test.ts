// @vitest-environment happy-dom
// usePersistence with several set-aside scenarios: links pasted one after another, storage full.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, renderHook } from '@testing-library/react';
import { encodeScenario } from '../../src/scenario/link';
import { defaultScenario, type Scenario } from '../../src/scenario/scenario';
import { readFragment, replaceFragment } from '../../src/persistence/history';
import { listKept } from '../../src/persistence/kept';
import { loadWork, saveWork } from '../../src/persistence/storage';
import { usePersistedPage } from '../support/persistedPage';

const mine: Scenario = {
  ...defaultScenario(),
  title: 'W',
  sqlite: { setup: 'CREATE TABLE mine(a);', statement: 'SELECT 1;' },
};
const linkA: Scenario = { ...defaultScenario(), title: 'A' };
const linkC: Scenario = { ...defaultScenario(), dialect: 'postgres', title: 'C' };

let page: { current: ReturnType<typeof usePersistedPage> };
async function mount(hash: string): Promise<void> {
  replaceFragment(hash);
  page = renderHook(() => usePersistedPage()).result;
}
async function wait(ms: number): Promise<void> {
  await act(async () => {
    vi.advanceTimersByTime(ms);
  });
}
/** A link pasted into the address bar: the Navigation API's 'push' fragment navigation, then hashchange. */
async function paste(s: Scenario): Promise<void> {
  await act(async () => {
    const nav = (window as unknown as { navigation: EventTarget }).navigation;
    nav.dispatchEvent(Object.assign(new Event('navigate'), { navigationType: 'push', hashChange: true }));
    window.location.hash = '#' + encodeScenario(s);
    window.dispatchEvent(new Event('hashchange'));
  });
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  localStorage.clear();
  sessionStorage.clear();
  (window as unknown as { navigation?: EventTarget }).navigation = new EventTarget();
});
afterEach(() => {
  // Unmounted while the fake timers and the Navigation API stand-in are still in place.
  cleanup();
  vi.useRealTimers();
  delete (window as unknown as { navigation?: EventTarget }).navigation;
});

describe('set-aside work', () => {
  it('pasting link A over edited work W, then link C: W is still kept (A was never edited)', async () => {
    await mount('');
    await act(async () => page.current.set(mine));
    await wait(600);
    await paste(linkA);
    expect(page.current.scenario).toEqual(linkA);
    expect(page.current.p.stash).toEqual(mine);
    await wait(600);
    await paste(linkC);
    expect(page.current.scenario).toEqual(linkC);
    expect(page.current.p.stash).toEqual(mine);
    expect(listKept(localStorage).map((m) => m.title)).toEqual(['W']);
  });

  it('edited link A, then link C: both W and A-plus-edit are kept', async () => {
    await mount('');
    await act(async () => page.current.set(mine));
    await paste(linkA);
    await act(async () => page.current.set({ ...linkA, notes: 'my edit' }));
    await wait(600);
    await paste(linkC);
    expect(listKept(localStorage).map((m) => m.title)).toEqual(['A', 'W']);
    expect(page.current.p.kept.map((m) => m.title)).toEqual(['W']);
    // Reopening W from Recent work sets the current work (C, unedited) aside only if edited: not here.
    await act(async () => {
      const { scenario, reopens } = page.current.p.reopening(page.current.p.kept[0]!.id)!;
      page.current.load({ scenario, source: 'saved', origin: { address: 'push', setAside: true, reopens } });
    });
    expect(page.current.scenario).toEqual(mine);
    expect(listKept(localStorage).map((m) => m.title)).toEqual(['A']);
    expect(page.current.p.stashSource).toBe('link');
  });

  it('storage full: a pasted link is not opened over work that cannot be set aside, and the page says so first', async () => {
    await mount('');
    await act(async () => page.current.set(mine));
    await wait(600);
    const setItem = vi.spyOn(localStorage, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await paste(linkA);
    expect(page.current.scenario).toEqual(mine);
    expect(page.current.p.notice).toBe(
      'Browser storage is full, so your scenario could not be set aside, so it was not replaced: nothing was opened. Export your work or forget something in Recent work, then open it again.',
    );
    expect(readFragment()).toBe(encodeScenario(mine));
    // An import over it is refused the same way: nothing loads, the address and history stay.
    const entries = window.history.length;
    await act(async () => page.current.p.dismissNotice());
    await act(async () => {
      page.current.load({
        scenario: linkC,
        source: 'import',
        origin: { address: 'push', fragment: encodeScenario(linkC), setAside: true },
      });
    });
    expect(page.current.scenario).toEqual(mine);
    expect(page.current.p.notice).toMatch(/^Browser storage is full, .* nothing was opened\./);
    expect(readFragment()).toBe(encodeScenario(mine));
    expect(window.history.length).toBe(entries);
    setItem.mockRestore();
    expect(loadWork()).toEqual(mine);
  });

  it('storage full when a link opens in a new tab: the work stays autosaved and offered, and the page says so', async () => {
    saveWork(mine, 'edited');
    const setItem = vi.spyOn(localStorage, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await mount(encodeScenario(linkA));
    setItem.mockRestore();
    expect(page.current.scenario).toEqual(linkA);
    expect(page.current.p.stash).toEqual(mine);
    expect(page.current.p.notice).toMatch(
      /^Browser storage is full, so your scenario could not be set aside: it stays autosaved as long as you do not edit what you opened\./,
    );
    await wait(600);
    // The unedited link is not written over it.
    expect(loadWork()).toEqual(mine);
  });
});
