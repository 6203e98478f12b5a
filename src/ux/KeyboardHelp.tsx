/**
 * The keyboard hint under the editors and the "Keyboard shortcuts" dialog, opened with its button
 * or by pressing `?` anywhere outside a text field. While an editor is waiting for the Tab that
 * leaves it (after Esc), the hint says so, politely announced.
 */
import { useEffect, useId, useState } from 'react';
import { ModalDialog } from '../ui/ModalDialog';
import './ux.css';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const MOD = isMac ? '⌘' : 'Ctrl';

/** True when a key typed at `target` is text for a field, not a page shortcut. */
function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  // Monaco takes keys on an element of its own (an EditContext host, not a textarea, in Chromium).
  if (target.isContentEditable || target.closest('.monaco-editor')) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'file', 'color'].includes(type);
}

const KEYS: [string, string][] = [
  [`${MOD}+Enter`, 'Run the scenario (from anywhere, editors included)'],
  ['Esc, then Tab', 'Leave a code editor for the next control (Shift+Tab: the previous one)'],
  [
    `${isMac ? 'Ctrl+Shift+M' : 'Ctrl+M'}`,
    'In a code editor: switch Tab between indenting and moving focus, until switched back',
  ],
  ['← →', 'In the SQL / Form tabs, the dialect switch and the editors/results divider'],
  ['?', 'Open this list (outside text fields)'],
];

/** Props of KeyHint. */
export interface KeyHintProps {
  /** An editor is waiting for Tab to leave it (Esc was pressed). */
  leaving: boolean;
}

/** The hint line under the editors, with the keyboard-help dialog. */
export function KeyHint({ leaving }: KeyHintProps) {
  const [open, setOpen] = useState(false);
  const titleId = useId();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '?' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || typingInto(e.target)) return;
      e.preventDefault();
      setOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <>
      <p className="key-hint">
        <span aria-live="polite" className={leaving ? 'key-hint-now' : undefined}>
          {leaving ? (
            <>
              Now press <kbd>Tab</kbd> to leave the editor (<kbd>Shift+Tab</kbd>: back).
            </>
          ) : (
            <>
              In an editor: <kbd>{MOD}+Enter</kbd> runs; <kbd>Esc</kbd> then <kbd>Tab</kbd> leaves it.
            </>
          )}
        </span>{' '}
        <button type="button" className="link-button" onClick={() => setOpen(true)} aria-keyshortcuts="?">
          Keyboard shortcuts
        </button>
      </p>
      <ModalDialog open={open} onClose={() => setOpen(false)} labelledBy={titleId} className="keys-dialog">
        <h2 id={titleId} className="keys-title">
          Keyboard shortcuts
        </h2>
        <table className="keys-table" aria-labelledby={titleId}>
          <tbody>
            {KEYS.map(([k, what]) => (
              <tr key={k}>
                <th scope="row">
                  <kbd>{k}</kbd>
                </th>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="keys-close">
          <button type="button" className="tool-button" onClick={() => setOpen(false)}>
            Close
          </button>
        </p>
      </ModalDialog>
    </>
  );
}
