// Fuzz: random and mutated #s1/ fragments, #example/ fragments and import files, opened over the
// user's edited work. Nothing throws, every refusal says something, and the edited work is still
// there: either it stays open, or it is set aside to be brought back.
import fc from 'fast-check';
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { parseImport } from '../../src/scenario/file';
import { encodeScenario } from '../../src/scenario/link';
import { decodeScenario } from '../../src/scenario/linkDecode';
import { defaultScenario, sameScenario, type Scenario } from '../../src/scenario/scenario';
import { decideOnLoad } from '../../src/persistence/storage';

const mine: Scenario = {
  ...defaultScenario(),
  title: 'My edited work',
  sqlite: { setup: 'CREATE TABLE mine(a);', statement: 'SELECT 1;' },
};
const valid = encodeScenario({ ...defaultScenario(), dialect: 'postgres', title: 'Theirs', notes: 'n', compare: true });
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';

/** Edits of a valid payload: cut, flip a character, insert, duplicate a run. */
const mutated = fc
  .array(
    fc.oneof(
      fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
      fc.record({
        kind: fc.constant('set' as const),
        at: fc.nat(),
        ch: fc.oneof(fc.constantFrom(...ALPHABET), fc.string({ minLength: 1, maxLength: 1 })),
      }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ maxLength: 4 }) }),
      fc.record({
        kind: fc.constant('repeat' as const),
        at: fc.nat(),
        len: fc.integer({ min: 1, max: 30 }),
        times: fc.integer({ min: 1, max: 20 }),
      }),
    ),
    { minLength: 1, maxLength: 4 },
  )
  .map((edits) => {
    let p = valid.slice(3);
    for (const e of edits) {
      const at = p.length ? e.at % p.length : 0;
      if (e.kind === 'cut') p = p.slice(0, at);
      else if (e.kind === 'set') p = p.slice(0, at) + e.ch + p.slice(at + 1);
      else if (e.kind === 'insert') p = p.slice(0, at) + e.text + p.slice(at);
      else p = p.slice(0, at) + p.slice(at, at + e.len).repeat(e.times) + p.slice(at);
    }
    return `s1/${p}`;
  });

/** JSON that is almost a scenario: right shapes with wrong values, extra keys, odd text. */
const jsonish = fc
  .record(
    {
      dialect: fc.oneof(fc.constantFrom('sqlite', 'postgres'), fc.string(), fc.integer()),
      sqlite: fc.oneof(fc.record({ setup: fc.string(), statement: fc.string() }), fc.anything()),
      postgres: fc.oneof(fc.record({ setup: fc.string(), statement: fc.string() }), fc.anything()),
      title: fc.oneof(fc.string({ maxLength: 250 }), fc.anything()),
      notes: fc.anything(),
      compare: fc.anything(),
    },
    { requiredKeys: [] },
  )
  .map((o) => JSON.stringify(o) ?? 'null');

const fragment = fc.oneof(
  mutated,
  jsonish.map((j) => `s1/${LZString.compressToEncodedURIComponent(j)}`),
  fc.string().map((s) => `s1/${s}`),
  fc.string({ unit: fc.constantFrom(...ALPHABET, '%', '#', ' ', '/') }).map((s) => `s1/${s}`),
  fc.string().map((s) => `example/${s}`),
  fc.string(),
  fc.constantFrom('s1/', 'example/', 'example/%', 's2/abc', 's0/x', 's99999999/x', '%E0%A4%A', '#s1/#'),
);

describe('fuzz: links opened over edited work', () => {
  it('never throw, always say what is wrong, and never lose the edited work', () => {
    fc.assert(
      fc.property(fragment, (frag) => {
        const d = decideOnLoad({
          hash: `#${frag}`,
          saved: { scenario: mine, origin: 'edited', savedAt: 1 },
          findExample: () => null,
        });
        if (d.source === 'link') {
          // Something else opened: the work is set aside, unless the link is the work itself.
          if (!sameScenario(d.scenario, mine)) expect(d.stash).toEqual(mine);
        } else {
          expect(d.source).toBe('saved');
          expect(d.scenario).toEqual(mine);
          if (frag.trim() !== '') expect(d.message).toMatch(/\S/);
        }
        const r = decodeScenario(frag);
        if (!r.ok) {
          expect(r.message.length).toBeGreaterThan(10);
          // Someone else's text never appears unquoted: no bidi override reaches a message raw.
          expect(r.message).not.toMatch(/[\u202a-\u202e\u2066-\u2068](?![^\u2068]*\u2069)/);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('fuzz: import files', () => {
  const bytes = fc.oneof(
    fc.uint8Array({ maxLength: 300 }),
    jsonish.map((j) => new TextEncoder().encode(j)),
    jsonish.map((j) =>
      new TextEncoder().encode(
        JSON.stringify({ format: 'upsert-playground', version: 1, scenario: JSON.parse(j) as unknown }),
      ),
    ),
    fc.string().map((s) => new TextEncoder().encode(s)),
  );
  const name = fc.oneof(
    fc.constantFrom('a.json', 'b.sql', 'c.txt', 'noext', 'd.csv', '\u202Egnp.sql'),
    fc.string({ maxLength: 20 }),
  );

  it('never throw, and a refusal always has a message (the caller then keeps the work)', () => {
    fc.assert(
      fc.property(name, bytes, (fileName, content) => {
        const r = parseImport(fileName, content, mine);
        if (r.ok) {
          expect(r.note).toMatch(/^Imported /);
          expect(['sqlite', 'postgres']).toContain(r.scenario.dialect);
        } else {
          expect(r.message.length).toBeGreaterThan(10);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
