import { test } from 'vitest';
import { writeFileSync, mkdirSync } from 'node:fs';
import { buildCases } from './builderCases';
import { generateSqlAlchemy } from '../../src/builder/sqlalchemy';
test('dump', () => {
  mkdirSync('/tmp/sqla-dump', { recursive: true });
  for (const d of ['sqlite', 'postgres'] as const) {
    const cases = buildCases(d);
    for (const pick of [0, 5, cases.length - 1, cases.findIndex((c) => c.state.strategy === 'twoStep'), cases.findIndex((c) => c.tc.schemaName !== 'users')]) {
      const c = cases[pick]!;
      for (const style of ['core', 'orm'] as const) for (const mode of ['sync', 'async'] as const) for (const form of ['snippet', 'file'] as const)
        writeFileSync(`/tmp/sqla-dump/${d}_${pick}_${style}_${mode}_${form}.py`, `# ${c.name}\n` + generateSqlAlchemy(c.state, c.table, d, { style, mode, form, setupRows: { columns: ['id'], rows: [['1']] } }));
    }
  }
});
