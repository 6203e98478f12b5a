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
import type { EngineError } from './types.ts';

/** What a dataset is: its id, the table it goes into, its columns in field order, its file's name. */
export interface DatasetInfo {
  id: string;
  table: string;
  columns: string[];
  fileName: string;
}

/** One field: text as read from the file, or null for an empty field. */
export type Field = string | null;

/** One dataset: its description, its batches and how many rows they hold. */
export interface Dataset {
  info: DatasetInfo;
  batches: Uint8Array[];
  rows: number;
}

/** Rows of a batch as the bytes a worker sends (JSON text, UTF-8). */
export function encodeBatch(rows: Field[][]): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(rows));
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
   * it, in the words a person needs: which file, table, row and (where it can tell) column. The
   * inserting code loads on first use: a run without a loaded file never needs it.
   */
  async load(d: Driver, ids: string[], notes: string[]): Promise<EngineError | undefined> {
    if (ids.length === 0) return undefined;
    const { loadDatasets } = await import('./datasetLoad.ts');
    return loadDatasets(d, ids, (id) => this.sets.get(id), notes);
  }
}
