/**
 * "Explain": the engine's own plan of one upsert, asked for when the person opens it (the engine
 * replays the setup and the statements before it, then plans this one: see src/engine/replay.ts),
 * as a readable card with the raw plan one click away. The plan's body loads with the first plan
 * asked for (ui/deferred.ts).
 */
import { useId, useState } from 'react';
import type { Dialect, RunResult, StatementResult } from '../../engine/types';
import { useLazyModule } from '../../lib/useLazyModule';
import { planBody } from '../../ui/deferred';

/** Statements that get an Explain control: the upserts (and MERGE on PostgreSQL). */
export function explainable(dialect: Dialect, s: StatementResult): boolean {
  if (dialect === 'postgres') return s.kind === 'MERGE' || (s.kind === 'INSERT' && /\bON\s+CONFLICT\b/i.test(s.sql));
  return /^(INSERT|REPLACE)\b/.test(s.kind) && (s.kind !== 'INSERT' || /\bON\s+CONFLICT\b/i.test(s.sql));
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
  const body = useLazyModule(planBody, open, 'the plan');
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
        {open && (current?.state === 'loading' || (current?.state === 'done' && body === null)) && (
          <p className="muted">Asking the engine for its plan…</p>
        )}
        {open && current?.state === 'done' && current.result.plan && body === 'failed' && (
          <p className="explain-error">The plan could not be shown: check the connection, then reload the page.</p>
        )}
        {open && current?.state === 'done' && current.result.plan && body !== null && body !== 'failed' && (
          <body.PlanBody plan={current.result.plan} />
        )}
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
