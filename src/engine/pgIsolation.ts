/**
 * Keeping the PostgreSQL engine's own work apart from what a script did, and noticing when a
 * script changed something a reset cannot undo.
 *
 * - `withEngineRights`: the engine's introspection and snapshots run as the superuser with the
 *   default search_path, whatever role, session user or search_path the script set; the script's
 *   values are put back afterwards (SET LOCAL semantics inside its transaction).
 * - `systemFingerprint`: a cheap digest of everything outside the user schemas (initdb's catalog
 *   rows, objects in pg_catalog / information_schema, tablespaces, default privileges, settings
 *   after a reset). A run that changes it leaves an engine no reset can clean: it is restarted.
 * - `FileWatch`: records files the engine opens for writing, creates or removes outside its own
 *   relation and log files (COPY … TO a file, lo_export, ALTER SYSTEM), which a reset cannot undo.
 */
import type { PGlite } from '@electric-sql/pglite';

const STATE_SQL = `SELECT session_user::text, pg_catalog.current_setting('role'), pg_catalog.current_setting('search_path')`;

/** Who the engine is: its superuser and the search_path of a reset session. */
export interface EngineIdentity {
  superuser: string;
  searchPath: string;
}

/** The session's identity as the engine starts (call it on a fresh session). */
export async function engineIdentity(pg: PGlite): Promise<EngineIdentity> {
  const [superuser, searchPath] = (
    await pg.query<[string, string]>(`SELECT current_user::text, pg_catalog.current_setting('search_path')`, [], {
      rowMode: 'array',
    })
  ).rows[0]!;
  return { superuser, searchPath };
}

/**
 * Run `fn` (engine queries only) as the superuser with the engine's search_path, then give the
 * session back the session user, role and search_path the script had set.
 */
export async function withEngineRights<T>(pg: PGlite, id: EngineIdentity, fn: () => Promise<T>): Promise<T> {
  const { superuser } = id;
  const [session, role, path] = (await pg.query<[string, string, string]>(STATE_SQL, [], { rowMode: 'array' }))
    .rows[0]!;
  if (session === superuser && role === 'none' && path === id.searchPath) return fn();
  // Inside the script's transaction SET LOCAL: at its end the script's own values take over again.
  const local = pg.isInTransaction();
  const set = (name: string, value: string) =>
    pg.query('SELECT pg_catalog.set_config($1, $2, $3)', [name, value, local]);
  await set('session_authorization', superuser);
  await set('role', 'none');
  await set('search_path', id.searchPath);
  try {
    return await fn();
  } finally {
    // A role the script has dropped since cannot be taken back: the engine stays on its own then.
    for (const [name, value] of [
      ['search_path', path],
      ['session_authorization', session],
      ['role', role],
    ] as const) {
      await set(name, value).catch(() => undefined);
    }
  }
}

/** Give the session back to the superuser, outside any transaction, with every setting reset. */
export async function restoreSession(pg: PGlite, superuser: string): Promise<void> {
  if (pg.isInTransaction()) await pg.exec('ROLLBACK');
  const as = `SELECT pg_catalog.set_config('session_authorization', ${literal(superuser)}, false)`;
  // PGlite's DISCARD ALL keeps a session user the script set: restore it explicitly, before and after.
  await pg.query(as);
  await pg.exec('DISCARD ALL');
  await pg.query(as);
}

