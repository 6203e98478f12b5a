/** Compare mode's difference summary for two fresh runs; loaded on demand (only compare mode needs it). */
import { useMemo } from 'react';
import { compareRuns } from '../compare/differences';
import { DifferenceSummary } from '../compare/DifferenceSummary';
import type { RunResult } from '../engine/types';

/** Props of CompareSummary. */
export interface CompareSummaryProps {
  sqlite: RunResult;
  postgres: RunResult;
}

/** The differences between the SQLite and PostgreSQL runs of the same scenario. */
export function CompareSummary({ sqlite, postgres }: CompareSummaryProps) {
  const diffs = useMemo(() => compareRuns(sqlite, postgres), [sqlite, postgres]);
  return <DifferenceSummary diffs={diffs} />;
}
