/**
 * Opening and leaving the Race lab. Opening it on an ordinary scenario gives both sessions the
 * statement script's statements, one step each, interleaved (A1, B1, A2, B2 …); leaving it keeps
 * the race in this page, so coming back finds it (a scenario without a race stays an ordinary one).
 */
import { splitStatements } from '../engine/pgSplit';
import type { Dialect } from '../engine/types';
import type { Scenario } from '../scenario/scenario';
import { interleave, MAX_STEPS, normalizeRace, type Race, type RaceScript } from './model';

let leftBehind: Race | null = null;

/** Both sessions run the statement script's statements. */
function fromStatement(script: string, dialect: Dialect): RaceScript {
  const steps = splitStatements(script, dialect, MAX_STEPS)
    .map((s) => script.slice(s.start, s.end).trim())
    .filter((s) => s.length > 0);
  const one = steps.length ? steps : ['SELECT 1;'];
  const sessions = [[...one], [...one]];
  return { sessions, timeline: interleave(sessions) };
}

/** The race the lab opens with for this scenario. */
export function openRace(s: Scenario): Race {
  if (s.race) return s.race;
  if (leftBehind) return leftBehind;
  return normalizeRace({
    sqlite: fromStatement(s.sqlite.statement, 'sqlite'),
    postgres: fromStatement(s.postgres.statement, 'postgres'),
  });
}

/** Remember a race the person left (the lab reopens with it). */
export function leaveRace(race: Race | undefined): void {
  if (race) leftBehind = race;
}
