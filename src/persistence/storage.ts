/**
 * Autosave: the user's work in localStorage, read synchronously before the first render.
 *
 * Keys (each value is JSON `{ "v": 1, "savedAt": <ms since epoch>, "origin": "edited" | "loaded",
 * "scenario": <the link's scenario object> }`):
 * - `upsert-playground:v1:work`  — the scenario being worked on, written as it is typed;
 * - `upsert-playground:v1:work-owner` — `<tab id>:<revision>` of the last write to `work`, so a tab
 *   can tell that another tab saved over the work since (autosave.ts keeps that work first);
 * - `upsert-playground:v1:kept` and `…:kept:<id>` — "Recent work": the user's own scenarios set
 *   aside when a link, an example or an import replaced them, or another tab saved over them
 *   (see kept.ts; the single `…:stash` slot of earlier versions is read into it).
 * And in sessionStorage (one per tab, kept across reloads of that tab):
 * - `upsert-playground:v1:tab` — `{ "v": 1, "fragment": …, "scenario": … }`: this tab's latest work
 *   and the fragment its address held then. The fragment follows edits only after a pause, so a
 *   reload right after typing finds an older fragment; this record says the newer work belongs to
 *   that address, and it keeps two tabs from reopening each other's work.
 * Storage may be missing (private mode, sandboxed frame) or full: every function degrades to a
 * message or null and never throws; corrupted entries read as null.
 */
import { decodeScenario, scenarioFromObject, scenarioToJson } from '../scenario/link';
import { defaultScenario, sameScenario, type Scenario } from '../scenario/scenario';
import { exampleIdOf, practiceIdOf } from './history';

import { forgetKept, isQuotaError, keepWork, listKept, loadKept, type KeyValueStore } from './kept';
import { KEPT_KEY, OWNER_KEY, STASH_KEY, TAB_KEY, WORK_KEY } from './keys';

export { KEPT_KEY, OWNER_KEY, STASH_KEY, TAB_KEY, WORK_KEY };
export type { KeyValueStore };

/** How the saved work came to be: typed by the user, or loaded unchanged (link, example, import). */
export type WorkOrigin = 'edited' | 'loaded';

/** An autosaved scenario with its origin and time. */
export interface SavedWork {
  scenario: Scenario;
  origin: WorkOrigin;
  savedAt: number;
}

/** Outcome of a write: saved, or a message to show once. */
export type StoreResult = { ok: true } | { ok: false; message: string };

/** The page's localStorage, or null where reading it is refused or it does not exist. */
export function browserStorage(): KeyValueStore | null {
  try {
    // Merely reading window.localStorage throws a SecurityError in some sandboxed frames.
    return typeof globalThis.localStorage === 'undefined' ? null : globalThis.localStorage;
  } catch {
    return null;
  }
}

/** The page's sessionStorage (per tab), or null where it is refused or missing. */
export function browserSessionStorage(): KeyValueStore | null {
  try {
    return typeof globalThis.sessionStorage === 'undefined' ? null : globalThis.sessionStorage;
  } catch {
    return null;
  }
}

/** This tab's work and the fragment (without '#') its address held when it was saved. */
export interface TabWork {
  fragment: string;
  scenario: Scenario;
}

/** Remember this tab's work with its address's fragment; failures are ignored (localStorage has it too). */
export function saveTabWork(scenario: Scenario, fragment: string, store = browserSessionStorage()): void {
  try {
    store?.setItem(TAB_KEY, JSON.stringify({ v: 1, fragment, scenario: scenarioToJson(scenario) }));
  } catch {
    // Quota or refusal: the reload then falls back to the fragment and localStorage.
  }
}

/** This tab's work as saved by `saveTabWork`, or null. */
export function loadTabWork(store = browserSessionStorage()): TabWork | null {
  try {
    const raw = store?.getItem(TAB_KEY);
    if (!raw) return null;
    const rec = JSON.parse(raw) as { v?: unknown; fragment?: unknown; scenario?: unknown } | null;
    if (!rec || rec.v !== 1 || typeof rec.fragment !== 'string') return null;
    const parsed = scenarioFromObject(rec.scenario);
    return parsed.ok ? { fragment: rec.fragment, scenario: parsed.scenario } : null;
  } catch {
    return null;
  }
}

const UNAVAILABLE =
  'This browser does not let the playground store anything (private mode or blocked storage): your work is kept only while this page is open. Use Export or Share to keep it.';

function write(key: string, scenario: Scenario, origin: WorkOrigin, store: KeyValueStore | null): StoreResult {
  if (!store) return { ok: false, message: UNAVAILABLE };
  try {
    store.setItem(key, JSON.stringify({ v: 1, savedAt: Date.now(), origin, scenario: scenarioToJson(scenario) }));
    return { ok: true };
  } catch (e) {
    const quota = isQuotaError(e);
    return {
      ok: false,
      message: quota
        ? 'Browser storage is full, so this scenario could not be autosaved. Export it to keep it.'
        : `Your work could not be autosaved (${e instanceof Error ? e.message : String(e)}). Export it to keep it.`,
    };
  }
}

function read(key: string, store: KeyValueStore | null): SavedWork | null {
  if (!store) return null;
  try {
    const raw = store.getItem(key);
    if (raw === null) return null;
    const rec = JSON.parse(raw) as unknown;
    if (typeof rec !== 'object' || rec === null || (rec as { v?: unknown }).v !== 1) return null;
    const { scenario, origin, savedAt } = rec as { scenario?: unknown; origin?: unknown; savedAt?: unknown };
    const parsed = scenarioFromObject(scenario);
    if (!parsed.ok) return null;
    return {
      scenario: parsed.scenario,
      origin: origin === 'loaded' ? 'loaded' : 'edited',
      savedAt: typeof savedAt === 'number' && Number.isFinite(savedAt) ? savedAt : 0,
    };
  } catch {
    return null;
  }
}

