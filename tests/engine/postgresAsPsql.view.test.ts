// @vitest-environment happy-dom
/**
 * What the page shows of PostgreSQL's own output, from real runs: an error's QUERY and CONTEXT
 * (in the error box and in the Markdown of a run), and the data of a COPY … TO STDOUT.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { render, screen, within } from '@testing-library/react';
import type { PostgresEngine } from '../../src/engine/postgres';
import type { RunResult } from '../../src/engine/types';
import { ErrorBox } from '../../src/results/ErrorBox';
import { StatementList } from '../../src/results/StatementList';
import { scenarioMarkdown } from '../../src/share/markdown';
import { defaultScenario } from '../../src/scenario/scenario';
import { startPostgres } from '../support/engines';

let engine: PostgresEngine;
let failed: RunResult;
let copied: RunResult;
beforeAll(async () => {
  engine = await startPostgres();
  failed = await engine.run({
    setup: 'CREATE FUNCTION g() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN (SELECT nocol FROM pg_class); END $$;',
    statement: 'SELECT g();',
  });
  copied = await engine.run({
    setup: "CREATE TABLE t (k int, v text);\nINSERT INTO t VALUES (1, 'a'), (2, NULL);",
    statement: 'COPY t TO STDOUT;\nCOPY t TO STDOUT;',
    rowLimit: 1,
  });
});
afterAll(() => engine.close());

describe('PostgreSQL output on the page', () => {
  it('the error box shows the query inside the function and where the error arose', () => {
    render(createElement(ErrorBox, { error: failed.error! }));
    const box = screen.getByRole('alert');
    expect(box).toHaveTextContent('column "nocol" does not exist');
    expect(box).toHaveTextContent('Query (error at character 9): (SELECT nocol FROM pg_class)');
    expect(box).toHaveTextContent('Context: PL/pgSQL function g() line 1 at RETURN');
  });

  it('the Markdown of a run says the query and the context', () => {
    const md = scenarioMarkdown(defaultScenario(), 'https://example.org/', failed);
    expect(md).toContain('Query: (SELECT nocol FROM pg\\_class)');
    expect(md).toContain('Context: PL/pgSQL function g() line 1 at RETURN');
  });

  it('a COPY … TO STDOUT shows the data it sent, cut at the row limit with a note', () => {
    render(createElement(StatementList, { statements: copied.statements, notRun: [] }));
    const out = screen.getAllByLabelText(/^Statement \d COPY output$/);
    expect(out).toHaveLength(2);
    expect(out[0]!.textContent).toBe('1\ta\n');
    const first = out[0]!.closest('li')!;
    expect(within(first).getByText(/2 rows copied out/)).toBeInTheDocument();
    expect(within(first).getByText(/Showing the first 1 line of the COPY output/)).toBeInTheDocument();
  });
});
