/**
 * The link codec, reading half: a link's fragment, or a scenario object from saved work or a file,
 * checked and turned into a Scenario (link.ts writes them). Never throws: it returns a scenario or
 * a message naming what is wrong, and its work is bounded (see `lzDecode.ts`). It carries the
 * schema (valibot), so the page loads it only when there is something to read (linkReader.ts).
 */
import * as v from 'valibot';
import type { Scenario } from './scenario';
import { normalizeScenario, scenarioInputSchema } from './schema';
import { describeIssues } from './issues';
import { lzDecodeUriComponent } from './lzDecode';
import { describeChar } from './untrusted';

/** Newest link format this build writes and reads. */
const LINK_FORMAT_VERSION = 1;

/** Largest decoded scenario JSON accepted, in characters (about 1 MB). */
export const MAX_DECODED_CHARS = 1_000_000;

/**
 * Largest payload looked at, in characters. Incompressible text (measured: random CJK) encodes to
 * about 3.1 characters per character, so a scenario just under the decoded limit still fits.
 */
const MAX_PAYLOAD_CHARS = 4 * MAX_DECODED_CHARS;

/** Result of decoding: a scenario, or a message for the person who opened the link. */
export type DecodeResult = { ok: true; scenario: Scenario } | { ok: false; message: string };

/** Validate an already-parsed object as a scenario; `what` names it in messages. */
export function scenarioFromObject(value: unknown, what = 'The scenario'): DecodeResult {
  const parsed = v.safeParse(scenarioInputSchema, value);
  if (!parsed.success) return { ok: false, message: `${what} is not valid: ${describeIssues(parsed.issues)}.` };
  return { ok: true, scenario: normalizeScenario(parsed.output) };
}

/** Parse scenario JSON text with size and syntax checks; `what` names the source in messages. */
export function scenarioFromJsonText(
  json: string,
  what: string,
): { ok: true; value: unknown } | { ok: false; message: string } {
  if (json.length > MAX_DECODED_CHARS) return { ok: false, message: tooLarge(what, json.length) };
  try {
    return { ok: true, value: JSON.parse(json) as unknown };
  } catch (e) {
    return { ok: false, message: `${what} does not contain valid JSON (${jsonProblem(e, json)}).` };
  }
}

/**
 * What is wrong with JSON text, in the app's own words: the engine's SyntaxError message quotes a
 * snippet of the text (someone else's, for a link) and prints control characters raw.
 */
function jsonProblem(e: unknown, json: string): string {
  const message = e instanceof Error ? e.message : '';
  if (/end of (JSON )?(input|data)/i.test(message) || /Unterminated string/i.test(message)) return 'it ends early';
  const at = /at position (\d+)/.exec(message);
  const position = at ? Number(at[1]) : badPosition(json);
  if (position === null || position >= json.length) return 'it ends early';
  const lines = json.slice(0, position).split('\n');
  return `${describeChar(String.fromCodePoint(json.codePointAt(position)!))} where it cannot be, at line ${lines.length}, column ${lines.at(-1)!.length + 1}`;
}

/** The first position JSON.parse would reject, for engines whose message gives none (bounded: one scan). */
function badPosition(json: string): number | null {
  // Control characters are never allowed raw inside JSON strings, and never outside white space.
  // eslint-disable-next-line no-control-regex -- the point is to find control characters
  const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.exec(json);
  if (control) return control.index;
  const first = /\S/.exec(json);
  return first ? first.index : null;
}

/** The message for content over the 1 MB limit; `chars` is the size found. */
function tooLarge(what: string, chars: number): string {
  return `${what} is too large: ${chars.toLocaleString('en')} characters, over the limit of 1 MB (${MAX_DECODED_CHARS.toLocaleString('en')} characters).`;
}

/** Decoders by link format version; each returns the latest scenario object shape. */
const LINK_DECODERS: Record<number, (payload: string) => DecodeResult> = {
  1: decodeV1Payload,
};

/**
 * Decode a fragment (with or without the leading '#', or a whole address; percent-escapes that
 * chat and mail apps add are undone). Never throws.
 */
export function decodeScenario(fragment: string): DecodeResult {
  try {
    return decodeFragment(fragment);
  } catch (e) {
    // Nothing above should throw; this is the last line so that a bad link can never blank the page.
    return { ok: false, message: `This link could not be read (${e instanceof Error ? e.message : String(e)}).` };
  }
}

function decodeFragment(fragment: string): DecodeResult {
  // A whole address pasted in works too: the payload alphabet has no '#', so the first one starts
  // the fragment. A fragment that already starts with the prefix keeps any later '#' as a damaged
  // character of its payload (reported as such).
  const hashAt = /^#?s\d{1,6}\//.test(fragment) ? (fragment.startsWith('#') ? 0 : -1) : fragment.indexOf('#');
  let body = hashAt >= 0 ? fragment.slice(hashAt + 1) : fragment;
  if (body.includes('%')) body = safeDecodeURIComponent(body);
  const m = /^s(\d{1,6})\//.exec(body);
  if (!m) {
    return {
      ok: false,
      message: 'This link does not contain a scenario (a scenario link has #s1/ after the address).',
    };
  }
  const version = Number(m[1]);
  const decoder = LINK_DECODERS[version];
  if (!decoder) {
    return version > LINK_FORMAT_VERSION
      ? {
          ok: false,
          message: `This link was made by a newer version of Upsert Playground (link format ${version}; this version reads up to ${LINK_FORMAT_VERSION}). Reload the page to get the latest version.`,
        }
      : { ok: false, message: `This link has an unknown format (s${m[1]}/).` };
  }
  return decoder(body.slice(m[0].length));
}

function decodeV1Payload(raw: string): DecodeResult {
  // Links often gain trailing spaces or a newline when pasted; they are never part of a payload.
  const payload = raw.trim();
  if (payload.length === 0) return { ok: false, message: 'This link is empty after #s1/: it was probably cut off.' };
  if (payload.length > MAX_PAYLOAD_CHARS) return { ok: false, message: tooLarge('This link', payload.length) };
  const lz = lzDecodeUriComponent(payload, MAX_DECODED_CHARS);
  if (!lz.ok) {
    switch (lz.reason) {
      case 'cut-off':
        return {
          ok: false,
          message: `This link is incomplete: its scenario data ends early (${payload.length.toLocaleString('en')} character${payload.length === 1 ? '' : 's'} arrived), so it was probably cut off. Copy the whole link again.`,
        };
      case 'bad-character':
        return {
          ok: false,
          message: `This link is damaged: it contains ${describeChar(lz.character)} at position ${lz.position + 1} of the scenario data, a character links never contain (it was probably edited by hand).`,
        };
      case 'too-large':
        return {
          ok: false,
          message: `This link is too large: it decodes to more than ${MAX_DECODED_CHARS.toLocaleString('en')} characters (1 MB), the limit.`,
        };
      case 'corrupt':
        return {
          ok: false,
          message:
            'This link is damaged: its scenario data is not valid compressed data (it was probably edited by hand or garbled).',
        };
    }
  }
  const json = scenarioFromJsonText(lz.text, 'This link');
  if (!json.ok) {
    return { ok: false, message: `${json.message.replace(/\.$/, '')}: it was probably garbled or edited by hand.` };
  }
  return scenarioFromObject(json.value, "This link's scenario");
}

function safeDecodeURIComponent(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
