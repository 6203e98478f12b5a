/**
 * Which engines to start before the app itself has loaded: a cheap peek at what the page will
 * open (the link's dialect, else this tab's or the autosaved work's), without validating it. A
 * wrong guess only costs an idle worker; the app decides for real.
 */
import type { Dialect } from '../engine/types';
import { TAB_KEY, WORK_KEY } from '../share/keys';
import { lzDecodeUriComponent } from '../scenario/lzDecode';

type Peek = { dialect?: unknown; compare?: unknown } | null;

function dialectsOf(s: Peek): Dialect[] | null {
  if (!s || (s.dialect !== 'sqlite' && s.dialect !== 'postgres')) return null;
  return s.compare === true ? ['sqlite', 'postgres'] : [s.dialect];
}

function parse(text: string | null | undefined): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The dialects the page is about to run, from the fragment and storage. */
export function bootDialects(hash: string, local: Pick<Storage, 'getItem'> | null, session: Pick<Storage, 'getItem'> | null): Dialect[] {
  const frag = hash.startsWith('#') ? hash.slice(1) : hash;
  const tab = parse(session?.getItem(TAB_KEY)) as { fragment?: unknown; scenario?: Peek } | null;
  if (tab && tab.fragment === frag) {
    const d = dialectsOf(tab.scenario ?? null);
    if (d) return d;
  }
  if (frag.startsWith('s1/')) {
    const r = lzDecodeUriComponent(frag.slice(3), 1_000_000);
    return (r.ok && dialectsOf(parse(r.text) as Peek)) || ['sqlite'];
  }
  if (frag === '') {
    const saved = parse(local?.getItem(WORK_KEY)) as { scenario?: Peek } | null;
    return dialectsOf(saved?.scenario ?? null) ?? ['sqlite'];
  }
  return ['sqlite'];
}
