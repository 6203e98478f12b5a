/**
 * The Parameters panel: one row per placeholder of the shown dialect's scripts (`:email`, `?`,
 * `%(email)s`, `$1`), with a value field and its type. NULL and the empty string are different
 * choices; an SQL expression (CURRENT_TIMESTAMP) is evaluated by the engine. Nothing is pasted into
 * the SQL: the engine binds the values.
 */
import { useId, useMemo } from 'react';
import { findPlaceholders, isPositionalKey, type Placeholder } from '../engine/placeholders';
import type { Dialect } from '../engine/types';
import { PARAM_TYPE_LABEL, toBindValue, type ParamType, type ParamValue } from '../scenario/params';
import type { Scenario } from '../scenario/scenario';
import { scriptKeys } from '../state/usePlayground';
import './params.css';

const TYPES: ParamType[] = ['text', 'number', 'boolean', 'null', 'sql'];

/** How a key is labelled: as first written (`:email`, `%(email)s`), positions as `?1` / `$1`. */
function keyLabel(key: string, list: Placeholder[]): string {
  const first = list.find((p) => p.key === key);
  if (!first) return key;
  if (isPositionalKey(key)) return first.style === 'dollar' ? `$${key}` : `?${key}`;
  return first.text;
}

function stateOf(p: ParamValue | undefined): { text: string; cls: string } {
  if (!p) return { text: 'not set', cls: 'unset' };
  const v = toBindValue(p);
  if (!v.ok) return { text: v.message, cls: 'invalid' };
  if (p.type === 'null') return { text: 'NULL', cls: 'set' };
  if (p.type === 'text' && p.value === '') return { text: 'empty text', cls: 'set' };
  if (p.type === 'sql') return { text: 'evaluated by the engine', cls: 'set' };
  return { text: 'set', cls: 'set' };
}

/** Props of ParametersPanel. */
export interface ParametersPanelProps {
  scenario: Scenario;
  dialect: Dialect;
  onChange: (key: string, value: ParamValue | null) => void;
}

/** The panel (nothing when the scripts have no placeholders). */
export function ParametersPanel({ scenario, dialect, onChange }: ParametersPanelProps) {
  const titleId = useId();
  const { keys, list } = useMemo(() => {
    const s = scenario[dialect];
    return {
      keys: scriptKeys(scenario, dialect),
      list: [...findPlaceholders(s.setup, dialect), ...findPlaceholders(s.statement, dialect)],
    };
  }, [scenario, dialect]);
  if (!keys.length) return null;
  const params = scenario.params ?? {};
  const unset = keys.filter((k) => !params[k]).map((k) => keyLabel(k, list));
  return (
    <section className="params-panel" aria-labelledby={titleId}>
      <h2 id={titleId}>Parameters</h2>
      <table>
        <caption className="visually-hidden">Placeholder values</caption>
        <thead>
          <tr>
            <th scope="col">Placeholder</th>
            <th scope="col">Value</th>
            <th scope="col">Type</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => {
            const label = keyLabel(k, list);
            const p = params[k];
            const st = stateOf(p);
            return (
              <tr key={k}>
                <th scope="row">{label}</th>
                <td>
                  <input
                    type="text"
                    aria-label={`Value of ${label}`}
                    value={p && p.type !== 'null' ? p.value : ''}
                    placeholder={p?.type === 'null' ? 'NULL' : p?.type === 'sql' ? 'CURRENT_TIMESTAMP' : ''}
                    disabled={p?.type === 'null'}
                    spellCheck={false}
                    aria-describedby={`${titleId}-${k}`}
                    onChange={(e) => onChange(k, { type: p?.type ?? 'text', value: e.target.value })}
                  />
                  <span id={`${titleId}-${k}`} className={`params-state ${st.cls}`}>
                    {st.text}
                  </span>
                </td>
                <td>
                  <select
                    aria-label={`Type of ${label}`}
                    value={p?.type ?? ''}
                    onChange={(e) =>
                      onChange(k, e.target.value ? { type: e.target.value as ParamType, value: p?.value ?? '' } : null)
                    }
                  >
                    <option value="">not set</option>
                    {TYPES.map((t) => (
                      <option key={t} value={t}>
                        {PARAM_TYPE_LABEL[t]}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="muted">
        {unset.length ? `Runs wait until every placeholder has a value (not set: ${unset.join(', ')}). ` : ''}
        The engine binds these values (they are never pasted into the SQL); the same names bind in both dialects.
      </p>
    </section>
  );
}
