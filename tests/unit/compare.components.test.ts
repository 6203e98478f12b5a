// @vitest-environment happy-dom
// The Compare components in a DOM: the difference summary's grouping, empty state and notes; the
// Translate dialog's panes, lists, Accept/Cancel/Esc and focus.
import { describe, expect, it, vi } from 'vitest';
import { createElement } from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DifferenceSummary } from '../../src/compare/DifferenceSummary';
import { TranslateDialog } from '../../src/translate/TranslateDialog';
import { NO_DIFFERENCES } from '../../src/compare/summary';
import { translateScenario } from '../../src/translate/translate';
import type { Difference } from '../../src/compare/types';

const DIFFS: Difference[] = [
  {
    kind: 'statementError',
    statement: 0,
    failsOn: 'postgres',
    sqlite: null,
    postgres: {
      message: 'ON CONFLICT DO UPDATE command cannot affect row a second time',
      code: '21000',
      phase: 'statement',
      statementIndex: 0,
    },
    notRun: { sqlite: 0, postgres: 0 },
  },
  {
    kind: 'tableRows',
    table: 'users',
    matchedBy: ['email'],
    rowCount: { sqlite: 3, postgres: 2 },
    onlySqlite: [{ id: 3, email: 'linus@example.com' }],
    onlyPostgres: [],
    totals: { onlySqlite: 1, onlyPostgres: 0, cells: 1, rowsWithCells: 1 },
    cells: [{ key: { email: 'ada@example.com' }, column: 'name', sqlite: 'Ada Lovelace', postgres: 'Ada' }],
  },
  { kind: 'normalisation', rule: 'boolean', places: ['users.active'], samples: [{ sqlite: 1, postgres: true }] },
];

describe('DifferenceSummary', () => {
  it('groups differences by statement and table, with both error messages and the differing cells', () => {
    render(createElement(DifferenceSummary, { diffs: DIFFS }));
    const section = within(screen.getByRole('region', { name: 'Differences' }));
    expect(section.getByRole('status')).toHaveTextContent(/^2 differences between SQLite and PostgreSQL\.$/);
    expect(section.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'Statement 1',
      'Table users',
    ]);
    const statement = within(section.getByRole('region', { name: 'Statement 1' }));
    expect(statement.getByText('fails on PostgreSQL only', { exact: false })).toBeInTheDocument();
    // Each side: the engine's name, then its error message and code, or "no error".
    const postgres = statement.getByText('PostgreSQL', { selector: 'strong' }).parentElement!;
    expect(postgres).toHaveClass('cmp-err');
    expect(postgres.textContent).toBe('PostgreSQL ON CONFLICT DO UPDATE command cannot affect row a second time21000');
    const sqlite = statement.getByText('SQLite', { selector: 'strong' }).parentElement!;
    expect(sqlite).toHaveClass('cmp-ok');
    expect(sqlite.textContent).toBe('SQLite no error');
    const table = within(section.getByRole('region', { name: 'Table users' }));
    const tables = table.getAllByRole('table');
    expect(tables).toHaveLength(2);
    expect(tables[0]).toHaveAccessibleName('Values that differ');
    expect(tables[1]).toHaveAccessibleName('Rows only on SQLite');
    const cells = within(tables[0]!)
      .getAllByRole('cell')
      .map((td) => td.textContent);
    expect(cells).toEqual(["email = 'ada@example.com'", 'name', "'Ada Lovelace'", "'Ada'"]);
    const summary = section.getByText('Notes on how the runs were compared (1)', { selector: 'summary' });
    const notes = summary.parentElement!;
    expect(notes.tagName).toBe('DETAILS');
    expect(notes).toHaveTextContent('users.active');
  });

  it('says "No differences" when only notes remain', () => {
    const { rerender } = render(createElement(DifferenceSummary, { diffs: [DIFFS[2]!] }));
    expect(screen.getByRole('status').textContent).toBe(NO_DIFFERENCES);
    expect(screen.queryAllByRole('heading', { level: 3 })).toHaveLength(0);
    expect(screen.getByText(/^Notes on how the runs were compared/, { selector: 'summary' })).toBeInTheDocument();
    rerender(createElement(DifferenceSummary, { diffs: [] }));
    expect(screen.queryByText(/^Notes on how the runs were compared/, { selector: 'summary' })).toBeNull();
  });
});

describe('TranslateDialog', () => {
  const result = translateScenario(
    {
      setup: 'CREATE TABLE t (k INTEGER PRIMARY KEY AUTOINCREMENT, v TEXT UNIQUE, ok BOOLEAN DEFAULT 0);',
      statement: 'INSERT INTO t (v) VALUES (1) ON CONFLICT DO UPDATE SET ok = 1 ON CONFLICT DO NOTHING;',
    },
    'sqlite',
    'postgres',
  );

  it('shows both translated scripts with changes and problems, and applies nothing until Accept', async () => {
    const user = userEvent.setup();
    const onAccept = vi.fn();
    const onCancel = vi.fn();
    render(createElement(TranslateDialog, { open: true, from: 'sqlite', to: 'postgres', result, onAccept, onCancel }));
    // Named by its heading, which has the focus.
    const dialog = screen.getByRole('dialog', { name: 'Translate SQLite → PostgreSQL' });
    const heading = within(dialog).getByRole('heading', { level: 2 });
    expect(heading.textContent).toBe('Translate SQLite → PostgreSQL');
    expect(dialog).toHaveAttribute('aria-labelledby', heading.id);
    expect(heading).toHaveFocus();
    const panes = within(dialog).getAllByRole('region', { name: /^Translated / });
    expect(panes.map((p) => p.getAttribute('aria-label'))).toEqual([
      'Translated setup (PostgreSQL)',
      'Translated statement (PostgreSQL)',
    ]);
    expect(panes[0]!.textContent).toContain('GENERATED BY DEFAULT AS IDENTITY');
    expect(panes[1]!.textContent).toContain('ON CONFLICT (v) DO UPDATE SET ok = true /* ON CONFLICT DO NOTHING */');
    expect(dialog).toHaveTextContent('1 construct could not be translated');
    const problems = within(dialog).getByRole('heading', { level: 4, name: 'Could not translate (1)' });
    expect(within(problems.parentElement!).getByRole('listitem').textContent).toMatch(
      /^line 1 PostgreSQL allows one ON CONFLICT clause/,
    );
    expect(onAccept).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole('button', { name: 'Use in the PostgreSQL editors' }));
    expect(onAccept).toHaveBeenCalledTimes(1);
    expect(onCancel).not.toHaveBeenCalled();
  });

  it('Cancel and Esc call onCancel', async () => {
    const user = userEvent.setup();
    const onCancel = vi.fn();
    render(
      createElement(TranslateDialog, {
        open: true,
        from: 'sqlite',
        to: 'postgres',
        result,
        onAccept: vi.fn(),
        onCancel,
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    // A browser turns Esc into the dialog's cancel event (the test DOM does not)…
    fireEvent(screen.getByRole('dialog'), new Event('cancel', { cancelable: true }));
    expect(onCancel).toHaveBeenCalledTimes(2);
    // …and where it does not, the key itself closes the dialog.
    await user.keyboard('{Escape}');
    expect(onCancel).toHaveBeenCalledTimes(3);
  });

  it('renders nothing inside while closed', () => {
    render(
      createElement(TranslateDialog, {
        open: false,
        from: 'sqlite',
        to: 'postgres',
        result,
        onAccept: vi.fn(),
        onCancel: vi.fn(),
      }),
    );
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('dialog', { hidden: true })).toBeEmptyDOMElement();
  });
});
