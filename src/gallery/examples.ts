/** All gallery examples, in the order the gallery lists them. */
import type { Example } from './types';
import { MANUAL_UPSERTS } from './data/manual';
import { BASICS } from './data/basics';
import { COUNTERS } from './data/counters';
import { PARTIAL_UPDATES } from './data/partial';
import { TIMESTAMPS } from './data/timestamps';
import { RETURNING_FLAGS } from './data/returning';
import { CONDITIONAL } from './data/conditional';
import { CONSTRAINTS } from './data/constraints';
import { PITFALLS } from './data/pitfalls';
import { DUPLICATES } from './data/duplicates';
import { GENERATED_IDS } from './data/ids';
import { COLUMNS } from './data/columns';
import { DIALECT_ONLY } from './data/dialects';
import { REPLACE_TWO_ROWS } from './data/replace';
import { MERGE_VS_UPSERT } from './data/merge';
import { RACES } from './data/race';

/** Every example of the gallery. */
export const EXAMPLES: Example[] = [
  ...MANUAL_UPSERTS,
  ...BASICS,
  ...COUNTERS,
  ...PARTIAL_UPDATES,
  ...TIMESTAMPS,
  ...RETURNING_FLAGS,
  ...CONDITIONAL,
  ...CONSTRAINTS,
  ...PITFALLS,
  ...DUPLICATES,
  ...GENERATED_IDS,
  ...COLUMNS,
  ...DIALECT_ONLY,
  ...REPLACE_TWO_ROWS,
  ...MERGE_VS_UPSERT,
  ...RACES,
];
