/** The top bar's tools: Examples, Compare, Translate and Share. */
import { memo } from 'react';

/** Props of Toolbar. */
export interface ToolbarProps {
  compare: boolean;
  onExamples: () => void;
  onCompare: (on: boolean) => void;
  onTranslate: () => void;
  onShare: () => void;
  translating: boolean;
}

/** Buttons for the tools that open dialogs or switch modes. */
export const Toolbar = memo(function Toolbar({
  compare,
  onExamples,
  onCompare,
  onTranslate,
  onShare,
  translating,
}: ToolbarProps) {
  return (
    <div className="toolbar" role="group" aria-label="Tools">
      <button type="button" className="tool-button" onClick={onExamples} aria-haspopup="dialog">
        Examples
      </button>
      <button
        type="button"
        className="tool-button"
        aria-pressed={compare}
        onClick={() => onCompare(!compare)}
        title="Run on SQLite and PostgreSQL side by side"
      >
        Compare
      </button>
      <button
        type="button"
        className="tool-button"
        onClick={onTranslate}
        disabled={translating}
        aria-haspopup="dialog"
        title="Translate this dialect's scripts into the other dialect"
      >
        {translating ? 'Translating…' : 'Translate…'}
      </button>
      <button type="button" className="tool-button tool-primary" onClick={onShare} aria-haspopup="dialog">
        Share
      </button>
    </div>
  );
});
