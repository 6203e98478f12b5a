/** The Run button (stable name "Run"), Stop while running, and the per-run time limit. */
import { memo, useLayoutEffect, useRef } from 'react';
import { revealResultsAfterRun } from '../ux/revealResults';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** Props of RunControls. */
export interface RunControlsProps {
  running: boolean;
  onRun: () => void;
  onStop: () => void;
  timeLimitS: number;
  onTimeLimit: (seconds: number) => void;
}

/** Run / Stop and the time limit field. */
export const RunControls = memo(function RunControls({
  running,
  onRun,
  onStop,
  timeLimitS,
  onTimeLimit,
}: RunControlsProps) {
  const runRef = useRef<HTMLButtonElement>(null);
  const stopRef = useRef<HTMLButtonElement>(null);
  // Stop takes Run's place while a run is under way (both share one grid cell, so the top bar
  // never changes width); keyboard focus follows from one to the other.
  useLayoutEffect(() => {
    const from = running ? runRef.current : stopRef.current;
    const to = running ? stopRef.current : runRef.current;
    if (from && document.activeElement === from) to?.focus();
  }, [running]);
  return (
    <div className="run-controls">
      <span className={`run-slot${running ? ' is-running' : ''}`}>
        <button
          ref={runRef}
          type="button"
          className="run-button"
          onClick={() => {
            revealResultsAfterRun();
            onRun();
          }}
          disabled={running}
          aria-keyshortcuts={isMac ? 'Meta+Enter' : 'Control+Enter'}
          title={`Run (${isMac ? '⌘' : 'Ctrl'}+Enter)`}
        >
          <span aria-hidden="true">▶</span> Run
        </button>
        <button ref={stopRef} type="button" className="stop-button" onClick={onStop} hidden={!running}>
          <span aria-hidden="true">■</span> Stop
        </button>
      </span>
      <kbd className="shortcut" aria-hidden="true">
        {isMac ? '⌘' : 'Ctrl'}+Enter
      </kbd>
      <label className="time-limit" title="Time limit (seconds)">
        <span className="time-limit-words">Time limit (s)</span>
        <input
          type="number"
          min={1}
          max={120}
          step={1}
          value={timeLimitS}
          onChange={(e) => {
            const n = Number(e.target.value);
            // Past the field's maximum the limit becomes the maximum, shown in the field (a value
            // left out silently would keep the old limit while the field shows the new one).
            if (Number.isFinite(n) && n >= 1) onTimeLimit(Math.min(n, 120));
          }}
        />
        <span className="time-limit-unit" aria-hidden="true">
          s
        </span>
      </label>
    </div>
  );
});
