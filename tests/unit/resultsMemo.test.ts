// @vitest-environment happy-dom
// Typing in an editor changes the scenario and re-renders the page around the results, but the
// tables of a result that did not change are not rendered again: the result view is memoised and
// what it is given stays the same while the person types. The results column itself is rendered
// again only when what it shows changes (the result turning stale, or current again). The result
// comes from the real SQLite engine; the engines are provided through context, so no Worker is
// involved.
import { describe, expect, it, vi } from 'vitest';
import { createElement, useLayoutEffect, useState } from 'react';
import { act, render, screen } from '@testing-library/react';
import { EngineClient } from '../../src/engine/client';
import { createSqliteEngine } from '../../src/engine/sqlite';
import { defaultScenario } from '../../src/scenario/scenario';
import { EnginesContext, type Engines } from '../../src/state/engineContext';
import { initialState, reducer, type Action, type PlaygroundState } from '../../src/state/store';
import { ResultsArea } from '../../src/ui/ResultsArea';
import { InProcessWorker } from '../engine/inProcessWorker';

// A render counter around the real table component.
const renders = vi.hoisted(() => ({ tables: 0, panes: 0 }));
vi.mock('../../src/results/TableDiffView', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/results/TableDiffView')>();
  const { createElement: h } = await import('react');
  return {
    ...real,
    TableDiffView: (props: Parameters<typeof real.TableDiffView>[0]) => {
      renders.tables++;
      return h(real.TableDiffView, props);
    },
  };
});

// And around the result pane: the results column itself.
vi.mock('../../src/ui/ResultsPane', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/ui/ResultsPane')>();
  const { createElement: h } = await import('react');
  return {
    ...real,
    ResultsPane: (props: Parameters<typeof real.ResultsPane>[0]) => {
      renders.panes++;
      return h(real.ResultsPane, props);
    },
  };
});

const client = () =>
  new EngineClient('sqlite', () => new InProcessWorker(() => createSqliteEngine()) as unknown as Worker);
const engines: Engines = { sqlite: client(), postgres: client() };

async function ranState(): Promise<PlaygroundState> {
  const scenario = defaultScenario();
  const engine = await createSqliteEngine();
  const result = await engine.run({ setup: scenario.sqlite.setup, statement: scenario.sqlite.statement });
  await engine.close();
  const record = { result, ran: { ...scenario.sqlite }, elapsedMs: 1 };
  return reducer(initialState({ ...scenario, dialect: 'sqlite' }, 'default'), {
    type: 'runDone',
    dialect: 'sqlite',
    record,
    loadSeq: 0,
  });
}

let dispatch: (a: Action) => void = () => undefined;
// One handler for the page's life, as the app gives it.
const close = () => undefined;
function Page({ initial }: { initial: PlaygroundState }) {
  const [state, setState] = useState(initial);
  useLayoutEffect(() => {
    dispatch = (a) => setState((s) => reducer(s, a));
  });
  return createElement(
    EnginesContext,
    { value: engines },
    createElement(ResultsArea, { state, explained: undefined, onCloseExplanation: close }),
  );
}

describe('typing does not re-render the results', () => {
  it('keystrokes in the Statement editor leave the result tables alone; a new result renders them', async () => {
    const initial = await ranState();
    render(createElement(Page, { initial }));
    expect(screen.getByRole('table', { name: 'After: users' })).toBeInTheDocument();
    const first = renders.tables;
    expect(first).toBeGreaterThan(0);

    let text = initial.scenario.sqlite.statement;
    for (const ch of ' -- typing') {
      text += ch;
      await act(async () => dispatch({ type: 'edit', dialect: 'sqlite', part: 'statement', text }));
    }
    // The page did re-render (it says the result is stale), the tables did not.
    expect(screen.getByText('The scripts changed since this run.', { exact: false })).toBeInTheDocument();
    expect(renders.tables).toBe(first);

    // A new result is rendered: the counter sees it.
    const again = await ranState();
    await act(async () => dispatch({ type: 'runDone', dialect: 'sqlite', record: again.results.sqlite!, loadSeq: 0 }));
    expect(renders.tables).toBeGreaterThan(first);
  });

  it('once the result is stale, further keystrokes do not render the results column again', async () => {
    const initial = await ranState();
    render(createElement(Page, { initial }));
    let text = initial.scenario.sqlite.statement;
    const type = async (chars: string) => {
      for (const ch of chars) {
        text += ch;
        await act(async () => dispatch({ type: 'edit', dialect: 'sqlite', part: 'statement', text }));
      }
    };
    // The first keystroke makes the result stale: the pane says so.
    await type(' ');
    expect(screen.getByText('The scripts changed since this run.', { exact: false })).toBeInTheDocument();
    const panes = renders.panes;
    await type('-- more typing');
    expect(renders.panes).toBe(panes);
    // Typing back to the text that ran: the result is current again, and the pane shows it.
    text = initial.scenario.sqlite.statement.slice(0, -1);
    await type(initial.scenario.sqlite.statement.slice(-1));
    expect(renders.panes).toBeGreaterThan(panes);
    expect(screen.queryByText('The scripts changed since this run.', { exact: false })).toBeNull();
  });
});
