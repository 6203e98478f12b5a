// @vitest-environment happy-dom
// The builder form in a DOM: labels, live SQL, NULL toggles, paste, disabled strategies with
// visible reasons, dialect switches keeping the form, "Use this statement", copy and its fallback.
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createElement } from 'react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ColumnInfo, Dialect, TableSchema } from '../../src/engine/types';
import { BuilderForm, type BuilderFormProps } from '../../src/builder/BuilderForm';
import type { BuilderState } from '../../src/builder/model';

const col = (name: string, type: string, extra: Partial<ColumnInfo> = {}): ColumnInfo => ({
  name,
  type,
  notNull: false,
  defaultExpr: null,
  generated: false,
  identity: false,
  ...extra,
});

function tables(d: Dialect): TableSchema[] {
  return [
    {
      name: 'kv',
      schema: d === 'sqlite' ? 'main' : 'public',
      columns: [col('k', 'text', { notNull: true }), col('v', 'integer'), col('note', 'text')],
      primaryKey: ['k'],
      uniqueKeys: [
        {
          name: d === 'sqlite' ? 'sqlite_autoindex_kv_1' : 'kv_pkey',
          kind: 'primary',
          columns: ['k'],
          predicate: null,
          hasExpressions: false,
        },
      ],
      hasRowid: d === 'sqlite',
    },
    {
      name: 'log',
      schema: d === 'sqlite' ? 'main' : 'public',
      columns: [col('msg', 'text')],
      primaryKey: [],
      uniqueKeys: [],
      hasRowid: d === 'sqlite',
    },
  ];
}

afterEach(() => vi.restoreAllMocks());

/** The SQL the form generates, as shown in its labelled text area. */
const sql = () => screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Generated SQL' }).value;

function props(d: Dialect, extra: Partial<BuilderFormProps> = {}): BuilderFormProps {
  return { dialect: d, tables: tables(d), onUseStatement: () => {}, ...extra };
}

