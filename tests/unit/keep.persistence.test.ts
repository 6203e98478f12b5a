// @vitest-environment happy-dom
// usePersistence with several set-aside scenarios: links pasted one after another, storage full.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useState } from 'react';
import { act, cleanup, renderHook } from '@testing-library/react';
import { encodeScenario } from '../../src/scenario/link';
import { defaultScenario, type Scenario } from '../../src/scenario/scenario';
import { readFragment, replaceFragment } from '../../src/persistence/history';
import { listKept } from '../../src/persistence/kept';
import { loadWork, saveWork } from '../../src/persistence/storage';
import { resetStartForTests, startScenario } from '../../src/persistence/start';
import { usePersistence, type Persistence } from '../../src/persistence/usePersistence';

const mine: Scenario = {
  ...defaultScenario(),
  title: 'W',
  sqlite: { setup: 'CREATE TABLE mine(a);', statement: 'SELECT 1;' },
};
const linkA: Scenario = { ...defaultScenario(), title: 'A' };
const linkC: Scenario = { ...defaultScenario(), dialect: 'postgres', title: 'C' };

/** What the app does with the scenario: starts it, keeps it in state and persists it. */
function usePage() {
  const [scenario, set] = useState(() => startScenario().scenario);
  const p = usePersistence(scenario, set);
  return { scenario, set, p };
}
let page: { current: ReturnType<typeof usePage> };
async function mount(hash: string): Promise<void> {
  replaceFragment(hash);
  resetStartForTests();
  page = renderHook(usePage).result;
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
    let opened: ReturnType<Persistence['openKept']> = null;
    await act(async () => {
      opened = page.current.p.openKept(page.current.p.kept[0]!.id);
      if (opened) page.current.set(opened.scenario);
    });
    expect(opened).toEqual({ scenario: mine, setAside: false });
    expect(listKept(localStorage).map((m) => m.title)).toEqual(['A']);
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
    let answer: ReturnType<Persistence['loaded']> | undefined;
    act(() => {
      answer = page.current.p.loaded(linkC, undefined, { setAside: true });
    });
    expect(answer).toBe('refused');
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
