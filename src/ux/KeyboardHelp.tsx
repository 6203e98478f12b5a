/**
 * The keyboard hint under the editors and the "Keyboard shortcuts" dialog, opened with its button
 * or by pressing `?` anywhere outside a text field. While an editor is waiting for the Tab that
 * leaves it (after Esc), the hint says so, politely announced.
 */
import { useEffect, useState } from 'react';
import { DeferredPart } from '../ui/LazyPart';
import { keysDialog } from '../ui/deferred';
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

/** Props of KeyHint. */
export interface KeyHintProps {
  /** An editor is waiting for Tab to leave it (Esc was pressed). */
  leaving: boolean;
}

/** The hint line under the editors, with the keyboard-help dialog. */
export function KeyHint({ leaving }: KeyHintProps) {
  const [open, setOpen] = useState(false);

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
      {/* The dialog's code loads ahead on idle, or when it is first opened. */}
      <DeferredPart module={keysDialog} when={open} what="the keyboard shortcuts" placement="overlay">
        {({ KeysDialog }) => <KeysDialog mod={MOD} mac={isMac} onClose={() => setOpen(false)} />}
      </DeferredPart>
    </>
  );
}
