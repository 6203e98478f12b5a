// Example-based tests of the link codec: each kind of bad link gets its own precise message.
import { describe, expect, it } from 'vitest';
import { compressToEncodedURIComponent } from 'lz-string';
import { encodeScenario } from '../../src/scenario/link';
import { decodeScenario, MAX_DECODED_CHARS, scenarioFromObject } from '../../src/scenario/linkDecode';
import { lzDecodeUriComponent } from '../../src/scenario/lzDecode';
import { defaultScenario, type Scenario } from '../../src/scenario/scenario';

const link = (json: unknown) =>
  's1/' + compressToEncodedURIComponent(typeof json === 'string' ? json : JSON.stringify(json));
let bomb: string | undefined;
/** A link under 3,000 characters that decodes to 1,200,000 (compressed once: that takes a while). */
const bombLink = (): string => (bomb ??= link('a'.repeat(1_200_000)));
const message = (frag: string) => {
  const r = decodeScenario(frag);
  if (r.ok) throw new Error('expected a failure');
  return r.message;
};

describe('decodeScenario', () => {
  it('opens the default scenario from its link, with and without #', () => {
    const s = defaultScenario();
    expect(decodeScenario(encodeScenario(s))).toEqual({ ok: true, scenario: s });
    expect(decodeScenario('#' + encodeScenario(s))).toEqual({ ok: true, scenario: s });
  });

  it('keeps reading a v1 link written by hand from the documented JSON', () => {
    // The format documented in notes/share-format.md: missing part copied from the other.
    const r = decodeScenario(
      link({ dialect: 'postgres', postgres: { setup: 'CREATE TABLE t(a int);', statement: 'SELECT 1;' }, title: 'T' }),
    );
    expect(r).toEqual({
      ok: true,
      scenario: {
        dialect: 'postgres',
        sqlite: { setup: 'CREATE TABLE t(a int);', statement: 'SELECT 1;' },
        postgres: { setup: 'CREATE TABLE t(a int);', statement: 'SELECT 1;' },
        title: 'T',
        // The missing part is still to be translated when SQLite is shown (see provenance.ts).
        origin: { postgres: 'edited', sqlite: { from: 'postgres', version: '' } },
      },
    });
  });

  it('accepts links whose characters a chat app percent-encoded, or with trailing whitespace', () => {
    const frag = encodeScenario({ ...defaultScenario(), title: 'ünïcode 😀' });
    const mangled = frag.replace(/\$/g, '%24').replace(/\+/g, '%2B') + '\n ';
    expect(decodeScenario(mangled)).toEqual(decodeScenario(frag));
    expect(decodeScenario(frag.replace(/\+/g, ' ') + ' ').ok).toBe(true);
  });

  it('ignores what a chat app glues to the end of a link', () => {
    const frag = encodeScenario(defaultScenario());
    for (const tail of [')', '.', '>', '),', '"'])
      expect(decodeScenario(frag + tail)).toEqual({ ok: true, scenario: defaultScenario() });
  });

  it('accepts a whole address pasted in', () => {
    const s = defaultScenario();
    expect(decodeScenario('https://example.org/upsert/?x=1#' + encodeScenario(s))).toEqual({ ok: true, scenario: s });
    expect(message('https://example.org/upsert/')).toMatch(/does not contain a scenario/);
  });

  it('says when the fragment is not a scenario link', () => {
    expect(message('')).toMatch(/does not contain a scenario/);
    expect(message('#intro')).toMatch(/does not contain a scenario/);
    expect(message('#s1')).toMatch(/does not contain a scenario/);
  });

  it('says when a link comes from a newer version', () => {
    expect(message('#s2/N4Ig')).toMatch(
      /newer version of Upsert Playground \(link format 2; this version reads up to 1\)/,
    );
    expect(message('#s0/N4Ig')).toMatch(/unknown format \(s0\/\)/);
  });

  it('says when the link is empty or cut off', () => {
    expect(message('#s1/')).toMatch(/empty after #s1\/: it was probably cut off/);
    const frag = encodeScenario(defaultScenario());
    expect(message(frag.slice(0, frag.length - 20))).toMatch(
      /incomplete: its scenario data ends early \([\d,]+ characters arrived\), so it was probably cut off/,
    );
  });

  it('names a character that cannot be part of a link, with its position', () => {
    const frag = encodeScenario(defaultScenario());
    // Position counts from the first character after #s1/.
    const broken = frag.slice(0, 10) + '!' + frag.slice(11);
    // The character is quoted as data, in a bidi isolate.
    expect(message(broken)).toMatch(/damaged: it contains “\u2068!\u2069” at position 8 of the scenario data/);
  });

  it('says when the data is not valid compressed data', () => {
    // Lz-string itself throws a TypeError on this one.
    expect(message('#s1/zzzzzzzzzzzz')).toMatch(/damaged: its scenario data is not valid compressed data/);
  });

  it('says when the content is not JSON, or is JSON of the wrong shape', () => {
    expect(message(link('{"dialect": "sqlite", '))).toMatch(/does not contain valid JSON/);
    expect(message(link('hello'))).toMatch(/does not contain valid JSON/);
    expect(message(link([1, 2]))).toMatch(/is not valid: it should be an object, not a list/);
    expect(message(link({ dialect: 'mysql', sqlite: { setup: '', statement: '' } }))).toBe(
      'This link\'s scenario is not valid: "dialect" should be one of "sqlite", "postgres", not “\u2068mysql\u2069”.',
    );
    expect(message(link({ dialect: 'sqlite', sqlite: { setup: 42, statement: 'x' } }))).toMatch(
      /"sqlite\.setup" should be text, not a number/,
    );
    expect(message(link({ dialect: 'sqlite', sqlite: { setup: 'x' } }))).toMatch(/"sqlite\.statement" is missing/);
    expect(message(link({ dialect: 'sqlite' }))).toMatch(/needs a "sqlite" or a "postgres" part/);
    expect(message(link({ dialect: 'sqlite', sqlite: { setup: '', statement: '' }, compare: 'yes' }))).toMatch(
      /"compare" should be true or false, not text/,
    );
    expect(message(link({ dialect: 'sqlite', sqlite: { setup: '', statement: '' }, title: 'x'.repeat(201) }))).toMatch(
      /"title" is too long \(at most 200 characters\)/,
    );
    // A list where an object belongs, at any depth.
    expect(message(link({ dialect: 'sqlite', sqlite: ['x', 'y'] }))).toBe(
      'This link\'s scenario is not valid: "sqlite" should be an object, not a list.',
    );
    const race = { sessions: [['SELECT 1'], ['SELECT 2']], timeline: [{ session: 1, step: 3 }] };
    expect(message(link({ dialect: 'sqlite', sqlite: { setup: '', statement: '' }, race: { sqlite: race } }))).toBe(
      'This link\'s scenario is not valid: "race" every timeline entry must name an existing session step.',
    );
  });

  it('refuses a link that decodes to more than 1 MB (decompression bomb)', () => {
    const bomb = bombLink();
    expect(bomb.length).toBeLessThan(3000);
    expect(message(bomb)).toMatch(/too large: it decodes to more than 1,000,000 characters/);
    const r = lzDecodeUriComponent(bomb.slice(3), MAX_DECODED_CHARS);
    expect(r).toEqual({ ok: false, reason: 'too-large' });
  });

  it('stops decoding a bomb at the limit instead of decoding it whole first', () => {
    // Cut the tail off the bomb: a decoder that read the whole input would find it cut off; one
    // that stops at a limit a quarter of the bomb's size never reaches the cut.
    const encoded = bombLink().slice(3);
    const cut = encoded.slice(0, Math.floor(encoded.length * 0.75));
    expect(lzDecodeUriComponent(cut, Number.POSITIVE_INFINITY)).toEqual({ ok: false, reason: 'cut-off' });
    expect(lzDecodeUriComponent(cut, 300_000)).toEqual({ ok: false, reason: 'too-large' });
  });

  it('accepts a scenario just under the limit and refuses one just over', () => {
    const base = { dialect: 'sqlite', sqlite: { setup: '', statement: '' } };
    const overhead = JSON.stringify(base).length;
    const under: Scenario = {
      dialect: 'sqlite',
      sqlite: { setup: 'x'.repeat(MAX_DECODED_CHARS - overhead - 200), statement: '' },
      postgres: { setup: '', statement: '' },
    };
    expect(decodeScenario(encodeScenario(under)).ok).toBe(true);
    expect(message(link({ ...base, sqlite: { setup: 'x'.repeat(MAX_DECODED_CHARS), statement: '' } }))).toMatch(
      /too large/,
    );
  });

  it('refuses an absurdly long payload without decoding it', () => {
    expect(message('#s1/' + 'A'.repeat(4_000_001))).toMatch(/This link is too large: 4,000,001 characters/);
  });
});

describe('scenarioFromObject', () => {
  it('normalises empty optional fields away', () => {
    const r = scenarioFromObject({
      dialect: 'sqlite',
      sqlite: { setup: 'a', statement: 'b' },
      title: '',
      notes: '',
      compare: false,
      extra: 1,
    });
    expect(r).toEqual({
      ok: true,
      scenario: {
        dialect: 'sqlite',
        sqlite: { setup: 'a', statement: 'b' },
        postgres: { setup: 'a', statement: 'b' },
        origin: { sqlite: 'edited', postgres: { from: 'sqlite', version: '' } },
      },
    });
  });

  it('lists several problems at once', () => {
    const r = scenarioFromObject({ dialect: 1, sqlite: { setup: 1, statement: null }, notes: [] });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.message).toMatch(
        /^The scenario is not valid: "dialect" should be one of .*; "sqlite\.setup" should be text, not a number; "sqlite\.statement" should be text, not null; and 1 more problem\.$/,
      );
  });
});
