/**
 * A learner's hint for the engine errors people meet while writing upserts. The engine's own
 * message is always shown; this adds what to do about it. Each hint is reached by a wrong answer
 * in the practice tests, on the engine whose message it matches.
 */
import type { Dialect, EngineError } from '../engine/types';

interface Rule {
  test: (e: EngineError) => boolean;
  hint: string;
}

const has = (s: string) => (e: EngineError) => e.message.includes(s);

const RULES: Rule[] = [
  {
    test: (e) => e.code === '21000' || has('cannot affect row a second time')(e),
    hint: 'Two rows of the batch have the same key, and PostgreSQL refuses to update one row twice in a statement: keep one row per key first (DISTINCT ON, GROUP BY or row_number()).',
  },
  {
    test: (e) => e.code === '42P10' || has('does not match any PRIMARY KEY or UNIQUE constraint')(e),
    hint: 'The conflict target must be exactly the columns of a primary key or unique index; for a partial unique index, repeat its WHERE after the columns.',
  },
  {
    test: (e) => e.code === '23505' || has('UNIQUE constraint failed')(e),
    hint: 'The new row collides with an existing row on a unique key that your statement does not handle: add ON CONFLICT with that key as the target.',
  },
  {
    test: (e) => has('inference specification or constraint name')(e),
    hint: 'PostgreSQL needs a conflict target for DO UPDATE: name the key columns, as in ON CONFLICT (email).',
  },
  {
    test: (e) => /FROM-clause entry for table "excluded"|no such column: excluded\./i.test(e.message),
    hint: 'EXCLUDED (the proposed row) exists only inside DO UPDATE SET and its WHERE; RETURNING sees the row as it ended up in the table.',
  },
  {
    test: has('unreachable WHEN clause'),
    hint: 'MERGE tries its WHEN branches in order, and a branch without an AND condition takes every row it matches: put the conditional branch first.',
  },
  {
    test: (e) => e.code === '42702' || has('is ambiguous')(e),
    hint: 'Inside DO UPDATE, qualify each column: the table name (or alias) means the existing row, excluded means the row you tried to insert.',
  },
];

const SQLITE_RULES: Rule[] = [
  {
    test: has('near "DO": syntax error'),
    hint: 'In SQLite, INSERT … SELECT … ON CONFLICT needs a WHERE clause on the SELECT (WHERE true will do), or the parser reads ON CONFLICT as part of a join.',
  },
];

/** The hint for an engine error, or null when there is none. */
export function learnerHint(e: EngineError, dialect: Dialect): string | null {
  const rules = dialect === 'sqlite' ? [...SQLITE_RULES, ...RULES] : RULES;
  return rules.find((r) => r.test(e))?.hint ?? null;
}
