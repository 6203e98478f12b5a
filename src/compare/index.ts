/**
 * Compare mode's public API: run comparison, its summaries and the summary component.
 * (Translate has its own folder, `src/translate/`.)
 */
export { compareRuns } from './differences';
export type { CellDifference, Difference, DifferenceKind, RowSample, ValuePair } from './types';
export { differenceGroup, hasDifferences, isNote } from './types';
export { describeDifference, NO_DIFFERENCES, summarizeDifferences } from './summary';
export { compareValues, RULE_EXPLANATION, type NormalisationRule } from './values';
export { DifferenceSummary, type DifferenceSummaryProps } from './DifferenceSummary';
