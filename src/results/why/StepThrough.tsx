/**
 * The step-through: the tables as they were just before and just after one statement, with the
 * change marks of that statement alone ("Whole script" by default). The steps come from the
 * engine (RunResult.steps): snapshots it took around each statement that may write.
 */
import { tablesAround } from '../../engine/steps';
import type { RunResult, TableDiff } from '../../engine/types';

/** 'whole' or the index of a statement of the statement script. */
export type TablesView = 'whole' | number;

function firstLine(sql: string): string {
  const line = sql.split('\n').find((l) => l.trim() && !l.trim().startsWith('--')) ?? sql;
  return line.length > 60 ? `${line.slice(0, 60)}…` : line;
}

/** The tables to show for a view, and a sentence saying what they are. */
export function tablesFor(result: RunResult, view: TablesView): { tables: TableDiff[]; caption: string | null } {
  if (view === 'whole') return { tables: result.tables, caption: null };
  const tables = tablesAround(result, view);
  const sql = result.statements[view]?.sql ?? '';
  if (!tables) return { tables: [], caption: `The tables were not captured around statement ${view + 1}.` };
  return {
    tables,
    caption: `Just before and just after statement ${view + 1} (${firstLine(sql)}): only its own changes are marked.`,
  };
}

/** The statement whose proposed rows match the tables shown (links between them work then). */
export function linkedStatement(result: RunResult, view: TablesView): number | undefined {
  if (view !== 'whole') return view;
  return result.singleStep ? 0 : undefined;
}

/** The picker: a native select, so it is keyboard operable as it is. */
export function StepPicker({
  result,
  view,
  onView,
}: {
  result: RunResult;
  view: TablesView;
  onView: (v: TablesView) => void;
}) {
  const steps = result.steps ?? [];
  if (result.statements.length < 2 || steps.length === 0) return null;
  const has = new Set(steps.map((s) => s.statementIndex));
  return (
    <p className="step-picker">
      <label>
        Show tables for{' '}
        <select
          value={view === 'whole' ? 'whole' : String(view)}
          onChange={(e) => onView(e.target.value === 'whole' ? 'whole' : Number(e.target.value))}
        >
          <option value="whole">Whole script</option>
          {result.statements.map((s) => (
            <option key={s.index} value={String(s.index)} disabled={!has.has(s.index)}>
              Statement {s.index + 1}: {firstLine(s.sql)}
              {has.has(s.index) ? '' : ' (tables not captured)'}
            </option>
          ))}
        </select>
      </label>
    </p>
  );
}
