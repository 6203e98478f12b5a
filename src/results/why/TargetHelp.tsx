/**
 * A conflict target that matches no unique key of its table: the keys the engine reports and what
 * the target is missing. Loaded with an error that needs it, or with a plan (ui/deferred.ts).
 */
import { conflictTargetHelp, type ConflictTargetHelp } from '../../engine/conflictTarget';
import type { EngineError, TableSchema } from '../../engine/types';

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

/** The help for a failed statement's error, when its conflict target is what failed (else nothing). */
export function TargetHelpFor({
  sql,
  error,
  tables,
}: {
  sql: string;
  error: EngineError | undefined;
  tables: TableSchema[];
}) {
  const help = conflictTargetHelp(sql, error, tables);
  return help ? <TargetHelp help={help} /> : null;
}
