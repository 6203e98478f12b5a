/** All gallery examples, in the order the gallery lists them. */
import type { Example } from './types';
import { BASICS } from './data/basics';
import { COUNTERS } from './data/counters';
import { TIMESTAMPS } from './data/timestamps';
import { CONDITIONAL } from './data/conditional';
import { CONSTRAINTS } from './data/constraints';
import { PITFALLS } from './data/pitfalls';
import { DIALECT_ONLY } from './data/dialects';

/** Every example of the gallery. */
export const EXAMPLES: Example[] = [
  ...BASICS,
  ...COUNTERS,
  ...TIMESTAMPS,
  ...CONDITIONAL,
  ...CONSTRAINTS,
  ...PITFALLS,
  ...DIALECT_ONLY,
];
