// @vitest-environment happy-dom
// usePersistence with several set-aside scenarios: links pasted one after another, storage full.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, createElement, useLayoutEffect, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { encodeScenario } from '../../src/scenario/link';
import { defaultScenario, type Scenario } from '../../src/scenario/scenario';
import { readFragment, replaceFragment } from '../../src/persistence/history';
import { listKept } from '../../src/persistence/kept';
import { loadWork, saveWork } from '../../src/persistence/storage';
import { resetStartForTests, startScenario } from '../../src/persistence/start';
import { usePersistence, type Persistence } from '../../src/persistence/usePersistence';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const mine: Scenario = {
  ...defaultScenario(),
  title: 'W',
  sqlite: { setup: 'CREATE TABLE mine(a);', statement: 'SELECT 1;' },
};
const linkA: Scenario = { ...defaultScenario(), title: 'A' };
const linkC: Scenario = { ...defaultScenario(), dialect: 'postgres', title: 'C' };

let root: Root;
let api: { scenario: Scenario; set: (s: Scenario) => void; p: Persistence };
function Harness() {
  const [scenario, set] = useState(() => startScenario().scenario);
  const p = usePersistence(scenario, set);
  useLayoutEffect(() => {
    api = { scenario, set, p };
  });
  return null;
}
async function mount(hash: string): Promise<void> {
  replaceFragment(hash);
  resetStartForTests();
  root = createRoot(document.createElement('div'));
  await act(async () => root.render(createElement(Harness)));
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
afterEach(async () => {
  await act(async () => root.unmount());
  vi.useRealTimers();
  delete (window as unknown as { navigation?: EventTarget }).navigation;
});

describe('set-aside work', () => {
  it('pasting link A over edited work W, then link C: W is still kept (A was never edited)', async () => {
    await mount('');
    await act(async () => api.set(mine));
    await wait(600);
    await paste(linkA);
    expect(api.scenario).toEqual(linkA);
    expect(api.p.stash).toEqual(mine);
    await wait(600);
    await paste(linkC);
    expect(api.scenario).toEqual(linkC);
    expect(api.p.stash).toEqual(mine);
    expect(listKept(localStorage).map((m) => m.title)).toEqual(['W']);
  });

  it('edited link A, then link C: both W and A-plus-edit are kept', async () => {
    await mount('');
    await act(async () => api.set(mine));
    await paste(linkA);
    await act(async () => api.set({ ...linkA, notes: 'my edit' }));
    await wait(600);
    await paste(linkC);
    expect(listKept(localStorage).map((m) => m.title)).toEqual(['A', 'W']);
    expect(api.p.kept.map((m) => m.title)).toEqual(['W']);
    // Reopening W from Recent work sets the current work (C, unedited) aside only if edited: not here.
    let opened: ReturnType<Persistence['openKept']> = null;
    await act(async () => {
      opened = api.p.openKept(api.p.kept[0]!.id);
      if (opened) api.set(opened.scenario);
    });
    expect(opened).toEqual({ scenario: mine, setAside: false });
    expect(listKept(localStorage).map((m) => m.title)).toEqual(['A']);
  });

  it('storage full: a pasted link is not opened over work that cannot be set aside, and the page says so first', async () => {
    await mount('');
    await act(async () => api.set(mine));
    await wait(600);
    const setItem = vi.spyOn(localStorage, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await paste(linkA);
    expect(api.scenario).toEqual(mine);
    expect(api.p.notice).toBe(
      'Browser storage is full, so your scenario could not be set aside, so it was not replaced: nothing was opened. Export your work or forget something in Recent work, then open it again.',
    );
    expect(readFragment()).toBe(encodeScenario(mine));
    expect(api.p.loaded(linkC, undefined, { setAside: true })).toBe('refused');
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
    expect(api.scenario).toEqual(linkA);
    expect(api.p.stash).toEqual(mine);
    expect(api.p.notice).toMatch(
      /^Browser storage is full, so your scenario could not be set aside: it stays autosaved as long as you do not edit what you opened\./,
    );
    await wait(600);
    // The unedited link is not written over it.
    expect(loadWork()).toEqual(mine);
  });
});
