/**
 * The address fragment's forms, read and written in one place: `s1/<payload>` (a scenario, see
 * link.ts), `example/<id>` (a gallery example) and `practice[/<id>]` (Practice). Pure: no access to
 * `window` (history.ts does that), so the page's early entry can use it too.
 */

/** Prefix of a gallery example's fragment. */
const EXAMPLE_PREFIX = 'example/';
/** Prefix of a Practice exercise's fragment (the path itself is `practice`). */
const PRACTICE = 'practice';

/** A fragment without its leading '#'. */
export function fragmentBody(hash: string): string {
  return hash.startsWith('#') ? hash.slice(1) : hash;
}

/** The fragment that opens a gallery example. */
export function exampleFragment(id: string): string {
  return `${EXAMPLE_PREFIX}${encodeURIComponent(id)}`;
}

/** True for an `example/…` fragment, even one that names no example (a damaged link). */
export function isExampleFragment(fragment: string): boolean {
  return fragmentBody(fragment).startsWith(EXAMPLE_PREFIX);
}

/** The example id of an `example/<id>` fragment, or null (another form, or no readable id). */
export function exampleIdOf(fragment: string): string | null {
  const f = fragmentBody(fragment);
  if (!f.startsWith(EXAMPLE_PREFIX)) return null;
  try {
    return decodeURIComponent(f.slice(EXAMPLE_PREFIX.length)) || null;
  } catch {
    return null;
  }
}

/** The fragment that opens Practice (`practice`) or one of its exercises (`practice/<id>`). */
export function practiceFragment(id?: string | null): string {
  return id ? `${PRACTICE}/${encodeURIComponent(id)}` : PRACTICE;
}

/**
 * For a Practice fragment: the exercise id, or '' for the path itself; null for any other fragment.
 * The playground's scenario is not in such an address, so persistence leaves it alone.
 */
export function practiceIdOf(fragment: string): string | null {
  const f = fragmentBody(fragment);
  if (f === PRACTICE) return '';
  if (!f.startsWith(`${PRACTICE}/`)) return null;
  try {
    return decodeURIComponent(f.slice(PRACTICE.length + 1));
  } catch {
    return '';
  }
}
