/**
 * What to run before the app itself has loaded: the scenario the app will open, decided by the
 * app's own start-up decision (`persistence/startDecision.ts`) from the fragment and storage, so
 * that a link the app refuses never runs and a future link format changes in one place. The app
 * reuses an early run only when its own first run has exactly the same scripts; a wrong guess only
 * costs an idle engine.
 */
import type { Dialect } from '../engine/types';
import { isExampleFragment } from '../scenario/fragment';
import type { Scenario } from '../scenario/scenario';
import { TAB_KEY, WORK_KEY } from '../persistence/keys';
import { decideOnLoad, parseSavedWork, parseTabWork, safeGet } from '../persistence/startDecision';

/** One engine to start, with the scripts to run on it when they could be read. */
export interface BootItem {
  dialect: Dialect;
  scripts: { setup: string; statement: string } | null;
}

function planOfScenario(s: Scenario): BootItem[] {
  const dialects: Dialect[] = s.compare ? ['sqlite', 'postgres'] : [s.dialect];
  return dialects.map((d) => ({ dialect: d, scripts: { setup: s[d].setup, statement: s[d].statement } }));
}

/** The engines (and scripts) the page is about to run, from the fragment and storage. */
export function bootPlan(
  hash: string,
  local: Pick<Storage, 'getItem'> | null,
  session: Pick<Storage, 'getItem'> | null,
): BootItem[] {
  const tab = parseTabWork(safeGet(session, TAB_KEY));
  const d = decideOnLoad({ hash, saved: parseSavedWork(safeGet(local, WORK_KEY)), tab });
  // An example needs the gallery (not loaded yet), and a refused link opens with a message over
  // the saved work: start the engine, run nothing yet.
  const reload = tab !== null && d.source === 'saved' && d.scenario === tab.scenario;
  if (!reload && (d.message || isExampleFragment(hash))) return [{ dialect: 'sqlite', scripts: null }];
  return planOfScenario(d.scenario);
}
