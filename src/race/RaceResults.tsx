/**
 * The Race lab's results: the summary, then every step in timeline order, placed in its session's
 * column (which session ran it, the values it used and read, rows returned and affected, its
 * error), with the tables just after it marked with that step's changes alone.
 */
import type { CSSProperties } from 'react';
import type { RaceStepOutcome } from '../engine/race';
import { tablesAround } from '../engine/steps';
import type { RunResult, StatementResult } from '../engine/types';
import { DataTable } from '../results/DataTable';
import { ErrorBox } from '../results/ErrorBox';
import { plural, valueText } from '../results/format';
import { Cell, TableDiffView } from '../results/TableDiffView';
import { useCutCells } from '../results/cutCells';
import { SESSION_NAMES } from './model';
import { errorText, raceSummary } from './summary';
import './race.css';

const sessionName = (k: number): string => SESSION_NAMES[k] ?? String(k + 1);

function values(v: Record<string, unknown>): string {
  return Object.entries(v)
    .map(([k, x]) => `:${k} = ${valueText(x as null)}`)
    .join(', ');
}

/** Rows returned / affected, in words. */
function outcomeLine(s: StatementResult): string {
  const parts: string[] = [];
  if (s.columns) parts.push(`${plural(s.totalRows ?? s.rows.length, 'row')} returned`);
  if (s.rowsAffected !== null) parts.push(`${plural(s.rowsAffected, 'row')} affected`);
  return parts.join(' · ');
}

function StepCard({ s, o, n }: { s: StatementResult; o: RaceStepOutcome; n: number }) {
  const cutAt = useCutCells();
  return (
    <div className={`race-card lane-${o.session}`} style={{ gridColumn: o.session + 1 }}>
      <h3 className="race-card-title">
        <span className="race-card-no">Step {n}</span> <span className="race-entry-label">{o.label}</span>{' '}
        <span className="race-entry-session">Session {sessionName(o.session)}</span>
      </h3>
      <pre className="race-card-sql">
        <code>{s.sql.trim()}</code>
      </pre>
      {Object.keys(o.used).length > 0 && <p className="race-values">Used {values(o.used)}</p>}
      {s.error ? (
        <p className="race-error">
          <span className="race-error-mark" aria-hidden="true">
            ✕
          </span>{' '}
          Failed: {errorText(s.error)}
        </p>
      ) : (
        <p className="race-outcome">{outcomeLine(s) || 'Done'}</p>
      )}
      {s.columns && (
        <DataTable
          label={`Step ${n} result`}
          className="returned-table"
          colSpan={s.columns.length}
          empty="No rows"
          header={
            <tr>
              {s.columns.map((c, j) => (
                <th key={j} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          }
          rowCount={s.rows.length}
          renderRow={(i) => (
            <tr key={i} aria-rowindex={i + 2}>
              {s.rows[i]!.map((v, j) => (
                <Cell key={j} value={v} cut={cutAt(s.rows, i, j)} />
              ))}
            </tr>
          )}
        />
      )}
      {o.captured && (
        <p className="race-values">
          Session {sessionName(o.session)} now holds {values(o.captured)}
        </p>
      )}
      {o.emptyRead && o.emptyRead.length > 0 && (
        <p className="race-values">
          No row: session {sessionName(o.session)} holds no {o.emptyRead.map((c) => `:${c}`).join(', ')}
        </p>
      )}
    </div>
  );
}

/** The outcome of a race run on one engine. */
export function RaceResults({ result }: { result: RunResult }) {
  const race = result.race;
  const lanes = Math.max(2, ...(race?.steps.map((s) => s.session + 1) ?? [2]));
  const summary = raceSummary(result);
  const refusedAt = result.error?.phase === 'statement' ? result.error.statementIndex : undefined;
  return (
    <div className="race-results" style={{ '--lanes': lanes } as CSSProperties}>
      {result.error && refusedAt !== undefined ? (
        <div role="alert" className="error-box error-statement">
          <p className="error-title">
            <strong>Step {refusedAt + 1} was refused; nothing ran</strong>
          </p>
          <p className="error-message">{result.error.message}</p>
        </div>
      ) : (
        result.error && <ErrorBox error={result.error} />
      )}
      {result.notes.map((n, i) => (
        <p key={i} className="run-note" role="note">
          {n}
        </p>
      ))}
      {summary.length > 0 && (
        <section className="race-summary" aria-label="What happened">
          <h2>What happened</h2>
          <ul>
            {summary.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </section>
      )}
      {race && (
        <section aria-label="Steps" className="race-run">
          <h2>Steps in timeline order</h2>
          <div className="race-lane-heads" aria-hidden="true">
            {Array.from({ length: lanes }, (_, k) => (
              <span key={k} className={`lane-${k}`}>
                Session {sessionName(k)}
              </span>
            ))}
          </div>
          <ol className="race-run-steps">
            {result.statements.map((s, i) => {
              const o = race.steps[i]!;
              const tables = tablesAround(result, i);
              return (
                <li key={i} className="race-run-step">
                  <StepCard s={s} o={o} n={i + 1} />
                  {tables && (
                    <div className="race-after">
                      {tables.map((t) => (
                        <TableDiffView key={t.name} diff={t} step={i + 1} />
                      ))}
                    </div>
                  )}
                </li>
              );
            })}
          </ol>
        </section>
      )}
    </div>
  );
}
