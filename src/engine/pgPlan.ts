/**
 * PostgreSQL's plan of one statement as it runs: EXPLAIN (ANALYZE, FORMAT JSON) inside a
 * transaction (or, inside the script's own transaction, a savepoint) that is rolled back, so
 * whatever the statement wrote is undone. Only ever run on a replay that is not shown (see
 * replay.ts): a rollback does not give back the sequence values the statement spent.
 */
import type { PGlite } from '@electric-sql/pglite';
import { postgresStatementArgs, type ResolvedParams } from './binding.ts';
import { readPostgresPlan, type PlanFacts, type PlanLine } from './plan.ts';
import type { Value } from './types.ts';

export async function planPostgres(
  pg: PGlite,
  sql: string,
  params: ResolvedParams,
): Promise<{ raw: string; lines: PlanLine[]; facts?: PlanFacts }> {
  const bound = postgresStatementArgs(sql, params);
  const text = (bound ? bound.sql : sql).replace(/;\s*$/, '');
  const inTx = pg.isInTransaction();
  await pg.query(inTx ? 'SAVEPOINT upsert_playground_plan' : 'BEGIN');
  try {
    // Notices (the script's own triggers, the account's) are not part of the plan: dropped.
    const res = await pg.query<Value[]>(
      `EXPLAIN (ANALYZE, FORMAT JSON, COSTS OFF, TIMING OFF, SUMMARY OFF, BUFFERS OFF) ${text}`,
      bound ? bound.args : [],
      { rowMode: 'array', onNotice: () => undefined },
    );
    const cell = res.rows[0]?.[0] ?? [];
    const raw = typeof cell === 'string' ? cell : JSON.stringify(cell);
    return { raw: JSON.stringify(JSON.parse(raw), null, 2), ...readPostgresPlan(raw) };
  } finally {
    await pg.query(inTx ? 'ROLLBACK TO SAVEPOINT upsert_playground_plan' : 'ROLLBACK');
  }
}

/**
 * How many rows PostgreSQL's planner expects a writing statement to hand to its table: the
 * estimated rows of the input of the plan's ModifyTable node, from plain EXPLAIN (nothing runs,
 * no sequence value is spent). Null when the statement cannot be planned apart or has no such
 * node. Used to leave the row-by-row account off for statements that write very many rows
 * (each row it records is a NOTICE, which makes such a statement many times slower).
 */
export async function plannedRows(pg: PGlite, sql: string, args: unknown[]): Promise<number | null> {
  const res = await pg.query<Value[]>(`EXPLAIN (FORMAT JSON) ${sql.replace(/;\s*$/, '')}`, args, {
    rowMode: 'array',
    onNotice: () => undefined,
  });
  const cell = res.rows[0]?.[0];
  const plans = (typeof cell === 'string' ? JSON.parse(cell) : cell) as { Plan?: PlanNode }[] | undefined;
  const find = (n: PlanNode | undefined): number | null => {
    if (!n) return null;
    if (n['Node Type'] === 'ModifyTable') return Math.max(0, ...(n.Plans ?? []).map((c) => c['Plan Rows'] ?? 0));
    for (const c of n.Plans ?? []) {
      const rows = find(c);
      if (rows !== null) return rows;
    }
    return null;
  };
  return find(plans?.[0]?.Plan);
}

interface PlanNode {
  'Node Type'?: string;
  'Plan Rows'?: number;
  Plans?: PlanNode[];
}
