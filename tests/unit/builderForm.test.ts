// @vitest-environment happy-dom
// The builder form in a DOM: labels, live SQL, NULL toggles, paste, disabled strategies with
// visible reasons, dialect switches keeping the form, "Use this statement", copy and its fallback.
import { describe, expect, test, vi } from 'vitest';
import { act, createElement } from 'react';
import { mountReactRoot } from './reactDom';
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

const { render, host: currentHost } = mountReactRoot(() => vi.restoreAllMocks());

/** The control a <label> with exactly this text points to. */
function byLabel<T extends HTMLElement>(text: string): T {
  const label = [...currentHost().querySelectorAll('label')].find((l) => l.textContent?.trim() === text);
  if (!label) throw new Error(`no label "${text}"`);
  const el = document.getElementById(label.htmlFor);
  if (!el) throw new Error(`label "${text}" points nowhere`);
  return el as T;
}

function button(name: string): HTMLButtonElement {
  const b = [...currentHost().querySelectorAll('button')].find(
    (x) => x.getAttribute('aria-label') === name || x.textContent?.trim() === name,
  );
  if (!b) throw new Error(`no button "${name}"`);
  return b;
}

async function type(input: HTMLInputElement | HTMLTextAreaElement, value: string) {
  await act(async () => {
    const proto = input instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function click(el: HTMLElement) {
  await act(async () => el.click());
}

const sql = () => byLabel<HTMLTextAreaElement>('Generated SQL').value;

function props(d: Dialect, extra: Partial<BuilderFormProps> = {}): BuilderFormProps {
  return { dialect: d, tables: tables(d), onUseStatement: () => {}, ...extra };
}

describe('BuilderForm', () => {
  test('every control is labelled and the SQL follows the grid', async () => {
    await render(createElement(BuilderForm, props('sqlite')));
    expect(byLabel<HTMLSelectElement>('Table').value).toBe('kv');
    expect(currentHost().querySelector('table caption')?.textContent).toBe('Rows to insert');
    for (const legend of [
      'Columns to insert',
      'Rows',
      'Strategy',
      'Conflict target',
      'On conflict, each column',
      'Update the existing row',
      'RETURNING',
    ]) {
      expect([...currentHost().querySelectorAll('legend')].map((l) => l.textContent)).toContain(legend);
    }
    await type(byLabel('Row 1, k'), "it's");
    await type(byLabel('Row 1, v'), '42');
    expect(sql()).toContain(`('it''s', 42, NULL)`);
    expect(sql()).toContain('ON CONFLICT (k) DO UPDATE SET');
    expect(byLabel<HTMLTextAreaElement>('SQLAlchemy code').value).toContain(
      'from sqlalchemy.dialects.sqlite import insert',
    );
  });

  test('NULL is distinct from the empty string', async () => {
    await render(createElement(BuilderForm, props('postgres')));
    await type(byLabel('Row 1, k'), 'a');
    const toggle = button('Row 1, note: NULL');
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    await click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    expect(sql()).toContain(`('a', NULL, '')`);
    await click(toggle);
    expect(sql()).toContain(`('a', NULL, NULL)`);
  });

  test('strategies the dialect cannot run are disabled, with the reason shown', async () => {
    await render(createElement(BuilderForm, props('sqlite')));
    const merge = byLabel<HTMLInputElement>('MERGE');
    expect(merge.disabled).toBe(true);
    const why = document.getElementById(merge.getAttribute('aria-describedby') ?? '');
    expect(why?.textContent).toMatch(/PostgreSQL only/);
    expect(currentHost().textContent).toContain('PostgreSQL only (15+): SQLite has no MERGE.');
    await render(createElement(BuilderForm, props('postgres')));
    expect(byLabel<HTMLInputElement>('INSERT OR REPLACE').disabled).toBe(true);
    expect(currentHost().textContent).toContain('SQLite only: PostgreSQL has no INSERT OR');
  });

  test('switching the dialect regenerates from the same form', async () => {
    await render(createElement(BuilderForm, props('sqlite')));
    await type(byLabel('Row 1, k'), 'x');
    await click(byLabel('INSERT OR IGNORE'));
    expect(sql()).toMatch(/^INSERT OR IGNORE INTO kv/);
    await render(createElement(BuilderForm, props('postgres')));
    expect(sql()).toContain(`('x', NULL, NULL)`);
    expect(sql()).toContain('DO NOTHING');
    expect(currentHost().querySelector('.ub-warnings')?.textContent).toMatch(
      /INSERT OR IGNORE does not exist in PostgreSQL/,
    );
    await render(createElement(BuilderForm, props('sqlite')));
    expect(sql()).toMatch(/^INSERT OR IGNORE INTO kv/);
  });

  test('pasting TSV into a cell fills the grid from there', async () => {
    await render(createElement(BuilderForm, props('sqlite')));
    const cell = byLabel<HTMLInputElement>('Row 1, k');
    await act(async () => {
      const e = new Event('paste', { bubbles: true, cancelable: true }) as Event & { clipboardData: unknown };
      Object.defineProperty(e, 'clipboardData', { value: { getData: () => 'a\t1\tNULL\nb\t2\t' } });
      cell.dispatchEvent(e);
    });
    expect(byLabel<HTMLInputElement>('Row 2, k').value).toBe('b');
    expect(sql()).toContain(`('a', 1, NULL),\n  ('b', 2, '')`);
    expect(currentHost().textContent).toContain('2 row(s) pasted.');
  });

  test('Enter moves down a row and adds one at the end', async () => {
    await render(createElement(BuilderForm, props('sqlite')));
    const cell = byLabel<HTMLInputElement>('Row 1, v');
    await act(async () => {
      cell.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    });
    expect(document.activeElement).toBe(byLabel('Row 2, v'));
  });

  test('the paste box takes CSV with a header; rows can be removed', async () => {
    await render(createElement(BuilderForm, props('sqlite')));
    await type(byLabel('CSV or TSV text'), 'note,k\n"x, y",k1\n"NULL",k2\n');
    await click(button('Add pasted rows'));
    expect(sql()).toContain(`('k1', NULL, 'x, y'),\n  ('k2', NULL, 'NULL')`);
    await click(button('Remove row 1'));
    expect(sql()).not.toContain('k1');
  });

  test('"Use this statement" hands over the SQL; copy uses the clipboard, else selects the text', async () => {
    const onUse = vi.fn();
    await render(createElement(BuilderForm, props('postgres', { onUseStatement: onUse })));
    await type(byLabel('Row 1, k'), 'z');
    await click(button('Use this statement'));
    expect(onUse).toHaveBeenCalledWith(sql());
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await click(button('Copy'));
    expect(writeText).toHaveBeenCalledWith(byLabel<HTMLTextAreaElement>('SQLAlchemy code').value);
    expect(currentHost().textContent).toContain('Copied to the clipboard.');
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: vi.fn().mockRejectedValue(new Error('denied')) },
      configurable: true,
    });
    await click(button('Copy'));
    expect(document.activeElement).toBe(byLabel('SQLAlchemy code'));
    expect(currentHost().textContent).toContain('Selected: press Ctrl+C');
  });

  test('a table without keys: only strategies that need none are offered', async () => {
    await render(createElement(BuilderForm, props('postgres')));
    await act(async () => {
      const select = byLabel<HTMLSelectElement>('Table');
      select.value = 'log';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(byLabel<HTMLInputElement>('ON CONFLICT … DO UPDATE').disabled).toBe(true);
    expect(byLabel<HTMLInputElement>('ON CONFLICT … DO NOTHING').checked).toBe(true);
    expect(currentHost().textContent).toContain('no primary key or unique constraint');
  });

  test('controlled: the shell can keep the state', async () => {
    let saved: BuilderState | null = null;
    const onStateChange = (s: BuilderState) => {
      saved = s;
    };
    await render(createElement(BuilderForm, props('sqlite', { state: null, onStateChange })));
    await type(byLabel('Row 1, k'), 'q');
    expect(saved).not.toBeNull();
    expect((saved as BuilderState | null)?.rows[0]?.k).toBe('q');
    await render(createElement(BuilderForm, props('postgres', { state: saved, onStateChange })));
    expect(sql()).toContain(`('q', NULL, NULL)`);
  });

  test('no tables: says why', async () => {
    await render(createElement(BuilderForm, { dialect: 'sqlite', tables: [], onUseStatement: () => {} }));
    expect(currentHost().textContent).toContain('The setup script creates no tables yet.');
    await render(
      createElement(BuilderForm, {
        dialect: 'sqlite',
        tables: [],
        schemaError: 'near "CREAT": syntax error',
        onUseStatement: () => {},
      }),
    );
    expect(currentHost().textContent).toContain('The schema could not be read: near "CREAT": syntax error');
  });
});
