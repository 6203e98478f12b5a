/** The practice path: every exercise in unit order, and lookups. */
import type { Dialect } from '../engine/types';
import { BASICS } from './data/basics';
import { BATCHES } from './data/batches';
import { CONDITIONAL } from './data/conditional';
import { DIALECTS } from './data/dialects';
import { KEYS } from './data/keys';
import { VALUES } from './data/values';
import { UNITS, type Exercise, type UnitId } from './types';

/** Every exercise, in the order of the path. */
export const EXERCISES: Exercise[] = [...BASICS, ...VALUES, ...CONDITIONAL, ...KEYS, ...BATCHES, ...DIALECTS];

/** The exercise with this id. */
export function findExercise(id: string): Exercise | undefined {
  return EXERCISES.find((e) => e.id === id);
}

/** The exercises of one unit, in order. */
export function unitExercises(unit: UnitId): Exercise[] {
  return EXERCISES.filter((e) => e.unit === unit);
}

/** The exercise after this one on the path (undefined after the last). */
export function nextExercise(id: string): Exercise | undefined {
  const i = EXERCISES.findIndex((e) => e.id === id);
  return i >= 0 ? EXERCISES[i + 1] : undefined;
}

/** True when the exercise runs on this dialect. */
export function appliesTo(ex: Exercise, dialect: Dialect): boolean {
  return ex.dialects.includes(dialect);
}

export { UNITS };
