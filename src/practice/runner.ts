/** The page's runner for Practice: the app's engine clients, with one reference cache for the page. */
import type { EngineClient } from '../engine/client';
import { ReferenceCache, type Runner } from './check';

/** Per run: twice the playground's default, as a check makes several runs in a row. */
const LIMIT_MS = 10_000;

/** Reference runs, kept while the page is open. */
export const referenceCache = new ReferenceCache();

/** Runs scripts on one of the page's engines. */
export function pageRunner(engine: EngineClient): Runner {
  return (input) => engine.run(input, LIMIT_MS);
}
