/**
 * Datasets: rows loaded from a CSV file, kept in the engine worker for the session and inserted
 * into their table after the setup of every run (each run starts from a clean database, and a
 * scenario, which is what links share, is far too small to hold a million rows as INSERT text).
 *
 * A dataset is kept as the batches it arrived in, each the JSON text of its rows as UTF-8 bytes:
 * the page relays them from the CSV worker to this one by transfer, without reading them, and a
 * million rows kept this way take about their file's size, where as JavaScript arrays of strings
 * they would take several times that. A batch is decoded again only while it is inserted.
 */
import type { Driver } from './pipeline.ts';
import type { EngineError, TableSchema } from './types.ts';
import { quoteIdent } from './values.ts';

/** What a dataset is: its id, the table it goes into, its columns in field order, its file's name. */
export interface DatasetInfo {
  id: string;
  table: string;
  columns: string[];
  fileName: string;
}

/** One field: text as read from the file, or null for an empty field. */
export type Field = string | null;

interface Dataset {
  info: DatasetInfo;
  batches: Uint8Array[];
  rows: number;
}

/** Rows of a batch as the bytes a worker sends (JSON text, UTF-8). */
export function encodeBatch(rows: Field[][]): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(rows));
}

/** Where inserting stopped: the 0-based index of the row within the dataset, and the engine's error. */
export class RowRefused extends Error {
  constructor(
    readonly row: number,
    readonly fields: Field[],
    error: unknown,
  ) {
    super(error instanceof Error ? error.message : String(error));
  }
}

/** The datasets of one engine (one worker), by id. */
export class DatasetStore {
  private sets = new Map<string, Dataset>();

  begin(info: DatasetInfo): void {
    this.sets.set(info.id, { info, batches: [], rows: 0 });
  }

  add(id: string, data: Uint8Array, rows: number): void {
    const d = this.sets.get(id);
    if (!d) return; // dropped while its rows were on the way
    d.batches.push(data);
    d.rows += rows;
  }

  /** Rows held, or null when the dataset is unknown here (dropped, or the worker was replaced). */
  rows(id: string): number | null {
    return this.sets.get(id)?.rows ?? null;
  }

  drop(id: string): void {
    this.sets.delete(id);
  }

  /**
   * Insert the datasets `ids` into their tables (after the setup). Returns the error that stopped
   * it, in the words a person needs: which file, table, row and (where it can tell) column.
   */
  async load(d: Driver, ids: string[], notes: string[]): Promise<EngineError | undefined> {
    if (ids.length === 0) return undefined;
    const tables = await d.guard(() => d.introspect());
    for (const id of ids) {
      const set = this.sets.get(id);
      if (!set) {
        return loadError('A loaded CSV file is no longer in the engine (it was restarted since); load the file again.');
      }
      const { info } = set;
      const table = tables.find((t) => t.name === info.table);
      if (!table) {
        return loadError(
          `${info.fileName} was loaded into table ${info.table}, which the setup no longer creates. Remove the file or create the table again.`,
        );
      }
      const missing = info.columns.find((c) => !table.columns.some((col) => col.name === c));
      if (missing !== undefined) {
        return loadError(
          `${info.fileName} has a column ${missing}, which table ${table.name} no longer has. Remove the file and load it again.`,
        );
      }
      try {
        const t0 = performance.now();
        await d.insertRows!(table, info.columns, decodeBatches(set.batches));
        const ms = performance.now() - t0;
        notes.push(
          `${set.rows.toLocaleString('en')} row${set.rows === 1 ? '' : 's'} of ${info.fileName} were inserted into ${table.name} after the setup (in ${ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`}); the file is loaded in this tab only, not part of the scenario.`,
        );
      } catch (e) {
        if (!(e instanceof RowRefused)) throw e;
        return loadError(refusalMessage(info, e));
      }
    }
    return undefined;
  }
}

function* decodeBatches(batches: Uint8Array[]): Generator<Field[][]> {
  const dec = new TextDecoder();
  for (const b of batches) yield JSON.parse(dec.decode(b)) as Field[][];
}

function loadError(message: string): EngineError {
  return { phase: 'setup', message };
}

/**
 * "file.csv, row 12, column price: <the engine's message>". The row counts the data rows from 1
 * (the header is not one). The column is named when the engine's message names one of the
 * dataset's columns (SQLite does for constraints: "NOT NULL constraint failed: t.b") or quotes a
 * value that only one field of the row holds (PostgreSQL: invalid input syntax for type integer: "x").
 */
function refusalMessage(info: DatasetInfo, e: RowRefused): string {
  const msg = e.message;
  let column = info.columns.find((c) => new RegExp(`(^|[\\s."(])${escapeRe(c)}($|[\\s."),:])`).test(msg));
  const quoted = /"([^"]*)"/.exec(msg)?.[1];
  if (column === undefined && quoted !== undefined) {
    const at = e.fields.flatMap((f, i) => (f === quoted ? [i] : []));
    if (at.length === 1) column = info.columns[at[0]!];
  }
  return `${info.fileName} could not be loaded into table ${info.table}: row ${e.row + 1}${column !== undefined ? `, column ${column}` : ''}: ${msg}`;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `"schema"."table"` for the engine's own INSERT. */
export function qualifiedName(t: TableSchema): string {
  const bare = t.name.startsWith(`${t.schema}.`) ? t.name.slice(t.schema.length + 1) : t.name;
  return `${quoteIdent(t.schema)}.${quoteIdent(bare)}`;
}
