/**
 * SQLite introspection, snapshots and write tracking on a sql.js Database: the PRAGMA table-valued
 * functions for the shape, and sqlite_schema for partial-index predicates and index expressions.
 */
import type { Database, SqlJsStatic, SqlValue, Statement } from 'sql.js';
import type { TableSnapshot } from './diff.ts';
import { readToken } from './pgSplit.ts';
import type { ColumnInfo, TableSchema, UniqueKey, Value } from './types.ts';
import { BIGINT, blobOf, integerValue, normalizeSqliteRow, quoteIdent, realValue, type RealTextOf } from './values.ts';

const realTexts = new WeakMap<Database, RealTextOf>();

/**
 * SQLite's own text for a REAL (CAST(r AS TEXT)), asked of the engine: a constant SELECT that
 * reads no table and changes nothing. Cached per database; used only where the page cannot write
 * the text exactly (values.ts, realTextExact).
 */
export function realTextOf(db: Database): RealTextOf {
  let f = realTexts.get(db);
  if (!f) {
    let st: Statement | null = null;
    const cache = new Map<number, string>();
    f = (r) => {
      const hit = cache.get(r);
      if (hit !== undefined) return hit;
      st ??= db.prepare('SELECT CAST(CAST(?1 AS REAL) AS TEXT)');
      let text: string;
      try {
        st.bind([r]);
        st.step();
        text = String(st.get()[0]);
      } finally {
        st.reset();
      }
      if (cache.size >= 100_000) cache.clear();
      cache.set(r, text);
      return text;
    };
    realTexts.set(db, f);
  }
  return f;
}

/** The names under which sql.js' Statement#get calls its per-cell reads. */
interface CellReadNames {
  /** INTEGER in BigInt mode (getBigInt). */
  bigint: string;
  /** REAL, and INTEGER in plain mode (getNumber). */
  number: string;
  /** TEXT (getString). */
  string: string;
  /** BLOB (getBlob). */
  blob: string;
  /** The statement's own property holding its sqlite3_stmt pointer (`stmt`), or null if not found. */
  statement: string | null;
}

let cellReads: CellReadNames | null | undefined;

/**
 * Where `get` reads each storage class, found in its own source: sql.js' build renames those
 * methods (getBigInt is `Xb` in 1.13's), so their public names cannot be used. Null when the
 * source does not have the expected shape (another release): then rows are read the slow way.
 */
