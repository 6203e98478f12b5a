/** The examples gallery's public API for the app shell. */
export { ExamplesDialog, type ExamplesDialogProps } from './ExamplesDialog';
export { ExplanationPanel, type ExplanationPanelProps } from './ExplanationPanel';
export {
  EXAMPLES,
  dialectFor,
  exampleHash,
  exampleToScenario,
  filterExamples,
  findExample,
  parseExampleHash,
  scenarioIsExample,
  supportedDialects,
} from './gallery';
export type { Example, Tag } from './types';
