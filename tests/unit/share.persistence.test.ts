// @vitest-environment happy-dom
// startScenario + the store + usePersistence in a DOM: autosave, fragment, links over work, back/forward.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, renderHook } from '@testing-library/react';
import { encodeScenario } from '../../src/scenario/link';
import { decodeScenario } from '../../src/scenario/linkDecode';
import { defaultScenario, type Scenario } from '../../src/scenario/scenario';
import { readFragment, replaceFragment } from '../../src/persistence/history';
import { listKept } from '../../src/persistence/kept';
import { loadStash, loadWork, loadWorkRecord, saveWork } from '../../src/persistence/storage';
import { usePersistedPage } from '../support/persistedPage';

const mine: Scenario = {
  ...defaultScenario(),
  title: 'Mine',
  sqlite: { setup: 'CREATE TABLE mine(a);', statement: 'SELECT 1;' },
};
const theirs: Scenario = { ...defaultScenario(), dialect: 'postgres', title: 'Theirs' };
const example: Scenario = { ...defaultScenario(), title: 'Example one' };
const findExample = (id: string) => (id === 'one' ? example : null);

let page: { current: ReturnType<typeof usePersistedPage> };
let unmount: () => void;
async function mount(hash: string): Promise<void> {
  replaceFragment(hash);
  ({ result: page, unmount } = renderHook(() => usePersistedPage(findExample)));
}
async function wait(ms: number): Promise<void> {
  await act(async () => {
    vi.advanceTimersByTime(ms);
  });
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  localStorage.clear();
  sessionStorage.clear();
});
afterEach(() => {
  // Unmounted while the fake timers are still in place.
  cleanup();
  vi.useRealTimers();
});

describe('usePersistence', () => {
  it('first visit: default scenario, clean start; edits are autosaved and put in the address', async () => {
    await mount('');
    expect(page.current.scenario).toEqual(defaultScenario());
    await act(async () => page.current.set(mine));
    await wait(600);
    expect(loadWorkRecord()).toMatchObject({ scenario: mine, origin: 'edited' });
    expect(decodeScenario(readFragment())).toEqual({ ok: true, scenario: mine });
  });

  it('a reload right after typing keeps the last keystroke, though the address had not caught up', async () => {
    await mount('');
    await wait(600);
    const before = readFragment();
    await act(async () => page.current.set({ ...mine, title: 'typed just now' }));
    await wait(100);
    window.dispatchEvent(new Event('pagehide'));
    expect(readFragment()).toBe(before); // the address still holds the older scenario
    unmount();
    // A reload loads the address as it was when the page went away (React's clean-up does not run then).
    await mount(before);
    expect(page.current.scenario.title).toBe('typed just now');
    expect(page.current.p.stash).toBeNull();
  });

  it('reopening without a link restores the saved work, dialect included', async () => {
    saveWork(theirs, 'edited');
    await mount('');
    expect(page.current.scenario).toEqual(theirs);
    expect(page.current.p.stash).toBeNull();
    expect(page.current.p.notice).toBeNull();
  });

  it('a link over edited work opens the link, keeps the work one click away, and brings it back', async () => {
    saveWork(mine, 'edited');
    await mount(encodeScenario(theirs));
    expect(page.current.scenario).toEqual(theirs);
    expect(page.current.p.stash).toEqual(mine);
    expect(loadStash()).toEqual(mine);
    await wait(600);
    // The link is saved as the current work, but marked as loaded: a later link does not stash it.
    expect(loadWorkRecord()).toMatchObject({ scenario: theirs, origin: 'loaded' });
    expect(readFragment()).toBe(encodeScenario(theirs));

    const entries = window.history.length;
    // "Back to my scenario": one load event.
    await act(async () => {
      const { scenario, reopens } = page.current.p.reopening()!;
      page.current.load({ scenario, source: 'saved', origin: { address: 'push', setAside: true, reopens } });
    });
    expect(page.current.scenario).toEqual(mine);
    expect(page.current.p.stash).toBeNull();
    expect(loadStash()).toBeNull();
    expect(window.history.length).toBe(entries + 1);
    expect(readFragment()).toBe(encodeScenario(mine));
  });

  it('one load event is all it takes: the edited work is set aside and the scenario gets its history entry', async () => {
    await mount('');
    await act(async () => page.current.set(mine));
    await wait(600);
    const entries = window.history.length;
    const fragment = encodeScenario(theirs);
    // The store's one event, as an import dispatches it; persistence is not called.
    await act(async () =>
      page.current.load({ scenario: theirs, source: 'import', origin: { address: 'push', fragment, setAside: true } }),
    );
    expect(page.current.scenario).toEqual(theirs);
    // Set aside: in Recent work (storage) and offered on the page, as replaced by an import.
    expect(listKept(localStorage).map((m) => m.title)).toEqual(['Mine']);
    expect(loadStash()).toEqual(mine);
    expect(page.current.p.stash).toEqual(mine);
    expect(page.current.p.stashSource).toBe('import');
    // A new history entry with the given fragment.
    expect(window.history.length).toBe(entries + 1);
    expect(readFragment()).toBe(fragment);
    await wait(600);
    // Autosaved as loaded (not the user's work until edited); the address is left as it is.
    expect(loadWorkRecord()).toMatchObject({ scenario: theirs, origin: 'loaded' });
    expect(readFragment()).toBe(fragment);
  });

  it('a bad link keeps the current work and says what is wrong', async () => {
    saveWork(mine, 'edited');
    await mount('s1/N4IgzghgtgpiBcIAqB');
    expect(page.current.scenario).toEqual(mine);
    expect(page.current.p.notice).toMatch(/^This link is/);
    expect(loadWork()).toEqual(mine);
    expect(loadStash()).toBeNull();
    await act(async () => page.current.p.dismissNotice());
    expect(page.current.p.notice).toBeNull();
  });

  it('an example link keeps its #example/ID fragment until edited', async () => {
    await mount('example/one');
    expect(page.current.scenario).toEqual(example);
    await wait(600);
    expect(readFragment()).toBe('example/one');
    await act(async () => page.current.set({ ...example, notes: 'edited' }));
    await wait(600);
    expect(readFragment().startsWith('s1/')).toBe(true);
  });

  it('back/forward (a fragment change) loads that scenario without stashing; a bad one changes nothing', async () => {
    saveWork(mine, 'edited');
    await mount('');
    await act(async () => {
      window.location.hash = '#' + encodeScenario(theirs);
      window.dispatchEvent(new Event('hashchange'));
    });
    expect(page.current.scenario).toEqual(theirs);
    expect(loadStash()).toBeNull();
    await wait(600);
    // What comes back through history may be the user's own work: saved as edited.
    expect(loadWorkRecord()).toMatchObject({ scenario: theirs, origin: 'edited' });
    expect(readFragment()).toBe(encodeScenario(theirs));
    await act(async () => {
      window.location.hash = '#s1/!!!';
      window.dispatchEvent(new Event('hashchange'));
    });
    expect(page.current.scenario).toEqual(theirs);
    expect(page.current.p.notice).toMatch(/damaged.*Your current work is unchanged\.$/);
  });

  it('forgetting the stash removes it', async () => {
    saveWork(mine, 'edited');
    await mount(encodeScenario(theirs));
    expect(page.current.p.stash).toEqual(mine);
    await act(async () => page.current.p.forgetStash());
    expect(page.current.p.stash).toBeNull();
    expect(loadStash()).toBeNull();
  });
});
