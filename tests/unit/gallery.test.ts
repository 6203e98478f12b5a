// The gallery's data and helpers, without engines: ids, tags, coverage of the scenarios,
// the dialect-mention rule, scenario conversion, links, filtering and the backtick splitter.
import { RACE_SCENARIOS } from '../../src/race/scenarios';
import { describe, expect, it } from 'vitest';
import type { Dialect } from '../../src/engine/types';
import {
  EXAMPLES,
  dialectFor,
  exampleHash,
  exampleToScenario,
  filterExamples,
  findExample,
  parseExampleHash,
  scenarioIsExample,
  splitCode,
  supportedDialects,
} from '../../src/gallery/gallery';
import { TAGS, type Example } from '../../src/gallery/types';

const DIALECT_NAMES: Record<Dialect, RegExp> = {
  sqlite: /\bSQLite\b/i,
  postgres: /\bPostgres(QL)?\b|\bPG ?1[0-9]\b|\bPG\b/i,
};

/** The dialects a text names. */
function named(text: string): Dialect[] {
  return (['sqlite', 'postgres'] as const).filter((d) => DIALECT_NAMES[d].test(text));
}

/** The 18 scenarios and the examples that cover each. */
const COVERAGE: Record<number, string[]> = {
  1: ['manual-upsert', 'manual-upsert-race'],
  2: ['single-row-upsert', 'generated-ids-gaps'],
  3: ['bulk-upsert'],
  4: ['insert-if-absent', 'do-nothing-returning-existing'],
  5: ['inventory-accumulation'],
  6: ['partial-update-coalesce', 'partial-update-not-null'],
  7: ['timestamps-updated-at'],
  8: ['login-counter-returning'],
  9: ['tag-and-points-counters'],
  10: ['conditional-last-write-wins', 'conditional-skip-unchanged'],
  11: ['partial-unique-index-target'],
  12: [
    'conflict-on-another-key',
    'do-nothing-without-target',
    'sqlite-several-on-conflict-clauses',
    'postgres-on-constraint',
  ],
  13: ['same-key-twice-in-batch', 'dedupe-batch', 'combine-duplicates-group-by'],
  14: ['sqlite-insert-or-replace', 'sqlite-insert-or-ignore', 'sqlite-replace-deletes-two-rows'],
  15: ['orm-merge-by-primary-key'],
  16: ['postgres-merge', 'merge-vs-on-conflict'],
  17: ['upsert-from-select'],
  18: ['defaults-and-generated-columns'],
  // The race lab's scenarios (they open in the Race lab).
  19: RACE_SCENARIOS.map((s) => s.id),
};

