/**
 * The race's summary in plain words, read off the engines' results: what each step returned,
 * changed (the per-step diffs) or failed with (the engine's error), which values each session held
 * (the binding record), and where a session acted on a read another session's write had made out
 * of date. Nothing here knows upsert rules: it only relates steps by time, session and rows.
 */
import type { EngineError, RunResult, TableDiff, Value } from '../engine/types.ts';
import { isReadOnlyKind } from '../engine/sqlText.ts';
import { sameValue } from '../engine/diff.ts';
import { valueText as formatValue } from '../results/format.ts';

/** One step as the summary sees it. */
interface StepView {
  index: number;
  label: string;
  session: number;
  sessionName: string;
  error?: EngineError;
  read: boolean;
  returned: number;
  captured?: Record<string, Value>;
  used: Record<string, Value>;
  tables: TableDiff[] | undefined;
}

/** "23505 duplicate key …" for a SQLSTATE, "message (CODE)" for an SQLite result code. */
export function errorText(e: EngineError): string {
  if (!e.code) return e.message;
  return /^[0-9A-Z]{5}$/.test(e.code) ? `${e.code} ${e.message}` : `${e.message} (${e.code})`;
}

const rows = (n: number): string => `${n} row${n === 1 ? '' : 's'}`;

/** Keys of the rows a step updated in a table (identity columns' values), or null when rows have no key. */
function updatedKeys(t: TableDiff): Set<string> | null {
  const cols = t.identity.columns;
  if (!cols.length || !t.after) return null;
  const at = cols.map((c) => t.after!.columns.indexOf(c));
  const out = new Set<string>();
  for (const ch of t.changes) {
    if (ch.change !== 'updated' || ch.after === undefined) continue;
    const row = t.after.rows[ch.after];
    if (row) out.add(JSON.stringify(at.map((k) => row[k] ?? null)));
  }
  return out;
}

/** What a writing step did, e.g. "inserted 1 row into users" (null when it changed no row). */
function didText(tables: TableDiff[] | undefined, details: boolean): string | null {
  if (!tables) return null;
  const parts: string[] = [];
  for (const t of tables) {
    const c = t.counts;
    if (t.status === 'created') parts.push(`created ${t.name}`);
    if (t.status === 'dropped') parts.push(`dropped ${t.name}`);
    if (c.inserted) parts.push(`inserted ${rows(c.inserted)} into ${t.name}`);
    const changed = c.updated - c.sameValues;
    if (changed) {
      let text = `updated ${rows(changed)} in ${t.name}`;
      if (details && changed === 1) text += `: ${cellChanges(t)}`;
      parts.push(text);
    }
    if (c.sameValues) parts.push(`rewrote ${rows(c.sameValues)} of ${t.name} with the same values`);
    if (c.deleted) parts.push(`deleted ${rows(c.deleted)} from ${t.name}`);
  }
  return parts.length ? parts.join(', ') : null;
}

/** "login_count 3 → 4" for the one updated row of a table. */
function cellChanges(t: TableDiff): string {
  const ch = t.changes.find((x) => x.change === 'updated' && !x.sameValues);
  if (!ch || ch.before === undefined || ch.after === undefined || !t.before || !t.after) return '';
  const before = t.before.rows[ch.before]!;
  const after = t.after.rows[ch.after]!;
  return (ch.changed ?? [])
    .map((k) => {
      const col = t.after!.columns[k]!;
      const old = before[t.before!.columns.indexOf(col)] ?? null;
      return `${col} ${formatValue(old)} → ${formatValue(after[k] ?? null)}`;
    })
    .join(', ');
}

function views(result: RunResult): StepView[] {
  const race = result.race;
  if (!race) return [];
  return result.statements.map((r, index) => {
    const o = race.steps[index]!;
    return {
      index,
      label: o.label,
      session: o.session,
      sessionName: o.label.replace(/[0-9].*$/, ''),
      error: r.error,
      read: !r.error && r.columns !== null && isReadOnlyKind(r.kind),
      returned: r.totalRows ?? r.rows.length,
      captured: o.captured,
      used: o.used,
      tables: result.steps?.find((s) => s.statementIndex === index)?.tables,
    };
  });
}

/** What a step itself did, in one sentence. */
function ownSentence(v: StepView): string {
  if (v.error) return `${v.label} failed: ${errorText(v.error)}`;
  if (v.read) {
    if (v.returned === 0) return `${v.label} read no row.`;
    const vals = Object.entries(v.captured ?? {}).map(([k, x]) => `${k} = ${formatValue(x)}`);
    return `${v.label} read ${rows(v.returned)}${vals.length ? `: ${vals.join(', ')}` : ''}.`;
  }
  const did = didText(v.tables, true);
  if (did === null) return v.tables ? `${v.label} changed no row.` : `${v.label} ran.`;
  return `${v.label} ${did}${sameOnly(v) ? ': no value changed' : ''}.`;
}

