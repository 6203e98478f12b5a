/**
 * What a page load opens — the one start-up decision, shared by the page's early entry (main.ts's
 * boot plan, which starts the first run before the app has loaded) and the app: this tab's work
 * when the address still holds its fragment (a reload), else a link or `#example/ID`, else the
 * autosaved work, else the default scenario. Pure, and light enough for the early entry: records
 * are read from storage text by the same parsers the app's storage uses, which need the link
 * reader loaded when there is anything to read (linkReader.ts's `needsReader`).
 */
import { fragmentBody, exampleIdOf, isExampleFragment, practiceIdOf } from '../scenario/fragment';
import { reader } from '../scenario/linkReader';
import { defaultScenario, sameScenario, type Scenario } from '../scenario/scenario';

/** How the saved work came to be: typed by the user, or loaded unchanged (link, example, import). */
export type WorkOrigin = 'edited' | 'loaded';

/** An autosaved scenario with its origin and time. */
export interface SavedWork {
  scenario: Scenario;
  origin: WorkOrigin;
  savedAt: number;
}

/** This tab's work and the fragment (without '#') its address held when it was saved. */
export interface TabWork {
  fragment: string;
  scenario: Scenario;
}

/** A storage read; storage whose calls throw (sandboxed frames, privacy settings) reads as empty. */
export function safeGet(store: Pick<Storage, 'getItem'> | null | undefined, key: string): string | null {
  try {
    return store?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** This tab's work from its stored text (see `saveTabWork`), or null. */
export function parseTabWork(raw: string | null): TabWork | null {
  try {
    if (!raw) return null;
    const rec = JSON.parse(raw) as { v?: unknown; fragment?: unknown; scenario?: unknown } | null;
    if (!rec || rec.v !== 1 || typeof rec.fragment !== 'string') return null;
    const parsed = reader().scenarioFromObject(rec.scenario);
    return parsed.ok ? { fragment: rec.fragment, scenario: parsed.scenario } : null;
  } catch {
    return null;
  }
}

/** Autosaved work from its stored text, validated like a link, or null. */
export function parseSavedWork(raw: string | null): SavedWork | null {
  try {
    if (raw === null) return null;
    const rec = JSON.parse(raw) as unknown;
    if (typeof rec !== 'object' || rec === null || (rec as { v?: unknown }).v !== 1) return null;
    const { scenario, origin, savedAt } = rec as { scenario?: unknown; origin?: unknown; savedAt?: unknown };
    const parsed = reader().scenarioFromObject(scenario);
    if (!parsed.ok) return null;
    return {
      scenario: parsed.scenario,
      origin: origin === 'loaded' ? 'loaded' : 'edited',
      savedAt: typeof savedAt === 'number' && Number.isFinite(savedAt) ? savedAt : 0,
    };
  } catch {
    return null;
  }
}

/** What to open when the page loads. */
export interface LoadDecision {
  scenario: Scenario;
  source: 'link' | 'example' | 'saved' | 'default';
  /** The user's own work to set aside (stashOwnWork) because a link or example replaces it. */
  stash?: Scenario;
  /** Set when the fragment could not be opened: say so, above the restored work. */
  message?: string;
  /** The example opened, when source is 'example'. */
  exampleId?: string;
}

/** Inputs of `decideOnLoad`. */
export interface LoadInput {
  /** `location.hash` (with or without '#'). */
  hash: string;
  /** The autosaved work (loadWork / loadWorkRecord), or null. */
  saved: Scenario | SavedWork | null;
  /** Looks up a gallery example by id. */
  findExample?: (id: string) => Scenario | null | undefined;
  /** This tab's work (loadTabWork): when the address still holds its fragment, it is a reload. */
  tab?: TabWork | null;
}

/**
 * Decide what a page load opens. A reload of a tab reopens that tab's latest work. Otherwise a link
 * or `#example/ID` wins over the saved work, but saved work
 * that the user edited (and that differs) is returned as `stash`, so it stays one click away. A bad
 * fragment never costs anything: the saved work (or the default scenario) opens with a message.
 */
export function decideOnLoad({ hash, saved, findExample, tab }: LoadInput): LoadDecision {
  const record: SavedWork | null =
    saved === null ? null : 'scenario' in saved ? saved : { scenario: saved, origin: 'edited', savedAt: 0 };
  const fallback = (message?: string): LoadDecision => {
    const d: LoadDecision = record
      ? { scenario: record.scenario, source: 'saved' }
      : { scenario: defaultScenario(), source: 'default' };
    if (message) d.message = message;
    return d;
  };
  const opened = (scenario: Scenario, source: 'link' | 'example'): LoadDecision => {
    const d: LoadDecision = { scenario, source };
    // Saved work that was itself an unedited link or example can be reopened, and the untouched
    // default scenario is always there: neither is stashed.
    if (
      record &&
      record.origin === 'edited' &&
      !sameScenario(record.scenario, scenario) &&
      !sameScenario(record.scenario, defaultScenario())
    ) {
      d.stash = record.scenario;
    }
    return d;
  };

  const frag = fragmentBody(hash);
  // A reload of this tab: its own latest work, even if the address had not caught up with it.
  if (tab && tab.fragment === frag) return { scenario: tab.scenario, source: 'saved' };
  // Practice in the address: the playground behind it opens the saved work.
  if (frag.trim() === '' || practiceIdOf(frag) !== null) return fallback();
  if (isExampleFragment(frag)) {
    const id = exampleIdOf(frag);
    const ex = id ? findExample?.(id) : null;
    if (!ex || id === null) return fallback(exampleNotFound(id));
    return { ...opened(ex, 'example'), exampleId: id };
  }
  const r = reader().decodeScenario(frag);
  return r.ok ? opened(r.scenario, 'link') : fallback(r.message);
}

/**
 * The message for an `#example/…` fragment that names no example. The name is not repeated: it
 * comes from whoever made the link, and must not read as the app's own words.
 */
export function exampleNotFound(id: string | null): string {
  return id === null
    ? 'This example link is damaged: it names no example after #example/ (it was probably cut off or edited by hand).'
    : 'This link names an example that this version of the playground does not have (the link may be from a newer or older version, or mistyped). Open Examples to pick one.';
}
