// @vitest-environment happy-dom
// The share components in a DOM: labels, clipboard and its fallback, Esc, downloads, file picker,
// drag and drop, the error boundary and title/notes.
import { describe, expect, it, vi } from 'vitest';
import { act, createElement } from 'react';
import { mountReactRoot } from './reactDom';
import { exportJson } from '../../src/scenario/file';
import { defaultScenario, type Scenario } from '../../src/scenario/scenario';
import { DropZone } from '../../src/scenario/DropZone';
import { ErrorBoundary } from '../../src/ui/ErrorBoundary';
import { ImportExport } from '../../src/share/ImportExport';
import { ScenarioMetaEditor, ScenarioMetaView } from '../../src/ui/ScenarioMeta';
import { LONG_LINK_CHARS, ShareDialog } from '../../src/share/ShareDialog';
import { copyShareLink, shareLink } from '../../src/share/shareLink';
import { StashBanner } from '../../src/persistence/StashBanner';
import { decideOnLoad, loadStash, loadWork, loadWorkRecord, saveWork, WORK_KEY } from '../../src/persistence/storage';
import { encodeScenario } from '../../src/scenario/link';

const { render, host } = mountReactRoot(() => vi.restoreAllMocks());
function byLabel<T extends HTMLElement>(text: string): T {
  const label = [...document.querySelectorAll('label')].find((l) => l.textContent === text);
  if (!label) throw new Error(`no label "${text}"`);
  const el = document.getElementById(label.htmlFor);
  if (!el) throw new Error(`label "${text}" points nowhere`);
  return el as T;
}
function button(name: string): HTMLButtonElement {
  const b = [...document.querySelectorAll('button')].find((x) => x.textContent === name);
  if (!b) throw new Error(`no button "${name}"`);
  return b;
}
async function click(el: HTMLElement): Promise<void> {
  await act(async () => el.click());
}
function status(): string {
  return document.querySelector('[role="status"]')?.textContent ?? '';
}
function mockClipboard(impl: (text: string) => Promise<void>) {
  const writeText = vi.fn(impl);
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  return writeText;
}

const URL_SHORT = 'https://example.org/#s1/N4IgdghgtgpiBcIDCA';

