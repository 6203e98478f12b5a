/** Placeholder detection: what counts in code, and (property) nothing inside strings, comments, dollar quotes or casts. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPlaceholders, placeholderKeys } from '../../src/engine/placeholders';
import type { Dialect } from '../../src/engine/types';

const keys = (sql: string, d: Dialect) => findPlaceholders(sql, d).map((p) => `${p.text}=${p.key}`);

describe('findPlaceholders', () => {
  it('finds each style with its key', () => {
    expect(keys('INSERT INTO t VALUES (:email, :now) ON CONFLICT (email) DO UPDATE SET at = :now', 'sqlite')).toEqual([
      ':email=email',
      ':now=now',
      ':now=now',
    ]);
    expect(keys('SELECT ?, ?, ?5, ?', 'sqlite')).toEqual(['?=1', '?=2', '?5=5', '?=6']);
    expect(keys('SELECT %(email)s, $2, $1', 'postgres')).toEqual(['%(email)s=email', '$2=2', '$1=1']);
    expect(keys('SELECT ?;\nSELECT ?', 'postgres')).toEqual(['?=1', '?=1']);
    expect(placeholderKeys(findPlaceholders('SELECT :b, ?, :a, :b', 'sqlite'))).toEqual(['b', 'a', '2']);
  });

  it('leaves operators, slices, casts and prepared statements alone', () => {
    expect(keys("SELECT j ? 'a', j ?| array['a'], (j) ? 'b' FROM t", 'postgres')).toEqual([]);
    expect(keys('SELECT a[1:n], x::text, y:: int FROM t', 'postgres')).toEqual([]);
    expect(keys('PREPARE p(int) AS SELECT $1; EXECUTE p(1)', 'postgres')).toEqual([]);
    expect(keys('SELECT 10 % (2)', 'postgres')).toEqual([]);
  });

  it('long scripts read again give the same answer, and another script (even of the same length) its own', () => {
    const rows = (mark: string) =>
      Array.from({ length: 1000 }, (_, i) => `INSERT INTO t VALUES (${i}, ${mark}, 'x');`).join('\n');
    const a = rows(':a');
    const b = rows(':b');
    expect(a.length).toBe(b.length);
    expect(a.length).toBeGreaterThan(20_000);
    const first = findPlaceholders(a, 'sqlite');
    expect(placeholderKeys(first)).toEqual(['a']);
    expect(findPlaceholders(a, 'sqlite')).toBe(first);
    // The same text as another string (built again) is the same script.
    expect(findPlaceholders(rows(':a'), 'sqlite')).toBe(first);
    expect(placeholderKeys(findPlaceholders(b, 'sqlite'))).toEqual(['b']);
    expect(findPlaceholders(a, 'postgres')).not.toBe(first);
    expect(placeholderKeys(findPlaceholders(a, 'postgres'))).toEqual(['a']);
    expect(placeholderKeys(findPlaceholders(a, 'sqlite'))).toEqual(['a']);
  });
});

// Text that must never yield a placeholder, whatever it holds.
const inner = fc.stringMatching(/^[a-z :?$%()s1-9]{0,12}$/);
const noise = fc.oneof(
  inner.map((t) => `'${t.replace(/'/g, "''")}'`),
  inner.map((t) => `"${t}"`),
  inner.map((t) => `-- ${t}\n`),
  inner.map((t) => `/* ${t.replace(/\*\//g, '')} */`),
  fc.constantFrom('x::text', 'y::int', "'a'::jsonb", 'z :: bigint'),
);
const dollar = inner.map((t) => `$q$ ${t.replace(/\$q\$/g, '')} $q$`);

describe('property: hidden placeholders are never detected', () => {
  it('strings, quoted names, comments and casts (both dialects)', () => {
    fc.assert(
      fc.property(
        fc.array(noise, { minLength: 1, maxLength: 6 }),
        fc.constantFrom<Dialect>('sqlite', 'postgres'),
        (parts, d) => {
          expect(findPlaceholders(`SELECT ${parts.join(' , ')} FROM t`, d)).toEqual([]);
        },
      ),
    );
  });

  it('dollar quotes (PostgreSQL)', () => {
    fc.assert(
      fc.property(fc.array(dollar, { minLength: 1, maxLength: 4 }), (parts) => {
        expect(findPlaceholders(`SELECT ${parts.join(', ')}`, 'postgres')).toEqual([]);
      }),
    );
  });

  it('a real placeholder among the noise is found exactly once, at its place', () => {
    fc.assert(
      fc.property(
        fc.array(noise, { maxLength: 4 }),
        fc.array(noise, { maxLength: 4 }),
        fc.constantFrom(':email', '%(email)s'),
        fc.constantFrom<Dialect>('sqlite', 'postgres'),
        (a, b, ph, d) => {
          const before = `SELECT ${[...a, 'v'].join(', ')} FROM t WHERE k = `;
          const sql = `${before}${ph} AND ${[...b, 'w'].join(' || ')} = 1`;
          const found = findPlaceholders(sql, d);
          expect(found.map((p) => [p.key, p.start])).toEqual([['email', before.length]]);
        },
      ),
    );
  });
});

describe('the gallery and the default scenario', () => {
  it('contain no placeholders (they run as before, with nothing to bind)', async () => {
    const { EXAMPLES } = await import('../../src/gallery/examples');
    const { defaultScenario } = await import('../../src/scenario/defaults');
    const found: string[] = [];
    type S = { id: string; d: 'sqlite' | 'postgres'; setup: string; statement: string };
    const scripts: S[] = EXAMPLES.flatMap((e) =>
      (['sqlite', 'postgres'] as const).flatMap((d) =>
        e.dialects[d] ? [{ id: e.id, d, setup: e.dialects[d].setup, statement: e.dialects[d].statement }] : [],
      ),
    );
    const def = defaultScenario();
    scripts.push({ id: 'default', d: 'sqlite', ...def.sqlite }, { id: 'default', d: 'postgres', ...def.postgres });
    for (const s of scripts)
      for (const p of findPlaceholders(`${s.setup}\n;\n${s.statement}`, s.d)) found.push(`${s.id} (${s.d}): ${p.text}`);
    expect(found).toEqual([]);
  });
});

describe('Markdown export', () => {
  it('lists the parameter values, NULL apart from the empty string', async () => {
    const { scenarioMarkdown } = await import('../../src/share/markdown');
    const { defaultScenario } = await import('../../src/scenario/defaults');
    const md = scenarioMarkdown(
      {
        ...defaultScenario(),
        params: {
          email: { type: 'text', value: '' },
          now: { type: 'sql', value: 'CURRENT_TIMESTAMP' },
          name: { type: 'null', value: '' },
          '1': { type: 'number', value: '5' },
        },
      },
      'https://example.org/#s1/x',
    );
    expect(md).toContain(
      '**Parameters**\n\n- `$1` = `5`\n- `:email` = `""`\n- `:now` = `CURRENT_TIMESTAMP` (SQL expression, evaluated by the engine)\n- `:name` = NULL',
    );
  });
});
