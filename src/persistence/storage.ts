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
import { scenarioToJson } from '../scenario/link';
import type { Scenario } from '../scenario/scenario';
import { parseSavedWork, parseTabWork, safeGet, type SavedWork, type TabWork, type WorkOrigin } from './startDecision';

import { forgetKept, isQuotaError, keepWork, listKept, loadKept, type KeyValueStore } from './kept';
import { STASH_KEY, TAB_KEY, WORK_KEY } from './keys';

export { STASH_KEY, TAB_KEY, WORK_KEY };
export type { KeyValueStore };
export { decideOnLoad, exampleNotFound } from './startDecision';
export type { SavedWork, TabWork, WorkOrigin } from './startDecision';

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

/** Remember this tab's work with its address's fragment; failures are ignored (localStorage has it too). */
export function saveTabWork(scenario: Scenario, fragment: string, store = browserSessionStorage()): void {
  try {
    store?.setItem(TAB_KEY, JSON.stringify({ v: 1, fragment, scenario: scenarioToJson(scenario) }));
  } catch {
    // Quota or refusal: the reload then falls back to the fragment and localStorage.
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

/** This tab's work as saved by `saveTabWork`, or null. */
export function loadTabWork(store = browserSessionStorage()): TabWork | null {
  return parseTabWork(safeGet(store, TAB_KEY));
}

function read(key: string, store: KeyValueStore | null): SavedWork | null {
  return parseSavedWork(safeGet(store, key));
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
