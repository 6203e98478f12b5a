/** All gallery examples, in the order the gallery lists them. */
import type { Example } from './types';
import { BASICS } from './data/basics';
import { COUNTERS } from './data/counters';
import { TIMESTAMPS } from './data/timestamps';

/** Every example of the gallery. */
export const EXAMPLES: Example[] = [...BASICS, ...COUNTERS, ...TIMESTAMPS];
