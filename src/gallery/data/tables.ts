/** Setup scripts shared by several gallery examples (kept identical to the playground's default tables). */

import { defaultScenario } from '../../scenario/defaults';
import type { MarkExpect, TableExpect } from '../types';

const DEFAULT = defaultScenario();

/** SQLite: a users table with a unique email and two rows (Ada, Grace) — the default scenario's setup. */
export const USERS_SQLITE = DEFAULT.sqlite.setup;

/** PostgreSQL: the same users table, with an identity primary key — the default scenario's setup. */
export const USERS_POSTGRES = DEFAULT.postgres.setup;

/**
 * The users table after the most common outcome in the gallery: Ada (conflicting email) updated to
 * "Ada Lovelace" aged `adaAge`, Grace untouched, Linus inserted.
 */
export function adaUpdatedLinusInserted(adaAge: number, extraMarks: MarkExpect[] = []): TableExpect {
  return {
    columns: ['email', 'name', 'age'],
    rows: [
      ['ada@example.com', 'Ada Lovelace', adaAge],
      ['grace@example.com', 'Grace', 45],
      ['linus@example.com', 'Linus', 28],
    ],
    counts: { updated: 1, inserted: 1, unchanged: 1, deleted: 0 },
    marks: [{ key: { email: 'ada@example.com' }, change: 'updated', changed: ['name', 'age'] }, ...extraMarks],
  };
}
