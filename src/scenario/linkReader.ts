/**
 * The link codec's reading half (linkDecode.ts, with the scenario schema and valibot), loaded only
 * when the page has something to read: a link in the address, or work in storage. A first visit
 * with neither shows its first result without it; it is then loaded ahead on idle (ui/deferred.ts)
 * for a link pasted later. Whoever reads at start-up loads it first (main.ts, mount.tsx); later
 * readers use `whenRead`.
 */
import { lazyModule } from '../lib/lazyModule';
import { KEPT_KEY, STASH_KEY, TAB_KEY, WORK_KEY } from '../persistence/keys';
import { fragmentBody, isExampleFragment, practiceIdOf } from './fragment';

/** The reading half, loaded on first use. */
export const linkReader = lazyModule(() => import('./linkDecode'));

/** The reading half, which start-up loaded because there was something to read (see `needsReader`). */
export function reader(): typeof import('./linkDecode') {
  const m = linkReader.loaded();
  // Reading saved work as "nothing saved" would let the default scenario be autosaved over it.
  if (!m) throw new Error('The link reader is used before it was loaded.');
  return m;
}

/** Run `read` with the reading half, at once when it is there, else once it has loaded. */
export function whenRead(read: (r: typeof import('./linkDecode')) => void): void {
  const m = linkReader.loaded();
  if (m) read(m);
  else
    linkReader.load().then(read, (e: unknown) => {
      console.error('Loading the link reader failed', e);
    });
}

function has(store: Pick<Storage, 'getItem'> | null, key: string): boolean {
  try {
    return store?.getItem(key) != null;
  } catch {
    return false;
  }
}

/**
 * Whether start-up has anything to read: a scenario link in the address (not an example's or
 * Practice's address), this tab's work, autosaved work, or set-aside work.
 */
export function needsReader(
  hash: string,
  local: Pick<Storage, 'getItem'> | null,
  session: Pick<Storage, 'getItem'> | null,
): boolean {
  const frag = fragmentBody(hash);
  const link = frag.trim() !== '' && practiceIdOf(frag) === null && !isExampleFragment(frag);
  return link || has(session, TAB_KEY) || has(local, WORK_KEY) || has(local, KEPT_KEY) || has(local, STASH_KEY);
}