describe('gallery data', () => {
  it('covers every scenario of the issue, and every example is listed there', () => {
    const listed = Object.values(COVERAGE).flat();
    for (const id of listed) expect(findExample(id), id).toBeDefined();
    expect(EXAMPLES.map((e) => e.id).sort()).toEqual([...listed].sort());
    expect(Object.keys(COVERAGE)).toHaveLength(19);
  });

  it('has unique, stable kebab-case ids and known tags', () => {
    const ids = EXAMPLES.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of EXAMPLES) {
      expect(e.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(e.tags.length, e.id).toBeGreaterThan(0);
      for (const t of e.tags) expect(TAGS, e.id).toContain(t);
    }
  });

  it('marks one-dialect examples with the right tag, a reason and a tested attempt', () => {
    for (const e of EXAMPLES) {
      const ds = supportedDialects(e);
      expect(ds.length, e.id).toBeGreaterThan(0);
      if (ds.length === 1) {
        expect(e.tags, e.id).toContain(ds[0] === 'sqlite' ? 'sqlite-only' : 'postgres-only');
        expect(e.reason, e.id).toBeTruthy();
        expect(e.attempt, e.id).toBeDefined();
        expect((e.reason!.match(/`/g) ?? []).length % 2, `${e.id}: unbalanced backticks in the reason`).toBe(0);
      } else {
        expect(e.tags, e.id).not.toContain('sqlite-only');
        expect(e.tags, e.id).not.toContain('postgres-only');
        expect(e.reason, e.id).toBeUndefined();
        expect(e.attempt, e.id).toBeUndefined();
      }
    }
  });

  it('keeps explanations short: 2 to 5 paragraphs of at most 500 characters', () => {
    for (const e of EXAMPLES) {
      for (const [d, v] of Object.entries(e.dialects)) {
        expect(v.explanation.length, `${e.id} ${d}`).toBeGreaterThanOrEqual(2);
        expect(v.explanation.length, `${e.id} ${d}`).toBeLessThanOrEqual(5);
        for (const p of v.explanation) {
          expect(p.length, `${e.id} ${d}: ${p}`).toBeLessThanOrEqual(500);
          expect(p.trim(), `${e.id} ${d}`).toBe(p);
          expect((p.match(/`/g) ?? []).length % 2, `${e.id} ${d}: unbalanced backticks: ${p}`).toBe(0);
        }
      }
    }
  });

  it('names a dialect in a title, summary or explanation only when the example runs on it', () => {
    // Every supported dialect is run by tests/engine/gallery.test.ts, so a text may speak of it.
    for (const e of EXAMPLES) {
      const texts = [e.title, e.summary, ...Object.values(e.dialects).flatMap((v) => v.explanation)];
      for (const text of texts) {
        for (const d of named(text)) expect(e.dialects[d], `${e.id} names ${d} in: ${text}`).toBeDefined();
      }
    }
  });

  it('names in a reason only the dialects the example runs on or attempts', () => {
    for (const e of EXAMPLES) {
      if (!e.reason) continue;
      const attempted = supportedDialects(e).length === 1 ? (['sqlite', 'postgres'] as const) : [];
      for (const d of named(e.reason)) expect(attempted, `${e.id}: ${e.reason}`).toContain(d);
    }
  });

  it('puts an intended error in the last statement of the script', () => {
    for (const e of EXAMPLES) {
      for (const [d, v] of Object.entries(e.dialects)) {
        if (!v.expect.error) continue;
        const statements = v.statement
          .split('\n')
          .filter((l) => !l.trim().startsWith('--'))
          .join('\n')
          .split(/;\s*(?:\n|$)/)
          .filter((s) => s.trim());
        expect(v.expect.error.statementIndex, `${e.id} ${d}`).toBe(statements.length - 1);
        for (const s of v.expect.statements)
          expect(s.index, `${e.id} ${d}`).toBeLessThan(v.expect.error.statementIndex);
      }
    }
  });
});

describe('exampleToScenario', () => {
  const both = findExample('bulk-upsert')!;
  const pgOnly = findExample('postgres-merge')!;
  const sqliteOnly = findExample('sqlite-insert-or-replace')!;

  it('opens a two-dialect example in the preferred dialect, with both scripts and the title', () => {
    for (const d of ['sqlite', 'postgres'] as const) {
      const s = exampleToScenario(both, d);
      expect(s.dialect).toBe(d);
      expect(s.title).toBe(both.title);
      expect(s.sqlite).toEqual({ setup: both.dialects.sqlite!.setup, statement: both.dialects.sqlite!.statement });
      expect(s.postgres).toEqual({
        setup: both.dialects.postgres!.setup,
        statement: both.dialects.postgres!.statement,
      });
    }
  });

  it('opens a one-dialect example in the dialect it needs, whatever is preferred', () => {
    expect(exampleToScenario(pgOnly, 'sqlite').dialect).toBe('postgres');
    expect(exampleToScenario(sqliteOnly, 'postgres').dialect).toBe('sqlite');
    expect(dialectFor(pgOnly, 'postgres')).toBe('postgres');
  });

  it('fills the other dialect with commented SQL saying why, then the failing attempt', () => {
    const s = exampleToScenario(pgOnly, 'sqlite');
    expect(s.postgres.statement).toBe(pgOnly.dialects.postgres!.statement);
    const header = s.sqlite.setup.split('\n\n')[0]!;
    for (const line of header.trim().split('\n')) expect(line.startsWith('--')).toBe(true);
    expect(s.sqlite.setup).toContain(pgOnly.reason!);
    expect(s.sqlite.setup).toContain('needs PostgreSQL');
    expect(s.sqlite.statement).toContain(pgOnly.attempt!.statement);
    expect(s.sqlite.statement).toMatch(/^-- /);
  });

  it('tells an example as opened from an edited one (in either dialect)', () => {
    const s = exampleToScenario(both, 'sqlite');
    expect(scenarioIsExample(both, s)).toBe(true);
    expect(scenarioIsExample(both, { ...s, dialect: 'postgres' })).toBe(true);
    expect(scenarioIsExample(pgOnly, { ...exampleToScenario(pgOnly, 'sqlite'), dialect: 'sqlite' })).toBe(true);
    expect(scenarioIsExample(both, { ...s, sqlite: { ...s.sqlite, statement: s.sqlite.statement + ' ' } })).toBe(false);
    expect(scenarioIsExample(pgOnly, s)).toBe(false);
  });
});

