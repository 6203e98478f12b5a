/**
 * Small layout preferences kept in localStorage (the editors/results split, the first-visit line).
 * Storage may be missing or full: reads fall back to null and writes fail silently, since losing
 * such a preference costs nothing.
 */
const PREFIX = 'upsert-playground:v1:ui:';

/** The stored text for `key`, or null. */
export function readPref(key: string): string | null {
  try {
    return localStorage.getItem(PREFIX + key);
  } catch {
    return null;
  }
}

/** Store `value` for `key` (best effort). */
export function writePref(key: string, value: string): void {
  try {
    localStorage.setItem(PREFIX + key, value);
  } catch {
    // A full or missing storage only means the preference is not remembered.
  }
}
