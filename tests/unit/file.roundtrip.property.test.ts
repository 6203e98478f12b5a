// Export SQL → Import is exact, whatever the scripts contain (marker lines included): a property.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportSql, parseImport, SQL_SETUP_MARKER, SQL_STATEMENT_MARKER } from '../../src/scenario/file';
import { defaultScenario, type Scenario } from '../../src/scenario/scenario';

/** Script lines that stress the format: both markers, escaped ones, header look-alikes, odd breaks. */
const line = fc.oneof(
  fc.constantFrom(
    SQL_SETUP_MARKER,
    SQL_STATEMENT_MARKER,
    '-- \\===== Setup =====',
    '-- \\\\===== Statement =====',
    '-- =====',
    '-- Dialect: PostgreSQL',
    '-- Upsert Playground scenario',
    'SELECT 1;',
    '',
    '\r',
    ' -- ===== Setup =====',
    '\uFEFF-- ===== Statement =====',
  ),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: fc.constantFrom('-', ' ', '=', '\\', '\n', '\r', 'S', ';'), maxLength: 30 }),
);
const script = fc.array(line, { maxLength: 8 }).map((ls) => ls.join('\n'));
const scenario = fc.record({
  dialect: fc.constantFrom<'sqlite' | 'postgres'>('sqlite', 'postgres'),
  setup: script,
  statement: script,
  title: fc.option(fc.string({ maxLength: 30 }), { nil: undefined }),
  notes: fc.option(fc.string({ maxLength: 60 }), { nil: undefined }),
});

describe('Export SQL → Import', () => {
  it('gives back the exact setup, statement and dialect', () => {
    fc.assert(
      fc.property(scenario, ({ dialect, setup, statement, title, notes }) => {
        const s: Scenario = { ...defaultScenario(), dialect, [dialect]: { setup, statement } };
        if (title) s.title = title;
        if (notes) s.notes = notes;
        const other: Scenario = { ...defaultScenario(), dialect: dialect === 'sqlite' ? 'postgres' : 'sqlite' };
        const r = parseImport('export.sql', exportSql(s), other);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.scenario.dialect).toBe(dialect);
        expect(r.scenario[dialect]).toEqual({ setup, statement });
      }),
      { numRuns: 2000 },
    );
  });

  it('a statement marker inside the setup stays in the setup (the case that broke before)', () => {
    const s: Scenario = {
      ...defaultScenario(),
      sqlite: {
        setup: `CREATE TABLE t(a);\n${SQL_STATEMENT_MARKER}\nINSERT INTO t VALUES (1);`,
        statement: 'SELECT * FROM t;',
      },
    };
    const r = parseImport('x.sql', exportSql(s), s);
    expect(r.ok && r.scenario.sqlite).toEqual(s.sqlite);
    // The exported file still runs as SQL: the escaped marker is a comment.
    expect(exportSql(s)).toContain('\n-- \\===== Statement =====\nINSERT INTO t VALUES (1);');
  });
});