describe('example links', () => {
  it('round-trips every id through #example/ID', () => {
    for (const e of EXAMPLES) {
      expect(exampleHash(e.id)).toBe(`#example/${e.id}`);
      expect(parseExampleHash(exampleHash(e.id))).toBe(e.id);
    }
    expect(parseExampleHash('example/bulk-upsert')).toBe('bulk-upsert');
  });

  it('rejects fragments that are not example links', () => {
    for (const h of [
      '',
      '#',
      '#s1/abc',
      '#example/',
      '#example/Bulk',
      '#example/a b',
      '#example/%E0%A4%A',
      '#examples/x',
      '#example/x/y',
    ]) {
      expect(parseExampleHash(h), h).toBeNull();
    }
    expect(findExample('no-such-example')).toBeUndefined();
  });
});

describe('filterExamples', () => {
  const all = (f: Parameters<typeof filterExamples>[1]) => filterExamples(EXAMPLES, f).map((e: Example) => e.id);

  it('returns everything for an empty filter', () => {
    expect(all({ tags: [], query: '' })).toHaveLength(EXAMPLES.length);
  });

  it('keeps examples carrying every selected tag', () => {
    expect(all({ tags: ['postgres-only'], query: '' }).sort()).toEqual([
      'merge-vs-on-conflict',
      'postgres-merge',
      'postgres-on-constraint',
    ]);
    expect(all({ tags: ['sqlite-only', 'pitfalls'], query: '' }).sort()).toEqual([
      'sqlite-insert-or-ignore',
      'sqlite-insert-or-replace',
      'sqlite-replace-deletes-two-rows',
    ]);
    for (const t of ['basics', 'bulk', 'counters', 'timestamps', 'conditional', 'pitfalls'] as const) {
      expect(all({ tags: [t], query: '' }).length, t).toBeGreaterThan(0);
    }
  });

  it('matches every word of the query, case-insensitively, in titles, SQL and explanations', () => {
    expect(all({ tags: [], query: 'MERGE_ACTION' })).toEqual(['postgres-merge']);
    expect(all({ tags: [], query: 'coalesce null' })).toContain('partial-update-coalesce');
    expect(all({ tags: ['sqlite-only'], query: 'coalesce' })).toEqual([]);
    expect(all({ tags: [], query: 'xyzzy' })).toEqual([]);
  });
});

describe('splitCode', () => {
  it('splits prose and backticked code', () => {
    expect(splitCode('Use `excluded.name` here')).toEqual([
      { code: false, text: 'Use ' },
      { code: true, text: 'excluded.name' },
      { code: false, text: ' here' },
    ]);
    expect(splitCode('`a``b`')).toEqual([
      { code: true, text: 'a' },
      { code: true, text: 'b' },
    ]);
  });

  it('keeps an unmatched backtick as text', () => {
    expect(splitCode('no code')).toEqual([{ code: false, text: 'no code' }]);
    expect(splitCode('a ` b')).toEqual([{ code: false, text: 'a ` b' }]);
    expect(splitCode('`x` and ` y')).toEqual([
      { code: true, text: 'x' },
      { code: false, text: ' and ` y' },
    ]);
  });
});
