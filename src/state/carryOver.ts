/**
 * Carrying one dialect's scripts over to the other: loads the translator (and its parser) only now,
 * asks the source engine for the tables its setup creates (so conflict targets resolve to real
 * keys), translates, and returns the texts with the translator's notes for the carry-over note.
 */
import { loadTranslator } from '../translate/scenarioTranslation';
import type { ScriptTranslation, TranslationResult } from '../translate/translate';
import type { Engines } from './engineContext';
import type { Dialect, RunParams } from '../engine/types';
import { otherDialect } from '../scenario/provenance';
import type { Scripts } from '../scenario/scenario';
import type { CarryNote } from './carry';

/** The notes of a translation, each prefixed with its script and line. */
function translationNotes(r: TranslationResult): Omit<CarryNote, 'undo'> {
  const list = (pick: (s: ScriptTranslation) => { line: number; message: string }[]) => [
    ...pick(r.setup).map((p) => `Setup line ${p.line}: ${p.message}`),
    ...pick(r.statement).map((p) => `Statement line ${p.line}: ${p.message}`),
  ];
  const changes = list((s) => s.changes);
  const untranslatable = list((s) => s.untranslatable);
  const warnings = list((s) => s.warnings);
  return { from: r.from, unchanged: !changes.length && !untranslatable.length, changes, untranslatable, warnings };
}

/** Translate `source` (the other dialect's scripts) into dialect `to`. */
export async function carryOver(
  engines: Engines,
  to: Dialect,
  source: Scripts,
  params?: RunParams,
  limitMs?: number,
): Promise<{ scripts: Scripts; note: Omit<CarryNote, 'undo'> }> {
  const from = otherDialect(to);
  const [mod, described] = await Promise.all([
    loadTranslator(),
    engines[from].describe(source.setup, params, limitMs !== undefined ? { limitMs } : {}),
  ]);
  const r = mod.translateScenario(source, from, to, { tables: described.error ? undefined : described.tables });
  return { scripts: { setup: r.setup.sql, statement: r.statement.sql }, note: translationNotes(r) };
}