/** Where a step acted on its session's read after another session's write: the stale-read sentences. */
function staleSentences(v: StepView, all: StepView[]): string[] {
  if (v.read) return [];
  const lastRead = [...all.slice(0, v.index)].reverse().find((x) => x.session === v.session && x.read);
  if (!lastRead) return [];
  const between = all.slice(lastRead.index + 1, v.index).filter((x) => x.session !== v.session && !x.read && !x.error);
  const writer = between.find((x) => didText(x.tables, false) !== null && !sameOnly(x));
  if (!writer) return [];
  const saw = lastRead.returned === 0 ? 'read no row' : `read ${rows(lastRead.returned)}`;
  const out = [
    `${v.sessionName} ${saw} at ${lastRead.label}; ${writer.label} then ${didText(writer.tables, false)!} before ${v.label} ran, so ${v.label} acted on a read from before that change.`,
  ];
  // A lost update: this step wrote a row the other write had changed, with a value read before that
  // change (the value it used is the changed column's old value).
  const usedRead = Object.keys(v.used).filter((k) => lastRead.captured && k in lastRead.captured);
  if (!usedRead.length || !v.tables || !writer.tables) return out;
  for (const t of v.tables) {
    const mine = updatedKeys(t);
    const theirs = writer.tables.find((w) => w.name === t.name);
    const overlap = theirs && mine ? changedCells(theirs).filter((c) => mine.has(c.key)) : [];
    const hit = overlap.find((c) => usedRead.some((k) => sameValue(v.used[k] ?? null, c.old)));
    if (!hit) continue;
    const vals = usedRead.map((k) => `:${k} = ${formatValue(v.used[k] ?? null)}`).join(', ');
    out.push(
      `${v.label} wrote the row of ${t.name} that ${writer.label} had changed (${hit.column} ${formatValue(hit.old)} → ${formatValue(hit.new)}), from ${vals}, which ${v.sessionName} read at ${lastRead.label} before that change: ${writer.label}’s update was not taken into account (a lost update).`,
    );
  }
  return out;
}

/** The cells a step changed in a table: row key, column, old and new value. */
function changedCells(t: TableDiff): { key: string; column: string; old: Value; new: Value }[] {
  const cols = t.identity.columns;
  if (!cols.length || !t.after || !t.before) return [];
  const at = cols.map((c) => t.after!.columns.indexOf(c));
  const out: { key: string; column: string; old: Value; new: Value }[] = [];
  for (const ch of t.changes) {
    if (ch.change !== 'updated' || ch.after === undefined || ch.before === undefined) continue;
    const row = t.after.rows[ch.after]!;
    const old = t.before.rows[ch.before]!;
    const key = JSON.stringify(at.map((k) => row[k] ?? null));
    for (const k of ch.changed ?? []) {
      const column = t.after.columns[k]!;
      out.push({ key, column, old: old[t.before.columns.indexOf(column)] ?? null, new: row[k] ?? null });
    }
  }
  return out;
}

/** The step rewrote rows with the same values and did nothing else. */
function sameOnly(v: StepView): boolean {
  return Boolean(
    v.tables?.every(
      (t) => t.counts.inserted === 0 && t.counts.deleted === 0 && t.counts.updated === t.counts.sameValues,
    ),
  );
}

/** Each single updated row's changed columns, as they stand after the last step. */
function finalValues(result: RunResult): string[] {
  const out: string[] = [];
  for (const t of result.tables) {
    const upd = t.changes.filter((c) => c.change === 'updated' && !c.sameValues);
    if (upd.length !== 1 || t.changes.filter((c) => c.change !== 'unchanged').length !== 1) continue;
    const ch = upd[0]!;
    const row = t.after?.rows[ch.after ?? -1];
    if (!row) continue;
    for (const k of ch.changed ?? [])
      out.push(`${t.name}.${t.after!.columns[k]!} is ${formatValue(row[k] ?? null)} after the last step.`);
  }
  return out;
}

/** The summary's sentences, in timeline order, then the end state. Empty for a run without a race. */
export function raceSummary(result: RunResult): string[] {
  const all = views(result);
  if (!all.length) return [];
  const out: string[] = [];
  if (!all.some((v) => v.error)) out.push('No step failed.');
  for (const v of all) {
    out.push(...staleSentences(v, all));
    out.push(ownSentence(v));
  }
  out.push(...finalValues(result));
  return out;
}
