/**
 * A bounded, non-throwing port of lz-string's `decompressFromEncodedURIComponent`.
 *
 * Why not call lz-string directly on links: measured with lz-string 1.5.0,
 * - garbage input can throw (`TypeError: Cannot read properties of undefined (reading 'charAt')`
 *   for e.g. "zzzzzzzzzzzz");
 * - characters outside its alphabet are silently read as zero bits, so a damaged link decodes to
 *   "" or to garbage instead of saying which character is wrong;
 * - LZW output grows quadratically with the number of codes: a 5 KB payload inflates to 4 MB of
 *   text and a 2 MB one (a long URL) to hundreds of GB — a decompression bomb that would freeze or
 *   crash the tab before any size check after the call could run.
 * This decoder reads the same bit stream and produces the same string for every valid payload
 * (a property test compares it with lz-string), but stops as soon as the output would exceed
 * `maxChars`, and reports why it failed. Work and memory are O(input + maxChars): every dictionary
 * entry is a previous output piece plus one character.
 */

/** The URI-safe alphabet of `compressToEncodedURIComponent` (6 bits per character). */
export const LZ_URI_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';

const REVERSE = new Map<string, number>([...LZ_URI_ALPHABET].map((ch, i) => [ch, i]));

/** Outcome of a bounded decompression. */
export type LzDecodeResult =
  | { ok: true; text: string }
  | { ok: false; reason: 'cut-off' | 'corrupt' | 'too-large' }
  | { ok: false; reason: 'bad-character'; character: string; position: number };

/** Sentinel for a character that is not in the alphabet (its bits are only an error if read). */
const INVALID = -1;
/** Sentinel for a position past the end of the input. */
const PAST_END = -2;

class Stop extends Error {
  constructor(readonly result: Extract<LzDecodeResult, { ok: false }>) {
    super(result.reason);
  }
}

/**
 * Decompress an lz-string URI-component payload, never producing more than `maxChars` characters.
 * Spaces are read as '+' (as lz-string does: a '+' in a query string may arrive as a space).
 */
export function lzDecodeUriComponent(input: string, maxChars: number): LzDecodeResult {
  if (input.length === 0) return { ok: false, reason: 'cut-off' };
  const valueAt = (index: number): number => {
    if (index >= input.length) return PAST_END;
    const ch = input[index]!;
    return REVERSE.get(ch === ' ' ? '+' : ch) ?? INVALID;
  };

  let val = valueAt(0);
  let position = 32; // bit mask within the current 6-bit character, high bit first
  let index = 1;
  /** Read `numBits` bits, least significant first, exactly as lz-string does. */
  const readBits = (numBits: number): number => {
    let bits = 0;
    for (let power = 0; power < numBits; power++) {
      if (val < 0) {
        if (val === PAST_END) throw new Stop({ ok: false, reason: 'cut-off' });
        const at = index - 1;
        throw new Stop({
          ok: false,
          reason: 'bad-character',
          character: String.fromCodePoint(input.codePointAt(at) ?? 0),
          position: at,
        });
      }
      if (val & position) bits |= 1 << power;
      position >>= 1;
      if (position === 0) {
        position = 32;
        val = valueAt(index++);
      }
    }
    return bits;
  };

  try {
    const dictionary: string[] = [];
    let dictSize = 4;
    let numBits = 3;
    let enlargeIn = 4;
    let total = 0;
    const result: string[] = [];

    const first = readBits(2);
    if (first === 2) return { ok: true, text: '' };
    if (first === 3) return { ok: false, reason: 'corrupt' };
    let w = String.fromCharCode(readBits(first === 0 ? 8 : 16));
    dictionary[3] = w;
    result.push(w);
    total = 1;

    for (;;) {
      // lz-string gives up ("") when it has consumed more characters than the input holds.
      if (index > input.length) return { ok: false, reason: 'cut-off' };
      let c = readBits(numBits);
      if (c === 2) return { ok: true, text: result.join('') };
      if (c === 0 || c === 1) {
        dictionary[dictSize++] = String.fromCharCode(readBits(c === 0 ? 8 : 16));
        c = dictSize - 1;
        enlargeIn--;
      }
      if (enlargeIn === 0) {
        enlargeIn = 2 ** numBits;
        numBits++;
      }
      let entry: string;
      const known = dictionary[c];
      if (known !== undefined && known !== '') entry = known;
      else if (c === dictSize) entry = w + w.charAt(0);
      else return { ok: false, reason: 'corrupt' };

      total += entry.length;
      if (total > maxChars) return { ok: false, reason: 'too-large' };
      result.push(entry);
      dictionary[dictSize++] = w + entry.charAt(0);
      enlargeIn--;
      w = entry;
      if (enlargeIn === 0) {
        enlargeIn = 2 ** numBits;
        numBits++;
      }
      // A code can never exceed 2^31 without the output exceeding any sane limit first.
      if (numBits > 30) return { ok: false, reason: 'corrupt' };
    }
  } catch (e) {
    if (e instanceof Stop) return e.result;
    throw e;
  }
}
