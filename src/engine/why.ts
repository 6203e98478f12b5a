/**
 * Turning each statement's account into the result's "why": proposed rows with their fates, and
 * updated rows of key-less tables paired through the engine's update events.
 */
import type { AccountEvent } from './account.ts';
import { pairUpdatesByEvents } from './eventPairing.ts';
import { proposedRows } from './fates.ts';
import { tablesAround } from './steps.ts';
import type { Dialect, RunResult } from './types.ts';

/**
 * Above this many rows in the Before tables the account is off unless asked for. `npm run bench`
 * measures its cost (module account, docs/BENCHMARK.md): a 10,000-row upsert end to end took about
 * 2 times as long on SQLite with the account, and about 7 times on PostgreSQL, whose events travel
 * as NOTICEs; a 1,000-row one 2 to 5 times (on a loaded 2-core machine).
 */
const ACCOUNT_AUTO_ROWS: Record<Dialect, number> = { sqlite: 2_000, postgres: 2_000 };

/** Whether to record the account for a run. */
export function accountDecision(
  asked: boolean | undefined,
  beforeRows: number,
  dialect: Dialect,
): { on: boolean; note?: string } {
  if (asked === false) return { on: false, note: 'The row-by-row account was switched off for this run.' };
  const limit = ACCOUNT_AUTO_ROWS[dialect];
  if (asked === undefined && beforeRows > limit) {
    return {
      on: false,
      note: `The row-by-row account (proposed rows and their fates) is off when the tables hold more than ${limit.toLocaleString('en')} rows, to keep large runs fast.`,
    };
  }
  return { on: true };
}

/** Fill each traced statement's proposed rows and pair key-less updates, in place. */
export function explainStatements(dialect: Dialect, result: RunResult): void {
  const all: AccountEvent[] = [];
  for (const s of result.statements) {
    if (s.accountSkipped) result.notes.push(skippedNote(s.index, s.accountSkipped.plannedRows));
    if (!s.account) continue;
    const step = result.steps?.find((st) => st.statementIndex === s.index);
    if (step) for (const t of step.tables) pairUpdatesByEvents(t, s.account.events);
    const schemas = result.tables.map((t) => t.schema);
    if (!step && !s.error) for (const t of result.tables) pairUpdatesByEvents(t, s.account.events);
    const around = step?.tables ?? tablesAround(result, s.index);
    const p = proposedRows(dialect, s.sql, s.kind, s.account, s.error, s.error ? undefined : around, schemas);
    if (p) s.proposed = p;
    // A failed statement's writes were rolled back: they are not part of the run's changes.
    if (!s.error) for (const e of s.account.events) all.push(e); // not spread: see sqliteWrites
  }
  if (result.steps?.length) for (const t of result.tables) pairUpdatesByEvents(t, all);
}

/** Why a statement has no row-by-row account although the run records one (PostgreSQL). */
function skippedNote(index: number, plannedRows: number): string {
  return `Statement ${index + 1}: the row-by-row account was not recorded, because PostgreSQL's planner expects it to write about ${plannedRows.toLocaleString('en')} rows (EXPLAIN), and recording each one makes a run many times slower. Switch the row-by-row account off and on again to record it anyway.`;
}
