/**
 * What to run before the app itself has loaded: a cheap peek at what the page will open (this
 * tab's work for its fragment, else the link, else the autosaved work, else the default scenario),
 * without validating it. The app validates for real and reuses an early run only when its own
 * first run has exactly the same scripts; a wrong guess only costs an idle engine.
 */
import type { Dialect } from '../engine/types';
import { defaultScenario } from '../scenario/defaults';
import { lzDecodeUriComponent } from '../scenario/lzDecode';
import { TAB_KEY, WORK_KEY } from '../share/keys';

/** One engine to start, with the scripts to run on it when they could be read. */
export interface BootItem {
  dialect: Dialect;
  scripts: { setup: string; statement: string } | null;
}

type Peek = Record<string, unknown> | null;

function isScripts(v: unknown): v is { setup: string; statement: string } {
  return typeof v === 'object' && v !== null && typeof (v as { setup?: unknown }).setup === 'string' && typeof (v as { statement?: unknown }).statement === 'string';
}

function planOf(s: Peek): BootItem[] | null {
  if (!s || (s.dialect !== 'sqlite' && s.dialect !== 'postgres')) return null;
  const dialects: Dialect[] = s.compare === true ? ['sqlite', 'postgres'] : [s.dialect];
  return dialects.map((d) => {
    const own = s[d];
    const other = s[d === 'sqlite' ? 'postgres' : 'sqlite'];
    const scripts = isScripts(own) ? own : isScripts(other) ? other : null;
    return { dialect: d, scripts: scripts ? { setup: scripts.setup, statement: scripts.statement } : null };
  });
}

/** Read a key; storage whose calls throw (SecurityError in sandboxed frames, privacy settings) reads as empty. */
function safeGet(store: Pick<Storage, 'getItem'> | null, key: string): string | null {
  try {
    return store?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function parse(text: string | null | undefined): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The engines (and scripts) the page is about to run, from the fragment and storage. */
export function bootPlan(hash: string, local: Pick<Storage, 'getItem'> | null, session: Pick<Storage, 'getItem'> | null): BootItem[] {
  const frag = hash.startsWith('#') ? hash.slice(1) : hash;
  const fallback: BootItem[] = [{ dialect: 'sqlite', scripts: null }];
  const tab = parse(safeGet(session, TAB_KEY)) as { fragment?: unknown; scenario?: Peek } | null;
  if (tab && tab.fragment === frag) {
    const plan = planOf(tab.scenario ?? null);
    if (plan) return plan;
  }
  if (frag.startsWith('s1/')) {
    const r = lzDecodeUriComponent(frag.slice(3), 1_000_000);
    return (r.ok && planOf(parse(r.text) as Peek)) || fallback;
  }
  if (frag === '') {
    const saved = parse(safeGet(local, WORK_KEY)) as { scenario?: Peek } | null;
    if (saved) return planOf(saved.scenario ?? null) ?? fallback;
    const d = defaultScenario();
    return [{ dialect: d.dialect, scripts: d[d.dialect] }];
  }
  return fallback;
}
