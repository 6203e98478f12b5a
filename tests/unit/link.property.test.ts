// Property tests of the link codec: round trip on arbitrary text, agreement with lz-string, and
// "never throws" on garbage, truncated and mutated links.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as v from 'valibot';
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { encodeScenario, LINK_V1_PREFIX } from '../../src/scenario/link';
import { decodeScenario } from '../../src/scenario/linkDecode';
import { LZ_URI_ALPHABET, lzDecodeUriComponent } from '../../src/scenario/lzDecode';
import type { Scenario } from '../../src/scenario/scenario';
import { scenarioInputSchema } from '../../src/scenario/schema';

/** Any UTF-16 code unit, so lone surrogates and control characters appear too. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n));
/** A mix of realistic and hostile text: full unicode incl. emoji, raw code units, control chars. */
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: codeUnit, maxLength: 200 }),
  fc.string({
    unit: fc.constantFrom(
      '\u0000',
      '\n',
      '\r',
      '\t',
      '\u001b',
      '\u007f',
      '\u2028',
      '😀',
      '👩‍👩‍👧',
      'é',
      '"',
      '\\',
      "'",
      ';',
    ),
    maxLength: 100,
  }),
);
const scripts = fc.record({ setup: text, statement: text });
const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record(
    {
      dialect: fc.constantFrom('sqlite' as const, 'postgres' as const),
      sqlite: scripts,
      postgres: scripts,
      title: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).filter((t) => t.length <= 200),
      notes: fc.string({ unit: codeUnit, minLength: 1, maxLength: 300 }),
      compare: fc.constant(true as const),
    },
    { requiredKeys: ['dialect', 'sqlite', 'postgres'] },
  )
  .map((s) => s as Scenario);

/** A decode result is either a message or a scenario that passes the schema. */
function expectWellFormed(fragment: string): void {
  const r = decodeScenario(fragment);
  if (r.ok) expect(v.safeParse(scenarioInputSchema, r.scenario).success).toBe(true);
  else expect(r.message.length).toBeGreaterThan(10);
}

describe('link codec properties', () => {
  it('decode(encode(x)) deep-equals x for arbitrary scenarios', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const frag = encodeScenario(s);
        expect(frag.startsWith(LINK_V1_PREFIX)).toBe(true);
        // The payload needs no escaping in a URL fragment.
        expect(/^s1\/[A-Za-z0-9+\-$]*$/.test(frag)).toBe(true);
        expect(decodeScenario(frag)).toEqual({ ok: true, scenario: s });
        expect(decodeScenario('#' + frag)).toEqual({ ok: true, scenario: s });
      }),
      { numRuns: 300 },
    );
  });

  it('punctuation glued to the end of a link does not change what it opens', () => {
    fc.assert(
      fc.property(scenarioArb, fc.constantFrom(')', '.', ',', '>', '"', "'", ']', ' '), (s, tail) => {
        expect(decodeScenario(encodeScenario(s) + tail)).toEqual({ ok: true, scenario: s });
      }),
      { numRuns: 200 },
    );
  });

  it('round-trips very long scripts (120 KB of mixed text)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: codeUnit, minLength: 1000, maxLength: 2000 }),
        fc.integer({ min: 101, max: 130 }),
        (chunk, times) => {
          const big = chunk.repeat(times).slice(0, 120_000) + '\u{1F600}';
          expect(big.length).toBeGreaterThan(100_000);
          const s: Scenario = {
            dialect: 'postgres',
            sqlite: { setup: big, statement: 'x' },
            postgres: { setup: 'y', statement: big },
          };
          expect(decodeScenario(encodeScenario(s))).toEqual({ ok: true, scenario: s });
        },
      ),
      { numRuns: 4 },
    );
  });

  it('the bounded decoder agrees with lz-string on every valid payload', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: codeUnit, maxLength: 500 }), fc.string({ unit: 'grapheme', maxLength: 500 })),
        (s) => {
          const payload = compressToEncodedURIComponent(s);
          expect(lzDecodeUriComponent(payload, 1e6)).toEqual({ ok: true, text: s });
          expect(decompressFromEncodedURIComponent(payload)).toBe(s);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('when the bounded decoder accepts arbitrary alphabet strings, lz-string gives the same text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...LZ_URI_ALPHABET), minLength: 1, maxLength: 60 }), (payload) => {
        const mine = lzDecodeUriComponent(payload, 1e6);
        if (mine.ok) expect(decompressFromEncodedURIComponent(payload)).toBe(mine.text);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(
        fc.oneof(text, fc.string({ unit: fc.constantFrom(...LZ_URI_ALPHABET, '%', ' ', '#', '/') })),
        (junk) => {
          expectWellFormed(junk);
          expectWellFormed('#s1/' + junk);
          expectWellFormed('s1/' + junk);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('never throws on truncated or mutated valid links', () => {
    const mutation = fc.record({
      at: fc.nat(),
      kind: fc.constantFrom('truncate', 'replace', 'delete', 'insert', 'swap'),
      ch: fc.oneof(fc.constantFrom(...LZ_URI_ALPHABET), codeUnit),
    });
    fc.assert(
      fc.property(scenarioArb, fc.array(mutation, { minLength: 1, maxLength: 4 }), (s, muts) => {
        let frag = encodeScenario(s);
        for (const m of muts) {
          const i = LINK_V1_PREFIX.length + (m.at % Math.max(1, frag.length - LINK_V1_PREFIX.length));
          if (m.kind === 'truncate') frag = frag.slice(0, i);
          else if (m.kind === 'replace') frag = frag.slice(0, i) + m.ch + frag.slice(i + 1);
          else if (m.kind === 'delete') frag = frag.slice(0, i) + frag.slice(i + 1);
          else if (m.kind === 'insert') frag = frag.slice(0, i) + m.ch + frag.slice(i);
          else frag = frag.slice(0, i) + (frag[i + 1] ?? '') + (frag[i] ?? '') + frag.slice(i + 2);
        }
        expectWellFormed(frag);
      }),
      { numRuns: 1000 },
    );
  });

  it('every strict prefix of a valid link is reported, not decoded to something else', () => {
    const s: Scenario = {
      dialect: 'sqlite',
      sqlite: { setup: 'CREATE TABLE t(a);', statement: 'INSERT INTO t VALUES (1) ON CONFLICT DO NOTHING;' },
      postgres: { setup: 'CREATE TABLE t(a int);', statement: 'SELECT 1;' },
      title: 'Prefixes',
    };
    const frag = encodeScenario(s);
    for (let n = LINK_V1_PREFIX.length; n < frag.length; n++) {
      const r = decodeScenario(frag.slice(0, n));
      // A prefix may only decode when the part cut away was padding after the end marker.
      if (r.ok) expect(r.scenario).toEqual(s);
      else expect(r.message).toMatch(/cut off|empty|damaged|not valid|JSON/);
    }
  });
});
