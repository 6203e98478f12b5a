/**
 * "Recent work": the user's own scenarios set aside when something replaced them (a link, an
 * example, an import, a reset) or when another tab saved over them. Several are kept, so that
 * opening one link after another never overwrites set-aside work with a scenario the user did not
 * edit.
 *
 * localStorage layout:
 * - `upsert-playground:v1:kept` — the index, `{ "v": 1, "items": [KeptMeta, …] }`, newest first;
 * - `upsert-playground:v1:kept:<id>` — one entry, `{ "v": 1, "scenario": <scenario object> }`.
 * One key per entry, so keeping a scenario writes that scenario and a small index, never all of
 * them again. At most `MAX_KEPT` entries: the oldest is dropped when a new one comes, and the
 * caller is told which (to say so on screen). When storage is full, older entries are dropped to
 * make room (again reported); if even that fails, nothing is replaced and the caller gets a message.
 * The single `upsert-playground:v1:stash` slot of earlier versions is read once as an entry.
 */
import { scenarioToJson } from '../scenario/link';
import { linkReader, reader } from '../scenario/linkReader';
import { sameScenario, type Scenario } from '../scenario/scenario';
import { quoteUntrusted } from '../scenario/untrusted';
import { KEPT_KEY, STASH_KEY } from './keys';

/** The subset of the Web Storage API used here (tests pass an in-memory one). */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** How many set-aside scenarios are kept. */
export const MAX_KEPT = 8;

/** Why a scenario was kept. */
type KeptReason = 'replaced' | 'other-tab';

/** One kept scenario, as listed (the scenario itself is read with `loadKept`). */
export interface KeptMeta {
  id: string;
  /** The scenario's title ('' when it has none). */
  title: string;
  /** Its dialect and first statement line, to tell untitled scenarios apart. */
  summary: string;
  savedAt: number;
  reason: KeptReason;
  /** Length of the stored JSON: a cheap first test before comparing contents. */
  chars: number;
}

/** Outcome of `keepWork`. */
export type KeepResult = { ok: true; id: string; dropped: KeptMeta[] } | { ok: false; message: string };

const entryKey = (id: string) => `${KEPT_KEY}:${id}`;

