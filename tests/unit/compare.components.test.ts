// @vitest-environment happy-dom
// The Compare components in a DOM: the difference summary's grouping, empty state and notes; the
// Translate dialog's panes, lists, Accept/Cancel/Esc and focus.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, createElement, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { DifferenceSummary } from '../../src/compare/DifferenceSummary';
import { TranslateDialog } from '../../src/compare/TranslateDialog';
import { NO_DIFFERENCES } from '../../src/compare/summary';
import { translateScenario } from '../../src/compare/translate';
import type { Difference } from '../../src/compare/types';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root;
let host: HTMLElement;
beforeEach(() => {
  host = document.createElement('div');
  document.body.appendChild(host);
  root = createRoot(host);
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

async function render(el: ReactElement): Promise<void> {
  await act(async () => root.render(el));
}
function button(name: string): HTMLButtonElement {
  const b = [...document.querySelectorAll('button')].find((x) => x.textContent === name);
  if (!b) throw new Error(`no button "${name}"`);
  return b;
}

const DIFFS: Difference[] = [
  {
    kind: 'statementError',
    statement: 0,
    failsOn: 'postgres',
    sqlite: null,
    postgres: { message: 'ON CONFLICT DO UPDATE command cannot affect row a second time', code: '21000', phase: 'statement', statementIndex: 0 },
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
  it('groups differences by statement and table, with both error messages and the differing cells', async () => {
    await render(createElement(DifferenceSummary, { diffs: DIFFS }));
    const section = document.querySelector('section[aria-label="Differences"]')!;
    expect(section).not.toBeNull();
    expect(section.querySelector('[role="status"]')!.textContent).toBe('2 differences between SQLite and PostgreSQL.');
    expect([...section.querySelectorAll('h3')].map((h) => h.textContent)).toEqual(['Statement 1', 'Table users']);
    const statement = section.querySelector('section[aria-label="Statement 1"]')!;
    expect(statement.textContent).toContain('fails on PostgreSQL only');
    expect(statement.querySelector('.cmp-err')!.textContent).toBe('PostgreSQL ON CONFLICT DO UPDATE command cannot affect row a second time21000');
    expect(statement.querySelector('.cmp-ok')!.textContent).toBe('SQLite no error');
    const table = section.querySelector('section[aria-label="Table users"]')!;
    const cells = [...table.querySelectorAll('table')[0]!.querySelectorAll('tbody td')].map((td) => td.textContent);
    expect(cells).toEqual(["email = 'ada@example.com'", 'name', "'Ada Lovelace'", "'Ada'"]);
    expect(table.querySelectorAll('caption')[1]!.textContent).toBe('Rows only on SQLite');
    const notes = section.querySelector('details.cmp-notes')!;
    expect(notes.querySelector('summary')!.textContent).toBe('Notes on how the runs were compared (1)');
    expect(notes.textContent).toContain('users.active');
  });

  it('says "No differences" when only notes remain', async () => {
    await render(createElement(DifferenceSummary, { diffs: [DIFFS[2]!] }));
    expect(document.querySelector('[role="status"]')!.textContent).toBe(NO_DIFFERENCES);
    expect(document.querySelectorAll('h3')).toHaveLength(0);
    await render(createElement(DifferenceSummary, { diffs: [] }));
    expect(document.querySelector('details')).toBeNull();
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
    const onAccept = vi.fn();
    const onCancel = vi.fn();
    await render(createElement(TranslateDialog, { open: true, from: 'sqlite', to: 'postgres', result, onAccept, onCancel }));
    const dialog = document.querySelector('dialog')!;
    expect(dialog.getAttribute('aria-labelledby')).toBe(dialog.querySelector('h2')!.id);
    expect(dialog.querySelector('h2')!.textContent).toBe('Translate SQLite → PostgreSQL');
    expect(document.activeElement).toBe(dialog.querySelector('h2'));
    const panes = [...dialog.querySelectorAll('pre')];
    expect(panes.map((p) => p.getAttribute('aria-label'))).toEqual(['Translated setup (PostgreSQL)', 'Translated statement (PostgreSQL)']);
    expect(panes[0]!.textContent).toContain('GENERATED BY DEFAULT AS IDENTITY');
    expect(panes[1]!.textContent).toContain('ON CONFLICT (v) DO UPDATE SET ok = true /* ON CONFLICT DO NOTHING */');
    expect(dialog.textContent).toContain('1 construct could not be translated');
    expect(dialog.querySelector('.cmp-problems')!.textContent).toMatch(/Could not translate \(1\)line 1 PostgreSQL allows one ON CONFLICT clause/);
    expect(onAccept).not.toHaveBeenCalled();
    await act(async () => button('Use in the PostgreSQL editors').click());
    expect(onAccept).toHaveBeenCalledTimes(1);
    expect(onCancel).not.toHaveBeenCalled();
  });

  it('Cancel and Esc call onCancel', async () => {
    const onCancel = vi.fn();
    await render(createElement(TranslateDialog, { open: true, from: 'sqlite', to: 'postgres', result, onAccept: vi.fn(), onCancel }));
    await act(async () => button('Cancel').click());
    const dialog = document.querySelector('dialog')!;
    await act(async () => {
      dialog.querySelector('h2')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(onCancel).toHaveBeenCalledTimes(2);
  });

  it('renders nothing inside while closed', async () => {
    await render(createElement(TranslateDialog, { open: false, from: 'sqlite', to: 'postgres', result, onAccept: vi.fn(), onCancel: vi.fn() }));
    expect(document.querySelector('dialog')!.textContent).toBe('');
  });
});
