/** The path: every unit and exercise with its status (done / tried / new), reset, export and import. */
import { useRef, useState } from 'react';
import { DIALECT_LABEL, type Dialect } from '../engine/types';
import { downloadText } from '../share/download';
import { EXERCISES, UNITS, appliesTo, unitExercises } from './exercises';
import { mergeProgress, parseProgressFile, progressFile, statusOf, type Status } from './progress';
import type { ProgressApi } from './useProgress';

const STATUS_TEXT: Record<Status, string> = { done: 'done', tried: 'tried', new: 'new' };
const STATUS_ICON: Record<Status, string> = { done: '✓', tried: '…', new: '○' };

/** Props of PathView. */
export interface PathViewProps {
  dialect: Dialect;
  store: ProgressApi;
  onGo: (id: string) => void;
}

/** The list of exercises by unit. */
export function PathView({ dialect, store, onGo }: PathViewProps) {
  const [confirming, setConfirming] = useState(false);
  const [note, setNote] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  const file = useRef<HTMLInputElement>(null);
  const done = EXERCISES.filter(
    (e) => appliesTo(e, dialect) && statusOf(store.progress, e.id, dialect) === 'done',
  ).length;
  const total = EXERCISES.filter((e) => appliesTo(e, dialect)).length;

  const importFile = async (f: File | undefined) => {
    if (!f) return;
    if (f.size > 1_000_000) {
      setNote({
        kind: 'error',
        text: 'This file is larger than 1 MB, so it is not a practice progress file. Your progress was kept.',
      });
      return;
    }
    const r = parseProgressFile(await f.text());
    if (!r.ok) setNote({ kind: 'error', text: `${r.message} Your progress was kept.` });
    else {
      store.replace(mergeProgress(store.progress, r.progress));
      setNote({ kind: 'info', text: 'Progress imported and merged with yours.' });
    }
  };

  return (
    <div className="practice-path">
      <h2>Practice</h2>
      <p>
        Write the upsert each task asks for and press Check: your statement runs on {DIALECT_LABEL[dialect]} next to a
        reference solution, on the data shown and on hidden data, and you are told which row differs. Progress is kept
        in this browser.
      </p>
      <p className="muted" role="status">
        {done} of {total} exercises done on {DIALECT_LABEL[dialect]}.
      </p>
      {UNITS.map((u, ui) => (
        <section key={u.id} className="practice-unit" aria-labelledby={`unit-${u.id}`}>
          <h3 id={`unit-${u.id}`}>
            {ui + 1}. {u.title}
          </h3>
          <ol className="practice-list">
            {unitExercises(u.id).map((e) => {
              const applies = appliesTo(e, dialect);
              const status = statusOf(store.progress, e.id, dialect);
              return (
                <li key={e.id} className={`practice-item status-${status}${applies ? '' : ' not-here'}`}>
                  <span className="practice-status" aria-hidden="true">
                    {STATUS_ICON[status]}
                  </span>
                  <a
                    href={`#practice/${encodeURIComponent(e.id)}`}
                    onClick={(ev) => {
                      ev.preventDefault();
                      onGo(e.id);
                    }}
                  >
                    {e.title}
                  </a>
                  <span className="practice-badge">{STATUS_TEXT[status]}</span>
                  {e.dialects.length === 1 && (
                    <span className="practice-badge">{DIALECT_LABEL[e.dialects[0]!]} only</span>
                  )}
                </li>
              );
            })}
          </ol>
        </section>
      ))}
      <section className="practice-tools" aria-label="Progress">
        <button
          type="button"
          className="tool-button"
          onClick={() => downloadText('practice-progress.json', progressFile(store.progress), 'application/json')}
        >
          Export progress
        </button>
        <button type="button" className="tool-button" onClick={() => file.current?.click()}>
          Import progress…
        </button>
        <input
          ref={file}
          type="file"
          accept=".json,application/json"
          hidden
          onChange={(e) => void importFile(e.target.files?.[0]).finally(() => (e.target.value = ''))}
        />
        {confirming ? (
          <span className="practice-confirm">
            Forget every attempt and solution on both dialects?{' '}
            <button
              type="button"
              className="tool-button"
              onClick={() => (
                store.reset(),
                setConfirming(false),
                setNote({ kind: 'info', text: 'Practice progress was reset.' })
              )}
            >
              Yes, reset
            </button>{' '}
            <button type="button" className="tool-button" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </span>
        ) : (
          <button type="button" className="tool-button" onClick={() => setConfirming(true)}>
            Reset progress…
          </button>
        )}
      </section>
      {note && (
        <p className={`banner banner-${note.kind}`} role={note.kind === 'error' ? 'alert' : 'status'}>
          {note.text}
        </p>
      )}
      {store.problem && (
        <p className="banner banner-error" role="alert">
          {store.problem}
        </p>
      )}
    </div>
  );
}