function literal(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/*
 * Objects with OIDs below 16384 were made by initdb. Namespaces below it (pg_catalog,
 * information_schema; not public, which every reset recreates) are the system's: nothing a user
 * makes belongs there; pg_toast holds the user tables' TOAST tables, so it is left out). Each part counts rows and takes the newest xmin: an added, changed or
 * dropped row changes one of the two.
 */
const SYS_NS = 'SELECT oid FROM pg_catalog.pg_namespace WHERE oid < 16384 AND oid NOT IN (99, 2200)';
const part = (label: string, table: string, where: string): string =>
  `SELECT '${label}:' || pg_catalog.count(*) || ':' || coalesce(pg_catalog.max(xmin::text::int8), 0) FROM pg_catalog.${table} WHERE ${where}`;
const inSys = (col: string): string => `${col} IN (${SYS_NS})`;

const PARTS = [
  part('nsp', 'pg_namespace', 'oid < 16384 AND oid <> 2200'),
  part('class', 'pg_class', inSys('relnamespace')),
  part('proc', 'pg_proc', inSys('pronamespace')),
  part('type', 'pg_type', inSys('typnamespace')),
  part('oper', 'pg_operator', inSys('oprnamespace')),
  part('opc', 'pg_opclass', inSys('opcnamespace')),
  part('opf', 'pg_opfamily', inSys('opfnamespace')),
  part('coll', 'pg_collation', inSys('collnamespace')),
  part('conv', 'pg_conversion', inSys('connamespace')),
  part('con', 'pg_constraint', inSys('connamespace')),
  part('tscfg', 'pg_ts_config', inSys('cfgnamespace')),
  part('tsdict', 'pg_ts_dict', inSys('dictnamespace')),
  part('tsprs', 'pg_ts_parser', inSys('prsnamespace')),
  part('tstmpl', 'pg_ts_template', inSys('tmplnamespace')),
  part('amop', 'pg_amop', 'amopfamily < 16384'),
  part('amproc', 'pg_amproc', 'amprocfamily < 16384'),
  part('am', 'pg_am', 'true'),
  part('cast', 'pg_cast', 'oid < 16384'),
  part('lang', 'pg_language', 'oid < 16384'),
  part('ext', 'pg_extension', 'oid < 16384'),
  part('db', 'pg_database', 'oid < 16384'),
  part('authid', 'pg_authid', 'oid < 16384'),
  part('members', 'pg_auth_members', 'member < 16384'),
  part('fdw', 'pg_foreign_data_wrapper', 'oid < 16384'),
  part('rewrite', 'pg_rewrite', 'ev_class < 16384'),
  part('trigger', 'pg_trigger', 'tgrelid < 16384'),
  part('attrdef', 'pg_attrdef', 'adrelid < 16384'),
  part('policy', 'pg_policy', 'polrelid < 16384'),
  part('descr', 'pg_description', 'objoid < 16384 AND objoid <> 2200'),
  part('initpriv', 'pg_init_privs', 'objoid < 16384'),
  part('spc', 'pg_tablespace', 'true'),
  part('defacl', 'pg_default_acl', 'true'),
  part('shdescr', 'pg_shdescription', 'true'),
  part('transform', 'pg_transform', 'true'),
  part('paramacl', 'pg_parameter_acl', 'true'),
  part('sub', 'pg_subscription', 'true'),
  // Settings as a reset leaves them (ALTER SYSTEM + pg_reload_conf() would change them).
  `SELECT 'settings:' || pg_catalog.md5(pg_catalog.string_agg(name || '=' || coalesce(setting, ''), ',' ORDER BY name)) FROM pg_catalog.pg_settings`,
];

const FINGERPRINT_SQL = `SELECT pg_catalog.string_agg(x, ' ') FROM (${PARTS.join('\nUNION ALL ')}) s(x)`;

/**
 * The digest of everything outside the user schemas; call it on a restored session. (Load
 * plpgsql before the first one: loading it adds its settings to pg_settings.)
 */
export async function systemFingerprint(pg: PGlite): Promise<string> {
  return (await pg.query<[string]>(FINGERPRINT_SQL, [], { rowMode: 'array' })).rows[0]![0];
}

/** The labels whose part differs between two fingerprints (for messages and tests). */
export function fingerprintDiff(a: string, b: string): string[] {
  const map = (s: string) => new Map(s.split(' ').map((p) => [p.slice(0, p.indexOf(':')), p] as const));
  const ma = map(a);
  const mb = map(b);
  return [...new Set([...ma.keys(), ...mb.keys()])].filter((k) => ma.get(k) !== mb.get(k));
}

/** The part of Emscripten's FS that FileWatch wraps. */
interface EmFs {
  open: (path: string, flags: number | string, mode?: number) => unknown;
  mkdir: (path: string, mode?: number) => unknown;
  unlink: (path: string) => unknown;
  rmdir: (path: string) => unknown;
  rename: (from: string, to: string) => unknown;
  symlink: (target: string, path: string) => unknown;
}

/** Files the engine itself writes all the time: relations, WAL, commit logs, statistics. */
const OWN_FILES =
  /^\/pglite\/data\/(base|global|pg_wal|pg_xact|pg_multixact|pg_subtrans|pg_stat|pg_stat_tmp|pg_logical|pg_snapshots|pg_serial|pg_notify|pg_dynshmem|pg_replslot)(\/|$)|^\/pglite\/data\/(postmaster\.pid|postmaster\.opts)$|^\/dev\//;

/** Write flags of open(2): O_WRONLY, O_RDWR, O_CREAT, O_TRUNC, O_APPEND. */
const WRITE_FLAGS = 0o1 | 0o2 | 0o100 | 0o1000 | 0o2000;

/**
 * Notes every path outside the engine's own files that is opened for writing, created, renamed
 * or removed. (Walking the whole file system after each run takes ~100 ms; this costs nothing.)
 */
export class FileWatch {
  private touched = new Set<string>();

  constructor(fs: EmFs | undefined) {
    if (!fs) return;
    const note = (path: unknown): void => {
      const p = String(path);
      const abs = p.startsWith('/') ? p : `/pglite/data/${p}`;
      if (!OWN_FILES.test(abs)) this.touched.add(abs);
    };
    const wrap = <K extends keyof EmFs>(name: K, paths: (args: Parameters<EmFs[K]>) => unknown[]) => {
      const orig = fs[name] as (...a: unknown[]) => unknown;
      (fs as unknown as Record<string, unknown>)[name] = function (this: unknown, ...args: unknown[]) {
        for (const p of paths(args as Parameters<EmFs[K]>)) note(p);
        return orig.apply(this, args);
      };
    };
    wrap('open', ([path, flags]) => {
      const f = typeof flags === 'string' ? (/[wa+]/.test(flags) ? WRITE_FLAGS : 0) : flags;
      return f & WRITE_FLAGS ? [path] : [];
    });
    wrap('mkdir', ([path]) => [path]);
    wrap('unlink', ([path]) => [path]);
    wrap('rmdir', ([path]) => [path]);
    wrap('rename', ([from, to]) => [from, to]);
    wrap('symlink', ([, path]) => [path]);
  }

  /** Forget what was noted (after start-up and before each run). */
  clear(): void {
    this.touched.clear();
  }

  /** Paths written outside the engine's own files since the last clear. */
  get written(): string[] {
    return [...this.touched];
  }
}
