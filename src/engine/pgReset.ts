/**
 * Bringing a PGlite session back to a clean database between runs, without initdb: end any
 * transaction, DISCARD ALL (settings, prepared statements, cursors, temp tables, advisory locks,
 * LISTEN), drop every user schema and recreate `public`, and remove the few kinds of objects that
 * live outside schemas (roles, event triggers, extensions, casts, …) when a run created some.
 */
import type { PGlite } from '@electric-sql/pglite';
import { restoreSession } from './pgIsolation.ts';

/** Objects outside schemas, as "kind\tname" (OIDs from 16384 are user-created). */
const OBJECTS_SQL = `
SELECT 'event trigger', pg_catalog.quote_ident(evtname) FROM pg_catalog.pg_event_trigger
UNION ALL SELECT 'extension', pg_catalog.quote_ident(extname) FROM pg_catalog.pg_extension WHERE oid >= 16384
UNION ALL SELECT 'cast', pg_catalog.format('(%s AS %s)', castsource::pg_catalog.regtype, casttarget::pg_catalog.regtype)
  FROM pg_catalog.pg_cast WHERE oid >= 16384
UNION ALL SELECT 'foreign data wrapper', pg_catalog.quote_ident(fdwname) FROM pg_catalog.pg_foreign_data_wrapper WHERE oid >= 16384
UNION ALL SELECT 'server', pg_catalog.quote_ident(srvname) FROM pg_catalog.pg_foreign_server WHERE oid >= 16384
UNION ALL SELECT 'publication', pg_catalog.quote_ident(pubname) FROM pg_catalog.pg_publication
UNION ALL SELECT 'language', pg_catalog.quote_ident(lanname) FROM pg_catalog.pg_language WHERE oid >= 16384
UNION ALL SELECT 'database', pg_catalog.quote_ident(datname) FROM pg_catalog.pg_database WHERE oid >= 16384
UNION ALL SELECT 'role', pg_catalog.quote_ident(rolname) FROM pg_catalog.pg_roles WHERE oid >= 16384
UNION ALL SELECT 'setting', pg_catalog.format('%s/%s', setdatabase, setrole) FROM pg_catalog.pg_db_role_setting
UNION ALL SELECT 'large object', oid::text FROM pg_catalog.pg_largeobject_metadata`;

/** The objects outside schemas that exist now, as "kind\tname". */
export async function userObjects(pg: PGlite): Promise<string[]> {
  const res = await pg.query<[string, string]>(OBJECTS_SQL, [], { rowMode: 'array' });
  return res.rows.map(([kind, name]) => `${kind}\t${name}`);
}

/** The statement that removes one object outside schemas. */
function dropStatement(kind: string, name: string): string {
  switch (kind) {
    case 'role':
      return `DROP OWNED BY ${name} CASCADE; DROP ROLE ${name}`;
    case 'database':
      return `DROP DATABASE ${name} WITH (FORCE)`;
    case 'server':
      return `DROP SERVER IF EXISTS ${name} CASCADE`;
    case 'large object':
      return `SELECT pg_catalog.lo_unlink(${Number(name)})`;
    case 'setting': {
      const [db, role] = name.split('/');
      if (role === '0')
        return `DO $$ BEGIN EXECUTE pg_catalog.format('ALTER DATABASE %I RESET ALL', (SELECT datname FROM pg_catalog.pg_database WHERE oid = ${Number(db)})); END $$`;
      if (db === '0')
        return `DO $$ BEGIN EXECUTE pg_catalog.format('ALTER ROLE %I RESET ALL', (SELECT rolname FROM pg_catalog.pg_roles WHERE oid = ${Number(role)})); END $$`;
      return `DO $$ BEGIN EXECUTE pg_catalog.format('ALTER ROLE %I IN DATABASE %I RESET ALL', (SELECT rolname FROM pg_catalog.pg_roles WHERE oid = ${Number(role)}), (SELECT datname FROM pg_catalog.pg_database WHERE oid = ${Number(db)})); END $$`;
    }
    case 'cast':
      return `DROP CAST IF EXISTS ${name} CASCADE`;
    default:
      return `DROP ${kind.toUpperCase()} IF EXISTS ${name} CASCADE`;
  }
}

const USER_SCHEMAS_SQL = `SELECT pg_catalog.quote_ident(nspname) FROM pg_catalog.pg_namespace
WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg\\_toast%' AND nspname NOT LIKE 'pg\\_temp\\_%'`;

/** The public schema as initdb makes it (owner pg_database_owner, USAGE for everyone). */
const RECREATE_PUBLIC = `CREATE SCHEMA public AUTHORIZATION pg_database_owner;
GRANT USAGE ON SCHEMA public TO PUBLIC;
COMMENT ON SCHEMA public IS 'standard public schema'`;

/** Reset the session and drop everything a run created. `baseline`: userObjects() of a clean cluster. */
export async function resetPostgres(pg: PGlite, baseline: ReadonlySet<string>, superuser: string): Promise<void> {
  // Session user and role, settings, prepared statements, cursors, temp tables, advisory locks, LISTEN.
  await restoreSession(pg, superuser);
  // Event triggers first: a user's ddl_command_start trigger could block the drops below.
  const extra = (await userObjects(pg)).filter((o) => !baseline.has(o));
  const order = [
    'event trigger',
    'publication',
    'database',
    'extension',
    'cast',
    'server',
    'foreign data wrapper',
    'language',
    'large object',
    'setting',
    'role',
  ];
  extra.sort((a, b) => order.indexOf(a.split('\t')[0]!) - order.indexOf(b.split('\t')[0]!));
  const roles: string[] = [];
  for (const o of extra) {
    const [kind, name] = o.split('\t') as [string, string];
    if (kind === 'role') {
      roles.push(name); // after the schemas: objects they own go with them
      continue;
    }
    await pg.exec(dropStatement(kind, name)).catch(() => undefined);
  }
  const schemas = (await pg.query<[string]>(USER_SCHEMAS_SQL, [], { rowMode: 'array' })).rows.map((r) => r[0]);
  const drops = schemas.map((s) => `DROP SCHEMA ${s} CASCADE;`).join('\n');
  await pg.exec(`${drops}\n${RECREATE_PUBLIC}`);
  for (const r of roles) await pg.exec(dropStatement('role', r)).catch(() => undefined);
}
