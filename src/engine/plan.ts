/**
 * The upsert's plan, as the engine gives it: PostgreSQL's EXPLAIN (ANALYZE, FORMAT JSON) and
 * SQLite's EXPLAIN QUERY PLAN, read into a few plain facts for a card (the raw plan is kept too).
 * Nothing here guesses what the engine did: every number is a field of the engine's own plan.
 */
import type { ConflictTargetHelp } from './conflictTarget.ts';
import type { Dialect, EngineError } from './types.ts';

/** One node of a plan, as an indented outline line. */
export interface PlanLine {
  depth: number;
  text: string;
}

/** What the card shows about one statement's plan. */
export interface StatementPlan {
  dialect: Dialect;
  /** 0-based index of the statement within the statement script. */
  statementIndex: number;
  sql: string;
  /** The plan as the engine printed it (PostgreSQL: JSON; SQLite: the EXPLAIN QUERY PLAN rows). */
  raw: string;
  /** The plan's nodes, outermost first. */
  lines: PlanLine[];
  /** PostgreSQL's ModifyTable counters (ANALYZE), when the plan has them. */
  facts?: PlanFacts;
  /** The engine refused to plan (or run) the statement. */
  error?: EngineError;
  /** For a conflict target that matches no key: the table's keys and what is missing. */
  help?: ConflictTargetHelp;
  /** What the plan can and cannot show here. */
  notes: string[];
}

/** The counters of PostgreSQL's ModifyTable node. */
export interface PlanFacts {
  operation?: string;
  table?: string;
  /** ON CONFLICT: 'UPDATE' or 'NOTHING'. */
  conflictResolution?: string;
  /** The unique indexes PostgreSQL checked for conflicts (the arbiters). */
  arbiterIndexes?: string[];
  /** The DO UPDATE … WHERE condition, as PostgreSQL prints it. */
  conflictFilter?: string;
  tuplesInserted?: number;
  conflictingTuples?: number;
  rowsRemovedByConflictFilter?: number;
  /** MERGE. */
  tuplesUpdated?: number;
  tuplesDeleted?: number;
  tuplesSkipped?: number;
}

type JsonNode = Record<string, unknown> & { Plans?: JsonNode[] };

const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The outline of a PostgreSQL JSON plan node and its children. */
function outline(node: JsonNode, depth: number, out: PlanLine[]): void {
  const parts: string[] = [str(node['Node Type']) ?? '?'];
  const op = str(node.Operation);
  if (node['Node Type'] === 'ModifyTable' && op) parts[0] = `${op} on ${str(node['Relation Name']) ?? '?'}`;
  else if (node['Relation Name']) parts.push(`on ${str(node['Relation Name'])}`);
  if (node['Index Name']) parts.push(`using ${str(node['Index Name'])}`);
  if (node['Join Type']) parts.push(`(${str(node['Join Type'])})`);
  const rows = num(node['Actual Rows']);
  if (rows !== undefined) parts.push(`— ${rows} row${rows === 1 ? '' : 's'}`);
  out.push({ depth, text: parts.join(' ') });
  for (const c of node.Plans ?? []) outline(c, depth + 1, out);
}

/** The ModifyTable node (the write), wherever it sits (a CTE may wrap it). */
function findModify(node: JsonNode): JsonNode | undefined {
  if (node['Node Type'] === 'ModifyTable') return node;
  for (const c of node.Plans ?? []) {
    const hit = findModify(c);
    if (hit) return hit;
  }
  return undefined;
}

/** Read PostgreSQL's EXPLAIN (ANALYZE, FORMAT JSON) output. */
export function readPostgresPlan(json: unknown): { lines: PlanLine[]; facts?: PlanFacts } {
  const text = typeof json === 'string' ? json : JSON.stringify(json);
  const doc = JSON.parse(text) as { Plan?: JsonNode }[];
  const root = doc[0]?.Plan;
  if (!root) return { lines: [] };
  const lines: PlanLine[] = [];
  outline(root, 0, lines);
  const m = findModify(root);
  if (!m) return { lines };
  const facts: PlanFacts = {};
  const set = <K extends keyof PlanFacts>(k: K, v: PlanFacts[K] | undefined): void => {
    if (v !== undefined) facts[k] = v;
  };
  set('operation', str(m.Operation));
  set('table', str(m['Relation Name']));
  set('conflictResolution', str(m['Conflict Resolution']));
  const arb = m['Conflict Arbiter Indexes'];
  if (Array.isArray(arb)) facts.arbiterIndexes = arb.map(String);
  set('conflictFilter', str(m['Conflict Filter']));
  set('tuplesInserted', num(m['Tuples Inserted']));
  set('conflictingTuples', num(m['Conflicting Tuples']));
  set('rowsRemovedByConflictFilter', num(m['Rows Removed by Conflict Filter']));
  set('tuplesUpdated', num(m['Tuples Updated']));
  set('tuplesDeleted', num(m['Tuples Deleted']));
  set('tuplesSkipped', num(m['Tuples Skipped']));
  return { lines, facts };
}

/** SQLite's EXPLAIN QUERY PLAN rows (id, parent, notused, detail) as an outline. */
export function readSqlitePlan(rows: [number, number, string][]): PlanLine[] {
  const depth = new Map<number, number>([[0, -1]]);
  return rows.map(([id, parent, detail]) => {
    const d = (depth.get(parent) ?? -1) + 1;
    depth.set(id, d);
    return { depth: d, text: detail };
  });
}

/** What SQLite's EXPLAIN QUERY PLAN can and cannot show, for the card. */
export const SQLITE_PLAN_NOTE =
  "SQLite's EXPLAIN QUERY PLAN shows how the statement reads its rows (the VALUES list, the SELECT feeding an INSERT … SELECT, subqueries) without running it. It does not show the conflict check: which unique index a row was checked against, how many rows conflicted, or how many the DO UPDATE … WHERE skipped — SQLite has no such counters. The proposed rows above tell that row by row.";

/** What the PostgreSQL card is, for the card. */
export const POSTGRES_PLAN_NOTE =
  'PostgreSQL ran this statement under EXPLAIN ANALYZE on a fresh copy of the same state (the setup and the statements before it, run again), inside a transaction it then rolled back: nothing of it reaches the results shown, not even a sequence value.';
