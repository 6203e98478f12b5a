/**
 * Inserting loaded CSV files into their tables after the setup (see datasets.ts), with the
 * messages that name the file, row and column a refusal is about. Loaded by the worker on the
 * first run that has a file to insert.
 */
import type { Dataset, DatasetInfo, Field } from './datasets.ts';
import type { Driver } from './pipeline.ts';
import type { EngineError, TableSchema } from './types.ts';
import { quoteIdent } from './values.ts';

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

/** Insert the datasets `ids` into their tables (see DatasetStore.load). */
export async function loadDatasets(
  d: Driver,
  ids: string[],
  dataset: (id: string) => Dataset | undefined,
  notes: string[],
): Promise<EngineError | undefined> {
  const tables = await d.guard(() => d.introspect());
  for (const id of ids) {
    const set = dataset(id);
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
