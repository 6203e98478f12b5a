/**
 * What the page opens with: the link or example in the address, else the autosaved work, else the
 * default scenario; edited work a link replaces is set aside. The decision itself is
 * startDecision.ts's, which the page's early entry (main.ts, through bootPlan) asks too.
 */
import { sameScenario, type Scenario } from '../scenario/scenario';
import { readOwner } from './autosave';
import { readFragment } from './history';
import type { KeptMeta } from './kept';
import { decideOnLoad, type LoadDecision } from './startDecision';
import { loadTabWork, loadWorkRecord, stashOwnWork } from './storage';

/** Looks up a gallery example by id (as a scenario). */
export type ExampleLookup = (id: string) => Scenario | null | undefined;

/** The start decision, with what startScenario did about the work it replaced. */
export type StartDecision = LoadDecision & {
  unedited: boolean;
  /** The replaced work could not be set aside (storage full): it stays autosaved and protected. */
  protect: Scenario | null;
  /** The autosaved work's owner stamp when this tab opened that work, else null. */
  seenOwner: string | null;
  /** Recent work entries dropped to make room for the set-aside work. */
  dropped: KeptMeta[];
};

/**
 * What the page opens with: the link or example in the address, else the autosaved work, else the
 * default scenario. Sets the user's edited work aside when a link replaces it, so it is called
 * once per page load (mount.tsx), and the app is given its answer.
 */
export function startScenario(findExample?: ExampleLookup): StartDecision {
  const saved = loadWorkRecord();
  const d = decideOnLoad({ hash: readFragment(), saved, tab: loadTabWork(), ...(findExample ? { findExample } : {}) });
  const kept = d.stash ? stashOwnWork(d.stash) : null;
  const protect = kept && !kept.ok && d.stash ? d.stash : null;
  // Unedited: a link, an example, the default, or saved work that was itself loaded and not edited
  // (a tab's own work after a reload counts as edited: nothing else records it).
  const unedited = d.source !== 'saved' || (saved?.origin === 'loaded' && sameScenario(saved.scenario, d.scenario));
  const openedSaved = d.source === 'saved' && saved !== null && sameScenario(saved.scenario, d.scenario);
  const start: StartDecision = {
    ...d,
    unedited,
    protect,
    seenOwner: openedSaved ? readOwner() : null,
    dropped: kept?.ok ? (kept.dropped ?? []) : [],
  };
  if (protect && kept && !kept.ok) {
    start.message = [
      d.message,
      `${kept.message.replace(/\.$/, '')}: it stays autosaved as long as you do not edit what you opened. Go back to it and export it, or forget something in Recent work, to keep both.`,
    ]
      .filter(Boolean)
      .join(' ');
  }
  return start;
}
