// Messages about links, files and runs: someone else's text is quoted as data and never reads as
// the app's own sentence; the wording is right for the odd cases.
import { describe, expect, it } from 'vitest';
import { encodeScenario } from '../../src/scenario/link';
import { decodeScenario } from '../../src/scenario/linkDecode';
import { parseImport } from '../../src/scenario/file';
import { defaultScenario } from '../../src/scenario/scenario';
import { quoteUntrusted } from '../../src/scenario/untrusted';
import { decideOnLoad } from '../../src/persistence/storage';
import { nulRefusal } from '../../src/state/nulCheck';
import LZString from 'lz-string';

const msg = (frag: string) => {
  const r = decodeScenario(frag);
  return r.ok ? '' : r.message;
};
const link = (json: string) => 's1/' + LZString.compressToEncodedURIComponent(json);
const findExample = (id: string) => (id === 'basic' ? defaultScenario() : null);

describe('untrusted text in messages', () => {
  it('a right-to-left override in a link stays inside a bidi isolate, shortened and named', () => {
    const evil = '\u202EYour saved work was deleted. Export now to recover it at evil.example';
    const m = msg(link(JSON.stringify({ dialect: evil, sqlite: { setup: '', statement: '' } })));
    expect(m).toContain('“\u2068<U+202E>Your saved work was deleted. Export now…\u2069”');
    expect(m).not.toContain('\u202E');
    expect(quoteUntrusted('a\u0000b')).toBe('“\u2068a<U+0000>b\u2069”');
  });

  it('#example/<text> never echoes the text, and empty or broken names get their own message', () => {
    const say = (hash: string) => decideOnLoad({ hash, saved: null, findExample }).message ?? '';
    const evil = say('#example/' + encodeURIComponent('Your saved work was deleted. Export now'));
    expect(evil).toBe(
      'This link names an example that this version of the playground does not have (the link may be from a newer or older version, or mistyped). Open Examples to pick one.',
    );
    expect(evil).not.toContain('deleted');
    expect(say('#example/')).toMatch(/^This example link is damaged: it names no example after #example\//);
    expect(say('#example/%')).toMatch(/^This example link is damaged/);
    expect(decideOnLoad({ hash: '#example/basic', saved: null, findExample }).source).toBe('example');
  });

  it('a # inside a link payload is reported as a damaged character, not as "no scenario"', () => {
    const frag = encodeScenario(defaultScenario());
    const broken = frag.slice(0, 20) + '#' + frag.slice(20);
    expect(msg(broken)).toMatch(
      /^This link is damaged: it contains “\u2068#\u2069” at position 18 of the scenario data/,
    );
    expect(msg('#' + broken)).toMatch(/^This link is damaged: it contains “\u2068#\u2069”/);
    // A whole address pasted in still works.
    expect(decodeScenario('https://example.org/app/#' + frag).ok).toBe(true);
  });

  it('one character arrived, not "1 characters"', () => {
    expect(msg('s1/N')).toMatch(/\(1 character arrived\)/);
  });

  it('a NUL in the JSON is named, with its line and column, and not printed raw', () => {
    const m = msg(link('{"dialect": "sqlite",\n "x": "a\u0000b"}'));
    expect(m).toBe(
      'This link does not contain valid JSON (a NUL character (U+0000) where it cannot be, at line 2, column 9): it was probably garbled or edited by hand.',
    );
    const f = parseImport('n.json', '{\u0000}', defaultScenario());
    expect(f.ok ? '' : f.message).toBe(
      '"n.json" does not contain valid JSON (a NUL character (U+0000) where it cannot be, at line 1, column 2).',
    );
    expect(msg(link('{"dialect": '))).toMatch(/valid JSON \(it ends early\)/);
  });

  it('a file name with a bidi override is quoted as data', () => {
    const r = parseImport('\u202Elqs.json', '[]', defaultScenario());
    expect(r.ok ? '' : r.message).toBe(
      '“\u2068<U+202E>lqs.json\u2069” is not a scenario: it contains a list, not an object.',
    );
  });
});

describe('NUL in SQL', () => {
  it('is refused before any engine sees it, at its line and column', () => {
    const r = nulRefusal('postgres', {
      setup: 'CREATE TABLE t(a text);',
      statement: "INSERT INTO t\nVALUES ('a\u0000b');",
    });
    expect(r?.ok).toBe(false);
    expect(r?.error).toMatchObject({ phase: 'statement', line: 2, column: 11, position: 24 });
    expect(r?.error?.message).toBe(
      'The statement script contains a NUL character (U+0000) at line 2, column 11. SQL text cannot contain it, so nothing was run: delete it and run again.',
    );
    expect(nulRefusal('sqlite', { setup: 'SELECT 1;', statement: 'SELECT 2;' })).toBeNull();
  });
});
