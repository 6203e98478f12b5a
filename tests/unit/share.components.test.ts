// @vitest-environment happy-dom
// The share components in a DOM: labels, clipboard and its fallback, Esc, downloads, file picker,
// drag and drop, the error boundary and title/notes.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createElement } from 'react';
import { createEvent, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
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

afterEach(() => vi.restoreAllMocks());

/** A clipboard whose writeText is `impl`; call it after userEvent.setup(), which puts its own in place. */
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
    const { rerender } = render(
      createElement(ShareDialog, {
        open: true,
        onClose: () => {},
        url: URL_SHORT,
        markdown: () => 'md',
        linkCopied: null,
      }),
    );
    expect(screen.getByRole('status').textContent).toBe('');
    rerender(
      createElement(ShareDialog, {
        open: true,
        onClose: () => {},
        url: URL_SHORT,
        markdown: () => 'md',
        linkCopied: true,
      }),
    );
    expect(screen.getByRole('status').textContent).toBe('Link copied to the clipboard.');
    const input = screen.getByRole<HTMLInputElement>('textbox', { name: 'Link' });
    expect(input).toHaveValue(URL_SHORT);
    expect(input.readOnly).toBe(true);
    expect(input).toHaveAccessibleDescription(`${URL_SHORT.length} characters`);
    expect(screen.getByRole('dialog')).toHaveTextContent(`${URL_SHORT.length} characters`);
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('warns past 2,000 characters and offers Markdown and Export', async () => {
    const user = userEvent.setup();
    mockClipboard(async () => {});
    const onExport = vi.fn();
    const long = 'https://example.org/#s1/' + 'A'.repeat(LONG_LINK_CHARS);
    render(createElement(ShareDialog, { open: true, onClose: () => {}, url: long, markdown: () => 'md', onExport }));
    const warning = screen.getByRole('note');
    expect(warning.textContent).toMatch(/longer than 2,000 characters/);
    expect(screen.getByRole('dialog')).toHaveTextContent(`${long.length.toLocaleString('en')} characters`);
    expect(screen.getByRole('button', { name: 'Copy Markdown' })).toBeInTheDocument();
    await user.click(within(warning).getByRole('button', { name: 'Export JSON' }));
    expect(onExport).toHaveBeenCalledTimes(1);
  });

  it('copies Markdown built on demand', async () => {
    const user = userEvent.setup();
    const writeText = mockClipboard(async () => {});
    const markdown = vi.fn(() => '### Title');
    render(createElement(ShareDialog, { open: true, onClose: () => {}, url: URL_SHORT, markdown }));
    expect(markdown).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Copy Markdown' }));
    expect(writeText).toHaveBeenLastCalledWith('### Title');
    expect(screen.getByRole('status').textContent).toBe('Markdown copied to the clipboard (9 characters).');
    markdown.mockReturnValue('x'.repeat(70_000));
    await user.click(screen.getByRole('button', { name: 'Copy Markdown' }));
    expect(screen.getByRole('status').textContent).toMatch(
      /\(70,000 characters\): longer than a GitHub issue or comment allows \(65,536\)/,
    );
  });

  it('says so when the Markdown cannot be written, instead of leaving "Link copied" standing', async () => {
    const user = userEvent.setup();
    const writeText = mockClipboard(async () => {});
    const markdown = () => {
      throw new RangeError('Maximum call stack size exceeded');
    };
    // The Share click copied the link before the dialog opened.
    render(createElement(ShareDialog, { open: true, onClose: () => {}, url: URL_SHORT, markdown, linkCopied: true }));
    expect(screen.getByRole('status').textContent).toBe('Link copied to the clipboard.');
    await user.click(screen.getByRole('button', { name: 'Copy Markdown' }));
    expect(screen.getByRole('status').textContent).toMatch(
      /^The Markdown could not be written \(Maximum call stack size exceeded\)\. Share the link or export a file instead\.$/,
    );
    expect(writeText).not.toHaveBeenCalled();
  });

  it('falls back to selected text when the clipboard is refused', async () => {
    const user = userEvent.setup();
    mockClipboard(async () => {
      throw new DOMException('Write permission denied.', 'NotAllowedError');
    });
    document.execCommand = vi.fn(() => false);
    await expect(copyShareLink(defaultScenario())).resolves.toBe(false);
    render(
      createElement(ShareDialog, {
        open: true,
        onClose: () => {},
        url: URL_SHORT,
        markdown: () => '| a |',
        linkCopied: false,
      }),
    );
    expect(screen.getByRole('status').textContent).toMatch(/did not allow copying\. The link is selected below/);
    const input = screen.getByRole<HTMLInputElement>('textbox', { name: 'Link' });
    expect(input).toHaveFocus();
    expect(input.selectionStart).toBe(0);
    expect(input.selectionEnd).toBe(URL_SHORT.length);
    expect(screen.queryByRole('textbox', { name: 'Markdown' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Copy Markdown' }));
    const md = screen.getByRole('textbox', { name: 'Markdown' });
    expect(md).toHaveValue('| a |');
    expect(md).toHaveFocus();
    expect(screen.getByRole('status').textContent).toMatch(/The Markdown is selected below/);
  });

  it('closes on Esc and on Close', async () => {
    const user = userEvent.setup();
    mockClipboard(async () => {});
    const onClose = vi.fn();
    const { rerender } = render(
      createElement(ShareDialog, { open: true, onClose, url: URL_SHORT, markdown: () => '' }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Share this scenario' });
    // A browser turns Esc into the dialog's cancel event (the test DOM does not).
    fireEvent(dialog, new Event('cancel', { cancelable: true }));
    expect(onClose).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledTimes(2);
    // Where the browser does not, the key itself closes the dialog.
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(3);
    rerender(createElement(ShareDialog, { open: false, onClose, url: URL_SHORT, markdown: () => '' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole<HTMLDialogElement>('dialog', { hidden: true }).open).toBe(false);
  });
});

describe('ImportExport', () => {
  const scenario: Scenario = { ...defaultScenario(), title: 'Email upsert' };

  it('exports the JSON file through a Blob download', async () => {
    const user = userEvent.setup();
    let blob: Blob | null = null;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blob = b as Blob;
      return 'blob:test';
    });
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    const onExportFailed = vi.fn();
    render(createElement(ImportExport, { scenario, onImport: () => {}, onExportFailed }));
    const group = within(screen.getByRole('group', { name: 'Export and import' }));
    await user.click(group.getByRole('button', { name: 'Export JSON' }));
    // The file formats' code loads on first use: the download follows once it is in.
    await waitFor(() => expect(names).toEqual(['email-upsert.json']));
    expect(await blob!.text()).toBe(exportJson(scenario));
    await user.click(group.getByRole('button', { name: 'Export SQL' }));
    await waitFor(() => expect(names[1]).toBe('email-upsert.sqlite.sql'));
    expect(await blob!.text()).toMatch(/^-- Upsert Playground scenario\n-- Title: Email upsert\n-- Dialect: SQLite/);
    expect(onExportFailed).not.toHaveBeenCalled();
  });

  it('imports a picked file and reports bad files without changing anything', async () => {
    const user = userEvent.setup();
    const onImport = vi.fn();
    render(createElement(ImportExport, { scenario, onImport, onExportFailed: () => {} }));
    const input = screen.getByLabelText<HTMLInputElement>('Import a scenario file');
    expect(input.type).toBe('file');
    const other: Scenario = { ...defaultScenario(), dialect: 'postgres', title: 'Other' };
    await user.upload(input, new File([exportJson(other)], 'other.json', { type: 'application/json' }));
    await waitFor(() => expect(onImport).toHaveBeenCalledTimes(1));
    expect(onImport.mock.calls[0]![0]).toMatchObject({ ok: true, scenario: other });
    await user.upload(input, new File([new Uint8Array([0, 1, 2, 3])], 'x.json'));
    await waitFor(() => expect(onImport).toHaveBeenCalledTimes(2));
    expect(onImport.mock.calls[1]![0]).toEqual({ ok: false, message: expect.stringMatching(/is not a text file/) });
  });
});

describe('DropZone', () => {
  // Dragging files over the page has no user-event counterpart: the events are made by hand,
  // carrying what a browser's would.
  function fileDrag(type: 'dragEnter' | 'drop', files: File[] = []): Event {
    return createEvent[type](window, { dataTransfer: { types: ['Files'], files } });
  }
  const overlay = () => screen.queryByText('Drop to import');

  it('shows an overlay while a file is dragged over and imports the dropped file', async () => {
    const onImport = vi.fn();
    render(createElement(DropZone, { scenario: defaultScenario(), onImport }));
    expect(overlay()).toBeNull();
    const enter = fileDrag('dragEnter');
    fireEvent(window, enter);
    expect(enter.defaultPrevented).toBe(true);
    // The overlay's code loads with the first drag (ahead, on idle, in the page).
    expect(await screen.findByText('Drop to import')).toBeInTheDocument();
    const drop = fileDrag('drop', [new File(['CREATE TABLE dropped(a);'], 'schema.sql')]);
    fireEvent(window, drop);
    expect(drop.defaultPrevented).toBe(true);
    expect(overlay()).toBeNull();
    await waitFor(() => expect(onImport).toHaveBeenCalledTimes(1));
    expect(onImport.mock.calls[0]![0]).toMatchObject({
      ok: true,
      kind: 'sql',
      scenario: { sqlite: { setup: 'CREATE TABLE dropped(a);' } },
    });
  });

  it('two files dropped at once: none is imported, and the message says why', async () => {
    const onImport = vi.fn();
    render(createElement(DropZone, { scenario: defaultScenario(), onImport }));
    fireEvent(window, fileDrag('drop', [new File(['SELECT 1;'], 'a.sql'), new File(['SELECT 2;'], 'b.sql')]));
    await waitFor(() => expect(onImport).toHaveBeenCalledTimes(1));
    expect(onImport.mock.calls[0]![0]).toEqual({
      ok: false,
      message: '2 files were dropped; a scenario is imported from one file at a time, so none was imported.',
    });
  });

  it('ignores drags that carry no files (text moved inside an editor)', () => {
    render(createElement(DropZone, { scenario: defaultScenario(), onImport: () => {} }));
    const e = createEvent.dragEnter(window, { dataTransfer: { types: ['text/plain'], files: [] } });
    fireEvent(window, e);
    expect(e.defaultPrevented).toBe(false);
    expect(overlay()).toBeNull();
  });
});

describe('ErrorBoundary', () => {
  let shouldThrow = true;
  function Bomb() {
    if (shouldThrow) throw new Error('render exploded');
    return createElement('p', null, 'all good');
  }

  it('shows the error and the ways out, and keeps the autosaved work', async () => {
    const user = userEvent.setup();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const mine = { ...defaultScenario(), title: 'Precious work' };
    saveWork(mine);
    // The app's reset loads the default scenario, which renders fine.
    const onReset = vi.fn(() => {
      shouldThrow = false;
    });
    shouldThrow = true;
    render(createElement(ErrorBoundary, { onReset }, createElement(Bomb)));
    const alert = screen.getByRole('alert', { name: 'Something went wrong' });
    expect(alert).toHaveTextContent('Something went wrong');
    expect(alert).toHaveTextContent('Error: render exploded');
    await user.click(screen.getByRole('button', { name: 'Reset to default scenario' }));
    expect(onReset).toHaveBeenCalledTimes(1);
    expect(localStorage.getItem(WORK_KEY)).not.toBeNull();
    expect(loadWork()).toEqual(mine);
    expect(screen.getByText('all good')).toBeInTheDocument();
  });

  it('the default reset reloads on the default scenario and sets the work aside', async () => {
    const user = userEvent.setup();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const reload = vi.spyOn(window.location, 'reload').mockImplementation(() => {});
    localStorage.clear();
    const mine = { ...defaultScenario(), title: 'Work that crashed' };
    saveWork(mine);
    shouldThrow = true;
    render(createElement(ErrorBoundary, null, createElement(Bomb)));
    await user.click(screen.getByRole('button', { name: 'Reset to default scenario' }));
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
    const user = userEvent.setup();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    shouldThrow = true;
    render(createElement(ErrorBoundary, null, createElement(Bomb)));
    expect(screen.getByRole('button', { name: 'Reload' })).toBeInTheDocument();
    shouldThrow = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('all good')).toBeInTheDocument();
  });
});

describe('ScenarioMeta', () => {
  it('edits title and notes through labelled fields', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    const { rerender } = render(createElement(ScenarioMetaEditor, { title: 'T', notes: '', onChange }));
    const title = screen.getByRole<HTMLInputElement>('textbox', { name: 'Title' });
    expect(title).toHaveValue('T');
    expect(title.maxLength).toBe(200);
    await user.click(screen.getByRole('textbox', { name: 'Notes' }));
    await user.paste('Look at row 2');
    expect(onChange).toHaveBeenCalledWith({ notes: 'Look at row 2' });
    const details = screen.getByRole<HTMLDetailsElement>('group');
    expect(details.open).toBe(true);
    // Deleting the last character must not snap the section shut under the cursor.
    rerender(createElement(ScenarioMetaEditor, { title: '', notes: '', onChange }));
    expect(details.open).toBe(true);
  });

  it('starts collapsed when there is nothing to show', () => {
    render(createElement(ScenarioMetaEditor, { title: '', notes: '', onChange: () => {} }));
    const details = screen.getByRole<HTMLDetailsElement>('group');
    expect(details.open).toBe(false);
    expect(within(details).getByText('Title and notes', { selector: 'summary' }).textContent).toBe('Title and notes');
  });

  it('shows notes as plain text, and nothing when empty', () => {
    const { container, rerender } = render(
      createElement(ScenarioMetaView, { title: 'Upsert', notes: '<b>not bold</b>\nline 2' }),
    );
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Upsert');
    expect(container.querySelector('b')).toBeNull();
    expect(screen.getByRole('paragraph').textContent).toBe('<b>not bold</b>\nline 2');
    rerender(createElement(ScenarioMetaView, {}));
    expect(container).toBeEmptyDOMElement();
  });
});

describe('StashBanner', () => {
  it('offers the way back to the set-aside work', async () => {
    const user = userEvent.setup();
    const onRestore = vi.fn();
    const onDismiss = vi.fn();
    const { container, rerender } = render(
      createElement(StashBanner, { stash: { ...defaultScenario(), title: 'Mine' }, onRestore, onDismiss }),
    );
    const banner = screen.getByRole('region', { name: 'Your previous scenario' });
    expect(banner).toHaveTextContent('You opened a shared link; “Mine” was kept.');
    await user.click(screen.getByRole('button', { name: 'Back to my scenario' }));
    expect(onRestore).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: 'Forget it' }));
    expect(onDismiss).toHaveBeenCalledTimes(1);
    rerender(createElement(StashBanner, { stash: null, onRestore, onDismiss: () => {} }));
    expect(container).toBeEmptyDOMElement();
  });

  it('shows titles from links as isolated data, and lists the other kept scenarios with open and forget', async () => {
    const user = userEvent.setup();
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
    render(
      createElement(StashBanner, {
        stash: { ...defaultScenario(), title: '\u202Eevil' },
        onRestore: () => {},
        onDismiss: () => {},
        recent,
        onOpenRecent,
        onForgetRecent,
      }),
    );
    const banner = within(screen.getByRole('region', { name: 'Your previous scenario' }));
    const title = banner.getByText('\u202Eevil');
    expect(title.tagName).toBe('BDI');
    expect(title.textContent).toBe('\u202Eevil');
    expect(title.parentElement!.tagName).toBe('P');
    const summary = banner.getByText(/^Recent work/, { selector: 'summary' });
    expect(summary.textContent).toBe('Recent work (1 more)');
    const details = summary.parentElement as HTMLDetailsElement;
    expect(details.open).toBe(false);
    await user.click(summary);
    expect(details.open).toBe(true);
    const list = banner.getByRole('list', { name: 'Recent work' });
    expect(within(list).getAllByRole('listitem')[0]!.textContent).toMatch(/^“SQLite: SELECT 1;” saved in another tab /);
    await user.click(within(list).getByRole('button', { name: 'Open “SQLite: SELECT 1;”' }));
    expect(onOpenRecent).toHaveBeenCalledWith('k1');
    await user.click(within(list).getByRole('button', { name: 'Forget “SQLite: SELECT 1;”' }));
    expect(onForgetRecent).toHaveBeenCalledWith('k1');
  });
});
