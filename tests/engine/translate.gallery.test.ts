/**
 * Every gallery example, translated from each side it has and run on the other engine: the
 * translation must run exactly when the original runs, unless the translation reported something
 * untranslatable, or the example is one of the known divergences listed below (with the reason).
 */
import { describe, expect, it } from 'vitest';
import { useEngines } from '../support/engines';
import { translateScenario } from '../../src/translate/translate';
import type { Dialect } from '../../src/engine/types';
import { EXAMPLES } from '../../src/gallery/examples';

const engines = useEngines();

/** Examples whose original and translation legitimately disagree on failing, by direction. */
const KNOWN: Record<string, string> = {
  'timestamps-updated-at sqlite':
    'the SQLite variant calls now() on purpose to show the error; the translation writes CURRENT_TIMESTAMP',
  'same-key-twice-in-batch sqlite':
    'PostgreSQL rejects a DO UPDATE that affects the same row twice (21000); SQLite allows it',
  'same-key-twice-in-batch postgres': 'the same divergence, the other way round',
  'upsert-from-select sqlite': 'the SQLite variant omits WHERE true on purpose; PostgreSQL needs no WHERE',
  'postgres-on-constraint postgres':
    'the PostgreSQL variant tries a target-less DO UPDATE on purpose; SQLite accepts it',
  'postgres-merge postgres': 'the MERGE that fails on purpose is commented out for SQLite (reported)',
};

const cases = EXAMPLES.flatMap((ex) =>
  (['sqlite', 'postgres'] as const).filter((d) => ex.dialects[d]).map((from) => ({ ex, from })),
);

describe('gallery examples translate and run on the other engine', () => {
  it('has two-dialect examples to check', () => {
    expect(cases.length).toBeGreaterThan(10);
  });

  it.each(cases.map((c) => [`${c.ex.id} ${c.from}`, c] as const))('%s', async (_name, { ex, from }) => {
    const v = ex.dialects[from]!;
    const to: Dialect = from === 'sqlite' ? 'postgres' : 'sqlite';
    const run = (d: Dialect, setup: string, statement: string) => engines[d].run({ setup, statement });
    const tr = translateScenario(v, from, to);
    const original = await run(from, v.setup, v.statement);
    const translated = await run(to, tr.setup.sql, tr.statement.sql);
    expect(translated.error?.phase, `setup must run:\n${tr.setup.sql}`).not.toBe('setup');
    const reported = tr.setup.untranslatable.length + tr.statement.untranslatable.length > 0;
    const key = `${ex.id} ${from}`;
    if (KNOWN[key] || reported) return;
    expect(Boolean(translated.error), `${translated.error?.message ?? 'no error'}\n${tr.statement.sql}`).toBe(
      Boolean(original.error),
    );
  });

  it('lists only known divergences that still exist', () => {
    const ids = new Set(cases.map((c) => `${c.ex.id} ${c.from}`));
    for (const key of Object.keys(KNOWN)) expect(ids.has(key), key).toBe(true);
  });
});
