/**
 * "Show in editor": a request to focus one editor with the caret at an offset. The error box asks;
 * the editor with that accessible name (plain or Monaco, whichever is mounted) answers, and the
 * statement pane switches from the Form tab to the SQL tab first if needed.
 */
export type EditorName = 'Setup SQL' | 'Statement SQL';

type Listener = (name: EditorName, offset: number) => void;
const preparers = new Set<Listener>();
const focusers = new Set<Listener>();

/**
 * Ask the editor called `name` to take focus with its caret at `offset`. Panes first show the
 * editor (a state change); the editors focus a moment later, once that change is on screen.
 */
export function revealInEditor(name: EditorName, offset: number): void {
  for (const l of [...preparers]) l(name, offset);
  setTimeout(() => {
    for (const l of [...focusers]) l(name, offset);
  }, 0);
}

/** Listen for reveal requests (`focus`: an editor taking focus; else a pane making it visible). */
export function onRevealRequest(listener: Listener, role: 'prepare' | 'focus' = 'focus'): () => void {
  const set = role === 'focus' ? focusers : preparers;
  set.add(listener);
  return () => {
    set.delete(listener);
  };
}
