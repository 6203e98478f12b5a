/** The Run button (stable name "Run"), Stop while running, and the per-run time limit. */
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
export function RunControls({ running, onRun, onStop, timeLimitS, onTimeLimit }: RunControlsProps) {
  return (
    <div className="run-controls">
      <button type="button" className="run-button" onClick={onRun} disabled={running} aria-keyshortcuts={isMac ? 'Meta+Enter' : 'Control+Enter'} title={`Run (${isMac ? '⌘' : 'Ctrl'}+Enter)`}>
        <span aria-hidden="true">▶</span> Run
      </button>
      <kbd className="shortcut" aria-hidden="true">
        {isMac ? '⌘' : 'Ctrl'}+Enter
      </kbd>
      {running && (
        <button type="button" className="stop-button" onClick={onStop}>
          Stop
        </button>
      )}
      <label className="time-limit">
        Time limit (s)
        <input
          type="number"
          min={1}
          max={120}
          step={1}
          value={timeLimitS}
          onChange={(e) => {
            const n = Number(e.target.value);
            if (Number.isFinite(n) && n >= 1 && n <= 120) onTimeLimit(n);
          }}
        />
      </label>
    </div>
  );
}
