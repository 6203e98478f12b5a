/**
 * The compact playground shown inside an article: statement editor, Setup behind a disclosure,
 * Run, an optional dialect switch, the results of the last run, and a link to the full app. It
 * keeps its state in memory only: it never reads or writes the app's autosave, and never touches
 * any address (its own or its host page's).
 */
import { useEffect, useState } from 'react';
import { PlainEditor } from '../editor/PlainEditor';
import { revealInEditor } from '../editor/reveal';
import { engines } from '../engine/engines';
import { DIALECT_LABEL, type Dialect } from '../engine/types';
import { ResultsView } from '../results/ResultsView';
import { encodeScenario } from '../scenario/link';
import type { Scenario } from '../scenario/scenario';
import { isStale, type RunRecord } from '../state/store';
import { useEngineInfo } from '../state/useEngineInfo';
import { DialectSwitch } from '../ui/DialectSwitch';
import { EngineStatus } from '../ui/EngineStatus';
import type { EmbedOptions } from './options';

/** Per-run time limit, as in the app. */
const TIME_LIMIT_MS = 5000;

const ENGINE_NOTE: Record<Dialect, string> = {
  sqlite: 'SQLite (sql.js)',
  postgres: 'PostgreSQL (PGlite, a download of about 10 MB on first use)',
};

/** Props of EmbedApp. */
export interface EmbedAppProps {
  options: EmbedOptions;
  scenario: Scenario;
  /** Why the requested scenario could not be shown, if so. */
  problem: string | null;
}

interface RunState {
  records: Partial<Record<Dialect, RunRecord>>;
  running: Partial<Record<Dialect, boolean>>;
}

/** The address of the full app with `scenario` in its fragment (a link, as Share makes). */
function appLink(scenario: Scenario): string {
  return new URL(`./#${encodeScenario(scenario)}`, window.location.href).href;
}

/** The embed. */
export function EmbedApp({ options, scenario: initial, problem }: EmbedAppProps) {
  const offered = options.dialects ?? [initial.dialect];
  const [scenario, setScenario] = useState<Scenario>(() => ({ ...initial, dialect: offered[0]! }));
  const dialect = scenario.dialect;
  const [runs, setRuns] = useState<RunState>(() => ({
    records: {},
    running: options.run === 'load' ? { [offered[0]!]: true } : {},
  }));
  const [setupOpen, setSetupOpen] = useState(options.setup === 'shown');
  const record = runs.records[dialect];
  const running = Boolean(runs.running[dialect]);
  const info = useEngineInfo(engines[dialect]);

  /** Run `d`'s scripts; the state says "running" already. */
  const execute = (d: Dialect, s: Scenario) => {
    const ran = { ...s[d] };
    const t0 = performance.now();
    void engines[d].run({ setup: ran.setup, statement: ran.statement }, TIME_LIMIT_MS).then((result) =>
      setRuns((r) => ({
        records: { ...r.records, [d]: { result, ran, elapsedMs: performance.now() - t0 } },
        running: { ...r.running, [d]: false },
      })),
    );
  };
  const run = () => {
    if (running) return;
    setRuns((r) => ({ ...r, running: { ...r.running, [dialect]: true } }));
    execute(dialect, scenario);
  };
  // "Run on load": the first dialect's run starts once, when the embed appears.
  useEffect(() => {
    if (options.run === 'load') execute(offered[0]!, scenario);
    // Only on mount: later runs are the reader's.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const edit = (part: 'setup' | 'statement', text: string) =>
    setScenario((s) => ({ ...s, [s.dialect]: { ...s[s.dialect], [part]: text } }));

  const error = record?.result.error;
  const showError =
    record &&
    !isStale(record, scenario[dialect]) &&
    error?.span &&
    (error.phase === 'setup' || error.phase === 'statement')
      ? () => {
          if (error.phase === 'setup') setSetupOpen(true);
          revealInEditor(error.phase === 'setup' ? 'Setup SQL' : 'Statement SQL', error.position ?? error.span!.start);
        }
      : undefined;

  const setupEditor = (
    <PlainEditor
      label="Setup SQL"
      value={scenario[dialect].setup}
      onChange={(t) => edit('setup', t)}
      onRun={run}
      dialect={dialect}
      lines={4}
      readOnly={options.readOnly}
    />
  );

  return (
    <main className="embed" style={options.maxHeight ? { maxHeight: options.maxHeight } : undefined}>
      <header className="embed-bar">
        <p className="embed-title" dir="auto">
          {scenario.title ?? 'SQL upsert'}
        </p>
        {offered.length > 1 && (
          <DialectSwitch value={dialect} onChange={(d) => setScenario((s) => ({ ...s, dialect: d }))} />
        )}
        <button
          type="button"
          className="run-button embed-run"
          onClick={run}
          disabled={running}
          aria-keyshortcuts="Control+Enter"
        >
          {running ? 'Running…' : 'Run'}
        </button>
      </header>
      {problem && (
        <p className="embed-problem" role="alert">
          {problem}
        </p>
      )}
      {options.setup !== 'hidden' && (
        <details className="embed-setup" open={setupOpen} onToggle={(e) => setSetupOpen(e.currentTarget.open)}>
          <summary>Setup</summary>
          {setupEditor}
        </details>
      )}
      <PlainEditor
        label="Statement SQL"
        value={scenario[dialect].statement}
        onChange={(t) => edit('statement', t)}
        onRun={run}
        dialect={dialect}
        lines={3}
        readOnly={options.readOnly}
      />
      <section className="embed-results" aria-label={`${DIALECT_LABEL[dialect]} results`} aria-busy={running}>
        {record || running ? (
          <EngineStatus dialect={dialect} info={info} running={running} />
        ) : (
          <p className="muted embed-hint">
            Press Run (or Ctrl+Enter) to run it on {ENGINE_NOTE[dialect]}, in your browser.
          </p>
        )}
        {record && isStale(record, scenario[dialect]) && !running && (
          <p className="stale-note">The SQL changed since this run. Press Run to see the new outcome.</p>
        )}
        {record && <ResultsView result={record.result} onShowError={showError} />}
      </section>
      <footer className="embed-foot">
        <a href={appLink(scenario)} target="_blank" rel="noopener">
          Open in Upsert Playground
        </a>
      </footer>
    </main>
  );
}
