/**
 * Compares the after-state of each table between the two engines: tables present on one side only,
 * columns that differ, rows on one side only and cells that differ, matched by a key both sides
 * share. Identity values (serial, GENERATED … AS IDENTITY, SQLite rowid aliases) are reported
 * apart, because PostgreSQL consumes a sequence value for every row it tries to insert — including
 * rows that then conflict — so ids drift from SQLite's even when everything else agrees.
 */
import type { TableDiff, TableSchema, Value } from '../engine/types';
import { NormalisationLog } from './normalisations';
import { isNote, type CellDifference, type Difference, type RowSample } from './types';
import { canonicalRow, compareValues } from './values';

/** How many sample rows/cells a difference keeps (totals are always exact). */
export const MAX_SAMPLES = 20;

const lower = (s: string) => s.toLowerCase();

/** Column pairing of one table: common columns (by lower-case name) with each side's index. */
interface Columns {
  names: string[];
  sqliteIdx: number[];
  postgresIdx: number[];
}

function pairColumns(sqlite: readonly string[], postgres: readonly string[]): Columns {
  const pgByName = new Map(postgres.map((c, i) => [lower(c), i]));
  const out: Columns = { names: [], sqliteIdx: [], postgresIdx: [] };
  sqlite.forEach((c, i) => {
    const j = pgByName.get(lower(c));
    if (j !== undefined) {
      out.names.push(c);
      out.sqliteIdx.push(i);
      out.postgresIdx.push(j);
    }
  });
  return out;
}

/** Identity-like columns (lower-case names) of either side. */
function identityColumns(a: TableSchema, b: TableSchema): Set<string> {
  return new Set([...a.columns, ...b.columns].filter((c) => c.identity).map((c) => lower(c.name)));
}

/**
 * The key rows are matched by: a plain unique key both sides have, preferring one without identity
 * columns (so rows still pair up when ids drift), then the primary key; [] = compare whole rows.
 */
function chooseKey(a: TableSchema, b: TableSchema, common: Set<string>, identity: Set<string>): string[] {
  const keysOf = (s: TableSchema) =>
    s.uniqueKeys.filter((k) => !k.hasExpressions && k.predicate === null).map((k) => k.columns.map(lower));
  const other = new Set(keysOf(b).map((k) => [...k].sort().join(',')));
  const shared = keysOf(a).filter((k) => other.has([...k].sort().join(',')) && k.every((c) => common.has(c)));
  const withoutIdentity = shared.find((k) => !k.some((c) => identity.has(c)));
  return withoutIdentity ?? shared[0] ?? [];
}

function sample(names: string[], row: readonly Value[], idx: number[]): RowSample {
  const out: RowSample = {};
  names.forEach((n, i) => (out[n] = row[idx[i]!] ?? null));
  return out;
}

/** Compare every table of the two runs' after-states. */
export function compareTables(sqlite: TableDiff[], postgres: TableDiff[], log: NormalisationLog): Difference[] {
  const out: Difference[] = [];
  const pgByName = new Map(postgres.map((t) => [lower(t.name), t]));
  const seen = new Set<string>();
  for (const s of sqlite) {
    const p = pgByName.get(lower(s.name));
    seen.add(lower(s.name));
    if (!s.after && (!p || !p.after)) continue;
    if (!p?.after) out.push({ kind: 'tableMissing', table: s.name, presentOn: 'sqlite' });
    else if (!s.after) out.push({ kind: 'tableMissing', table: p.name, presentOn: 'postgres' });
    else {
      // Differences already present before the statements ran come from the setups: say so.
      if (s.before && p?.before && compareTable(s, p, new NormalisationLog(), 'before').some((d) => !isNote(d))) {
        out.push({ kind: 'beforeDiffers', table: s.name });
      }
      out.push(...compareTable(s, p, log));
    }
  }
  for (const p of postgres) {
    if (!seen.has(lower(p.name)) && p.after) out.push({ kind: 'tableMissing', table: p.name, presentOn: 'postgres' });
  }
  return out;
}

