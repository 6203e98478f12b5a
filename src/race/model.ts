/**
 * The race lab's scenario part: per dialect, each session's steps and the timeline that
 * interleaves them. Stored in the scenario as the optional `race` key (links, exports, Markdown);
 * a scenario without it is an ordinary one.
 */
import type { RaceInput } from '../engine/race.ts';
import type { Dialect } from '../engine/types.ts';

/** Session names by index: the lab has two sessions, and a third can be added. */
export const SESSION_NAMES = ['A', 'B', 'C'] as const;
export const MAX_SESSIONS = SESSION_NAMES.length;
/** Most steps one session may hold, and the longest timeline. */
export const MAX_STEPS = 20;
export const MAX_TIMELINE = 40;

/** One entry of the timeline: a session's step (the same step may be entered twice: a retry). */
export interface TimelineEntry {
  session: number;
  step: number;
}

/** One dialect's race: the sessions' steps (one SQL statement each) and the timeline. */
export interface RaceScript {
  sessions: string[][];
  timeline: TimelineEntry[];
}

/** The scenario's `race` key. */
export type Race = Record<Dialect, RaceScript>;

/** A validated race with both parts (a missing part copies the other). */
export function normalizeRace(input: { sqlite?: RaceScript; postgres?: RaceScript }): Race {
  const sqlite = (input.sqlite ?? input.postgres)!;
  const postgres = (input.postgres ?? input.sqlite)!;
  return { sqlite: cloneScript(sqlite), postgres: cloneScript(postgres) };
}

/** A deep copy of one dialect's race. */
function cloneScript(r: RaceScript): RaceScript {
  return { sessions: r.sessions.map((s) => [...s]), timeline: r.timeline.map((e) => ({ ...e })) };
}

/** The label of a session's step, e.g. A1. */
export const stepLabel = (e: TimelineEntry): string => `${SESSION_NAMES[e.session] ?? '?'}${e.step + 1}`;

/**
 * Labels of the timeline's entries: A1, B1, …; a step entered again is "A1 (again)" (twice more:
 * "A1 (3rd time)").
 */
export function timelineLabels(timeline: readonly TimelineEntry[]): string[] {
  const seen = new Map<string, number>();
  return timeline.map((e) => {
    const base = stepLabel(e);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : n === 2 ? `${base} (again)` : `${base} (${ordinal(n)} time)`;
  });
}

function ordinal(n: number): string {
  const tail = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${tail}`;
}

/** The engine's input for one dialect's race. */
export function raceInput(r: RaceScript): RaceInput {
  const labels = timelineLabels(r.timeline);
  return {
    sessions: r.sessions.map((_, k) => SESSION_NAMES[k] ?? String(k + 1)),
    steps: r.timeline.map((e, k) => ({ session: e.session, label: labels[k]!, sql: r.sessions[e.session]![e.step]! })),
  };
}

/** The default interleaving of sessions' steps: A1, B1, A2, B2, … */
export function interleave(sessions: readonly (readonly string[])[]): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  const longest = Math.max(0, ...sessions.map((s) => s.length));
  for (let step = 0; step < longest; step++)
    sessions.forEach((s, session) => {
      if (step < s.length) out.push({ session, step });
    });
  return out;
}

/** Move the timeline entry at `from` to `to` (both 0-based), returning a new timeline. */
export function moveEntry(timeline: readonly TimelineEntry[], from: number, to: number): TimelineEntry[] {
  const out = [...timeline];
  if (from < 0 || from >= out.length || to < 0 || to >= out.length) return out;
  const [moved] = out.splice(from, 1);
  out.splice(to, 0, moved!);
  return out;
}

/** Remove a session's step and every timeline entry of it (later steps' numbers shift down). */
export function removeStep(r: RaceScript, session: number, step: number): RaceScript {
  const sessions = r.sessions.map((s, k) => (k === session ? s.filter((_, j) => j !== step) : [...s]));
  const timeline = r.timeline
    .filter((e) => !(e.session === session && e.step === step))
    .map((e) => (e.session === session && e.step > step ? { session, step: e.step - 1 } : { ...e }));
  return { sessions, timeline };
}

/** Add a step at the end of a session and of the timeline. */
export function addStep(r: RaceScript, session: number, sql: string): RaceScript {
  const next = cloneScript(r);
  const steps = next.sessions[session];
  if (!steps || steps.length >= MAX_STEPS || next.timeline.length >= MAX_TIMELINE) return next;
  steps.push(sql);
  next.timeline.push({ session, step: steps.length - 1 });
  return next;
}
