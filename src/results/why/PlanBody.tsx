/** The Explain card's body: the engine's plan of one upsert, read (facts, steps, notes, raw plan). */
import { useId, useState } from 'react';
import type { PlanFacts, StatementPlan } from '../../engine/plan';
import { TargetHelp } from './TargetHelp';

function factRows(f: PlanFacts): [string, string][] {
  const out: [string, string][] = [];
  const n = (v: number | undefined): string | null => (v === undefined ? null : String(v));
  if (f.conflictResolution)
    out.push(['On conflict', f.conflictResolution === 'NOTHING' ? 'DO NOTHING' : `DO ${f.conflictResolution}`]);
  if (f.arbiterIndexes)
    out.push([
      'Arbiter indexes (checked for conflicts)',
      f.arbiterIndexes.length ? f.arbiterIndexes.join(', ') : 'none',
    ]);
  const add = (label: string, v: number | undefined): void => {
    const t = n(v);
    if (t !== null) out.push([label, t]);
  };
  add('Rows inserted (Tuples Inserted)', f.tuplesInserted);
  add('Rows that conflicted (Conflicting Tuples)', f.conflictingTuples);
  if (f.conflictFilter) out.push(['DO UPDATE … WHERE', f.conflictFilter]);
  add('Conflicting rows the WHERE skipped (Rows Removed by Conflict Filter)', f.rowsRemovedByConflictFilter);
  add('Rows updated (Tuples Updated)', f.tuplesUpdated);
  add('Rows deleted (Tuples Deleted)', f.tuplesDeleted);
  add('Source rows with no action (Tuples Skipped)', f.tuplesSkipped);
  return out;
}

/** The plan, read. */
export function PlanBody({ plan }: { plan: StatementPlan }) {
  const [raw, setRaw] = useState(false);
  const rawId = useId();
  const facts = plan.facts ? factRows(plan.facts) : [];
  return (
    <>
      {plan.error && (
        <p className="explain-error">
          The engine refused it: {plan.error.code ? `${plan.error.code} ` : ''}
          {plan.error.message}
        </p>
      )}
      {plan.help && <TargetHelp help={plan.help} />}
      {facts.length > 0 && (
        <dl className="explain-facts">
          {facts.map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      )}
      {plan.lines.length > 0 && (
        <ul className="explain-lines" aria-label="Plan steps">
          {plan.lines.map((l, i) => (
            <li key={i} style={{ paddingInlineStart: `${l.depth * 1.2}em` }}>
              {l.text}
            </li>
          ))}
        </ul>
      )}
      {plan.notes.map((n, i) => (
        <p key={i} className="explain-note">
          {n}
        </p>
      ))}
      {plan.raw && (
        <>
          <button
            type="button"
            className="link-button"
            aria-expanded={raw}
            aria-controls={rawId}
            onClick={() => setRaw(!raw)}
          >
            {raw ? 'Hide the raw plan' : 'Show the raw plan'}
          </button>
          <pre id={rawId} className="explain-raw" hidden={!raw} aria-label="Raw plan">
            {plan.raw}
          </pre>
        </>
      )}
    </>
  );
}
