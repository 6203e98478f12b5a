/**
 * Where each dialect's scripts came from, and what a dialect switch does with them.
 *
 * - 'authored': a hand-written pair given with the scenario (the default, a gallery example, a link
 *   made with both parts): kept as they are until the person edits the other side.
 * - 'edited': written or changed here by the person (and every part of an older link that says
 *   nothing about origin): never overwritten.
 * - { from, version }: translated from the other dialect's scripts as they were at `version`; a
 *   link part that was missing is { from, version: '' } (never current, so it is translated on use).
 */
import type { Dialect } from '../engine/types';
import type { Scenario, Scripts } from './scenario';

/** The origin of one dialect's scripts. */
export type Origin = 'authored' | 'edited' | { from: Dialect; version: string };

/** The other dialect. */
export function otherDialect(d: Dialect): Dialect {
  return d === 'sqlite' ? 'postgres' : 'sqlite';
}

/** A short fingerprint of a pair of scripts (FNV-1a, 32 bits): which version a translation was made from. */
export function scriptsVersion(s: Scripts): string {
  let h = 0x811c9dc5;
  const text = `${s.setup}\u0000${s.statement}`;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** The origin of a dialect's scripts; a scenario without origins counts as written by hand on both sides. */
export function originOf(s: Scenario, d: Dialect): Origin {
  return s.origin?.[d] ?? 'edited';
}

/** True for scripts translated from the other dialect. */
function isTranslated(o: Origin): o is { from: Dialect; version: string } {
  return typeof o === 'object';
}

/**
 * What showing (or running) dialect `d` does with its scripts:
 * - 'carry': translate the other dialect's scripts into `d` first (they are the person's, `d`'s are not);
 * - 'own': both sides were written separately and differ: keep each, and say so;
 * - 'keep': nothing to do (an untouched pair, or a translation that is still current).
 */
export function carryDecision(s: Scenario, d: Dialect): 'carry' | 'own' | 'keep' {
  const mine = originOf(s, d);
  const other = otherDialect(d);
  const theirs = originOf(s, other);
  // An empty part in a scenario that says nothing about origins (an older link) was never written.
  if (!s.origin && blank(s[d]) && !blank(s[other])) return 'carry';
  if (mine === 'edited') {
    const differ = s[d].setup !== s[other].setup || s[d].statement !== s[other].statement;
    return theirs === 'edited' && differ ? 'own' : 'keep';
  }
  if (mine === 'authored') return theirs === 'edited' ? 'carry' : 'keep';
  // Translated: redo it when the source changed since (never from a side that is itself a translation).
  if (isTranslated(theirs)) return 'keep';
  return mine.version !== scriptsVersion(s[other]) ? 'carry' : 'keep';
}

const blank = (x: Scripts): boolean => !x.setup.trim() && !x.statement.trim();

/** The scenario with one dialect's origin set. */
export function withOrigin(s: Scenario, d: Dialect, origin: Origin): Scenario {
  return { ...s, origin: { sqlite: originOf(s, 'sqlite'), postgres: originOf(s, 'postgres'), [d]: origin } };
}

/** The scenario with `to`'s scripts replaced by a translation of `from`'s current scripts. */
export function withTranslation(
  s: Scenario,
  to: Dialect,
  scripts: Scripts,
  source: Scripts = s[otherDialect(to)],
): Scenario {
  return withOrigin({ ...s, [to]: { setup: scripts.setup, statement: scripts.statement } }, to, {
    from: otherDialect(to),
    version: scriptsVersion(source),
  });
}