/** Whether a storage error is the quota being exceeded. */
export function isQuotaError(e: unknown): boolean {
  return (
    e instanceof DOMException &&
    (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED' || e.code === 22)
  );
}

function get(store: KeyValueStore | null, key: string): string | null {
  try {
    return store?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function del(store: KeyValueStore | null, key: string): void {
  try {
    store?.removeItem(key);
  } catch {
    // Refused: the entry simply stays.
  }
}

function isMeta(v: unknown): v is KeptMeta {
  const m = v as Partial<KeptMeta> | null;
  return (
    typeof m === 'object' &&
    m !== null &&
    typeof m.id === 'string' &&
    /^[\w-]{1,64}$/.test(m.id) &&
    typeof m.title === 'string' &&
    typeof m.summary === 'string' &&
    typeof m.savedAt === 'number' &&
    (m.reason === 'replaced' || m.reason === 'other-tab') &&
    typeof m.chars === 'number'
  );
}

function readIndex(store: KeyValueStore | null): KeptMeta[] {
  try {
    const rec = JSON.parse(get(store, KEPT_KEY) ?? 'null') as { v?: unknown; items?: unknown } | null;
    if (!rec || rec.v !== 1 || !Array.isArray(rec.items)) return [];
    return rec.items.filter(isMeta);
  } catch {
    return [];
  }
}

function writeIndex(store: KeyValueStore, items: KeptMeta[]): void {
  store.setItem(KEPT_KEY, JSON.stringify({ v: 1, items }));
}

/** A short description of a scenario for the list: its dialect and the first line of its statement. */
function summarize(s: Scenario): string {
  const first = s[s.dialect].statement.split(/\r\n|\r|\n/).find((l) => l.trim() !== '') ?? '';
  const line = first.trim().replace(/\s+/g, ' ');
  return `${s.dialect === 'postgres' ? 'PostgreSQL' : 'SQLite'}: ${line.length > 60 ? `${line.slice(0, 59)}…` : line || '(no statement)'}`;
}

function newId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

let migrating = false;

/** Move the single stash slot of earlier versions into the list (once). */
function migrateLegacy(store: KeyValueStore | null): void {
  const raw = get(store, STASH_KEY);
  if (raw === null || !store || migrating) return;
  // Read once the link reader is there (start-up loads it when this slot exists); till then the
  // slot stays as it is.
  if (!linkReader.loaded()) return void linkReader.load().catch(() => undefined);
  migrating = true;
  try {
    const rec = JSON.parse(raw) as { v?: unknown; scenario?: unknown; savedAt?: unknown } | null;
    const parsed = rec && rec.v === 1 ? reader().scenarioFromObject(rec.scenario) : null;
    if (parsed?.ok) {
      const r = keepWork(parsed.scenario, { store, at: typeof rec?.savedAt === 'number' ? rec.savedAt : 0 });
      if (!r.ok) return; // keep the old slot until it can be moved
    }
  } catch {
    // Unreadable: dropped below.
  } finally {
    migrating = false;
  }
  del(store, STASH_KEY);
}

/** The kept scenarios, newest first. */
export function listKept(store: KeyValueStore | null): KeptMeta[] {
  if (get(store, STASH_KEY) !== null) migrateLegacy(store);
  return readIndex(store);
}

/** One kept scenario, or null when it is gone or unreadable. */
export function loadKept(id: string, store: KeyValueStore | null): Scenario | null {
  const { scenarioFromObject } = reader();
  try {
    const rec = JSON.parse(get(store, entryKey(id)) ?? 'null') as { v?: unknown; scenario?: unknown } | null;
    if (!rec || rec.v !== 1) return null;
    const parsed = scenarioFromObject(rec.scenario);
    return parsed.ok ? parsed.scenario : null;
  } catch {
    return null;
  }
}

/** Remove one kept scenario. */
export function forgetKept(id: string, store: KeyValueStore | null): void {
  const items = readIndex(store);
  del(store, entryKey(id));
  try {
    if (store)
      writeIndex(
        store,
        items.filter((m) => m.id !== id),
      );
  } catch {
    // The index then still names an entry that is gone; loadKept reads it as null.
  }
}

/** Options of `keepWork`. */
export interface KeepOptions {
  store: KeyValueStore | null;
  reason?: KeptReason;
  /** Replace the entry with this id (e.g. one per other tab) instead of adding one. */
  id?: string;
  /** Time to record (default now). */
  at?: number;
}

/**
 * Keep a scenario in the list. The same scenario already there is moved to the top instead of
 * being added twice. Returns the entries dropped to stay within `MAX_KEPT` or to make room.
 */
export function keepWork(
  scenario: Scenario,
  { store, reason = 'replaced', id, at = Date.now() }: KeepOptions,
): KeepResult {
  if (!store)
    return {
      ok: false,
      message: 'This browser does not let the playground store anything, so your scenario could not be set aside.',
    };
  if (get(store, STASH_KEY) !== null && id === undefined) migrateLegacy(store);
  // Reopening what is kept here reads it back: have the reader there by then.
  void linkReader.load().catch(() => undefined);
  const json = JSON.stringify({ v: 1, scenario: scenarioToJson(scenario) });
  let items = readIndex(store);
  const same = items.find((m) => {
    if (m.id === id) return true;
    if (m.chars !== json.length) return false;
    const k = loadKept(m.id, store);
    return k !== null && sameScenario(k, scenario);
  });
  const entryId = same?.id ?? id ?? newId();
  const meta: KeptMeta = {
    id: entryId,
    title: scenario.title ?? '',
    summary: summarize(scenario),
    savedAt: at,
    reason: same?.reason ?? reason,
    chars: json.length,
  };
  // Already kept with these contents: only its place in the list changes.
  const unchanged = same !== undefined && same.chars === json.length && get(store, entryKey(entryId)) === json;
  items = items.filter((m) => m.id !== entryId);
  const dropped: KeptMeta[] = [];
  while (items.length >= MAX_KEPT) dropped.push(items.pop()!);
  for (const m of dropped) del(store, entryKey(m.id));
  for (;;) {
    try {
      if (!unchanged) store.setItem(entryKey(entryId), json);
      writeIndex(store, [meta, ...items]);
      return { ok: true, id: entryId, dropped };
    } catch (e) {
      const oldest = items.pop();
      if (!isQuotaError(e) || !oldest) {
        // Leave no half-written entry behind; the index still lists what is really there.
        if (!same) del(store, entryKey(entryId));
        try {
          writeIndex(store, same ? [same, ...items] : items);
        } catch {
          // Nothing more can be done here.
        }
        return {
          ok: false,
          message: isQuotaError(e)
            ? 'Browser storage is full, so your scenario could not be set aside.'
            : `Your scenario could not be set aside (${e instanceof Error ? e.message : String(e)}).`,
        };
      }
      del(store, entryKey(oldest.id));
      dropped.push(oldest);
    }
  }
}

/** The sentence for entries dropped from the list (shown once). */
export function droppedNote(dropped: readonly KeptMeta[]): string | null {
  if (dropped.length === 0) return null;
  // Titles and statements may come from someone else's link: quoted as data.
  const names = dropped
    .map((m) => (m.title ? quoteUntrusted(m.title, 60) : `an untitled scenario (${quoteUntrusted(m.summary, 60)})`))
    .join(', ');
  return `Recent work keeps at most ${MAX_KEPT} set-aside scenarios within the browser's storage, so the oldest ${dropped.length === 1 ? 'was' : 'were'} dropped: ${names}.`;
}
