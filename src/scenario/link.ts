/**
 * The link codec: a scenario in the URL fragment.
 * Format v1: `#s1/` + lz-string `compressToEncodedURIComponent(JSON.stringify(scenario))`.
 * Decoding never throws: it returns a value or a message saying what is wrong.
 */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { normalizeScenario, scenarioInputSchema, type Scenario } from './scenario';

/** Prefix of a v1 scenario fragment (without the leading '#'). */
export const LINK_V1_PREFIX = 's1/';

/** Largest decoded scenario JSON accepted, in characters. */
export const MAX_DECODED_CHARS = 1_000_000;

/** Result of decoding: a scenario, or a message for the person who opened the link. */
export type DecodeResult = { ok: true; scenario: Scenario } | { ok: false; message: string };

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
  return o;
}

/** Encode a scenario as a fragment body, e.g. `s1/N4Ig…` (prepend '#' for a URL). */
export function encodeScenario(s: Scenario): string {
  return LINK_V1_PREFIX + compressToEncodedURIComponent(JSON.stringify(scenarioToJson(s)));
}

/** Validate an already-parsed object as a scenario. */
export function scenarioFromObject(value: unknown): DecodeResult {
  const parsed = scenarioInputSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length ? `"${issue.path.join('.')}": ` : '';
    return { ok: false, message: `The scenario is not valid: ${where}${issue?.message ?? 'unknown problem'}.` };
  }
  return { ok: true, scenario: normalizeScenario(parsed.data) };
}

/** Decode a fragment body (with or without the leading '#'). */
export function decodeScenario(fragment: string): DecodeResult {
  const body = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  if (!body.startsWith(LINK_V1_PREFIX)) {
    return { ok: false, message: 'This link is not a scenario link (it should start with #s1/).' };
  }
  const payload = body.slice(LINK_V1_PREFIX.length);
  if (payload.length === 0) return { ok: false, message: 'This link is empty after #s1/: it was probably cut off.' };
  // An lz-string payload of n characters can decompress to far more; refuse absurd inputs early.
  if (payload.length > MAX_DECODED_CHARS) {
    return { ok: false, message: `This link is too large (${payload.length.toLocaleString('en')} characters; the limit is 1 MB).` };
  }
  let json: string | null;
  try {
    json = decompressFromEncodedURIComponent(payload);
  } catch {
    json = null;
  }
  if (!json) return { ok: false, message: 'This link could not be decoded: it was probably cut off or changed by hand.' };
  if (json.length > MAX_DECODED_CHARS) {
    return { ok: false, message: `This link decodes to ${json.length.toLocaleString('en')} characters; the limit is 1 MB.` };
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { ok: false, message: 'This link could not be decoded: its content is not valid JSON (it was probably cut off).' };
  }
  return scenarioFromObject(value);
}
