// Markdown of a real run: the default scenario on sql.js, as a person would paste it in an issue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine, RunResult } from '../../src/engine/types';
import { createSqliteEngine } from '../../src/engine/sqlite';
import { encodeScenario } from '../../src/scenario/link';
import { defaultScenario } from '../../src/scenario/scenario';
import { scenarioMarkdown } from '../../src/share/markdown';

let engine: Engine;
let result: RunResult;
const scenario = { ...defaultScenario(), title: 'Upsert on email' };
const link = 'https://example.org/upsert/#' + encodeScenario(scenario);

beforeAll(async () => {
  engine = await createSqliteEngine();
  result = await engine.run({ setup: scenario.sqlite.setup, statement: scenario.sqlite.statement });
});
afterAll(async () => {
  await engine.close();
});

describe('scenarioMarkdown on a real SQLite run', () => {
  it('shows Before, After with old → new cells, and the RETURNING rows of the default scenario', () => {
    expect(result.ok).toBe(true);
    const md = scenarioMarkdown(scenario, link, result);
    expect(
      md.startsWith('### Upsert on email\n\n[Open this scenario in Upsert Playground](https://example.org/upsert/#s1/'),
    ).toBe(true);
    expect(md).toContain(`**Result** (${result.engineVersion})`);
    expect(md).toContain(
      [
        'Before (2 rows):',
        '',
        '| id | email | name | age | login\\_count |',
        '| ---: | --- | --- | ---: | ---: |',
        '| 1 | ada@example.com | Ada | 36 | 3 |',
        '| 2 | grace@example.com | Grace | 45 | 7 |',
        '',
        'After (3 rows; 1 inserted, 1 updated, 1 unchanged):',
        '',
        '| change | id | email | name | age | login\\_count |',
        '| --- | ---: | --- | --- | ---: | ---: |',
        '| updated | 1 | ada@example.com | Ada → Ada Lovelace | 36 → 37 | 3 → 4 |',
        '| unchanged | 2 | grace@example.com | Grace | 45 | 7 |',
        '| inserted | 3 | linus@example.com | Linus | 28 | 1 |',
      ].join('\n'),
    );
    expect(md).toContain(
      [
        'The statement (INSERT) returned 2 rows:',
        '',
        '| id | email | name | age | login\\_count |',
        '| ---: | --- | --- | ---: | ---: |',
        '| 1 | ada@example.com | Ada Lovelace | 37 | 4 |',
        '| 3 | linus@example.com | Linus | 28 | 1 |',
      ].join('\n'),
    );
  });

  it('marks INSERT OR REPLACE as a replaced pair and reports a failing statement', async () => {
    const replace = await engine.run({
      // A text primary key on a rowid table: the same key comes back under a new rowid.
      setup: "CREATE TABLE t(k TEXT PRIMARY KEY, v TEXT);\nINSERT INTO t(k, v) VALUES ('a', 'x|y');",
      statement: "INSERT OR REPLACE INTO t(k, v) VALUES ('a', 'new\nline');",
    });
    const md = scenarioMarkdown(defaultScenario(), link, replace);
    expect(md).toMatch(/\| deleted \(replaced\) \| a \| x\\\|y \|/);
    expect(md).toMatch(/\| inserted \(replaced\) \| a \| new<br>line \|/);

    const failing = await engine.run({
      setup: 'CREATE TABLE t(a INTEGER PRIMARY KEY);',
      statement: 'INSERT INTO t VALUES (1);\nINSERT INTO t VALUES (1);\nSELECT 1;',
    });
    expect(failing.ok).toBe(false);
    const md2 = scenarioMarkdown(defaultScenario(), link, failing);
    expect(md2).toMatch(/\*\*Error\*\* \(statement 2, line 2.*\): UNIQUE constraint failed: t\.a/);
    expect(md2).toContain('1 statement after it did not run.');
  });
});
