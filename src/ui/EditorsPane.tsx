/**
 * The Setup SQL editor and, beside the Statement SQL editor, the "Form" tab that builds the
 * statement from the introspected schema. The failing statement of the last run is marked.
 */
import { lazy, useEffect, useId, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { BuilderState } from '../builder/model';
import { onRevealRequest } from '../editor/reveal';
import { SqlEditor } from '../editor/SqlEditor';
import type { EditorMarker } from '../editor/types';
import type { EngineError } from '../engine/types';
import type { PlaygroundState } from '../state/store';
import { resultIsStale, type PlaygroundActions } from '../state/usePlayground';
import { useSchema } from '../state/useSchema';
import { FirstVisitNote } from '../ux/FirstVisitNote';
import { KeyHint } from '../ux/KeyboardHelp';
import { revealResultsAfterRun } from '../ux/revealResults';
import { LazyPart } from './LazyPart';
import { leaveRace, openRace } from '../race/start';

// The statement builder is loaded when the Form tab is first opened (while the schema is read).
const loadBuilder = () => import('../builder/BuilderForm');
const BuilderForm = lazy(() => loadBuilder().then((m) => ({ default: m.BuilderForm })));
// The Race lab: loaded when its tab is first opened (or a race scenario is).
const loadRaceLab = () => import('../race/RaceLab');
const RaceLab = lazy(() => loadRaceLab().then((m) => ({ default: m.RaceLab })));

function markerFor(error: EngineError | undefined, phase: 'setup' | 'statement'): EditorMarker | null {
  if (!error || error.phase !== phase || !error.span) return null;
  return {
    start: error.span.start,
    end: error.span.end,
    position: error.position,
    message: error.code ? `${error.message} (${error.code})` : error.message,
  };
}

/** Props of EditorsPane. */
export interface EditorsPaneProps {
  state: PlaygroundState;
  actions: PlaygroundActions;
  /** Swap the plain editors for Monaco (after the first result). */
  enhanced: boolean;
}

type Tab = 'sql' | 'form' | 'race';
const TABS: Tab[] = ['sql', 'form', 'race'];

/** Both editors and the statement form. */
export function EditorsPane({ state, actions, enhanced }: EditorsPaneProps) {
  const dialect = state.scenario.dialect;
  const scripts = state.scenario[dialect];
  const record = state.results[dialect];
  // Markers only while the editors still hold the text that produced the error.
  const error = record && !resultIsStale(state, dialect) ? record.result.error : undefined;
  const run = () => actions.run();
  const [chosenTab, setTab] = useState<Tab>('sql');
  // A scenario with a race opens in the Race lab; without one, the lab's tab is not the shown one.
  const race = state.scenario.race;
  const tab: Tab = race ? 'race' : chosenTab === 'race' ? 'sql' : chosenTab;
  const choose = (t: Tab) => {
    if (t === tab) return;
    if (t === 'race') actions.patch({ race: openRace(state.scenario) });
    else if (race) {
      leaveRace(race);
      actions.patch({ race: undefined });
    }
    setTab(t);
  };
  const [builder, setBuilder] = useState<BuilderState | null>(null);
  const schema = useSchema(dialect, scripts.setup, tab === 'form', state.timeLimitS * 1000);
  const ids = useId();
  const tabRefs = {
    sql: useRef<HTMLButtonElement>(null),
    form: useRef<HTMLButtonElement>(null),
    race: useRef<HTMLButtonElement>(null),
  };
  const [leaving, setLeaving] = useState(false);
  // "Show in editor" for a statement error: the SQL tab must be showing for its editor to take focus.
  useEffect(() => onRevealRequest((name) => name === 'Statement SQL' && setTab('sql'), 'prepare'), []);

  const use = (sql: string, andRun: boolean) => {
    // "Use and run": the statement is committed to the store first, so the run takes it.
    flushSync(() => {
      actions.edit('statement', sql);
      setTab('sql');
    });
    if (andRun) {
      revealResultsAfterRun();
      actions.run();
    }
  };

  const tabButton = (t: Tab, label: string) => (
    <button
      ref={tabRefs[t]}
      type="button"
      role="tab"
      id={`${ids}-tab-${t}`}
      aria-selected={tab === t}
      aria-controls={`${ids}-panel-${t}`}
      tabIndex={tab === t ? 0 : -1}
      className={tab === t ? 'tab tab-on' : 'tab'}
      onClick={() => {
        if (t === 'form') void loadBuilder().catch(() => undefined);
        choose(t);
      }}
      onKeyDown={(e) => {
        if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
          const at = TABS.indexOf(t) + (e.key === 'ArrowRight' ? 1 : -1);
          const next = TABS[(at + TABS.length) % TABS.length]!;
          choose(next);
          tabRefs[next].current?.focus();
        }
      }}
    >
      {label}
    </button>
  );

  return (
    <>
      <FirstVisitNote />
      <div className="editor-block">
        <h2 className="editor-title">Setup SQL</h2>
        <SqlEditor
          label="Setup SQL"
          dialect={dialect}
          value={scripts.setup}
          onChange={(t) => actions.edit('setup', t)}
          onRun={run}
          marker={markerFor(error, 'setup')}
          lines={8}
          enhanced={enhanced}
          onTabLeaves={setLeaving}
        />
      </div>
      <div className={tab === 'form' || tab === 'race' ? 'editor-block form-open' : 'editor-block'}>
        <div className="editor-head">
          <h2 className="editor-title">Statement</h2>
          <div role="tablist" aria-label="Write the statement as" className="tabs">
            {tabButton('sql', 'SQL')}
            {tabButton('form', 'Form')}
            {tabButton('race', 'Race lab')}
          </div>
        </div>
        <div role="tabpanel" id={`${ids}-panel-sql`} aria-labelledby={`${ids}-tab-sql`} hidden={tab !== 'sql'}>
          <SqlEditor
            label="Statement SQL"
            dialect={dialect}
            value={scripts.statement}
            onChange={(t) => actions.edit('statement', t)}
            onRun={run}
            marker={markerFor(error, 'statement')}
            lines={8}
            enhanced={enhanced}
            onTabLeaves={setLeaving}
          />
        </div>
        <div role="tabpanel" id={`${ids}-panel-form`} aria-labelledby={`${ids}-tab-form`} hidden={tab !== 'form'}>
          {tab === 'form' &&
            (schema.loading && schema.tables.length === 0 && !schema.error ? (
              <p className="muted" role="status">
                Reading the tables the setup creates…
              </p>
            ) : (
              <LazyPart what="the form">
                <BuilderForm
                  dialect={dialect}
                  tables={schema.tables}
                  schemaError={schema.error}
                  state={builder}
                  onStateChange={setBuilder}
                  ranTables={record && record.ran.setup === scripts.setup ? record.result.tables : null}
                  onUseStatement={(sql) => use(sql, false)}
                  onRunStatement={(sql) => use(sql, true)}
                  onCsvChange={() => actions.run(dialect, { queue: true })}
                />
              </LazyPart>
            ))}
        </div>
        <div role="tabpanel" id={`${ids}-panel-race`} aria-labelledby={`${ids}-tab-race`} hidden={tab !== 'race'}>
          {race && (
            <LazyPart what="the Race lab">
              <RaceLab
                race={race[dialect]}
                onChange={(next) => actions.patch({ race: { ...race, [dialect]: next } })}
              />
            </LazyPart>
          )}
        </div>
      </div>
      <KeyHint leaving={leaving} />
    </>
  );
}
