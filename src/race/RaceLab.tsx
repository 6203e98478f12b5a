/**
 * The Race lab's editor (a mode of the statement area): a column per session holding its steps
 * (one SQL statement each) and the timeline that interleaves them. The timeline is reordered by
 * dragging an entry, with its Move up / Move down buttons, or with Alt+↑ / Alt+↓ on its handle.
 *
 * Dragging uses the browser's own drag and drop: a list of at most 40 entries needs no library,
 * and every move also has a keyboard and button path.
 */
import { useId, useLayoutEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { statementLabel } from '../results/statementLabel';
import {
  addStep,
  MAX_SESSIONS,
  MAX_TIMELINE,
  moveEntry,
  removeStep,
  SESSION_NAMES,
  stepLabel,
  timelineLabels,
  type RaceScript,
} from './model';
import './race.css';

/** Props of RaceLab. */
export interface RaceLabProps {
  race: RaceScript;
  onChange: (next: RaceScript) => void;
}

const NEW_STEP = 'SELECT 1;';

/** Sessions and timeline of one dialect's race. */
export function RaceLab({ race, onChange }: RaceLabProps) {
  const ids = useId();
  const labels = timelineLabels(race.timeline);
  const [announce, setAnnounce] = useState('');
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  const [dropAt, setDropAt] = useState<number | null>(null);
  // After a keyboard move the moved entry's handle keeps the focus (set in the handler, used after render).
  const focusNext = useRef<number | null>(null);
  const handles = useRef<(HTMLButtonElement | null)[]>([]);
  useLayoutEffect(() => {
    const at = focusNext.current;
    if (at === null) return;
    focusNext.current = null;
    handles.current[at]?.focus();
  });

  const move = (from: number, to: number, keepFocus: boolean) => {
    if (to < 0 || to >= race.timeline.length || from === to) return;
    const timeline = moveEntry(race.timeline, from, to);
    if (keepFocus) focusNext.current = to;
    setAnnounce(`${labels[from]} moved to position ${to + 1} of ${timeline.length}.`);
    onChange({ ...race, timeline });
  };

  const onHandleKey = (i: number) => (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
    e.preventDefault();
    move(i, e.key === 'ArrowUp' ? i - 1 : i + 1, true);
  };

  const drag = {
    start: (i: number) => (e: DragEvent<HTMLLIElement>) => {
      e.dataTransfer.effectAllowed = 'move';
      e.dataTransfer.setData('text/plain', labels[i] ?? '');
      setDragFrom(i);
    },
    over: (i: number) => (e: DragEvent<HTMLLIElement>) => {
      if (dragFrom === null) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'move';
      if (dropAt !== i) setDropAt(i);
    },
    drop: (i: number) => (e: DragEvent<HTMLLIElement>) => {
      e.preventDefault();
      if (dragFrom !== null) move(dragFrom, i, false);
      setDragFrom(null);
      setDropAt(null);
    },
    end: () => {
      setDragFrom(null);
      setDropAt(null);
    },
  };

  const editStep = (session: number, step: number, sql: string) => {
    const sessions = race.sessions.map((s, k) => (k === session ? s.map((x, j) => (j === step ? sql : x)) : s));
    onChange({ ...race, sessions });
  };

  const full = race.timeline.length >= MAX_TIMELINE;
  return (
    <div className="race-lab">
      <p className="race-intro">
        Each step is one SQL statement, run on its own (autocommit) in the order of the timeline. A step sees its
        session’s earlier reads: the columns of the first row a step returns become that session’s values (
        <code>SELECT login_count AS count …</code> gives <code>:count</code>).
      </p>
      <div className="race-sessions" style={{ '--lanes': race.sessions.length } as React.CSSProperties}>
        {race.sessions.map((steps, s) => {
          const name = SESSION_NAMES[s]!;
          return (
            <section key={s} className={`race-session lane-${s}`} aria-label={`Session ${name}`}>
              <h3>Session {name}</h3>
              {steps.length === 0 && <p className="muted">No steps yet.</p>}
              <ol className="race-steps">
                {steps.map((sql, j) => {
                  const label = stepLabel({ session: s, step: j });
                  return (
                    <li key={j} className="race-step">
                      <label htmlFor={`${ids}-${s}-${j}`} className="race-step-label">
                        {label}
                        <span className="visually-hidden"> SQL</span>
                      </label>
                      <textarea
                        id={`${ids}-${s}-${j}`}
                        className="race-step-sql"
                        value={sql}
                        spellCheck={false}
                        rows={Math.min(6, Math.max(2, sql.split('\n').length))}
                        onChange={(e) => editStep(s, j, e.target.value)}
                      />
                      <div className="race-step-tools">
                        <button
                          type="button"
                          className="link-button"
                          disabled={full}
                          onClick={() => {
                            setAnnounce(`${label} added at the end of the timeline.`);
                            onChange({ ...race, timeline: [...race.timeline, { session: s, step: j }] });
                          }}
                        >
                          Add {label} to the timeline
                        </button>
                        <button
                          type="button"
                          className="link-button"
                          onClick={() => {
                            setAnnounce(`Step ${label} removed.`);
                            onChange(removeStep(race, s, j));
                          }}
                        >
                          Remove {label}
                        </button>
                      </div>
                    </li>
                  );
                })}
              </ol>
              <div className="race-session-tools">
                <button
                  type="button"
                  className="tool-button"
                  disabled={full}
                  onClick={() => onChange(addStep(race, s, NEW_STEP))}
                >
                  Add a step to {name}
                </button>
                {s === race.sessions.length - 1 && s >= 2 && (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => {
                      const next = race.sessions.slice(0, s);
                      onChange({ sessions: next, timeline: race.timeline.filter((e) => e.session !== s) });
                    }}
                  >
                    Remove session {name}
                  </button>
                )}
              </div>
            </section>
          );
        })}
      </div>
      {race.sessions.length < MAX_SESSIONS && (
        <button
          type="button"
          className="tool-button race-add-session"
          onClick={() =>
            onChange({
              ...race,
              sessions: [...race.sessions, [NEW_STEP]],
              timeline: [...race.timeline, { session: race.sessions.length, step: 0 }],
            })
          }
        >
          Add session {SESSION_NAMES[race.sessions.length]}
        </button>
      )}
      <h3 className="race-timeline-title" id={`${ids}-timeline`}>
        Timeline
      </h3>
      <p className="muted race-timeline-hint" id={`${ids}-timeline-hint`}>
        Drag a step, or use its handle: Alt+↑ / Alt+↓ (or ↑ / ↓) move it. Run runs the timeline from a fresh setup.
      </p>
      {race.timeline.length === 0 && <p className="muted">The timeline is empty: add a session’s step to it.</p>}
      <ol className="race-timeline" aria-label="Timeline">
        {race.timeline.map((e, i) => {
          const label = labels[i]!;
          const sql = race.sessions[e.session]?.[e.step] ?? '';
          return (
            <li
              key={label}
              className={`race-entry lane-${e.session}${dragFrom === i ? ' dragging' : ''}${dropAt === i && dragFrom !== i ? ' drop-here' : ''}`}
              draggable
              onDragStart={drag.start(i)}
              onDragOver={drag.over(i)}
              onDrop={drag.drop(i)}
              onDragEnd={drag.end}
            >
              <button
                type="button"
                className="race-handle"
                ref={(el) => {
                  handles.current[i] = el;
                }}
                aria-label={`${label}, step ${i + 1} of ${race.timeline.length}`}
                aria-describedby={`${ids}-timeline-hint`}
                onKeyDown={onHandleKey(i)}
              >
                <span aria-hidden="true">⠿</span>
              </button>
              <span className="race-entry-label">{label}</span>
              <span className="race-entry-session">Session {SESSION_NAMES[e.session]}</span>
              <code className="race-entry-sql" title={sql}>
                {statementLabel(sql) || '(empty)'}
              </code>
              <span className="race-entry-tools">
                <button
                  type="button"
                  aria-label={`Move ${label} up`}
                  disabled={i === 0}
                  onClick={() => move(i, i - 1, true)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  aria-label={`Move ${label} down`}
                  disabled={i === race.timeline.length - 1}
                  onClick={() => move(i, i + 1, true)}
                >
                  ↓
                </button>
                <button
                  type="button"
                  aria-label={`Remove ${label} from the timeline`}
                  onClick={() => {
                    setAnnounce(`${label} removed from the timeline.`);
                    onChange({ ...race, timeline: race.timeline.filter((_, k) => k !== i) });
                  }}
                >
                  ×
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <p className="visually-hidden" role="status">
        {announce}
      </p>
    </div>
  );
}
