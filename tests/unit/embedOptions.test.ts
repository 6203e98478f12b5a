// An embed's options (src/embed/options.ts, documented in docs/EMBED.md): every option from the
// query string and from the fragment, the defaults, the fragment winning over the query, and what a
// bad value does (it is ignored: an embed never fails over an option, and reports nothing).
import { describe, expect, it } from 'vitest';
import { optionsQuery, parseOptions, splitFragment } from '../../src/embed/options';
import { encodeScenario } from '../../src/scenario/link';
import { defaultScenario } from '../../src/scenario/scenario';

const DEFAULTS = {
  dialects: null,
  readOnly: false,
  setup: 'collapsed',
  run: 'click',
  theme: 'auto',
  maxHeight: null,
  id: null,
  fromHost: false,
};

/** The options of an embed at `embed.html<search><hash>`, read as its entry point reads them. */
const at = (search: string, hash = '') => parseOptions(search, splitFragment(hash).options);
/** The same option given only in the query string, then only in the fragment (after a scenario). */
const both = (option: string) => [at(`?${option}`), at('', `#s1/abc&${option}`)];

describe('embed options: the defaults', () => {
  it('an address without options gets every documented default', () => {
    expect(at('')).toEqual(DEFAULTS);
    expect(at('', '#s1/abc')).toEqual(DEFAULTS);
    expect(at('', '#example/basic')).toEqual(DEFAULTS);
    expect(parseOptions('')).toEqual(DEFAULTS);
  });
});

describe('embed options: each option, in the query string and in the fragment', () => {
  it('dialect: sqlite, postgres, or both (the first shown first)', () => {
    for (const o of both('dialect=sqlite')) expect(o.dialects).toEqual(['sqlite']);
    for (const o of both('dialect=postgres')) expect(o.dialects).toEqual(['postgres']);
    for (const o of both('dialect=sqlite,postgres')) expect(o.dialects).toEqual(['sqlite', 'postgres']);
    for (const o of both('dialect=postgres,sqlite')) expect(o.dialects).toEqual(['postgres', 'sqlite']);
    // Spellings readers write: "dialects", "postgresql", "pg", spaces, upper case, a repeat.
    expect(at('?dialects=PostgreSQL').dialects).toEqual(['postgres']);
    expect(at('?dialect=pg%20sqlite').dialects).toEqual(['postgres', 'sqlite']);
    expect(at('?dialect=sqlite,sqlite').dialects).toEqual(['sqlite']);
  });

  it('readonly=1 makes the editors read-only; other yes/no spellings too', () => {
    for (const o of both('readonly=1')) expect(o.readOnly).toBe(true);
    for (const v of ['', 'true', 'yes', 'on', 'TRUE']) expect(at(`?readonly=${v}`).readOnly).toBe(true);
    expect(at('?readonly').readOnly).toBe(true);
    expect(at('?read-only=1').readOnly).toBe(true);
    expect(at('?read_only=1').readOnly).toBe(true);
    for (const v of ['0', 'false', 'no', 'off']) expect(at(`?readonly=${v}`).readOnly).toBe(false);
  });

  it('setup: collapsed, shown or hidden', () => {
    for (const v of ['collapsed', 'shown', 'hidden'] as const)
      for (const o of both(`setup=${v}`)) expect(o.setup).toBe(v);
    expect(at('?setup=Shown').setup).toBe('shown');
  });

  it('run: click (on Run) or load (as soon as the embed loads)', () => {
    for (const o of both('run=load')) expect(o.run).toBe('load');
    for (const o of both('run=click')) expect(o.run).toBe('click');
    expect(at('?run=LOAD').run).toBe('load');
  });

  it('theme: auto, light or dark', () => {
    for (const v of ['auto', 'light', 'dark'] as const) for (const o of both(`theme=${v}`)) expect(o.theme).toBe(v);
    expect(at('?theme=%20Dark%20').theme).toBe('dark');
  });

  it('maxheight: pixels, at least 120 (capped at 10,000); also written max-height', () => {
    for (const o of both('maxheight=400')) expect(o.maxHeight).toBe(400);
    expect(at('?maxheight=120').maxHeight).toBe(120);
    expect(at('?max-height=300').maxHeight).toBe(300);
    expect(at('?maxHeight=300').maxHeight).toBe(300);
    expect(at('?maxheight=300px').maxHeight).toBe(300);
    expect(at('?maxheight=99999').maxHeight).toBe(10_000);
  });

  it('id: any text, kept as given, 100 characters at most', () => {
    for (const o of both('id=upsert-1')) expect(o.id).toBe('upsert-1');
    expect(at('?id=Post%20A').id).toBe('Post A');
    expect(at(`?id=${'x'.repeat(150)}`).id).toBe('x'.repeat(100));
  });

  it('host=1: the scenario comes from the host page (what embed.js writes)', () => {
    for (const o of both('host=1')) expect(o.fromHost).toBe(true);
    expect(at('?host=1&id=upsert-3&dialect=postgres&readonly=1')).toEqual({
      ...DEFAULTS,
      fromHost: true,
      id: 'upsert-3',
      dialects: ['postgres'],
      readOnly: true,
    });
  });

  it('several options at once, in the fragment after a real link', () => {
    const link = encodeScenario(defaultScenario());
    const hash = `#${link}&dialect=sqlite,postgres&run=load&theme=dark&setup=hidden&maxheight=500&readonly=1`;
    expect(splitFragment(hash).scenario).toBe(link);
    expect(at('', hash)).toEqual({
      ...DEFAULTS,
      dialects: ['sqlite', 'postgres'],
      run: 'load',
      theme: 'dark',
      setup: 'hidden',
      maxHeight: 500,
      readOnly: true,
    });
  });
});