function remove(key: string, store: KeyValueStore | null): void {
  try {
    store?.removeItem(key);
  } catch {
    // Nothing to do: the entry simply stays.
  }
}

/** Autosave the current work; `origin` 'loaded' marks a link/example/import not yet edited. */
export function saveWork(scenario: Scenario, origin: WorkOrigin = 'edited', store = browserStorage()): StoreResult {
  return write(WORK_KEY, scenario, origin, store);
}

/** The autosaved scenario, or null when there is none or it cannot be read. */
export function loadWork(store = browserStorage()): Scenario | null {
  return read(WORK_KEY, store)?.scenario ?? null;
}

/** The autosaved work with its origin and time, or null. */
export function loadWorkRecord(store = browserStorage()): SavedWork | null {
  return read(WORK_KEY, store);
}

/**
 * Set the user's own work aside (a link or example is being opened over it): it joins Recent work
 * (kept.ts), where earlier set-aside scenarios stay too.
 */
export function stashOwnWork(
  scenario: Scenario,
  store = browserStorage(),
): StoreResult & { id?: string; dropped?: ReturnType<typeof listKept> } {
  const r = keepWork(scenario, { store });
  return r.ok ? { ok: true, id: r.id, dropped: r.dropped } : r;
}

/** The most recently set-aside work, or null. */
export function loadStash(store = browserStorage()): Scenario | null {
  const newest = listKept(store)[0];
  return newest ? loadKept(newest.id, store) : null;
}

/** Forget the most recently set-aside work (after "Back to my scenario", or when dismissed). */
export function clearStash(store = browserStorage()): void {
  const newest = listKept(store)[0];
  if (newest) forgetKept(newest.id, store);
  remove(STASH_KEY, store);
}

/** What to open when the page loads. */
export interface LoadDecision {
  scenario: Scenario;
  source: 'link' | 'example' | 'saved' | 'default';
  /** The user's own work to set aside (stashOwnWork) because a link or example replaces it. */
  stash?: Scenario;
  /** Set when the fragment could not be opened: say so, above the restored work. */
  message?: string;
  /** The example opened, when source is 'example'. */
  exampleId?: string;
}

/** Inputs of `decideOnLoad`. */
export interface LoadInput {
  /** `location.hash` (with or without '#'). */
  hash: string;
  /** The autosaved work (loadWork / loadWorkRecord), or null. */
  saved: Scenario | SavedWork | null;
  /** Looks up a gallery example by id. */
  findExample?: (id: string) => Scenario | null | undefined;
  /** This tab's work (loadTabWork): when the address still holds its fragment, it is a reload. */
  tab?: TabWork | null;
}

/**
 * Decide what a page load opens. A reload of a tab reopens that tab's latest work. Otherwise a link
 * or `#example/ID` wins over the saved work, but saved work
 * that the user edited (and that differs) is returned as `stash`, so it stays one click away. A bad
 * fragment never costs anything: the saved work (or the default scenario) opens with a message.
 */
export function decideOnLoad({ hash, saved, findExample, tab }: LoadInput): LoadDecision {
  const record: SavedWork | null =
    saved === null ? null : 'scenario' in saved ? saved : { scenario: saved, origin: 'edited', savedAt: 0 };
  const fallback = (message?: string): LoadDecision => {
    const d: LoadDecision = record
      ? { scenario: record.scenario, source: 'saved' }
      : { scenario: defaultScenario(), source: 'default' };
    if (message) d.message = message;
    return d;
  };
  const opened = (scenario: Scenario, source: 'link' | 'example'): LoadDecision => {
    const d: LoadDecision = { scenario, source };
    // Saved work that was itself an unedited link or example can be reopened, and the untouched
    // default scenario is always there: neither is stashed.
    if (
      record &&
      record.origin === 'edited' &&
      !sameScenario(record.scenario, scenario) &&
      !sameScenario(record.scenario, defaultScenario())
    ) {
      d.stash = record.scenario;
    }
    return d;
  };

  const frag = hash.startsWith('#') ? hash.slice(1) : hash;
  // A reload of this tab: its own latest work, even if the address had not caught up with it.
  if (tab && tab.fragment === frag) return { scenario: tab.scenario, source: 'saved' };
  // Practice in the address: the playground behind it opens the saved work.
  if (frag.trim() === '' || practiceIdOf(frag) !== null) return fallback();
  if (frag.startsWith('example/')) {
    const id = exampleIdOf(frag);
    const ex = id ? findExample?.(id) : null;
    if (!ex || id === null) return fallback(exampleNotFound(id));
    return { ...opened(ex, 'example'), exampleId: id };
  }
  const r = decodeScenario(frag);
  return r.ok ? opened(r.scenario, 'link') : fallback(r.message);
}

/**
 * The message for an `#example/…` fragment that names no example. The name is not repeated: it
 * comes from whoever made the link, and must not read as the app's own words.
 */
export function exampleNotFound(id: string | null): string {
  return id === null
    ? 'This example link is damaged: it names no example after #example/ (it was probably cut off or edited by hand).'
    : 'This link names an example that this version of the playground does not have (the link may be from a newer or older version, or mistyped). Open Examples to pick one.';
}
