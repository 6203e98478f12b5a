/** Compare mode's difference summary for two fresh runs; loaded on demand (only compare mode needs it). */
import { useContext, useEffect, useMemo, useState } from 'react';
import { compareRuns } from '../compare/differences';
import { DifferenceSummary } from '../compare/DifferenceSummary';
import type { EngineClient } from '../engine/client';
import { MAX_SLICE, present } from '../engine/heldRows';
import { DEFAULT_ROW_LIMIT, type RunResult, type TableData, type TableDiff } from '../engine/types';
import { EnginesContext } from '../state/engineContext';

/** Props of CompareSummary. */
export interface CompareSummaryProps {
  sqlite: RunResult;
  postgres: RunResult;
}

/**
 * A run's tables as Compare reads them: a table held in its engine's worker comes whole up to the
 * default row limit (past it, Compare says what it left out, as for a table cut at the limit).
 * Null when an engine no longer holds the rows.
 */
async function readable(r: RunResult, client: EngineClient | undefined): Promise<RunResult | null> {
  if (!r.tables.some((t) => t.held)) return r;
  const tables: TableDiff[] = [];
  for (const t of r.tables) {
    if (!t.held) {
      tables.push(t);
      continue;
    }
    const side = async (d: TableData | null, part: 'before' | 'after'): Promise<TableData | null | false> => {
      if (!d) return null;
      const n = Math.min(d.rows.length, DEFAULT_ROW_LIMIT);
      for (let from = 0; from < n; from += MAX_SLICE) {
        const to = Math.min(n, from + MAX_SLICE);
        if (!present(d.rows, from, to) && (await client?.fillHeld(t, part, from, to)) !== 'filled') return false;
      }
      // Rows kept dense (no holes): Compare iterates them.
      return { ...d, rows: d.rows.slice(0, n) };
    };
    const before = await side(t.before, 'before');
    const after = await side(t.after, 'after');
    if (before === false || after === false) return null;
    tables.push({ ...t, before, after });
  }
  return { ...r, tables };
}

/** The runs as read (null: an engine no longer holds their rows), for the pair of runs `runs`. */
type Read = { sqlite: RunResult; postgres: RunResult } | null;

const holds = (r: RunResult): boolean => r.tables.some((t) => t.held);

/** The differences between the SQLite and PostgreSQL runs of the same scenario. */
export function CompareSummary({ sqlite, postgres }: CompareSummaryProps) {
  const engines = useContext(EnginesContext);
  // Runs whose tables are all on the page compare at once; held rows are read first.
  const wait = holds(sqlite) || holds(postgres);
  const [read, setRead] = useState<{ runs: [RunResult, RunResult]; read: Read } | null>(null);
  useEffect(() => {
    if (!wait) return;
    let live = true;
    void Promise.all([readable(sqlite, engines?.sqlite), readable(postgres, engines?.postgres)]).then(([s, p]) => {
      if (live) setRead({ runs: [sqlite, postgres], read: s && p ? { sqlite: s, postgres: p } : null });
    });
    return () => {
      live = false;
    };
  }, [wait, sqlite, postgres, engines]);
  const mine = read && read.runs[0] === sqlite && read.runs[1] === postgres ? read : null;
  const diffs = useMemo(
    () =>
      !wait ? compareRuns(sqlite, postgres) : mine?.read ? compareRuns(mine.read.sqlite, mine.read.postgres) : null,
    [wait, sqlite, postgres, mine],
  );
  if (!diffs)
    return (
      <section aria-label="Differences" className="cmp-summary">
        <h2 className="cmp-title">Differences</h2>
        <p className="cmp-none" role="status">
          {wait && mine && !mine.read
            ? 'The engines no longer keep these runs’ rows (they have run again or restarted since): run again to compare them.'
            : 'Reading the rows from both engines to compare them…'}
        </p>
      </section>
    );
  return <DifferenceSummary diffs={diffs} />;
}
