/** The one contract every SQL editor implementation (plain or Monaco) follows. */
import type { Dialect } from '../engine/types';

/** A marked span of the editor's text: the failing statement, with the exact error spot if known. */
export interface EditorMarker {
  start: number;
  end: number;
  /** Exact error offset inside the text, when the engine reported one. */
  position?: number;
  message: string;
}

/** Props shared by the plain and the Monaco editor. */
export interface SqlEditorProps {
  /** Accessible name, e.g. "Setup SQL" (a stable contract). */
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Ctrl/Cmd+Enter. */
  onRun: () => void;
  dialect: Dialect;
  marker?: EditorMarker | null;
  /** Visible height in lines. */
  lines?: number;
  /** Where to put the caret when the editor mounts (Monaco replacing the plain editor); null: leave focus alone. */
  initialCaret?: () => number | null;
  /** Report caret position changes (so the replacement editor can keep it). */
  onCaret?: (offset: number, focused: boolean) => void;
  /** Text can be read and selected but not changed (embeds with the read-only option). */
  readOnly?: boolean;
  /** Esc was pressed in the editor: the next Tab leaves it (true), or that ended (false). */
  onTabLeaves?: (on: boolean) => void;
}
