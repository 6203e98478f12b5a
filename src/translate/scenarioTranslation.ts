/**
 * Scenario-level helpers for Translate: which side a translation should start from, and applying
 * an accepted translation to a scenario (the only way translated text reaches the editors).
 * Parser-free: the translator itself (and its SQL grammar, ≈240 KB gzip) loads with `loadTranslator`.
 */
import type { Dialect } from '../engine/types';
import type { Scenario } from '../scenario/scenario';
import { withTranslation } from '../scenario/provenance';
import type { TranslationResult } from './translate';

const other = (d: Dialect): Dialect => (d === 'sqlite' ? 'postgres' : 'sqlite');
const blank = (s: { setup: string; statement: string }) => !s.setup.trim() && !s.statement.trim();
const same = (a: { setup: string; statement: string }, b: { setup: string; statement: string }) =>
  a.setup === b.setup && a.statement === b.statement;

/**
 * When only one dialect's texts were written — the other side is empty, or still a copy of them —
 * the direction to translate in; null when both sides hold their own texts (translate on request).
 */
export function suggestedTranslation(s: Scenario): { from: Dialect; to: Dialect } | null {
  if (blank(s.postgres) && !blank(s.sqlite)) return { from: 'sqlite', to: 'postgres' };
  if (blank(s.sqlite) && !blank(s.postgres)) return { from: 'postgres', to: 'sqlite' };
  if (!blank(s.sqlite) && same(s.sqlite, s.postgres)) return { from: s.dialect, to: other(s.dialect) };
  return null;
}

/** The scenario with the translated texts in the target dialect's editors, marked as translated from the source (call on Accept only). */
export function applyTranslation(s: Scenario, r: TranslationResult): Scenario {
  return withTranslation(s, r.to, { setup: r.setup.sql, statement: r.statement.sql }, s[r.from]);
}

/** Load the translator on demand (it carries the SQL grammar; keep it out of the first load). */
export function loadTranslator(): Promise<typeof import('./translate')> {
  return import('./translate');
}
