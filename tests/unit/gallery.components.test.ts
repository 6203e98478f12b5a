// @vitest-environment happy-dom
// The gallery components in a DOM: the dialog's labels, filters, picking, Esc and Tab; the panel's
// paragraphs, code and the reason shown for a dialect an example cannot run on.
import { describe, expect, it, vi } from 'vitest';
import { createElement } from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ExamplesDialog } from '../../src/gallery/ExamplesDialog';
import { ExplanationPanel } from '../../src/gallery/ExplanationPanel';
import { EXAMPLES, findExample } from '../../src/gallery/gallery';

/** The examples to pick from, in the order shown. */
const picks = () => within(screen.getByRole('list', { name: 'Examples' })).getAllByRole('button');

function dialogProps(over: Partial<Parameters<typeof ExamplesDialog>[0]> = {}) {
  return { open: true, onClose: vi.fn(), onPick: vi.fn(), currentDialect: 'sqlite' as const, ...over };
}

describe('ExamplesDialog', () => {
  it('is a labelled modal dialog listing every example, with the search focused', () => {
    render(createElement(ExamplesDialog, dialogProps()));
    const dialog = screen.getByRole<HTMLDialogElement>('dialog', { name: 'Examples' });
    expect(dialog.open).toBe(true);
    expect(picks()).toHaveLength(EXAMPLES.length);
    const search = screen.getByRole('searchbox', { name: 'Search examples' });
    expect(search).toHaveFocus();
    expect(screen.getByRole('status').textContent).toBe(`${EXAMPLES.length} examples`);
  });

  it('renders nothing inside while closed', () => {
    render(createElement(ExamplesDialog, dialogProps({ open: false })));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.queryAllByRole('button', { hidden: true })).toHaveLength(0);
  });

  it('filters by toggle buttons with aria-pressed, and clears them', async () => {
    const user = userEvent.setup();
    render(createElement(ExamplesDialog, dialogProps()));
    const tags = within(screen.getByRole('group', { name: 'Filter by tag' }));
    const pg = tags.getByRole('button', { name: 'PostgreSQL only' });
    expect(pg).toHaveAttribute('aria-pressed', 'false');
    await user.click(pg);
    expect(pg).toHaveAttribute('aria-pressed', 'true');
    expect(picks().map((b) => b.textContent)).toEqual(
      EXAMPLES.filter((e) => e.tags.includes('postgres-only')).map((e) => e.title),
    );
    expect(screen.getByRole('status').textContent).toBe('3 examples tagged PostgreSQL only');
    await user.click(tags.getByRole('button', { name: 'Clear tags' }));
    expect(picks()).toHaveLength(EXAMPLES.length);
  });

  it('filters by text and says when nothing matches', async () => {
    const user = userEvent.setup();
    render(createElement(ExamplesDialog, dialogProps()));
    const search = screen.getByRole('searchbox', { name: 'Search examples' });
    await user.type(search, 'merge_action');
    expect(picks().map((b) => b.textContent)).toEqual([findExample('postgres-merge')!.title]);
    await user.clear(search);
    await user.type(search, 'no such words here');
    expect(screen.queryByRole('list', { name: 'Examples' })).toBeNull();
    expect(screen.getByRole('dialog')).toHaveTextContent('No example matches');
  });

  it('picks an example, shows dialect badges and where a one-dialect example opens', async () => {
    const user = userEvent.setup();
    const props = dialogProps();
    render(createElement(ExamplesDialog, props));
    const merge = within(screen.getByRole('list', { name: 'Examples' })).getByRole('button', {
      name: findExample('postgres-merge')!.title,
    });
    // Its description: the badges of the dialects it runs on, and where it opens.
    expect(merge).toHaveAccessibleDescription(/PostgreSQL/);
    expect(merge).not.toHaveAccessibleDescription(/SQLite/);
    expect(merge).toHaveAccessibleDescription(/opens in PostgreSQL/);
    await user.click(merge);
    expect(props.onPick).toHaveBeenCalledWith(findExample('postgres-merge'));
  });

  it('closes on Esc (the cancel event a browser fires for it) through onClose', async () => {
    const user = userEvent.setup();
    const props = dialogProps();
    render(createElement(ExamplesDialog, props));
    const cancel = new Event('cancel', { cancelable: true });
    fireEvent(screen.getByRole('dialog'), cancel);
    expect(props.onClose).toHaveBeenCalledTimes(1);
    // The parent closes it: the dialog does not close itself.
    expect(cancel.defaultPrevented).toBe(true);
    // The key itself, pressed in the search field that has the focus, closes it too.
    await user.keyboard('{Escape}');
    expect(props.onClose).toHaveBeenCalledTimes(2);
  });

  it('moves between examples with the arrow keys', async () => {
    const user = userEvent.setup();
    render(createElement(ExamplesDialog, dialogProps()));
    const [first, second] = picks();
    first!.focus();
    await user.keyboard('{ArrowDown}');
    expect(second).toHaveFocus();
    await user.keyboard('{End}');
    expect(picks()[picks().length - 1]).toHaveFocus();
    await user.keyboard('{Home}');
    expect(first).toHaveFocus();
  });
});

describe('ExplanationPanel', () => {
  it('shows the title and the paragraphs of the dialect, with backticks as <code>', () => {
    const ex = findExample('inventory-accumulation')!;
    render(createElement(ExplanationPanel, { example: ex, dialect: 'postgres' }));
    const section = screen.getByRole('region', { name: 'Explanation' });
    const panel = within(section);
    expect(panel.getByRole('heading', { level: 2 }).textContent).toBe(ex.title);
    // The explanation's paragraphs follow the header (which has paragraphs of its own).
    const paragraphs = panel.getAllByRole('paragraph').filter((p) => p.parentElement === section);
    expect(paragraphs).toHaveLength(ex.dialects.postgres!.explanation.length);
    expect(panel.getAllByRole('code').map((c) => c.textContent)).toContain('products.stock');
    expect(section.textContent).not.toContain('`');
    expect(panel.getByRole('link')).toHaveAttribute('href', '#example/inventory-accumulation');
  });

  it('shows the explanation written for the dialect on screen', () => {
    const ex = findExample('same-key-twice-in-batch')!;
    const { rerender } = render(createElement(ExplanationPanel, { example: ex, dialect: 'sqlite' }));
    const section = screen.getByRole('region', { name: 'Explanation' });
    expect(section).toHaveTextContent('SQLite applies the rows one after the other');
    rerender(createElement(ExplanationPanel, { example: ex, dialect: 'postgres' }));
    expect(section).toHaveTextContent('cannot affect row a second time');
  });

  it('gives the reason when the example cannot run on the dialect on screen', () => {
    const ex = findExample('postgres-merge')!;
    render(createElement(ExplanationPanel, { example: ex, dialect: 'sqlite' }));
    const text = screen.getByRole('region', { name: 'Explanation' }).textContent ?? '';
    expect(text).toContain('This example needs PostgreSQL.');
    expect(text).toContain('SQLite has no MERGE statement');
    expect(text).not.toContain(ex.dialects.postgres!.explanation[0]!.slice(0, 30));
    expect(screen.getByRole('note')).toHaveTextContent('This example needs PostgreSQL.');
  });
});
