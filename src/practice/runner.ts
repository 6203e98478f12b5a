/** The page's runner for Practice: the app's engine clients, with one reference cache for the page. */
import { engines } from '../engine/engines';
import type { Dialect } from '../engine/types';
import { ReferenceCache, type Runner } from './check';

/** Per run: twice the playground's default, as a check makes several runs in a row. */
const LIMIT_MS = 10_000;

/** Reference runs, kept while the page is open. */
export const referenceCache = new ReferenceCache();

/** Runs scripts on the page's engine for `dialect`. */
export function pageRunner(dialect: Dialect): Runner {
  return (input) => engines[dialect].run(input, LIMIT_MS);
}
