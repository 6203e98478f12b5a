/**
 * The parts of the form that describe the update: what happens to each column on conflict,
 * when the update happens, and what the statement returns.
 */
import { useId } from 'react';
import type { ColumnInfo, Dialect } from '../engine/types';
import { ACTION_LABEL, type ActionKind, type BuilderState, type ConditionKind, actionFor } from './model';
import type { Strategy } from './model';

const NEEDS_NEW_VALUE: ReadonlySet<ActionKind> = new Set(['excluded', 'add', 'coalesce']);

/** Why the update fields do not apply to a strategy, or null when they do. */
export function updateNotApplicable(strategy: Strategy): string | null {
  if (strategy === 'doNothing') return 'DO NOTHING leaves existing rows as they are.';
  if (strategy === 'orIgnore') return 'INSERT OR IGNORE leaves existing rows as they are.';
  if (strategy === 'orReplace') return 'INSERT OR REPLACE deletes the conflicting row and inserts the new one whole.';
  return null;
}

interface FieldProps {
  state: BuilderState;
  onChange: (state: BuilderState) => void;
}

/** Per-column on-conflict actions. */
export function ActionsFieldset({
  state,
  onChange,
  columns,
  inserted,
  disabledReason,
  dialect,
}: FieldProps & {
  columns: ColumnInfo[];
  inserted: ReadonlySet<string>;
  disabledReason: string | null;
  dialect: Dialect;
}) {
  const id = useId();
  return (
    <fieldset className="ub-fieldset" disabled={disabledReason !== null}>
      <legend>On conflict, each column</legend>
      {disabledReason && <p className="ub-reason">{disabledReason}</p>}
      {columns.length === 0 && <p className="ub-hint">Every column is part of the key; nothing to update.</p>}
      <div className="ub-actions">
        {columns.map((c, i) => {
          const a = actionFor(state, c.name);
          const selectId = `${id}-a${i}`;
          return (
            <div className="ub-action" key={c.name}>
              <label htmlFor={selectId}>{c.name}</label>
              <select
                id={selectId}
                value={a.kind}
                onChange={(e) =>
                  onChange({
                    ...state,
                    actions: { ...state.actions, [c.name]: { ...a, kind: e.target.value as ActionKind } },
                  })
                }
              >
                {(Object.keys(ACTION_LABEL) as ActionKind[]).map((k) => (
                  <option key={k} value={k} disabled={NEEDS_NEW_VALUE.has(k) && !inserted.has(c.name)}>
                    {k === 'now'
                      ? `${ACTION_LABEL[k]} (${dialect === 'postgres' ? 'now()' : 'CURRENT_TIMESTAMP'})`
                      : ACTION_LABEL[k]}
                    {NEEDS_NEW_VALUE.has(k) && !inserted.has(c.name) ? ' — not inserted' : ''}
                  </option>
                ))}
              </select>
              {a.kind === 'custom' && (
                <>
                  <label className="ub-visually-hidden" htmlFor={`${selectId}-expr`}>
                    Custom expression for {c.name}
                  </label>
                  <input
                    id={`${selectId}-expr`}
                    className="ub-expr"
                    value={a.expr}
                    placeholder="e.g. excluded.col || '!'"
                    spellCheck={false}
                    onChange={(e) =>
                      onChange({ ...state, actions: { ...state.actions, [c.name]: { ...a, expr: e.target.value } } })
                    }
                  />
                </>
              )}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

const CONDITIONS: { kind: ConditionKind; label: (d: Dialect) => string }[] = [
  { kind: 'none', label: () => 'Always' },
  {
    kind: 'changed',
    label: (d) => `Only when something changed (${d === 'postgres' ? 'IS DISTINCT FROM' : 'IS NOT'})`,
  },
  { kind: 'newer', label: () => 'Only when newer by' },
  { kind: 'custom', label: () => 'Custom condition' },
];

/** The update condition. */
export function ConditionFieldset({
  state,
  onChange,
  columns,
  disabledReason,
  dialect,
}: FieldProps & { columns: ColumnInfo[]; disabledReason: string | null; dialect: Dialect }) {
  const id = useId();
  const cond = state.condition;
  return (
    <fieldset className="ub-fieldset" disabled={disabledReason !== null}>
      <legend>Update the existing row</legend>
      {disabledReason && <p className="ub-reason">{disabledReason}</p>}
      {CONDITIONS.map((c) => (
        <div className="ub-choice" key={c.kind}>
          <input
            type="radio"
            id={`${id}-${c.kind}`}
            name={`${id}-cond`}
            checked={cond.kind === c.kind}
            onChange={() =>
              onChange({
                ...state,
                condition: { ...cond, kind: c.kind, column: cond.column || (columns[0]?.name ?? '') },
              })
            }
          />
          <label htmlFor={`${id}-${c.kind}`}>{c.label(dialect)}</label>
          {c.kind === 'newer' && (
            <>
              <label className="ub-visually-hidden" htmlFor={`${id}-newer-col`}>
                Column that tells which row is newer
              </label>
              <select
                id={`${id}-newer-col`}
                value={cond.column}
                disabled={cond.kind !== 'newer'}
                onChange={(e) => onChange({ ...state, condition: { ...cond, column: e.target.value } })}
              >
                {columns.map((col) => (
                  <option key={col.name} value={col.name}>
                    {col.name}
                  </option>
                ))}
              </select>
            </>
          )}
          {c.kind === 'custom' && cond.kind === 'custom' && (
            <>
              <label className="ub-visually-hidden" htmlFor={`${id}-custom`}>
                Custom condition expression
              </label>
              <input
                id={`${id}-custom`}
                className="ub-expr"
                value={cond.expr}
                placeholder="e.g. excluded.n > 0"
                spellCheck={false}
                onChange={(e) => onChange({ ...state, condition: { ...cond, expr: e.target.value } })}
              />
            </>
          )}
        </div>
      ))}
    </fieldset>
  );
}

/** RETURNING: none, all, chosen columns, and the inserted/updated action column. */
export function ReturningFieldset({
  state,
  onChange,
  columns,
  actionReason,
}: FieldProps & { columns: ColumnInfo[]; actionReason: string | null }) {
  const id = useId();
  const r = state.returning;
  const kinds: { kind: BuilderState['returning']['kind']; label: string }[] = [
    { kind: 'none', label: 'Nothing' },
    { kind: 'all', label: 'All columns' },
    { kind: 'columns', label: 'Chosen columns' },
  ];
  return (
    <fieldset className="ub-fieldset">
      <legend>RETURNING</legend>
      {kinds.map((k) => (
        <div className="ub-choice" key={k.kind}>
          <input
            type="radio"
            id={`${id}-${k.kind}`}
            name={`${id}-ret`}
            checked={r.kind === k.kind}
            onChange={() => onChange({ ...state, returning: { ...r, kind: k.kind } })}
          />
          <label htmlFor={`${id}-${k.kind}`}>{k.label}</label>
        </div>
      ))}
      {r.kind === 'columns' && (
        <div className="ub-checks" role="group" aria-label="Columns to return">
          {columns.map((c, i) => (
            <span key={c.name} className="ub-check">
              <input
                type="checkbox"
                id={`${id}-rc${i}`}
                checked={r.columns.includes(c.name)}
                onChange={(e) =>
                  onChange({
                    ...state,
                    returning: {
                      ...r,
                      columns: e.target.checked
                        ? columns.map((x) => x.name).filter((n) => n === c.name || r.columns.includes(n))
                        : r.columns.filter((n) => n !== c.name),
                    },
                  })
                }
              />
              <label htmlFor={`${id}-rc${i}`}>{c.name}</label>
            </span>
          ))}
        </div>
      )}
      <div className="ub-choice">
        <input
          type="checkbox"
          id={`${id}-action`}
          checked={r.action && actionReason === null}
          disabled={actionReason !== null}
          onChange={(e) => onChange({ ...state, returning: { ...r, action: e.target.checked } })}
        />
        <label htmlFor={`${id}-action`}>Action column (inserted or updated)</label>
        {actionReason && <span className="ub-reason">{actionReason}</span>}
      </div>
    </fieldset>
  );
}
