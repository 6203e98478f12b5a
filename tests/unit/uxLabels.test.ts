import { describe, expect, it } from 'vitest';
import type { TableDiff } from '../../src/engine/types';
import { LABEL_MAX, statementLabel } from '../../src/results/statementLabel';
import { diffSummary } from '../../src/results/tableColumns';

const counts = (c: Partial<TableDiff['counts']>): TableDiff['counts'] => ({
  inserted: 0,
  updated: 0,
  deleted: 0,
  unchanged: 0,
  sameValues: 0,
  replaced: 0,
  ...c,
});

describe('statementLabel', () => {
  it('keeps a short statement whole, on one line, without comments or the semicolon', () => {
    expect(statementLabel('-- note\nUPDATE users\n   SET age = 1 -- why\n WHERE id = 2;')).toBe(
      'UPDATE users SET age = 1 WHERE id = 2',
    );
  });

  it('elides a long VALUES list so the conflict clause stays in view', () => {
    const sql = `INSERT INTO users (email, name, age, login_count) VALUES\n  ('ada@example.com', 'Ada Lovelace', 37, 1),\n  ('linus@example.com', 'Linus', 28, 1)\nON CONFLICT (email) DO UPDATE SET\n  name = excluded.name,\n  age = excluded.age\nRETURNING *;`;
    const label = statementLabel(sql);
    expect(
      label.startsWith(
        'INSERT INTO users (email, name, age, login_count) VALUES … ON CONFLICT (email) DO UPDATE SET name = excluded.name',
      ),
    ).toBe(true);
    expect(label.length).toBeLessThanOrEqual(LABEL_MAX);
  });

  it('does not mistake text in strings for comments or clauses', () => {
    expect(statementLabel("SELECT '-- not a comment; ON' AS x;")).toBe("SELECT '-- not a comment; ON' AS x");
  });

  it('cuts other long statements with an ellipsis', () => {
    const label = statementLabel(`SELECT ${'x, '.repeat(80)}y FROM t;`);
    expect(label.endsWith('…')).toBe(true);
    expect(label.length).toBeLessThanOrEqual(LABEL_MAX);
  });
});

describe('diffSummary', () => {
  it('names only the kinds that occur', () => {
    expect(diffSummary(counts({ updated: 1 }))).toBe('1 updated');
    expect(diffSummary(counts({ inserted: 1, updated: 2, sameValues: 1, unchanged: 3 }))).toBe(
      '1 inserted · 2 updated (1 with the same values) · 3 unchanged',
    );
    expect(diffSummary(counts({}))).toBe('no rows');
  });
});
