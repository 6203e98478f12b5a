/** The Form on a SERIAL / nextval key, as PostgreSQL introspects it (what SQLAlchemy's Column(Integer, primary_key=True) creates). */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { actionFor, defaultBuilderState } from '../../src/builder/model';
import { startPostgres } from '../support/engines';
import type { Engine } from '../../src/engine/types';

let pg: Engine;
beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(() => pg.close());

it.each(['id serial PRIMARY KEY', 'id bigserial PRIMARY KEY', "id integer PRIMARY KEY DEFAULT nextval('users_seq')"])(
  '%s is treated like an identity column',
  async (decl) => {
    const seq = decl.includes('users_seq') ? 'CREATE SEQUENCE users_seq;\n' : '';
    const { tables, error } = await pg.describe(
      `${seq}CREATE TABLE users (${decl}, email text NOT NULL UNIQUE, name text);`,
    );
    expect(error).toBeUndefined();
    const s = defaultBuilderState(tables[0]!, 'postgres');
    expect(s.insertColumns).toEqual(['email', 'name']);
    expect(s.target).toMatchObject({ kind: 'key', columns: ['email'] });
    expect(actionFor(s, 'id').kind).toBe('keep');
    expect(actionFor(s, 'name').kind).toBe('excluded');
  },
);
