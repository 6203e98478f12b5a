/**
 * The link codec, writing half: a scenario in the URL fragment (linkDecode.ts reads it back).
 *
 * Format v1: `#s1/` + lz-string `compressToEncodedURIComponent(JSON.stringify(scenarioToJson(s)))`.
 * The JSON is the scenario object documented in `file.ts` (the same object an export carries).
 * A later format gets a new prefix (`s2/`, …); its decoder must keep reading `s1/` links and
 * migrate them (see `LINK_DECODERS` in linkDecode.ts).
 */
import LZString from 'lz-string';
// lz-string is CommonJS: its default import works in Vite, Vitest and plain Node ESM alike.
import type { Scenario } from './scenario';

/** Prefix of a v1 scenario fragment (without the leading '#'). */
export const LINK_V1_PREFIX = 's1/';

/** The JSON object a link and an export carry (optional fields only when set). */
export function scenarioToJson(s: Scenario): Record<string, unknown> {
  const o: Record<string, unknown> = {
    dialect: s.dialect,
    sqlite: { setup: s.sqlite.setup, statement: s.sqlite.statement },
    postgres: { setup: s.postgres.setup, statement: s.postgres.statement },
  };
  if (s.title) o.title = s.title;
  if (s.notes) o.notes = s.notes;
  if (s.compare) o.compare = true;
  if (s.origin) o.origin = { sqlite: s.origin.sqlite, postgres: s.origin.postgres };
  if (s.params && Object.keys(s.params).length) o.params = s.params;
  if (s.race) o.race = s.race;
  return o;
}

/** Encode a scenario as a fragment body, e.g. `s1/N4Ig…` (prepend '#' for a URL). */
export function encodeScenario(s: Scenario): string {
  return encodeScenarioJson(JSON.stringify(scenarioToJson(s)));
}

/** The fragment body of a scenario already as its JSON text (`scenarioToJson`, stringified). */
export function encodeScenarioJson(json: string): string {
  return LINK_V1_PREFIX + LZString.compressToEncodedURIComponent(json);
}
