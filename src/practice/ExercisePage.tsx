/** One exercise: the task, the setup and expected result as tables, the editor, Check, hints, the verdict. */
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { SqlEditor } from '../editor/SqlEditor';
import { DIALECT_LABEL, type Dialect, type RunResult } from '../engine/types';
import { otherDialect } from '../scenario/provenance';
import type { Scenario } from '../scenario/scenario';
import { copyText } from '../lib/clipboard';
import { addressWithFragment, practiceFragment } from '../persistence/history';
import { checkAttempt, referenceRun, setupFor, type Verdict } from './check';
import { showValue } from './compare';
import { appliesTo, nextExercise } from './exercises';
import { bindParams } from './params';
import { Prose } from './Prose';
import { recordOf } from './progress';
import { RunTables, SetupTables } from './ResultTables';
import { pageRunner, referenceCache } from './runner';
import { useEngines } from '../state/engineContext';
import { forDialect, type Exercise } from './types';
import type { ProgressApi } from './useProgress';
import { VerdictBox } from './VerdictBox';

/** Props of ExercisePage. */
export interface ExercisePageProps {
  ex: Exercise;
  dialect: Dialect;
  onDialect: (d: Dialect) => void;
  store: ProgressApi;
  onGo: (id: string | null) => void;
  onOpenInPlayground: (s: Scenario) => void;
  enhanced: boolean;
}