describe('BuilderForm', () => {
  test('every control is labelled and the SQL follows the grid', async () => {
    const user = userEvent.setup();
    render(createElement(BuilderForm, props('sqlite')));
    expect(screen.getByRole('combobox', { name: 'Table' })).toHaveValue('kv');
    expect(screen.getByRole('table', { name: 'Rows to insert' })).toBeInTheDocument();
    for (const legend of [
      'Columns to insert',
      'Rows',
      'Strategy',
      'Conflict target',
      'On conflict, each column',
      'Update the existing row',
      'RETURNING',
    ]) {
      expect(screen.getByRole('group', { name: legend })).toBeInTheDocument();
    }
    await user.type(screen.getByRole('textbox', { name: 'Row 1, k' }), "it's");
    await user.type(screen.getByRole('textbox', { name: 'Row 1, v' }), '42');
    expect(sql()).toContain(`('it''s', 42, NULL)`);
    expect(sql()).toContain('ON CONFLICT (k) DO UPDATE SET');
    expect(screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'SQLAlchemy code' }).value).toContain(
      'from sqlalchemy.dialects.sqlite import insert',
    );
  });

  test('NULL is distinct from the empty string', async () => {
    const user = userEvent.setup();
    render(createElement(BuilderForm, props('postgres')));
    await user.type(screen.getByRole('textbox', { name: 'Row 1, k' }), 'a');
    const toggle = screen.getByRole('button', { name: 'Row 1, note: NULL' });
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    expect(sql()).toContain(`('a', NULL, '')`);
    await user.click(toggle);
    expect(sql()).toContain(`('a', NULL, NULL)`);
  });

  test('strategies the dialect cannot run are disabled, with the reason shown', () => {
    const { container, rerender } = render(createElement(BuilderForm, props('sqlite')));
    const merge = screen.getByRole('radio', { name: 'MERGE' });
    expect(merge).toBeDisabled();
    expect(merge).toHaveAccessibleDescription(/PostgreSQL only/);
    expect(container).toHaveTextContent('PostgreSQL only (15+): SQLite has no MERGE.');
    rerender(createElement(BuilderForm, props('postgres')));
    expect(screen.getByRole('radio', { name: 'INSERT OR REPLACE' })).toBeDisabled();
    expect(container).toHaveTextContent('SQLite only: PostgreSQL has no INSERT OR');
  });

  test('switching the dialect regenerates from the same form', async () => {
    const user = userEvent.setup();
    const { rerender } = render(createElement(BuilderForm, props('sqlite')));
    await user.type(screen.getByRole('textbox', { name: 'Row 1, k' }), 'x');
    await user.click(screen.getByRole('radio', { name: 'INSERT OR IGNORE' }));
    expect(sql()).toMatch(/^INSERT OR IGNORE INTO kv/);
    rerender(createElement(BuilderForm, props('postgres')));
    expect(sql()).toContain(`('x', NULL, NULL)`);
    expect(sql()).toContain('DO NOTHING');
    expect(screen.getByRole('list', { name: 'Notes' }).textContent).toMatch(
      /INSERT OR IGNORE does not exist in PostgreSQL/,
    );
    rerender(createElement(BuilderForm, props('sqlite')));
    expect(sql()).toMatch(/^INSERT OR IGNORE INTO kv/);
  });

  test('pasting TSV into a cell fills the grid from there', async () => {
    const user = userEvent.setup();
    const { container } = render(createElement(BuilderForm, props('sqlite')));
    await user.click(screen.getByRole('textbox', { name: 'Row 1, k' }));
    await user.paste('a\t1\tNULL\nb\t2\t');
    expect(screen.getByRole('textbox', { name: 'Row 1, k' })).toHaveValue('a');
    expect(screen.getByRole('textbox', { name: 'Row 2, k' })).toHaveValue('b');
    expect(sql()).toContain(`('a', 1, NULL),\n  ('b', 2, '')`);
    expect(container).toHaveTextContent('2 row(s) pasted.');
  });

  test('Enter moves down a row and adds one at the end', async () => {
    const user = userEvent.setup();
    render(createElement(BuilderForm, props('sqlite')));
    expect(screen.queryByRole('textbox', { name: 'Row 2, v' })).toBeNull();
    await user.click(screen.getByRole('textbox', { name: 'Row 1, v' }));
    await user.keyboard('{Enter}');
    expect(screen.getByRole('textbox', { name: 'Row 2, v' })).toHaveFocus();
  });

  test('the paste box takes CSV with a header; rows can be removed', async () => {
    const user = userEvent.setup();
    render(createElement(BuilderForm, props('sqlite')));
    // The box is folded away under its summary, as on the page.
    await user.click(screen.getByText('Paste CSV or TSV', { selector: 'summary' }));
    await user.click(screen.getByRole('textbox', { name: 'CSV or TSV text' }));
    await user.paste('note,k\n"x, y",k1\n"NULL",k2\n');
    await user.click(screen.getByRole('button', { name: 'Add pasted rows' }));
    expect(sql()).toContain(`('k1', NULL, 'x, y'),\n  ('k2', NULL, 'NULL')`);
    await user.click(screen.getByRole('button', { name: 'Remove row 1' }));
    expect(sql()).not.toContain('k1');
  });

  test('"Use this statement" hands over the SQL; copy uses the clipboard, else selects the text', async () => {
    const user = userEvent.setup();
    const onUse = vi.fn();
    const { container } = render(createElement(BuilderForm, props('postgres', { onUseStatement: onUse })));
    await user.type(screen.getByRole('textbox', { name: 'Row 1, k' }), 'z');
    await user.click(screen.getByRole('button', { name: 'Use this statement' }));
    expect(onUse).toHaveBeenCalledWith(sql());
    // After userEvent.setup(), which puts a clipboard of its own in place.
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const sa = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'SQLAlchemy code' });
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    expect(writeText).toHaveBeenCalledWith(sa.value);
    expect(container).toHaveTextContent('Copied to the clipboard.');
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: vi.fn().mockRejectedValue(new Error('denied')) },
      configurable: true,
    });
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    expect(sa).toHaveFocus();
    expect(container).toHaveTextContent('Selected: press Ctrl+C');
  });

  test('a table without keys: only strategies that need none are offered', async () => {
    const user = userEvent.setup();
    const { container } = render(createElement(BuilderForm, props('postgres')));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Table' }), 'log');
    expect(screen.getByRole('radio', { name: 'ON CONFLICT … DO UPDATE' })).toBeDisabled();
    expect(screen.getByRole('radio', { name: 'ON CONFLICT … DO NOTHING' })).toBeChecked();
    expect(container).toHaveTextContent('no primary key or unique constraint');
  });

  test('controlled: the shell can keep the state', async () => {
    const user = userEvent.setup();
    let saved: BuilderState | null = null;
    const onStateChange = (s: BuilderState) => {
      saved = s;
    };
    const { rerender } = render(createElement(BuilderForm, props('sqlite', { state: null, onStateChange })));
    await user.type(screen.getByRole('textbox', { name: 'Row 1, k' }), 'q');
    expect(saved).not.toBeNull();
    expect((saved as BuilderState | null)?.rows[0]?.k).toBe('q');
    rerender(createElement(BuilderForm, props('postgres', { state: saved, onStateChange })));
    expect(sql()).toContain(`('q', NULL, NULL)`);
  });

  test('no tables: says why', () => {
    const { container, rerender } = render(
      createElement(BuilderForm, { dialect: 'sqlite', tables: [], onUseStatement: () => {} }),
    );
    const builder = within(screen.getByRole('region', { name: 'Upsert builder' }));
    expect(builder.getByText(/^The setup script creates no tables yet\./)).toBeInTheDocument();
    rerender(
      createElement(BuilderForm, {
        dialect: 'sqlite',
        tables: [],
        schemaError: 'near "CREAT": syntax error',
        onUseStatement: () => {},
      }),
    );
    expect(container).toHaveTextContent('The schema could not be read: near "CREAT": syntax error');
  });
});