export function findCellReads(proto: object): CellReadNames | null {
  const methods = proto as Record<string, unknown>;
  const src = typeof methods.get === 'function' ? String(methods.get) : '';
  const mode = /useBigInt["']?\]?\s*\?\s*this\.([\w$]+)\(\w+\)\s*:\s*this\.([\w$]+)\(\w+\)/.exec(src);
  // After the INTEGER case: REAL, TEXT and BLOB, in that order, each pushed from its read.
  const pushed = [...src.matchAll(/\.push\(this\.([\w$]+)\(/g)].map((m) => m[1]!);
  if (!mode || pushed.length !== 3 || pushed[0] !== mode[2]) return null;
  const names = { bigint: mode[1]!, number: mode[2]!, string: pushed[1]!, blob: pushed[2]! };
  if (!Object.values(names).every((n) => typeof methods[n] === 'function')) return null;
  // `get` first asks for the column count of its statement: sqlite3_column_count(this.stmt).
  const statement = /[\w$]+\(this\.([\w$]+)\)/.exec(src)?.[1] ?? null;
  return { ...names, statement };
}

/** SQLite's column reads, as the wasm module exports them (numbers in, numbers out). */
interface RawCells {
  count: (stmt: number) => number;
  type: (stmt: number, i: number) => number;
  double: (stmt: number, i: number) => number;
}

/** Per sql.js instance (its Statement prototype): each instance is its own wasm module. */
const rawCells = new WeakMap<object, RawCells>();

/**
 * Let valueReader call this sql.js instance's column reads directly (see there). `db` is any
 * database of that instance; a statement is prepared and freed to find its prototype.
 */
export function registerRawCells(SQL: SqlJsStatic, db: Database): void {
  const m = SQL as unknown as Record<string, unknown>;
  const [count, type, double] = [m._sqlite3_column_count, m._sqlite3_column_type, m._sqlite3_column_double];
  if (typeof count !== 'function' || typeof type !== 'function' || typeof double !== 'function') return;
  const st = db.prepare('SELECT 1');
  try {
    rawCells.set(Object.getPrototypeOf(st) as object, { count, type, double } as RawCells);
  } finally {
    st.free();
  }
}

/** SQLite's storage classes, as sqlite3_column_type tells them. */
const INTEGER = 1;
const FLOAT = 2;
const TEXT = 3;
const BLOB = 4;

/**
 * Read `st`'s rows as contract Values (types.ts): INTEGER as a number when safe, else its exact
 * digits; REAL as a RealValue; TEXT as a string; BLOB as hex. Returns the row reader.
 *
 * Written by hand because sql.js offers two modes and neither fits: plain reads turn an INTEGER
 * into a double (2 and 2.0 look alike, digits past 2^53 are lost), and BigInt mode parses every
 * INTEGER cell from its text into a BigInt, which doubles the cost of reading a table (100,000
 * rows of the bulk table: 117 against 52 ms). An INTEGER is read as a double and only re-read
 * from its text when the double is outside the safe range.
 *
 * Fastest: when registerRawCells has registered the statement's sql.js instance, each row is read by
 * calling SQLite's column reads directly (sqlite3_column_type, then _double for numbers), and
 * sql.js' own reads only for TEXT and BLOB; `get` with its per-cell method calls is skipped
 * (a snapshot of the 100,000-row bulk table: 94 against 78 ms). Else this statement object gets its
 * own INTEGER, REAL and BLOB reads that sql.js' `get` calls. Where `get` has another shape, rows
 * are read in BigInt mode and normalised.
 */
export function valueReader(st: Statement, text: RealTextOf): () => Value[] {
  const base = Object.getPrototypeOf(st) as Record<string, (pos: number) => unknown>;
  const get = (st as unknown as { get: (params: null, config: typeof BIGINT) => unknown[] }).get.bind(st);
  if (cellReads === undefined) cellReads = findCellReads(base);
  const names = cellReads;
  if (!names) return () => normalizeSqliteRow(get(null, BIGINT), text);
  const number = base[names.number]!;
  const string = base[names.string]!;
  const blob = base[names.blob]!;
  // An INTEGER read as a double `n`: exact when safe, else re-read from its text.
  const integer = (n: number, pos: number): number | string =>
    Number.isSafeInteger(n) ? n : integerValue(BigInt(string.call(st, pos) as string));
  const raw = rawCells.get(base);
  const own = st as unknown as Record<string, unknown>;
  if (raw && names.statement && typeof own[names.statement] === 'number') {
    const key = names.statement;
    return () => {
      const ptr = own[key] as number;
      const n = raw.count(ptr);
      const row = new Array<Value>(n);
      for (let i = 0; i < n; i++) {
        switch (raw.type(ptr, i)) {
          case INTEGER:
            row[i] = integer(raw.double(ptr, i), i);
            break;
          case FLOAT:
            row[i] = realValue(raw.double(ptr, i), text);
            break;
          case TEXT:
            row[i] = string.call(st, i) as string;
            break;
          case BLOB:
            row[i] = blobOf(blob.call(st, i) as Uint8Array);
            break;
          default:
            row[i] = null;
        }
      }
      return row;
    };
  }
  own[names.bigint] = (pos: number) => integer(number.call(st, pos) as number, pos);
  own[names.number] = (pos: number) => realValue(number.call(st, pos) as number, text);
  own[names.blob] = (pos: number) => blobOf(blob.call(st, pos) as Uint8Array);
  return () => get(null, BIGINT) as Value[];
}

/** All rows of a query as arrays. */
export function all(db: Database, sql: string, params: SqlValue[] = []): SqlValue[][] {
  const st = db.prepare(sql);
  try {
    if (params.length) st.bind(params);
    const out: SqlValue[][] = [];
    while (st.step()) out.push(st.get());
    return out;
  } finally {
    st.free();
  }
}

/** Name under which a table's rowid can be read: the first of rowid/_rowid_/oid that no column shadows. */
export function rowidAlias(columns: readonly { name: string }[]): string | null {
  const taken = new Set(columns.map((c) => c.name.toLowerCase()));
  return ['rowid', '_rowid_', 'oid'].find((a) => !taken.has(a)) ?? null;
}

/** Top-level WHERE predicate and index terms of a CREATE INDEX statement. */
function parseIndexSql(sql: string): { predicate: string | null; terms: string[] } {
  let depth = 0;
  let i = 0;
  let termStart = -1;
  const terms: string[] = [];
  let predicate: string | null = null;
  while (i < sql.length) {
    const t = readToken(sql, i, 'sqlite');
    i = t.end;
    if (t.type === 'punct') {
      const c = sql.charCodeAt(t.start);
      if (c === 40) {
        depth++;
        if (depth === 1 && terms.length === 0 && termStart < 0) termStart = t.end;
      } else if (c === 41) {
        depth--;
        if (depth === 0 && termStart >= 0) {
          terms.push(sql.slice(termStart, t.start).trim());
          termStart = -2; // the term list is done
        }
      } else if (c === 44 && depth === 1 && termStart >= 0) {
        terms.push(sql.slice(termStart, t.start).trim());
        termStart = t.end;
      }
    } else if (t.type === 'word' && depth === 0 && sql.slice(t.start, t.end).toUpperCase() === 'WHERE') {
      predicate = sql.slice(t.end).trim().replace(/;$/, '').trim();
      break;
    }
  }
  return { predicate, terms };
}

/** A string literal (PRAGMA arguments cannot be bound). */
const literal = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/**
 * The user tables of 'main' and 'temp', in creation order (main first). Read with plain PRAGMA
 * statements rather than their table-valued functions (pragma_table_xinfo(…) and the like): those
 * run the same PRAGMA underneath, through a virtual table, which costs a cold engine's first run
 * noticeably more.
 */
export function introspectSqlite(db: Database): TableSchema[] {
  const out: TableSchema[] = [];
  for (const schema of ['main', 'temp']) {
    const master = schema === 'main' ? 'main.sqlite_schema' : 'temp.sqlite_temp_schema';
    const names = all(
      db,
      `SELECT name FROM ${master} WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
         AND name NOT LIKE '\\_\\_upsert\\_%' ESCAPE '\\' ORDER BY rowid`,
    );
    if (names.length === 0) continue;
    // schema, name, type ('table', 'view', 'virtual', 'shadow'), ncol, wr (WITHOUT ROWID), strict
    const kinds = new Map(all(db, `PRAGMA ${schema}.table_list`).map((r) => [String(r[1]), r] as const));
    for (const [name] of names) {
      const l = kinds.get(String(name));
      if (l?.[2] === 'table') out.push(describeTable(db, schema, String(name), l[4] === 1, master));
    }
  }
  return out;
}

function describeTable(db: Database, schema: string, name: string, withoutRowid: boolean, master: string): TableSchema {
  // cid, name, type, notnull, dflt_value, pk, hidden; in cid order
  const cols = all(db, `PRAGMA ${schema}.table_xinfo(${literal(name)})`)
    .map((r) => r.slice(1))
    .filter((r) => r[5] !== 1); // hidden = 1: hidden columns of virtual tables
  const pkCols = cols.filter((r) => Number(r[4]) > 0).sort((a, b) => Number(a[4]) - Number(b[4]));
  const primaryKey = pkCols.map((r) => String(r[0]));
  // A single INTEGER PRIMARY KEY column of a rowid table is the rowid itself.
  const aliasPk = !withoutRowid && pkCols.length === 1 && String(pkCols[0]![1]).toUpperCase() === 'INTEGER';
  const columns: ColumnInfo[] = cols.map((r) => {
    const isPk = Number(r[4]) > 0;
    return {
      name: String(r[0]),
      type: String(r[1] ?? ''),
      notNull: r[2] === 1 || (isPk && (aliasPk || withoutRowid)),
      defaultExpr: r[3] === null || r[3] === undefined ? null : String(r[3]),
      generated: r[5] === 2 || r[5] === 3,
      identity: aliasPk && isPk,
    };
  });
  const keys: UniqueKey[] = [];
  // seq, name, unique, origin, partial
  const indexes = all(db, `PRAGMA ${schema}.index_list(${literal(name)})`).map((r) => r.slice(1));
  const pkIndex = indexes.find((r) => r[2] === 'pk');
  if (primaryKey.length) {
    keys.push({
      name: pkIndex ? String(pkIndex[0]) : 'PRIMARY KEY',
      kind: 'primary',
      columns: primaryKey,
      predicate: null,
      hasExpressions: false,
    });
  }
  const others: UniqueKey[] = [];
  for (const [idxName, unique, origin, partial] of indexes) {
    if (unique !== 1 || origin === 'pk') continue;
    // seqno, cid, name; in seqno order
    const info = all(db, `PRAGMA ${schema}.index_info(${literal(String(idxName))})`).map((r) => r.slice(1));
    const hasExpressions = info.some((r) => r[0] === -2);
    let parsed: { predicate: string | null; terms: string[] } = { predicate: null, terms: [] };
    if (hasExpressions || partial === 1) {
      const sql = all(db, `SELECT sql FROM ${master} WHERE type = 'index' AND name = ?`, [String(idxName)])[0]?.[0];
      if (typeof sql === 'string') parsed = parseIndexSql(sql);
    }
    others.push({
      name: String(idxName),
      kind: origin === 'u' ? 'unique' : 'index',
      columns: info.map((r, k) => (r[0] === -2 ? (parsed.terms[k] ?? '<expression>') : String(r[1]))),
      predicate: partial === 1 ? parsed.predicate : null,
      hasExpressions,
    });
  }
  others.sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'unique' ? -1 : 1));
  keys.push(...others);
  return {
    name: schema === 'main' ? name : `${schema}.${name}`,
    schema,
    columns,
    primaryKey,
    uniqueKeys: keys,
    hasRowid: !withoutRowid,
  };
}

/** The bare table name of a schema entry (display names carry the schema for temp tables). */
export function bareName(t: TableSchema): string {
  return t.schema === 'main' ? t.name : t.name.slice(t.schema.length + 1);
}

/** Fully qualified, quoted table reference. */
export function tableRef(t: TableSchema): string {
  return `${quoteIdent(t.schema)}.${quoteIdent(bareName(t))}`;
}

/** SQLite's default limit on the columns of a result (and of a table). */
const MAX_RESULT_COLUMNS = 2000;

/** Rows of a table in identity order (primary key, else rowid), with rowids, at most `limit`. */
export function snapshotSqlite(db: Database, t: TableSchema, limit: number): TableSnapshot {
  const alias = t.hasRowid ? rowidAlias(t.columns) : null;
  const cols = t.columns.map((c) => quoteIdent(c.name));
  const order = t.primaryKey.map(quoteIdent);
  if (alias) order.push(alias); // the rowid breaks ties (a non-integer primary key may hold NULLs)
  if (order.length === 0) order.push(...cols);
  // A result has at most 2,000 columns (SQLITE_MAX_COLUMN): the rowid of a table that wide comes
  // from a second query in the same (total) order.
  const apart = alias !== null && cols.length >= MAX_RESULT_COLUMNS;
  const select = alias && !apart ? [...cols, alias] : cols;
  const tail = `FROM ${tableRef(t)} ORDER BY ${order.join(', ')} LIMIT ${limit}`;
  const st = db.prepare(`SELECT ${select.join(', ')} ${tail}`);
  const rows: Value[][] = [];
  const read = valueReader(st, realTextOf(db));
  let rowids: (number | string)[] | null = alias ? [] : null;
  try {
    while (st.step()) {
      const row = read();
      if (rowids && !apart) rowids.push(row.pop() as number | string);
      rows.push(row);
    }
  } finally {
    st.free();
  }
  if (apart) rowids = all(db, `SELECT CAST(${alias} AS TEXT) ${tail}`).map((r) => integerValue(BigInt(r[0] as string)));
  const totalRows = rows.length < limit ? rows.length : Number(all(db, `SELECT count(*) FROM ${tableRef(t)}`)[0]![0]);
  return { schema: t, data: { columns: t.columns.map((c) => c.name), rows, totalRows }, rowids, versions: null };
}
