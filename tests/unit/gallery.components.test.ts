// @vitest-environment happy-dom
// The gallery components in a DOM: the dialog's labels, filters, picking, Esc and Tab; the panel's
// paragraphs, code and the reason shown for a dialect an example cannot run on.
import { describe, expect, it, vi } from 'vitest';
import { act, createElement } from 'react';
import { mountReactRoot } from './reactDom';
import { ExamplesDialog } from '../../src/gallery/ExamplesDialog';
import { ExplanationPanel } from '../../src/gallery/ExplanationPanel';
import { EXAMPLES, findExample } from '../../src/gallery/gallery';

const { render } = mountReactRoot();
const picks = () => [...document.querySelectorAll<HTMLButtonElement>('button.gallery-pick')];
const tagButton = (name: string) => {
  const b = [...document.querySelectorAll<HTMLButtonElement>('[role="group"] button')].find(
    (x) => x.textContent === name,
  );
  if (!b) throw new Error(`no tag button ${name}`);
  return b;
};
async function key(el: Element, k: string, shiftKey = false) {
  await act(async () => {
    el.dispatchEvent(new KeyboardEvent('keydown', { key: k, shiftKey, bubbles: true, cancelable: true }));
  });
}
async function type(input: HTMLInputElement, value: string) {
  await act(async () => {
    // The prototype's setter, so React's value tracker sees a change.
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

function dialogProps(over: Partial<Parameters<typeof ExamplesDialog>[0]> = {}) {
  return { open: true, onClose: vi.fn(), onPick: vi.fn(), currentDialect: 'sqlite' as const, ...over };
}

describe('ExamplesDialog', () => {
  it('is a labelled modal dialog listing every example, with the search focused', async () => {
    await render(createElement(ExamplesDialog, dialogProps()));
    const dialog = document.querySelector('dialog')!;
    expect(dialog.open).toBe(true);
    const heading = document.getElementById(dialog.getAttribute('aria-labelledby')!);
    expect(heading?.textContent).toBe('Examples');
    expect(picks()).toHaveLength(EXAMPLES.length);
    const search = document.querySelector('input[type="search"]') as HTMLInputElement;
    expect(document.querySelector(`label[for="${search.id}"]`)?.textContent).toBe('Search examples');
    expect(document.activeElement).toBe(search);
    expect(document.querySelector('[role="status"]')?.textContent).toBe(`${EXAMPLES.length} examples`);
  });

  it('renders nothing inside while closed', async () => {
    await render(createElement(ExamplesDialog, dialogProps({ open: false })));
    expect(picks()).toHaveLength(0);
  });

  it('filters by toggle buttons with aria-pressed, and clears them', async () => {
    await render(createElement(ExamplesDialog, dialogProps()));
    const pg = tagButton('PostgreSQL only');
    expect(pg.getAttribute('aria-pressed')).toBe('false');
    await act(async () => pg.click());
    expect(pg.getAttribute('aria-pressed')).toBe('true');
    expect(picks().map((b) => b.textContent)).toEqual(
      EXAMPLES.filter((e) => e.tags.includes('postgres-only')).map((e) => e.title),
    );
    expect(document.querySelector('[role="status"]')?.textContent).toBe('3 examples tagged PostgreSQL only');
    await act(async () => tagButton('Clear tags').click());
    expect(picks()).toHaveLength(EXAMPLES.length);
  });

  it('filters by text and says when nothing matches', async () => {
    await render(createElement(ExamplesDialog, dialogProps()));
    const search = document.querySelector('input[type="search"]') as HTMLInputElement;
    await type(search, 'merge_action');
    expect(picks().map((b) => b.textContent)).toEqual([findExample('postgres-merge')!.title]);
    await type(search, 'no such words here');
    expect(picks()).toHaveLength(0);
    expect(document.body.textContent).toContain('No example matches');
  });

  it('picks an example, shows dialect badges and where a one-dialect example opens', async () => {
    const props = dialogProps();
    await render(createElement(ExamplesDialog, props));
    const merge = picks().find((b) => b.textContent === findExample('postgres-merge')!.title)!;
    const desc = document.getElementById(merge.getAttribute('aria-describedby')!)!;
    expect(desc.textContent).toContain('PostgreSQL');
    expect(desc.textContent).not.toContain('SQLite');
    expect(desc.textContent).toContain('opens in PostgreSQL');
    await act(async () => merge.click());
    expect(props.onPick).toHaveBeenCalledWith(findExample('postgres-merge'));
  });

  it('closes on Esc (the cancel event a browser fires for it) through onClose', async () => {
    const props = dialogProps();
    await render(createElement(ExamplesDialog, props));
    const dialog = document.querySelector('dialog')!;
    const cancel = new Event('cancel', { cancelable: true });
    await act(async () => dialog.dispatchEvent(cancel));
    expect(props.onClose).toHaveBeenCalledTimes(1);
    // The parent closes it: the dialog does not close itself.
    expect(cancel.defaultPrevented).toBe(true);
  });

  it('moves between examples with the arrow keys', async () => {
    await render(createElement(ExamplesDialog, dialogProps()));
    const [first, second] = picks();
    first!.focus();
    await key(first!, 'ArrowDown');
    expect(document.activeElement).toBe(second);
    await key(second!, 'End');
    expect(document.activeElement).toBe(picks()[picks().length - 1]);
    await key(document.activeElement!, 'Home');
    expect(document.activeElement).toBe(first);
  });
});

describe('ExplanationPanel', () => {
  it('shows the title and the paragraphs of the dialect, with backticks as <code>', async () => {
    const ex = findExample('inventory-accumulation')!;
    await render(createElement(ExplanationPanel, { example: ex, dialect: 'postgres' }));
    const section = document.querySelector('section[aria-label="Explanation"]')!;
    expect(section.querySelector('h2')?.textContent).toBe(ex.title);
    const paragraphs = [...section.querySelectorAll(':scope > p')];
    expect(paragraphs).toHaveLength(ex.dialects.postgres!.explanation.length);
    expect([...section.querySelectorAll('code')].map((c) => c.textContent)).toContain('products.stock');
    expect(section.textContent).not.toContain('`');
    expect(section.querySelector('a')?.getAttribute('href')).toBe('#example/inventory-accumulation');
  });

  it('shows the explanation written for the dialect on screen', async () => {
    const ex = findExample('same-key-twice-in-batch')!;
    await render(createElement(ExplanationPanel, { example: ex, dialect: 'sqlite' }));
    expect(document.body.textContent).toContain('SQLite applies the rows one after the other');
    await render(createElement(ExplanationPanel, { example: ex, dialect: 'postgres' }));
    expect(document.body.textContent).toContain('cannot affect row a second time');
  });

  it('gives the reason when the example cannot run on the dialect on screen', async () => {
    const ex = findExample('postgres-merge')!;
    await render(createElement(ExplanationPanel, { example: ex, dialect: 'sqlite' }));
    const text = document.querySelector('section[aria-label="Explanation"]')!.textContent ?? '';
    expect(text).toContain('This example needs PostgreSQL.');
    expect(text).toContain('SQLite has no MERGE statement');
    expect(text).not.toContain(ex.dialects.postgres!.explanation[0]!.slice(0, 30));
  });
});
