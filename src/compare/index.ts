/** Compare mode's public API: run comparison, summaries, translation and their components. */
export { compareRuns } from './differences';
export type { CellDifference, Difference, DifferenceKind, RowSample, ValuePair } from './types';
export { differenceGroup, hasDifferences, isNote } from './types';
export { describeDifference, NO_DIFFERENCES, summarizeDifferences } from './summary';
export { compareValues, RULE_EXPLANATION, type NormalisationRule } from './values';
export { needsAttention, translateScenario, translateScript } from './translate';
export type { Change, Construct, Problem, ScriptTranslation, TranslateContext, TranslationResult } from './translate';
export { applyTranslation, suggestedTranslation, translateFrom } from './scenarioTranslation';
export { DifferenceSummary, type DifferenceSummaryProps } from './DifferenceSummary';
export { TranslateDialog, type TranslateDialogProps } from './TranslateDialog';
