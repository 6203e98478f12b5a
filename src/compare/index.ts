/**
 * Compare mode's public API: run comparison and its summaries, the components, and Translate.
 * The translator is not re-exported: it carries a SQL grammar (≈240 KB gzip), so load it on
 * demand with `loadTranslator()` (or import './translate' directly where that cost is fine).
 */
export { compareRuns } from './differences';
export type { CellDifference, Difference, DifferenceKind, RowSample, ValuePair } from './types';
export { differenceGroup, hasDifferences, isNote } from './types';
export { describeDifference, NO_DIFFERENCES, summarizeDifferences } from './summary';
export { compareValues, RULE_EXPLANATION, type NormalisationRule } from './values';
export type { Change, Construct, Problem, ScriptTranslation, TranslateContext, TranslationResult } from './translate';
export { applyTranslation, loadTranslator, suggestedTranslation } from './scenarioTranslation';
export { DifferenceSummary, type DifferenceSummaryProps } from './DifferenceSummary';
export { TranslateDialog, type TranslateDialogProps } from './TranslateDialog';
