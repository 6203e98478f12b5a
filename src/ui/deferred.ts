/**
 * Code the page's first result does not need, kept out of the bytes loaded before it: each part
 * loads on first use, and ahead once the page is idle after the first result (featureModules.ts),
 * so that a person's first use of them rarely waits for the network.
 */
import { lazyModule } from '../lib/lazyModule';
import { linkReader } from '../scenario/linkReader';

/** Scenario files: export as JSON or SQL, parse an imported file. */
export const fileFormats = lazyModule(() => import('../scenario/file'));
/** The Race lab's timeline of results. */
export const raceResults = lazyModule(() => import('../race/RaceResults'));
/** The body of the Explain card (the plan, read). */
export const planBody = lazyModule(() => import('../results/why/PlanBody'));
/** Hints for the commonest upsert mistakes, shown with an error. */
export const learnerHints = lazyModule(() => import('./LearnerHints'));
/** A conflict target that matches no unique key: the table's keys, shown with that error. */
export const targetHelp = lazyModule(() => import('../results/why/TargetHelp'));
/** The "Keyboard shortcuts" dialog. */
export const keysDialog = lazyModule(() => import('../ux/KeysDialog'));
/** The note above the editors after a dialect switch. */
export const carryNotes = lazyModule(() => import('./CarryNotes'));
/** The Parameters panel (scripts with placeholders). */
export const parametersPanel = lazyModule(() => import('./ParametersPanel'));
/** "Back to my scenario" (work set aside). */
export const stashBanner = lazyModule(() => import('../persistence/StashBanner'));
/** What the page shows while a file is dragged over it. */
export const dropOverlay = lazyModule(() => import('../scenario/DropOverlay'));

/** All of them, for loading ahead, with the link reader (for a link pasted into the address bar). */
export const DEFERRED_PARTS = [
  linkReader,
  carryNotes,
  parametersPanel,
  keysDialog,
  stashBanner,
  dropOverlay,
  fileFormats,
  raceResults,
  planBody,
  learnerHints,
  targetHelp,
];