/** The exercise page. */
export function ExercisePage({ ex, dialect, onDialect, store, onGo, onOpenInPlayground, enhanced }: ExercisePageProps) {
  const applies = appliesTo(ex, dialect);
  const record = recordOf(store.progress, ex.id, dialect);
  const [text, setText] = useState(record.last);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [checking, setChecking] = useState(false);
  const [checked, setChecked] = useState('');
  const [hints, setHints] = useState(0);
  const [solutionShown, setSolutionShown] = useState(false);
  const [ref, setRef] = useState<RunResult | null>(null);
  const [refProblem, setRefProblem] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const seq = useRef(0);
  const engine = useEngines()[dialect];
  const title = useRef<HTMLHeadingElement>(null);
  const article = useRef<HTMLElement>(null);

  // Keyboard and screen-reader users land on the new exercise, not on the link that opened it.
  useEffect(() => title.current?.focus(), []);

  // The reference run for the tables. (A new exercise or dialect remounts this page: PracticeView keys
  // it by both, so its text, verdict and hints start afresh.)
  useEffect(() => {
    const mine = ++seq.current;
    if (!appliesTo(ex, dialect)) return;
    referenceRun(ex, dialect, pageRunner(engine), referenceCache).then(
      (r) => {
        if (seq.current !== mine) return;
        if (r.ok) setRef(r);
        else
          setRefProblem(
            `The exercise could not be prepared on ${DIALECT_LABEL[dialect]}: ${r.error?.message ?? 'unknown error'}`,
          );
      },
      (e: unknown) =>
        seq.current === mine &&
        setRefProblem(`The exercise could not be prepared: ${e instanceof Error ? e.message : String(e)}`),
    );
  }, [ex, dialect, engine]);

  const check = () => {
    if (checking || !applies) return;
    const mine = ++seq.current;
    const attempt = text;
    setChecked(attempt);
    setChecking(true);
    store.update(ex.id, dialect, { attempts: recordOf(store.progress, ex.id, dialect).attempts + 1, last: attempt });
    void checkAttempt(ex, dialect, attempt, pageRunner(engine), referenceCache)
      .catch((e: unknown): Verdict => ({
        kind: 'invalid',
        message: `The check could not run: ${e instanceof Error ? e.message : String(e)}`,
      }))
      .then((v) => {
        if (seq.current !== mine) return;
        setVerdict(v);
        setChecking(false);
        if (v.kind === 'correct') store.update(ex.id, dialect, { solved: true });
      });
  };

  const edit = (t: string) => {
    setText(t);
    store.draft(ex.id, dialect, t);
  };

  const share = async () => {
    const link = addressWithFragment(practiceFragment(ex.id));
    setNote(
      (await copyText(link))
        ? 'Link to this exercise copied (it never contains the solution).'
        : `Copy this link: ${link}`,
    );
  };

  const openInPlayground = () => {
    const bound = bindParams(text, ex.sets[0].params ?? {});
    const statement = bound.ok ? bound.sql : text;
    const scripts = (d: Dialect) => ({ setup: setupFor(ex, appliesTo(ex, d) ? d : dialect, 0), statement });
    onOpenInPlayground({
      dialect,
      sqlite: scripts('sqlite'),
      postgres: scripts('postgres'),
      title: `Practice: ${ex.title}`,
    });
  };

  // Ctrl/Cmd+Enter anywhere in the exercise checks (the editor handles it first): a shortcut, so it
  // is listened for on the whole exercise rather than on one control.
  const onShortcut = useEffectEvent((e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.defaultPrevented) {
      e.preventDefault();
      check();
    }
  });
  useEffect(() => {
    const el = article.current;
    el?.addEventListener('keydown', onShortcut);
    return () => el?.removeEventListener('keydown', onShortcut);
  }, []);

  const params = Object.entries(ex.sets[0].params ?? {});
  const next = nextExercise(ex.id);
  const attempted = record.attempts > 0;
  return (
    <article className="practice-exercise" aria-labelledby="practice-title" ref={article}>
      <p className="practice-crumbs">
        <button type="button" className="link-button" onClick={() => onGo(null)}>
          All exercises
        </button>
      </p>
      <h2 id="practice-title" ref={title} tabIndex={-1}>
        {ex.title}
      </h2>
      <p className="muted">
        {ex.dialects.length === 2 ? 'For SQLite and PostgreSQL.' : `For ${DIALECT_LABEL[ex.dialects[0]!]} only.`}{' '}
        {record.solved
          ? 'Solved on this dialect.'
          : attempted
            ? `${record.attempts} attempt${record.attempts === 1 ? '' : 's'} so far.`
            : ''}
      </p>
      {!applies && (
        <div className="banner banner-info practice-dialect-note" role="note">
          <p>
            This exercise is for {DIALECT_LABEL[otherDialect(dialect)]} only: <Prose text={ex.dialectNote ?? ''} />
          </p>
          <button type="button" className="tool-button" onClick={() => onDialect(otherDialect(dialect))}>
            Switch to {DIALECT_LABEL[otherDialect(dialect)]}
          </button>
        </div>
      )}
      <section className="practice-task" aria-labelledby="practice-task-h">
        <h3 id="practice-task-h">Task</h3>
        <p>
          <Prose text={ex.task} />
        </p>
        {params.length > 0 && (
          <div className="table-scroll practice-params">
            <table aria-label="Parameters">
              <thead>
                <tr>
                  <th scope="col">Parameter</th>
                  <th scope="col">Value shown here</th>
                </tr>
              </thead>
              <tbody>
                {params.map(([k, v]) => (
                  <tr key={k}>
                    <td>
                      <code>:{k}</code>
                    </td>
                    <td>{showValue(v)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="muted">
              Write the parameters, not their values: the check runs your statement on hidden data too.
            </p>
          </div>
        )}
      </section>
      {applies && (
        <>
          {refProblem && (
            <p className="banner banner-error" role="alert">
              {refProblem}
            </p>
          )}
          {!ref && !refProblem && (
            <p className="muted" role="status">
              Preparing the exercise on {DIALECT_LABEL[dialect]}…
            </p>
          )}
          {ref && (
            <div className="practice-before-after">
              <section aria-labelledby="practice-setup-h">
                <h3 id="practice-setup-h">Setup (read-only)</h3>
                <SetupTables result={ref} />
              </section>
              <section aria-labelledby="practice-expected-h">
                <h3 id="practice-expected-h">Expected result</h3>
                <RunTables ex={ex} result={ref} title="Expected" />
              </section>
            </div>
          )}
          <section className="practice-editor" aria-labelledby="practice-editor-h">
            <h3 id="practice-editor-h">Your statement</h3>
            <SqlEditor
              label="Your statement"
              value={text}
              onChange={edit}
              onRun={check}
              dialect={dialect}
              lines={6}
              enhanced={enhanced}
            />
            <div className="practice-actions">
              <button
                type="button"
                className="run-button"
                onClick={check}
                disabled={checking}
                aria-keyshortcuts="Control+Enter Meta+Enter"
                title="Check (Ctrl/⌘+Enter)"
              >
                Check
              </button>
              <kbd className="shortcut" aria-hidden="true">
                Ctrl/⌘+Enter
              </kbd>
              <button
                type="button"
                className="tool-button"
                onClick={() => setHints((n) => n + 1)}
                disabled={hints >= ex.hints.length}
              >
                {hints === 0 ? 'Show a hint' : hints < ex.hints.length ? 'Show the next hint' : 'No more hints'}
              </button>
              {attempted && (
                <button
                  type="button"
                  className="tool-button"
                  aria-expanded={solutionShown}
                  onClick={() => setSolutionShown((s) => !s)}
                >
                  {solutionShown ? 'Hide solution' : 'Show solution'}
                </button>
              )}
              <button type="button" className="tool-button" onClick={openInPlayground}>
                Open in playground
              </button>
              <button type="button" className="tool-button" onClick={() => void share()}>
                Share
              </button>
            </div>
            {note && <p role="status">{note}</p>}
            {hints > 0 && (
              <ol className="practice-hints" aria-label="Hints">
                {ex.hints.slice(0, hints).map((h, i) => (
                  <li key={i}>
                    <Prose text={h} />
                  </li>
                ))}
              </ol>
            )}
            {solutionShown && (
              <div>
                <h4>Reference solution</h4>
                <pre className="practice-code">{forDialect(ex.solution, dialect)}</pre>
              </div>
            )}
          </section>
          <VerdictBox
            ex={ex}
            dialect={dialect}
            verdict={verdict}
            checking={checking}
            attempt={checked}
            next={next}
            onNext={() => next && onGo(next.id)}
          />
        </>
      )}
    </article>
  );
}
