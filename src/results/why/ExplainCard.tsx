/**
 * "Explain": the engine's own plan of one upsert, asked for when the person opens it (the engine
 * replays the setup and the statements before it, then plans this one: see src/engine/replay.ts),
 * as a readable card with the raw plan one click away.
 */
import { useId, useState } from 'react';
import type { ConflictTargetHelp } from '../../engine/conflictTarget';
import type { PlanFacts, StatementPlan } from '../../engine/plan';
import type { Dialect, RunResult, StatementResult } from '../../engine/types';

/** Statements that get an Explain control: the upserts (and MERGE on PostgreSQL). */
export function explainable(dialect: Dialect, s: StatementResult): boolean {
  if (dialect === 'postgres') return s.kind === 'MERGE' || (s.kind === 'INSERT' && /\bON\s+CONFLICT\b/i.test(s.sql));
  return /^(INSERT|REPLACE)\b/.test(s.kind) && (s.kind !== 'INSERT' || /\bON\s+CONFLICT\b/i.test(s.sql));
}

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

/** The table's keys and what a conflict target that matched none of them is missing. */
export function TargetHelp({ help }: { help: ConflictTargetHelp }) {
  return (
    <div className="target-help" role="note">
      <p>
        <strong>Unique keys of {help.table}</strong> (as the engine reports them):
      </p>
      {help.keys.length ? (
        <ul>
          {help.keys.map((k) => (
            <li key={k}>
              <code>{k}</code>
            </li>
          ))}
        </ul>
      ) : (
        <p>none</p>
      )}
      <p>{help.advice}</p>
    </div>
  );
}

function PlanBody({ plan }: { plan: StatementPlan }) {
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

type Loaded = { of: StatementResult; state: 'loading' } | { of: StatementResult; state: 'done'; result: RunResult };

/** The Explain disclosure of one statement. */
export function ExplainCard({
  statement,
  explain,
}: {
  statement: StatementResult;
  explain: (index: number) => Promise<RunResult>;
}) {
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const id = useId();
  // A new run brings new statement objects: the plan of the old one is not shown for it.
  const current = loaded?.of === statement ? loaded : null;
  const toggle = (): void => {
    setOpen(!open);
    if (open || current) return;
    setLoaded({ of: statement, state: 'loading' });
    void explain(statement.index).then((result) => setLoaded({ of: statement, state: 'done', result }));
  };
  const n = statement.index + 1;
  return (
    <div className="explain">
      <button
        type="button"
        className="explain-toggle"
        aria-expanded={open}
        aria-controls={id}
        aria-label={`Explain statement ${n}`}
        onClick={toggle}
      >
        <span aria-hidden="true">{open ? '▾' : '▸'}</span> Explain
      </button>
      <div id={id} className="explain-card" hidden={!open} aria-live="polite">
        {open && current?.state === 'loading' && <p className="muted">Asking the engine for its plan…</p>}
        {open && current?.state === 'done' && current.result.plan && <PlanBody plan={current.result.plan} />}
        {open && current?.state === 'done' && !current.result.plan && (
          <p className="explain-error">
            No plan: {current.result.error?.message ?? 'the engine gave none'}
            {current.result.error?.phase === 'setup' ? ' (the setup failed)' : ''}
          </p>
        )}
      </div>
    </div>
  );
}