describe('ShareDialog', () => {
  it('the Share click copies the link; the dialog confirms it', async () => {
    const writeText = mockClipboard(async () => {});
    const scenario = defaultScenario();
    await expect(copyShareLink(scenario)).resolves.toBe(true);
    expect(writeText).toHaveBeenCalledWith(shareLink(scenario));
    expect(shareLink(scenario)).toMatch(/#s1\//);
    await render(
      createElement(ShareDialog, {
        open: true,
        onClose: () => {},
        url: URL_SHORT,
        markdown: () => 'md',
        linkCopied: null,
      }),
    );
    expect(status()).toBe('');
    await render(
      createElement(ShareDialog, {
        open: true,
        onClose: () => {},
        url: URL_SHORT,
        markdown: () => 'md',
        linkCopied: true,
      }),
    );
    expect(status()).toBe('Link copied to the clipboard.');
    const input = byLabel<HTMLInputElement>('Link');
    expect(input.value).toBe(URL_SHORT);
    expect(input.readOnly).toBe(true);
    expect(document.body.textContent).toContain(`${URL_SHORT.length} characters`);
    expect(document.querySelector('.share-warning')).toBeNull();
  });

  it('warns past 2,000 characters and offers Markdown and Export', async () => {
    mockClipboard(async () => {});
    const onExport = vi.fn();
    const long = 'https://example.org/#s1/' + 'A'.repeat(LONG_LINK_CHARS);
    await render(
      createElement(ShareDialog, { open: true, onClose: () => {}, url: long, markdown: () => 'md', onExport }),
    );
    expect(document.querySelector('.share-warning')?.textContent).toMatch(/longer than 2,000 characters/);
    expect(document.body.textContent).toContain(`${long.length.toLocaleString('en')} characters`);
    await click(button('Export JSON'));
    expect(onExport).toHaveBeenCalledTimes(1);
  });

  it('copies Markdown built on demand', async () => {
    const writeText = mockClipboard(async () => {});
    const markdown = vi.fn(() => '### Title');
    await render(createElement(ShareDialog, { open: true, onClose: () => {}, url: URL_SHORT, markdown }));
    expect(markdown).not.toHaveBeenCalled();
    await click(button('Copy Markdown'));
    expect(writeText).toHaveBeenLastCalledWith('### Title');
    expect(status()).toBe('Markdown copied to the clipboard (9 characters).');
    markdown.mockReturnValue('x'.repeat(70_000));
    await click(button('Copy Markdown'));
    expect(status()).toMatch(/\(70,000 characters\): longer than a GitHub issue or comment allows \(65,536\)/);
  });

  it('says so when the Markdown cannot be written, instead of leaving "Link copied" standing', async () => {
    const writeText = mockClipboard(async () => {});
    const markdown = () => {
      throw new RangeError('Maximum call stack size exceeded');
    };
    // The Share click copied the link before the dialog opened.
    await render(
      createElement(ShareDialog, { open: true, onClose: () => {}, url: URL_SHORT, markdown, linkCopied: true }),
    );
    expect(status()).toBe('Link copied to the clipboard.');
    await click(button('Copy Markdown'));
    expect(status()).toMatch(
      /^The Markdown could not be written \(Maximum call stack size exceeded\)\. Share the link or export a file instead\.$/,
    );
    expect(writeText).not.toHaveBeenCalled();
  });

  it('falls back to selected text when the clipboard is refused', async () => {
    mockClipboard(async () => {
      throw new DOMException('Write permission denied.', 'NotAllowedError');
    });
    document.execCommand = vi.fn(() => false);
    await expect(copyShareLink(defaultScenario())).resolves.toBe(false);
    await render(
      createElement(ShareDialog, {
        open: true,
        onClose: () => {},
        url: URL_SHORT,
        markdown: () => '| a |',
        linkCopied: false,
      }),
    );
    expect(status()).toMatch(/did not allow copying\. The link is selected below/);
    const input = byLabel<HTMLInputElement>('Link');
    expect(document.activeElement).toBe(input);
    expect(input.selectionStart).toBe(0);
    expect(input.selectionEnd).toBe(URL_SHORT.length);
    await click(button('Copy Markdown'));
    const md = byLabel<HTMLTextAreaElement>('Markdown');
    expect(md.value).toBe('| a |');
    expect(document.activeElement).toBe(md);
    expect(status()).toMatch(/The Markdown is selected below/);
  });

  it('closes on Esc and on Close', async () => {
    mockClipboard(async () => {});
    const onClose = vi.fn();
    await render(createElement(ShareDialog, { open: true, onClose, url: URL_SHORT, markdown: () => '' }));
    await act(async () => {
      // A browser turns Esc into the dialog's cancel event (the test DOM does not).
      document.querySelector('dialog')!.dispatchEvent(new Event('cancel', { cancelable: true }));
    });
    expect(onClose).toHaveBeenCalledTimes(1);
    await click(button('Close'));
    expect(onClose).toHaveBeenCalledTimes(2);
    await render(createElement(ShareDialog, { open: false, onClose, url: URL_SHORT, markdown: () => '' }));
    expect(document.querySelector('dialog')?.open).toBe(false);
  });
});

describe('ImportExport', () => {
  const scenario: Scenario = { ...defaultScenario(), title: 'Email upsert' };

  it('exports the JSON file through a Blob download', async () => {
    let blob: Blob | null = null;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blob = b as Blob;
      return 'blob:test';
    });
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    await render(createElement(ImportExport, { scenario, onImport: () => {} }));
    await click(button('Export JSON'));
    expect(names).toEqual(['email-upsert.json']);
    expect(await blob!.text()).toBe(exportJson(scenario));
    await click(button('Export SQL'));
    expect(names[1]).toBe('email-upsert.sqlite.sql');
    expect(await blob!.text()).toMatch(/^-- Upsert Playground scenario\n-- Title: Email upsert\n-- Dialect: SQLite/);
  });

  it('imports a picked file and reports bad files without changing anything', async () => {
    const onImport = vi.fn();
    await render(createElement(ImportExport, { scenario, onImport }));
    const input = document.querySelector('input[type="file"]') as HTMLInputElement;
    expect(input.getAttribute('aria-label')).toBe('Import a scenario file');
    const pick = async (file: File) => {
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      await act(async () => {
        input.dispatchEvent(new Event('change', { bubbles: true }));
      });
    };
    const other: Scenario = { ...defaultScenario(), dialect: 'postgres', title: 'Other' };
    await pick(new File([exportJson(other)], 'other.json', { type: 'application/json' }));
    await vi.waitFor(() => expect(onImport).toHaveBeenCalledTimes(1));
    expect(onImport.mock.calls[0]![0]).toMatchObject({ ok: true, scenario: other });
    await pick(new File([new Uint8Array([0, 1, 2, 3])], 'x.json'));
    await vi.waitFor(() => expect(onImport).toHaveBeenCalledTimes(2));
    expect(onImport.mock.calls[1]![0]).toEqual({ ok: false, message: expect.stringMatching(/is not a text file/) });
  });
});

