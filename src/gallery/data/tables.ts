/** Setup scripts shared by several gallery examples (kept identical to the playground's default tables). */

import { defaultScenario } from '../../scenario/defaults';

const DEFAULT = defaultScenario();

/** SQLite: a users table with a unique email and two rows (Ada, Grace) — the default scenario's setup. */
export const USERS_SQLITE = DEFAULT.sqlite.setup;

/** PostgreSQL: the same users table, with an identity primary key — the default scenario's setup. */
export const USERS_POSTGRES = DEFAULT.postgres.setup;