function compareTable(
  s: TableDiff,
  p: TableDiff,
  log: NormalisationLog,
  moment: 'before' | 'after' = 'after',
): Difference[] {
  const out: Difference[] = [];
  const sa = s[moment]!;
  const pa = p[moment]!;
  const table = s.name;
  const cols = pairColumns(sa.columns, pa.columns);
  const common = new Set(cols.names.map(lower));
  const onlyS = sa.columns.filter((c) => !common.has(lower(c)));
  const onlyP = pa.columns.filter((c) => !common.has(lower(c)));
  if (onlyS.length || onlyP.length) out.push({ kind: 'tableColumns', table, onlySqlite: onlyS, onlyPostgres: onlyP });
  if (sa.totalRows > sa.rows.length || pa.totalRows > pa.rows.length) {
    out.push({
      kind: 'truncated',
      table,
      total: { sqlite: sa.totalRows, postgres: pa.totalRows },
      kept: { sqlite: sa.rows.length, postgres: pa.rows.length },
    });
  }
  const identity = identityColumns(s.schema, p.schema);
  const key = chooseKey(s.schema, p.schema, common, identity);
  const keyPos = key.map((k) => cols.names.findIndex((n) => lower(n) === k));
  const keyNames = keyPos.map((i) => cols.names[i]!);
  const pick = (row: readonly Value[], idx: number[], positions: number[]) =>
    positions.map((i) => row[idx[i]!] ?? null);
  const allPos = cols.names.map((_, i) => i);

  // Index PostgreSQL rows by key (or by whole row); rows with a NULL in the key match by whole row.
  const byKey = new Map<string, (readonly Value[])[]>();
  const keyOf = (row: readonly Value[], idx: number[]) => {
    const k = pick(row, idx, key.length ? keyPos : allPos);
    return key.length && k.some((v) => v === null) ? `row:${canonicalRow(pick(row, idx, allPos))}` : canonicalRow(k);
  };
  for (const row of pa.rows) {
    const k = keyOf(row, cols.postgresIdx);
    const list = byKey.get(k);
    if (list) list.push(row);
    else byKey.set(k, [row]);
  }

  const place = (col: string) => `${table}.${col}`;
  let onlySqlite: (readonly Value[])[] = [];
  const cells: CellDifference[] = [];
  const idCells: CellDifference[] = [];
  const clock: CellDifference[] = [];
  let maxClock = 0;
  let rowsWithCells = 0;
  let cellTotal = 0;
  let idRows = 0;
  for (const row of sa.rows) {
    const k = keyOf(row, cols.sqliteIdx);
    const match = byKey.get(k)?.shift();
    if (!match) {
      onlySqlite.push(row);
      continue;
    }
    const keySample = sample(
      keyNames,
      row,
      keyPos.map((i) => cols.sqliteIdx[i]!),
    );
    let rowHasCell = false;
    let rowHasId = false;
    cols.names.forEach((name, i) => {
      const sv = row[cols.sqliteIdx[i]!] ?? null;
      const pv = match[cols.postgresIdx[i]!] ?? null;
      const cmp = log.compare(sv, pv, place(name));
      if (cmp.equal) return;
      const cell = { key: keySample, column: name, sqlite: sv, postgres: pv };
      if (cmp.clockSeconds !== undefined) {
        maxClock = Math.max(maxClock, cmp.clockSeconds);
        if (clock.length < MAX_SAMPLES) clock.push(cell);
      } else if (identity.has(lower(name))) {
        rowHasId = true;
        if (idCells.length < MAX_SAMPLES) idCells.push(cell);
      } else {
        rowHasCell = true;
        cellTotal++;
        if (cells.length < MAX_SAMPLES) cells.push(cell);
      }
    });
    if (rowHasCell) rowsWithCells++;
    if (rowHasId) idRows++;
  }
  let onlyPostgres = [...byKey.values()].flat();

  // Rows left on both sides that agree on everything but identity columns: the ids drifted.
  const nonId = allPos.filter((i) => !identity.has(lower(cols.names[i]!)));
  if (identity.size && nonId.length && onlySqlite.length && onlyPostgres.length) {
    const pool = new Map<string, (readonly Value[])[]>();
    for (const row of onlyPostgres) {
      const k = canonicalRow(pick(row, cols.postgresIdx, nonId));
      pool.set(k, [...(pool.get(k) ?? []), row]);
    }
    const keep: (readonly Value[])[] = [];
    for (const row of onlySqlite) {
      const match = pool.get(canonicalRow(pick(row, cols.sqliteIdx, nonId)))?.shift();
      if (!match) {
        keep.push(row);
        continue;
      }
      idRows++;
      const keySample = sample(
        nonId.map((i) => cols.names[i]!),
        row,
        nonId.map((i) => cols.sqliteIdx[i]!),
      );
      cols.names.forEach((name, i) => {
        const sv = row[cols.sqliteIdx[i]!] ?? null;
        const pv = match[cols.postgresIdx[i]!] ?? null;
        if (identity.has(lower(name)) && !log.compare(sv, pv, place(name)).equal && idCells.length < MAX_SAMPLES) {
          idCells.push({ key: keySample, column: name, sqlite: sv, postgres: pv });
        }
      });
    }
    onlySqlite = keep;
    onlyPostgres = [...pool.values()].flat();
  }

  // Rows left on both sides that agree once timestamps a clock tick apart are allowed to differ
  // (whole-row or timestamp keys cannot tolerate that). Quadratic, so only for small leftovers.
  if (onlySqlite.length && onlyPostgres.length && onlySqlite.length * onlyPostgres.length <= 250_000) {
    const keep: (readonly Value[])[] = [];
    for (const row of onlySqlite) {
      const j = onlyPostgres.findIndex((other) =>
        cols.names.every((_, i) => {
          const cmp = compareValues(row[cols.sqliteIdx[i]!] ?? null, other[cols.postgresIdx[i]!] ?? null);
          return cmp.equal || cmp.clockSeconds !== undefined;
        }),
      );
      if (j < 0) {
        keep.push(row);
        continue;
      }
      const match = onlyPostgres.splice(j, 1)[0]!;
      const keySample = sample(
        keyNames.length ? keyNames : cols.names,
        row,
        (keyNames.length ? keyPos : allPos).map((i) => cols.sqliteIdx[i]!),
      );
      cols.names.forEach((name, i) => {
        const sv = row[cols.sqliteIdx[i]!] ?? null;
        const pv = match[cols.postgresIdx[i]!] ?? null;
        const cmp = log.compare(sv, pv, place(name));
        if (cmp.clockSeconds === undefined) return;
        maxClock = Math.max(maxClock, cmp.clockSeconds);
        if (clock.length < MAX_SAMPLES) clock.push({ key: keySample, column: name, sqlite: sv, postgres: pv });
      });
    }
    onlySqlite = keep;
  }

  if (idRows) {
    const columns = [...new Set(idCells.map((c) => c.column))];
    out.push({ kind: 'identityGap', table, columns, rows: idRows, matchedBy: keyNames, samples: idCells });
  }
  if (onlySqlite.length || onlyPostgres.length || rowsWithCells) {
    out.push({
      kind: 'tableRows',
      table,
      matchedBy: keyNames,
      rowCount: { sqlite: sa.rows.length, postgres: pa.rows.length },
      onlySqlite: onlySqlite.slice(0, MAX_SAMPLES).map((r) => sample(cols.names, r, cols.sqliteIdx)),
      onlyPostgres: onlyPostgres.slice(0, MAX_SAMPLES).map((r) => sample(cols.names, r, cols.postgresIdx)),
      totals: { onlySqlite: onlySqlite.length, onlyPostgres: onlyPostgres.length, cells: cellTotal, rowsWithCells },
      cells,
    });
  }
  if (clock.length) {
    const columns = [...new Set(clock.map((c) => c.column))];
    out.push({ kind: 'clock', table, columns, maxSeconds: Math.round(maxClock * 1000) / 1000, samples: clock });
  }
  return out;
}
