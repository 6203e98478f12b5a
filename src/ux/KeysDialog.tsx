/**
 * The "Keyboard shortcuts" dialog (KeyboardHelp.tsx opens it): its code loads on idle after the
 * first result, or when it is first opened.
 */
import { useId } from 'react';
import { ModalDialog } from '../ui/ModalDialog';
import './keys.css';

/** The shortcuts, for a platform whose modifier key is `mod` (⌘ on a Mac). */
const keys = (mod: string, mac: boolean): [string, string][] => [
  [`${mod}+Enter`, 'Run the scenario (from anywhere, editors included)'],
  ['Esc, then Tab', 'Leave a code editor for the next control (Shift+Tab: the previous one)'],
  [
    mac ? 'Ctrl+Shift+M' : 'Ctrl+M',
    'In a code editor: switch Tab between indenting and moving focus, until switched back',
  ],
  ['← →', 'In the SQL / Form tabs, the dialect switch and the editors/results divider'],
  ['?', 'Open this list (outside text fields)'],
];

/** Props of KeysDialog. */
export interface KeysDialogProps {
  /** The modifier key's name (⌘ or Ctrl). */
  mod: string;
  mac: boolean;
  onClose: () => void;
}

/** The dialog, open while it is rendered; focus goes back where it was when it closes. */
export function KeysDialog({ mod, mac, onClose }: KeysDialogProps) {
  const titleId = useId();
  return (
    <ModalDialog open onClose={onClose} labelledBy={titleId} className="keys-dialog">
      <h2 id={titleId} className="keys-title">
        Keyboard shortcuts
      </h2>
      <table className="keys-table" aria-labelledby={titleId}>
        <tbody>
          {keys(mod, mac).map(([k, what]) => (
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
        <button type="button" className="tool-button" onClick={onClose}>
          Close
        </button>
      </p>
    </ModalDialog>
  );
}
