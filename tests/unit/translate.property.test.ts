import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { translateScript } from '../../src/translate/translate';

// Fragments that exercise every rule; any sequence of them (valid or not) must translate without
// throwing, and text outside the edited constructs must survive.
const FRAGMENTS = [
  'INSERT OR REPLACE INTO t (a, b) VALUES (1, 2)',
  'INSERT INTO t (a) VALUES (1) ON CONFLICT DO UPDATE SET a = excluded.a ON CONFLICT DO NOTHING',
  'INSERT INTO t (a) SELECT a FROM s ON CONFLICT ON CONSTRAINT t_a_key DO NOTHING RETURNING (xmax = 0), old.*, new.a',
  'MERGE INTO t USING s ON t.a = s.a WHEN MATCHED THEN DELETE',
  "CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, a TEXT UNIQUE, b BOOLEAN DEFAULT 0, c TEXT DEFAULT (datetime('now')))",
  'CREATE TABLE u (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, b boolean DEFAULT true, at timestamptz DEFAULT now(), x text[])',
  "SELECT '2026-01-01'::timestamptz, x::int, now(), datetime('now'), [q], `r` FROM t WHERE a IS b",
  'SELEC broken (',
  'DO $$ BEGIN NULL; END $$',
  '-- comment',
  '/* block ; */',
];

describe('translateScript robustness', () => {
  it('never throws, in either direction, for any sequence of fragments', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 6 }),
        fc.constantFrom(';\n', '; ', ';'),
        fc.boolean(),
        (parts, sep, toPg) => {
          const sql = parts.join(sep);
          const r = translateScript(sql, toPg ? 'sqlite' : 'postgres', toPg ? 'postgres' : 'sqlite');
          expect(typeof r.sql).toBe('string');
          // The safety net for unexpected tree shapes must not be what kept it from throwing.
          expect(r.untranslatable.filter((p) => p.message.includes('does not handle'))).toEqual([]);
          for (const p of [...r.changes, ...r.untranslatable, ...r.warnings]) {
            expect(p.line).toBeGreaterThanOrEqual(1);
            expect(p.message.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('never throws for arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (sql) => {
        expect(() => translateScript(sql, 'sqlite', 'postgres')).not.toThrow();
        expect(() => translateScript(sql, 'postgres', 'sqlite')).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });
});