describe('DropZone', () => {
  function dragEvent(type: string, files: File[] = []): Event {
    const e = new Event(type, { bubbles: true, cancelable: true });
    Object.defineProperty(e, 'dataTransfer', { value: { types: ['Files'], files, dropEffect: 'none' } });
    return e;
  }

  it('shows an overlay while a file is dragged over and imports the dropped file', async () => {
    const onImport = vi.fn();
    await render(createElement(DropZone, { scenario: defaultScenario(), onImport }));
    expect(document.querySelector('.share-drop-overlay')).toBeNull();
    const enter = dragEvent('dragenter');
    await act(async () => {
      window.dispatchEvent(enter);
    });
    expect(enter.defaultPrevented).toBe(true);
    expect(document.querySelector('.share-drop-overlay')?.textContent).toMatch(/Drop to import/);
    const drop = dragEvent('drop', [new File(['CREATE TABLE dropped(a);'], 'schema.sql')]);
    await act(async () => {
      window.dispatchEvent(drop);
    });
    expect(drop.defaultPrevented).toBe(true);
    expect(document.querySelector('.share-drop-overlay')).toBeNull();
    await vi.waitFor(() => expect(onImport).toHaveBeenCalledTimes(1));
    expect(onImport.mock.calls[0]![0]).toMatchObject({
      ok: true,
      kind: 'sql',
      scenario: { sqlite: { setup: 'CREATE TABLE dropped(a);' } },
    });
  });

  it('two files dropped at once: none is imported, and the message says why', async () => {
    const onImport = vi.fn();
    await render(createElement(DropZone, { scenario: defaultScenario(), onImport }));
    await act(async () => {
      window.dispatchEvent(dragEvent('drop', [new File(['SELECT 1;'], 'a.sql'), new File(['SELECT 2;'], 'b.sql')]));
    });
    await vi.waitFor(() => expect(onImport).toHaveBeenCalledTimes(1));
    expect(onImport.mock.calls[0]![0]).toEqual({
      ok: false,
      message: '2 files were dropped; a scenario is imported from one file at a time, so none was imported.',
    });
  });

  it('ignores drags that carry no files (text moved inside an editor)', async () => {
    await render(createElement(DropZone, { scenario: defaultScenario(), onImport: () => {} }));
    const e = new Event('dragenter', { bubbles: true, cancelable: true });
    Object.defineProperty(e, 'dataTransfer', { value: { types: ['text/plain'], files: [] } });
    await act(async () => {
      window.dispatchEvent(e);
    });
    expect(e.defaultPrevented).toBe(false);
    expect(document.querySelector('.share-drop-overlay')).toBeNull();
  });
});

describe('ErrorBoundary', () => {
  let shouldThrow = true;
  function Bomb() {
    if (shouldThrow) throw new Error('render exploded');
    return createElement('p', null, 'all good');
  }

  it('shows the error and the ways out, and keeps the autosaved work', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const mine = { ...defaultScenario(), title: 'Precious work' };
    saveWork(mine);
    // The app's reset loads the default scenario, which renders fine.
    const onReset = vi.fn(() => {
      shouldThrow = false;
    });
    shouldThrow = true;
    await render(createElement(ErrorBoundary, { onReset }, createElement(Bomb)));
    const alert = document.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('Something went wrong');
    expect(alert?.textContent).toContain('Error: render exploded');
    await click(button('Reset to default scenario'));
    expect(onReset).toHaveBeenCalledTimes(1);
    expect(localStorage.getItem(WORK_KEY)).not.toBeNull();
    expect(loadWork()).toEqual(mine);
    expect(document.body.textContent).toContain('all good');
  });

  it('the default reset reloads on the default scenario and sets the work aside', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const reload = vi.spyOn(window.location, 'reload').mockImplementation(() => {});
    localStorage.clear();
    const mine = { ...defaultScenario(), title: 'Work that crashed' };
    saveWork(mine);
    shouldThrow = true;
    await render(createElement(ErrorBoundary, null, createElement(Bomb)));
    await click(button('Reset to default scenario'));
    expect(reload).toHaveBeenCalledTimes(1);
    expect(window.location.hash).toBe('#' + encodeScenario(defaultScenario()));
    expect(loadWork()).toEqual(mine);
    expect(loadStash()).toEqual(mine);
    // What the next page load then decides: the default opens, the work stays set aside.
    expect(decideOnLoad({ hash: window.location.hash, saved: loadWorkRecord() })).toEqual({
      scenario: defaultScenario(),
      source: 'link',
      stash: mine,
    });
  });

  it('"Try again" renders the children again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    shouldThrow = true;
    await render(createElement(ErrorBoundary, null, createElement(Bomb)));
    expect(button('Reload')).toBeTruthy();
    shouldThrow = false;
    await click(button('Try again'));
    expect(document.body.textContent).toContain('all good');
  });
});

