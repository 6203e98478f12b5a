/**
 * Learner hints: for the commonest upsert mistakes, one sentence on what to change, shown above the
 * engine's own error, and where the change is mechanical a one-click edit. Each hint starts from
 * the error the engine reported (its code or message) and only then looks at the scripts to name
 * the column or index involved; tests/engine/hints.test.ts runs every case on the engine it names.
 */
import type { Dialect, EngineError } from '../engine/types';
import type { Scripts } from '../scenario/scenario';

/** A one-click edit: the script it changes and its new text. */
export interface HintFix {
  label: string;
  part: keyof Scripts;
  text: string;
}

/** One hint. */
export interface LearnerHint {
  id:
    | 'partial-index'
    | 'no-unique-key'
    | 'now-sqlite'
    | 'xmax-sqlite'
    | 'integer-pk-postgres'
    | 'serial-null'
    | 'mysql-duplicate-key';
  text: string;
  fix?: HintFix;
}

const NO_MATCHING_KEY =
  /no unique or exclusion constraint matching the ON CONFLICT specification|ON CONFLICT clause does not match any PRIMARY KEY or UNIQUE constraint/i;
const words = (cols: string) =>
  cols
    .split(',')
    .map((c) => c.trim().replace(/^"|"$/g, '').toLowerCase())
    .join(', ');

/** Partial unique indexes the setup declares: table, columns and predicate. */
function partialIndexes(setup: string): { table: string; columns: string; predicate: string }[] {
  const re =
    /CREATE\s+UNIQUE\s+INDEX\s+(?:IF\s+NOT\s+EXISTS\s+)?[\w".]+\s+ON\s+([\w".]+)\s*\(([^)]*)\)\s*WHERE\s+([^;]+)/gi;
  return [...setup.matchAll(re)].map((m) => ({
    table: m[1]!.replace(/"/g, '').toLowerCase(),
    columns: words(m[2]!),
    predicate: m[3]!.trim(),
  }));
}

/** The hints for a failed run (empty when none applies). */
export function learnerHints(error: EngineError | undefined, dialect: Dialect, scripts: Scripts): LearnerHint[] {
  if (!error || (error.phase !== 'setup' && error.phase !== 'statement')) return [];
  const out: LearnerHint[] = [];
  const msg = error.message;
  const failing = error.phase === 'setup' ? scripts.setup : scripts.statement;

  if (/ON\s+DUPLICATE\s+KEY\s+UPDATE/i.test(failing)) {
    out.push({
      id: 'mysql-duplicate-key',
      text: `ON DUPLICATE KEY UPDATE is MySQL's syntax (SQLAlchemy's on_duplicate_key_update): on ${dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'} write ON CONFLICT (key columns) DO UPDATE SET col = excluded.col, where excluded.col stands for MySQL's VALUES(col).`,
    });
  }

  if (NO_MATCHING_KEY.test(msg)) {
    const target = /ON\s+CONFLICT\s*\(([^)]*)\)(?!\s*WHERE)/i.exec(scripts.statement);
    const partial = target ? partialIndexes(scripts.setup).find((p) => p.columns === words(target[1]!)) : undefined;
    if (target && partial) {
      const at = target.index + target[0].length;
      out.push({
        id: 'partial-index',
        text: `The unique index on (${partial.columns}) is partial (WHERE ${partial.predicate}): repeat its condition after the conflict target, ON CONFLICT (${target[1]!.trim()}) WHERE ${partial.predicate}.`,
        fix: {
          label: `Add WHERE ${partial.predicate} to the conflict target`,
          part: 'statement',
          text: `${scripts.statement.slice(0, at)} WHERE ${partial.predicate}${scripts.statement.slice(at)}`,
        },
      });
    } else {
      out.push({
        id: 'no-unique-key',
        text: `The conflict target${target ? ` (${target[1]!.trim()})` : ''} must be exactly the columns of a primary key or unique constraint: add UNIQUE (${target ? target[1]!.trim() : 'those columns'}) to the table, or name the columns of a key it has.`,
      });
    }
  }

  if (dialect === 'sqlite' && /^no such function: now$/i.test(msg)) {
    out.push({
      id: 'now-sqlite',
      text: "SQLite has no NOW(): write CURRENT_TIMESTAMP (or datetime('now')), which works on PostgreSQL too.",
      fix: {
        label: 'Replace NOW() with CURRENT_TIMESTAMP',
        part: error.phase,
        text: failing.replace(/\bnow\s*\(\s*\)/gi, 'CURRENT_TIMESTAMP'),
      },
    });
  }

  if (dialect === 'sqlite' && /^no such column: xmax$/i.test(msg)) {
    out.push({
      id: 'xmax-sqlite',
      text: "xmax is a PostgreSQL system column (xmax = 0 tells an inserted row from an updated one); SQLite has no such column: remove it, and read the After table's inserted/updated marks instead.",
    });
  }

  const notNull =
    dialect === 'postgres' && error.code === '23502'
      ? /null value in column "([^"]+)" of relation "([^"]+)"/.exec(msg)
      : null;
  if (notNull) {
    const [, column, table] = notNull;
    const col = column!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const plainPk = new RegExp(
      `(\\b${col}\\s+)(INTEGER|INT|BIGINT)(\\s+PRIMARY\\s+KEY)(?!\\s+(AUTOINCREMENT|GENERATED))`,
      'i',
    );
    const numbered = new RegExp(
      `\\b${col}\\s+(SERIAL|BIGSERIAL|SMALLSERIAL|\\w+\\s+GENERATED\\b|\\w+\\s+DEFAULT\\s+nextval)`,
      'i',
    );
    if (numbered.test(scripts.setup)) {
      out.push({
        id: 'serial-null',
        text: `${table}.${column} is numbered by PostgreSQL (SERIAL or identity), but the statement gives it NULL: leave ${column} out of the column list (or write DEFAULT) and PostgreSQL picks the next number.`,
      });
    } else if (plainPk.test(scripts.setup)) {
      out.push({
        id: 'integer-pk-postgres',
        text: `On PostgreSQL, INTEGER PRIMARY KEY does not number rows by itself (only SQLite's does): declare ${column} as integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY.`,
        fix: {
          label: `Make ${column} an identity column`,
          part: 'setup',
          text: scripts.setup.replace(plainPk, '$1integer GENERATED BY DEFAULT AS IDENTITY$3'),
        },
      });
    }
  }
  return out;
}
