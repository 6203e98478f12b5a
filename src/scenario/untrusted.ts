/**
 * Text that came from a link or a file, quoted inside the app's own sentences. It is shortened,
 * its invisible and control characters are shown as code points, and it is wrapped in a
 * first-strong bidi isolate (U+2068 … U+2069), so a right-to-left override in it cannot reverse
 * the sentence around it. Where the message is rendered, CSS cannot reach inside one string: the
 * isolate characters do that job in plain text too.
 */

const FSI = '\u2068';
const PDI = '\u2069';

/** Characters shown as `U+XXXX`: C0/C1 controls, bidi controls, zero-width and other invisibles. */
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g;

function codePoint(c: string): string {
  return `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Untrusted text as quoted data: at most `max` characters, invisibles named, bidi-isolated. */
export function quoteUntrusted(text: string, max = 40): string {
  const chars = [...text];
  const cut = chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
  return `“${FSI}${cut.replace(INVISIBLE, (c) => `<${codePoint(c)}>`)}${PDI}”`;
}

/** One character for a message: a quoted printable character, or its code point (e.g. "a NUL character (U+0000)"). */
export function describeChar(c: string): string {
  if (c === '\u0000') return 'a NUL character (U+0000)';
  INVISIBLE.lastIndex = 0;
  return INVISIBLE.test(c) || /\s/.test(c) ? `the invisible character ${codePoint(c)}` : quoteUntrusted(c);
}

/** A file name for a message: in plain quotes when it is plain text, else as `quoteUntrusted`. */
export function quoteFileName(name: string): string {
  INVISIBLE.lastIndex = 0;
  return INVISIBLE.test(name) || name.length > 80 ? quoteUntrusted(name, 80) : `"${name}"`;
}
