/** The installed PGlite's version, read from its package.json (the build passes it to the page). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function installedPgliteVersion(): string {
  const file = fileURLToPath(new URL('../node_modules/@electric-sql/pglite/package.json', import.meta.url));
  const version = (JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown }).version;
  if (typeof version !== 'string' || !version) throw new Error('PGlite version: no version in ' + file);
  return version;
}