describe('ScenarioMeta', () => {
  it('edits title and notes through labelled fields', async () => {
    const onChange = vi.fn();
    await render(createElement(ScenarioMetaEditor, { title: 'T', notes: '', onChange }));
    const title = byLabel<HTMLInputElement>('Title');
    expect(title.value).toBe('T');
    expect(title.maxLength).toBe(200);
    await act(async () => {
      const notes = byLabel<HTMLTextAreaElement>('Notes');
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(notes, 'Look at row 2');
      notes.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(onChange).toHaveBeenCalledWith({ notes: 'Look at row 2' });
    expect(document.querySelector('details')?.open).toBe(true);
    // Deleting the last character must not snap the section shut under the cursor.
    await render(createElement(ScenarioMetaEditor, { title: '', notes: '', onChange }));
    expect(document.querySelector('details')?.open).toBe(true);
  });

  it('starts collapsed when there is nothing to show', async () => {
    await render(createElement(ScenarioMetaEditor, { title: '', notes: '', onChange: () => {} }));
    expect(document.querySelector('details')?.open).toBe(false);
    expect(document.querySelector('summary')?.textContent).toBe('Title and notes');
  });

  it('shows notes as plain text, and nothing when empty', async () => {
    await render(createElement(ScenarioMetaView, { title: 'Upsert', notes: '<b>not bold</b>\nline 2' }));
    expect(document.querySelector('h2')?.textContent).toBe('Upsert');
    expect(document.querySelector('b')).toBeNull();
    expect(document.querySelector('.share-meta-view__notes')?.textContent).toBe('<b>not bold</b>\nline 2');
    await render(createElement(ScenarioMetaView, {}));
    expect(host().innerHTML).toBe('');
  });
});

describe('StashBanner', () => {
  it('offers the way back to the set-aside work', async () => {
    const onRestore = vi.fn();
    const onDismiss = vi.fn();
    await render(createElement(StashBanner, { stash: { ...defaultScenario(), title: 'Mine' }, onRestore, onDismiss }));
    expect(document.body.textContent).toContain('You opened a shared link; “Mine” was kept.');
    await click(button('Back to my scenario'));
    expect(onRestore).toHaveBeenCalledTimes(1);
    await click(button('Forget it'));
    expect(onDismiss).toHaveBeenCalledTimes(1);
    await render(createElement(StashBanner, { stash: null, onRestore, onDismiss: () => {} }));
    expect(host().innerHTML).toBe('');
  });

  it('shows titles from links as isolated data, and lists the other kept scenarios with open and forget', async () => {
    const onOpenRecent = vi.fn();
    const onForgetRecent = vi.fn();
    const recent = [
      {
        id: 'k1',
        title: '',
        summary: 'SQLite: SELECT 1;',
        savedAt: Date.UTC(2026, 0, 2, 3, 4),
        reason: 'other-tab' as const,
        chars: 10,
      },
    ];
    await render(
      createElement(StashBanner, {
        stash: { ...defaultScenario(), title: '\u202Eevil' },
        onRestore: () => {},
        onDismiss: () => {},
        recent,
        onOpenRecent,
        onForgetRecent,
      }),
    );
    const bdi = document.querySelector('.share-stash-banner p bdi');
    expect(bdi?.textContent).toBe('\u202Eevil');
    expect(document.querySelector('summary')?.textContent).toBe('Recent work (1 more)');
    expect(document.querySelector('ul[aria-label="Recent work"] li')?.textContent).toMatch(
      /^“SQLite: SELECT 1;” saved in another tab /,
    );
    await click(document.querySelector<HTMLButtonElement>('button[aria-label="Open “SQLite: SELECT 1;”"]')!);
    expect(onOpenRecent).toHaveBeenCalledWith('k1');
    await click(document.querySelector<HTMLButtonElement>('button[aria-label="Forget “SQLite: SELECT 1;”"]')!);
    expect(onForgetRecent).toHaveBeenCalledWith('k1');
  });
});