describe('embed options: the fragment wins over the query string', () => {
  it('for every option given in both', () => {
    const o = at(
      '?dialect=postgres&readonly=1&setup=shown&run=click&theme=light&maxheight=200&id=q&host=1',
      '#s1/abc&dialect=sqlite&readonly=0&setup=hidden&run=load&theme=dark&maxheight=300&id=f&host=0',
    );
    expect(o).toEqual({
      dialects: ['sqlite'],
      readOnly: false,
      setup: 'hidden',
      run: 'load',
      theme: 'dark',
      maxHeight: 300,
      id: 'f',
      fromHost: false,
    });
  });

  it('an option only in the query string still applies when the fragment has others', () => {
    expect(at('?theme=dark', '#s1/abc&run=load')).toMatchObject({ theme: 'dark', run: 'load' });
  });

  it('a bad value in the fragment is ignored: the query string’s value stands', () => {
    const query = '?dialect=postgres&readonly=1&setup=shown&run=load&theme=dark&maxheight=200&host=1';
    const o = at(query, '#s1/abc&dialect=oracle&readonly=maybe&setup=open&run=now&theme=blue&maxheight=50&host=x');
    expect(o).toEqual(at(query));
  });
});

describe('embed options: bad values fall back, silently', () => {
  it('an unknown option changes nothing', () => {
    expect(at('?colour=red&utm_source=blog', '#s1/abc&autorun=1&fontsize=20')).toEqual(DEFAULTS);
  });

  it('a bad dialect: the scenario’s own (no switch); a bad one in a list is dropped', () => {
    for (const o of both('dialect=oracle')) expect(o.dialects).toBeNull();
    expect(at('?dialect=').dialects).toBeNull();
    expect(at('?dialect=,,').dialects).toBeNull();
    expect(at('?dialect=mysql,postgres').dialects).toEqual(['postgres']);
  });

  it('a bad number or one below 120 for maxheight: no maximum', () => {
    for (const v of ['tall', '', '-300', '119', '0', 'NaN', 'Infinity'])
      expect(at(`?maxheight=${v}`).maxHeight, v).toBeNull();
    for (const o of both('maxheight=abc')) expect(o.maxHeight).toBeNull();
  });

  it('a value not listed for setup, run, theme, readonly or host: the default', () => {
    expect(at('?setup=open&run=now&theme=blue&readonly=maybe&host=perhaps')).toEqual(DEFAULTS);
    expect(at('', '#s1/abc&setup=&run=&theme=')).toEqual(DEFAULTS);
  });
});

describe('splitFragment', () => {
  it('separates the scenario from its options', () => {
    expect(splitFragment('#s1/abc&run=load').scenario).toBe('s1/abc');
    expect(splitFragment('s1/abc&run=load').options.get('run')).toBe('load');
    expect(splitFragment('#example/basic').scenario).toBe('example/basic');
    expect([...splitFragment('#example/basic').options]).toEqual([]);
    expect(splitFragment('').scenario).toBe('');
  });

  it('a fragment of options alone has no scenario', () => {
    for (const hash of ['#run=load', '#run=load&theme=dark']) {
      const f = splitFragment(hash);
      expect(f.scenario).toBe('');
      expect(f.options.get('run')).toBe('load');
    }
  });
});

describe('optionsQuery (the Share dialog’s embed address)', () => {
  it('writes only what differs from the defaults', () => {
    expect(optionsQuery({})).toBe('');
    expect(optionsQuery(DEFAULTS as Parameters<typeof optionsQuery>[0])).toBe('');
    expect(optionsQuery({ dialects: ['sqlite', 'postgres'], run: 'load' })).toBe('dialect=sqlite,postgres&run=load');
  });

  it('reads back as the options it was written from', () => {
    const o = {
      dialects: ['postgres', 'sqlite'],
      readOnly: true,
      setup: 'shown',
      run: 'load',
      theme: 'light',
      maxHeight: 480,
    } as const;
    const hash = `#${encodeScenario(defaultScenario())}&${optionsQuery({ ...o, dialects: [...o.dialects] })}`;
    expect(at('', hash)).toEqual({ ...DEFAULTS, ...o });
  });
});
