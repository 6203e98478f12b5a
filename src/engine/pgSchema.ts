/**
 * PostgreSQL introspection and snapshots from pg_catalog, plus the value parsers that keep cells
 * in the normalised form of the contract (Postgres text output unless a JS type is exact).
 */
import type { PGlite, ParserOptions } from '@electric-sql/pglite';
import type { TableSnapshot } from './diff.ts';
import type { ColumnInfo, TableSchema, UniqueKey, Value } from './types.ts';
import { blobOf, quoteIdent } from './values.ts';

const text = (v: string): string => v;
const num = (v: string): number => Number(v);
/** Non-finite floats stay text ('NaN', 'Infinity'): JSON has no such numbers. */
const float = (v: string): number | string => {
  const n = Number(v);
  return Number.isFinite(n) ? n : v;
};
const int8 = (v: string): number | string => {
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : v;
};
/** bytea in hex output ('\x…'); the escape output format (bytea_output = escape) stays text. */
const bytea = (v: string): Value => {
  if (!v.startsWith('\\x')) return v;
  const bytes = new Uint8Array((v.length - 2) / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(v.substr(2 + i * 2, 2), 16);
  return blobOf(bytes);
};

/**
 * Parsers for every type PGlite knows: its defaults turn dates into Date objects, json into
 * objects and arrays into JS arrays; the contract wants Postgres' own text for those.
 */
export function valueParsers(pg: PGlite): ParserOptions {
  const out: ParserOptions = {};
  for (const k of Object.keys(pg.parsers)) {
    const oid = Number(k);
    if (Number.isInteger(oid)) out[oid] = text;
  }
  for (const oid of [21, 23, 26]) out[oid] = num; // int2, int4, oid
  out[700] = float;
  out[701] = float;
  out[20] = int8;
  out[16] = (v: string) => v === 't';
  out[17] = bytea;
  out[114] = text; // json
  out[3802] = text; // jsonb
  return out;
}

/** Type categories that sort natively; others (json, arrays, geometry, …) are ordered by their text. */
const SORTABLE = new Set(['B', 'D', 'E', 'N', 'S', 'T', 'V', 'I']);

/** Per-table facts the snapshot needs beyond TableSchema. */
export interface PgTableInfo {
  schema: TableSchema;
  /** Quoted schema-qualified reference. */
  ref: string;
  /** pg_type.typcategory of each column. */
  categories: string[];
  /** Type OID of each column. */
  typeOids: number[];
}

/*
 * Introspection runs twice per run, so it is split into small queries that the planner handles in
 * a blink: the user tables first (pg_class is small), then columns and keys of just those tables
 * through the catalogs' own indexes. One big join over every catalog cost tens of milliseconds.
 */
const TABLES_SQL = `
SELECT c.oid, n.nspname, c.relname, n.oid = pg_catalog.pg_my_temp_schema()
FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
  AND (n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'
       AND n.nspname NOT LIKE 'pg\\_temp\\_%' OR n.oid = pg_catalog.pg_my_temp_schema())
ORDER BY c.oid`;

const columnsSql = (oids: string): string => `
SELECT a.attrelid, a.attnum, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull,
  CASE WHEN a.attgenerated = '' THEN pg_catalog.pg_get_expr(d.adbin, d.adrelid) END,
  a.attgenerated <> '', a.attidentity <> '', t.typcategory, a.atttypid
FROM pg_catalog.pg_attribute a
JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE a.attrelid = ANY ('${oids}'::pg_catalog.oid[]) AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attrelid, a.attnum`;

const keysSql = (oids: string): string => `
SELECT i.indrelid, i.indexrelid, coalesce(con.conname, ci.relname), i.indisprimary, con.contype = 'u',
  pg_catalog.pg_get_expr(i.indpred, i.indrelid), i.indexprs IS NOT NULL, i.indkey::text, i.indnkeyatts
FROM pg_catalog.pg_index i
JOIN pg_catalog.pg_class ci ON ci.oid = i.indexrelid
LEFT JOIN pg_catalog.pg_constraint con
  ON con.conrelid = i.indrelid AND con.conindid = i.indexrelid AND con.contype IN ('p', 'u')
WHERE i.indrelid = ANY ('${oids}'::pg_catalog.oid[]) AND i.indisunique
ORDER BY i.indrelid, i.indisprimary DESC, con.contype IS NOT DISTINCT FROM 'u' DESC, 3`;

/** The user tables (not views, not partitions), in creation order. */
export async function introspectPostgres(pg: PGlite, parsers: ParserOptions): Promise<PgTableInfo[]> {
  const q = async (sql: string): Promise<unknown[][]> =>
    (await pg.query<unknown[]>(sql, [], { rowMode: 'array', parsers })).rows;
  const byOid = new Map<number, PgTableInfo>();
  for (const [oid, nsp, rel, isTemp] of await q(TABLES_SQL)) {
    const schemaName = isTemp ? 'pg_temp' : String(nsp);
    byOid.set(oid as number, {
      schema: {
        name: schemaName === 'public' ? String(rel) : `${schemaName}.${String(rel)}`,
        schema: schemaName,
        columns: [],
        primaryKey: [],
        uniqueKeys: [],
        hasRowid: false,
      },
      ref: `${quoteIdent(schemaName)}.${quoteIdent(String(rel))}`,
      categories: [],
      typeOids: [],
    });
  }
  if (byOid.size === 0) return [];
  const oids = `{${[...byOid.keys()].join(',')}}`;
  const attnames = new Map<string, string>(); // "relid:attnum" → name
  for (const [relid, attnum, attname, type, notNull, dflt, generated, identity, category, typeOid] of await q(
    columnsSql(oids),
  )) {
    const info = byOid.get(relid as number)!;
    const col: ColumnInfo = {
      name: String(attname),
      type: String(type),
      notNull: notNull === true,
      defaultExpr: dflt === null ? null : (dflt as string),
      generated: generated === true,
      identity: identity === true,
    };
    info.schema.columns.push(col);
    info.categories.push(String(category));
    info.typeOids.push(Number(typeOid));
    attnames.set(`${String(relid)}:${String(attnum)}`, col.name);
  }
  for (const [relid, indexrelid, name, primary, isUnique, predicate, hasExpr, indkey, nkeys] of await q(
    keysSql(oids),
  )) {
    const info = byOid.get(relid as number)!;
    const attnums = String(indkey).split(' ').slice(0, Number(nkeys));
    const columns: string[] = [];
    for (let k = 0; k < attnums.length; k++) {
      const a = attnums[k]!;
      if (a !== '0') columns.push(attnames.get(`${String(relid)}:${a}`) ?? a);
      else {
        // An expression: the server prints it (rare, so one small query each).
        const def = await q(`SELECT pg_catalog.pg_get_indexdef(${Number(indexrelid)}, ${k + 1}, true)`);
        columns.push((def[0]?.[0] as string | undefined) ?? '');
      }
    }
    const key: UniqueKey = {
      name: String(name),
      kind: primary === true ? 'primary' : isUnique === true ? 'unique' : 'index',
      columns,
      predicate: predicate === null ? null : (predicate as string),
      hasExpressions: hasExpr === true,
    };
    if (key.kind === 'primary') info.schema.primaryKey = [...columns];
    info.schema.uniqueKeys.push(key);
  }
  return [...byOid.values()];
}

/** PostgreSQL's limit on function arguments (FUNC_MAX_ARGS). */
export const MAX_ARGS = 100;

/**
 * A JSON array of `cells` as SQL: over MAX_ARGS cells it is an array of arrays (flatten it once
 * after parsing), since json_build_array takes at most MAX_ARGS arguments.
 */
export function jsonRowSql(cells: string[]): string {
  return cells.length > MAX_ARGS
    ? `pg_catalog.json_build_array(${chunks(cells, MAX_ARGS)
        .map((c) => `pg_catalog.json_build_array(${c.join(', ')})`)
        .join(', ')})`
    : `pg_catalog.json_build_array(${cells.join(', ')})`;
}

function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** Alias of the snapshotted table: qualified ORDER BY names can never hit an output column alias. */
const T = 'upsert_t';

/** ORDER BY list: primary key, else a NOT NULL unique key, else every column (text when not sortable). */
function orderBy(info: PgTableInfo): string {
  const s = info.schema;
  const col = (name: string): string => `${T}.${quoteIdent(name)}`;
  if (s.primaryKey.length) return s.primaryKey.map(col).join(', ');
  const notNull = new Set(s.columns.filter((c) => c.notNull).map((c) => c.name));
  const uk = s.uniqueKeys.find((k) => !k.predicate && !k.hasExpressions && k.columns.every((c) => notNull.has(c)));
  if (uk) return uk.columns.map(col).join(', ');
  return s.columns
    .map((c, i) => (SORTABLE.has(info.categories[i] ?? '') ? col(c.name) : `${col(c.name)}::text`))
    .join(', ');
}

/**
 * One column as JSON in the contract's normalised form: exact numbers as JSON numbers, int8 only
 * when safe, bytea as {"blob": hex}, and everything else (numeric, dates, json, arrays…) as
 * Postgres' own text output.
 */
export function jsonCell(name: string, typeOid: number): string {
  const c = quoteIdent(name);
  switch (typeOid) {
    case 16: // bool
    case 21: // int2
    case 23: // int4
    case 26: // oid
    case 700: // float4: NaN and ±Infinity come out as JSON strings
    case 701: // float8
      return c;
    case 20:
      return `CASE WHEN ${c} BETWEEN -9007199254740991 AND 9007199254740991 THEN pg_catalog.to_json(${c}) ELSE pg_catalog.to_json(${c}::text) END`;
    case 17:
      return `CASE WHEN ${c} IS NOT NULL THEN pg_catalog.json_build_object('blob', pg_catalog.encode(${c}, 'hex')) END`;
    default:
      return `${c}::text`;
  }
}

/**
 * Rows of a table in identity order with each row's xmin, at most `limit`. The rows travel as one
 * JSON document built by the server: several times faster in PGlite than one wire-protocol
 * DataRow per row. (An aggregate over a sorted subquery keeps its order; PGlite has no parallel
 * workers that could reorder it.)
 */
export async function snapshotPostgres(
  pg: PGlite,
  parsers: ParserOptions,
  info: PgTableInfo,
  limit: number,
): Promise<TableSnapshot> {
  const s = info.schema;
  const cells = s.columns.map((c, i) => jsonCell(c.name, info.typeOids[i] ?? 0));
  cells.push('xmin::text');
  const order = s.columns.length ? ` ORDER BY ${orderBy(info)}` : '';
  // A function takes at most 100 arguments: a wider row is built as an array of arrays.
  const nested = cells.length > MAX_ARGS;
  const row = jsonRowSql(cells);
  const sql = `SELECT pg_catalog.json_agg(r)::text FROM (SELECT ${row} AS r
    FROM ${info.ref} AS ${T}${order} LIMIT ${limit}) s`;
  const res = await pg.query<[string | null]>(sql, [], { rowMode: 'array', parsers });
  const text = res.rows[0]?.[0];
  const parsed = (text ? JSON.parse(text) : []) as Value[][];
  const rows = nested ? (parsed as unknown as Value[][][]).map((r) => r.flat()) : parsed;
  const versions: string[] = new Array<string>(rows.length);
  for (let i = 0; i < rows.length; i++) versions[i] = rows[i]!.pop() as string;
  let totalRows = rows.length;
  if (rows.length >= limit) {
    const c = await pg.query<[number]>(`SELECT pg_catalog.count(*) FROM ${info.ref}`, [], {
      rowMode: 'array',
      parsers,
    });
    totalRows = Number(c.rows[0]![0]);
  }
  return { schema: s, data: { columns: s.columns.map((c) => c.name), rows, totalRows }, rowids: null, versions };
}
