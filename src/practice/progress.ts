/**
 * Practice progress in localStorage, under its own key (never the playground's autosave keys):
 * `upsert-playground:v1:practice` = `{ "v": 1, "progress": { <exercise id>: { <dialect>:
 * { "solved": bool, "attempts": n, "last": "<statement as last typed>" } } } }`.
 * Reads never throw (a corrupted entry reads as no progress, and is left in place until the next
 * write); writes report a message instead of throwing. Export/import use the same object in a file.
 */
import * as v from 'valibot';
import type { Dialect } from '../engine/types';
import type { AttemptRecord, Progress } from './types';

/** localStorage key of the practice progress. */
export const PRACTICE_KEY = 'upsert-playground:v1:practice';

/** The file format name of an exported progress file. */
const PROGRESS_FORMAT = 'upsert-playground-practice';

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function browserStore(): Store | null {
  try {
    return typeof globalThis.localStorage === 'undefined' ? null : globalThis.localStorage;
  } catch {
    return null;
  }
}

const recordSchema = v.object({
  solved: v.boolean(),
  attempts: v.pipe(v.number(), v.integer(), v.minValue(0)),
  last: v.pipe(v.string(), v.maxLength(200_000)),
});
const progressSchema = v.record(
  v.pipe(v.string(), v.maxLength(100)),
  v.object({ sqlite: v.optional(recordSchema), postgres: v.optional(recordSchema) }),
);

function clean(p: v.InferOutput<typeof progressSchema>): Progress {
  const out: Progress = {};
  for (const [id, per] of Object.entries(p)) {
    const entry: Partial<Record<Dialect, AttemptRecord>> = {};
    if (per.sqlite) entry.sqlite = per.sqlite;
    if (per.postgres) entry.postgres = per.postgres;
    out[id] = entry;
  }
  return out;
}

/** The stored progress (empty when there is none or it cannot be read). */
export function loadProgress(store = browserStore()): Progress {
  try {
    const raw = store?.getItem(PRACTICE_KEY);
    if (!raw) return {};
    const rec = JSON.parse(raw) as { v?: unknown; progress?: unknown };
    if (rec?.v !== 1) return {};
    const parsed = v.safeParse(progressSchema, rec.progress);
    return parsed.success ? clean(parsed.output) : {};
  } catch {
    return {};
  }
}

/** Store the progress; null when saved, else a message to show. */
export function saveProgress(p: Progress, store = browserStore()): string | null {
  if (!store)
    return 'This browser does not let the page store anything: practice progress lasts only while the page is open.';
  try {
    store.setItem(PRACTICE_KEY, JSON.stringify({ v: 1, progress: p }));
    return null;
  } catch (e) {
    return `Practice progress could not be saved (${e instanceof Error ? e.message : String(e)}). Export it to keep it.`;
  }
}

/** Forget all practice progress (the playground's own work is not touched). */
export function clearProgress(store = browserStore()): void {
  try {
    store?.removeItem(PRACTICE_KEY);
  } catch {
    // Nothing more to do.
  }
}

/** The record of one exercise in one dialect (a fresh one when there is none). */
export function recordOf(p: Progress, id: string, dialect: Dialect): AttemptRecord {
  return p[id]?.[dialect] ?? { solved: false, attempts: 0, last: '' };
}

/** A copy of the progress with one record changed. */
export function withRecord(p: Progress, id: string, dialect: Dialect, change: Partial<AttemptRecord>): Progress {
  return { ...p, [id]: { ...p[id], [dialect]: { ...recordOf(p, id, dialect), ...change } } };
}

/** done / tried / new, for the path. */
export type Status = 'done' | 'tried' | 'new';

/** The status of an exercise in one dialect. */
export function statusOf(p: Progress, id: string, dialect: Dialect): Status {
  const r = recordOf(p, id, dialect);
  return r.solved ? 'done' : r.attempts > 0 ? 'tried' : 'new';
}

/** The progress as an export file's text. */
export function progressFile(p: Progress): string {
  return JSON.stringify({ format: PROGRESS_FORMAT, version: 1, progress: p }, null, 2);
}

/** Read an exported progress file: the progress, or a message saying what is wrong. */
export function parseProgressFile(text: string): { ok: true; progress: Progress } | { ok: false; message: string } {
  let rec: unknown;
  try {
    rec = JSON.parse(text);
  } catch {
    return { ok: false, message: 'This file is not JSON, so it is not a practice progress file.' };
  }
  const r = rec as { format?: unknown; version?: unknown; progress?: unknown } | null;
  if (!r || r.format !== PROGRESS_FORMAT)
    return { ok: false, message: 'This file is not a practice progress file (it was not exported from Practice).' };
  if (typeof r.version !== 'number' || r.version > 1)
    return { ok: false, message: 'This progress file comes from a newer version of the playground.' };
  const parsed = v.safeParse(progressSchema, r.progress);
  if (!parsed.success) return { ok: false, message: 'This progress file has fields of the wrong type.' };
  return { ok: true, progress: clean(parsed.output) };
}

/** Merge imported progress into the current one: solved wins, attempts add up, the newer text is kept when one is empty. */
export function mergeProgress(mine: Progress, theirs: Progress): Progress {
  let out = mine;
  for (const [id, per] of Object.entries(theirs)) {
    for (const d of ['sqlite', 'postgres'] as const) {
      const t = per[d];
      if (!t) continue;
      const m = recordOf(out, id, d);
      out = withRecord(out, id, d, {
        solved: m.solved || t.solved,
        attempts: Math.max(m.attempts, t.attempts),
        last: m.last || t.last,
      });
    }
  }
  return out;
}
