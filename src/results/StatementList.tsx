/** One summary line per statement, and the rows each statement returned as a table. */
import type { Dialect, RunResult, StatementResult } from '../engine/types';
import { useCutCells } from './cutCells';
import { DataTable } from './DataTable';
import { formatCount, formatMs, plural } from './format';
import { statementLabel } from './statementLabel';
import { Cell } from './TableDiffView';
import { ProposedRowsView } from './why/ProposedRowsView';
import { ExplainCard, explainable } from './why/ExplainCard';

/** The summary of one statement: kind, rows affected, diff counts, duration. */
function statementSummary(s: StatementResult): string {
  const parts: string[] = [s.kind];
  if (s.error) parts.push('failed');
  else {
    if (s.rowsAffected !== null)
      parts.push(`${plural(s.rowsAffected, 'row')} ${s.copyOut !== undefined ? 'copied out' : 'affected'}`);
    if (s.diffCounts) {
      const d = s.diffCounts;
      const c = [
        d.inserted && `${formatCount(d.inserted)} inserted`,
        d.updated && `${formatCount(d.updated)} updated`,
        d.deleted && `${formatCount(d.deleted)} deleted`,
      ].filter(Boolean);
      if (c.length) parts.push(c.join(', '));
    }
    if (s.columns) parts.push(`${plural(s.totalRows ?? s.rows.length, 'row')} returned`);
  }
  parts.push(formatMs(s.durationMs));
  return parts.join(' · ');
}

/** Results of the statement script, statement by statement. */
export function StatementList({
  statements,
  notRun,
  linked,
  dialect,
  explain,
}: {
  statements: StatementResult[];
  notRun: { index: number; sql: string }[];
  /** The statement whose proposed rows link to the tables shown. */
  linked?: number;
  dialect?: Dialect;
  /** Ask the engine for one statement's plan (the Explain control). */
  explain?: (index: number) => Promise<RunResult>;
}) {
  const cutAt = useCutCells();
  if (statements.length === 0 && notRun.length === 0) return <p className="muted">The statement script is empty.</p>;
  return (
    <ol className="statement-list">
      {statements.map((s) => (
        <li key={s.index} className={s.error ? 'stmt stmt-failed' : 'stmt'}>
          <p className="stmt-line">
            <span className="stmt-no">{s.index + 1}</span>
            <code className="stmt-sql" title={s.sql.trim()}>
              {statementLabel(s.sql)}
            </code>
            <span className="stmt-summary">{statementSummary(s)}</span>
          </p>
          {s.columns && (
            <DataTable
              label={`Statement ${s.index + 1} result`}
              className="returned-table"
              colSpan={s.columns.length}
              empty={s.kind === 'SELECT' ? 'No rows' : 'No rows returned'}
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
          {s.copyOut !== undefined && (
            <pre className="copy-out" aria-label={`Statement ${s.index + 1} COPY output`}>
              {s.copyOut}
            </pre>
          )}
          {s.copyOutCut && (
            <p className="cut-note">
              Showing the first {plural(s.copyOut!.split('\n').length - 1, 'line')} of the COPY output: the rest was not
              kept, so the page stays fast.
            </p>
          )}
          {s.proposed && (
            <ProposedRowsView statementNo={s.index + 1} proposed={s.proposed} linked={linked === s.index} />
          )}
          {explain && dialect && explainable(dialect, s) && <ExplainCard statement={s} explain={explain} />}
          {s.totalRows !== undefined && (
            <p className="cut-note">
              Showing the first {formatCount(s.rows.length)} of {formatCount(s.totalRows)} returned rows: the rest were
              not kept, so the page stays fast.
            </p>
          )}
        </li>
      ))}
      {notRun.map((s) => (
        <li key={`n${s.index}`} className="stmt stmt-not-run">
          <p className="stmt-line">
            <span className="stmt-no">{s.index + 1}</span>
            <code className="stmt-sql" title={s.sql.trim()}>
              {statementLabel(s.sql)}
            </code>
            <span className="stmt-summary">not run (an earlier statement failed)</span>
          </p>
        </li>
      ))}
    </ol>
  );
}
