/**
 * What a run needs of the CSV files loaded into an engine: their ids and rows. Apart from the
 * loading code (csvLoads.ts, which comes with the Form's panel), so that a run, and the page's
 * first result, do not load that code when no file was ever loaded.
 */
import type { EngineClient } from '../engine/client';
import type { Dialect } from '../engine/types';

/** The loaded files of one engine, as a run reads them. */
interface RunLoads {
  forRun: () => { ids: string[]; rows: number };
}

const registered = new WeakMap<EngineClient, RunLoads>();

/** Called by csvLoads.ts when it makes an engine client's loads. */
export function registerCsvLoads(client: EngineClient, loads: RunLoads): void {
  registered.set(client, loads);
}

/** What a run of this engine inserts: the loaded files' ids, and their rows (for the time limit). */
export function csvForRun(client: EngineClient): { ids: string[]; rows: number } {
  return registered.get(client)?.forRun() ?? { ids: [], rows: 0 };
}

/**
 * Time a run is given on top of its limit for inserting the loaded rows (and for the larger Before
 * and After they make), at a pace several times slower than measured, so that a slow device does
 * not stop the run, which would restart the engine and lose the rows.
 */
export function csvTimeMs(dialect: Dialect, rows: number): number {
  return Math.ceil(rows * (dialect === 'sqlite' ? 0.02 : 0.1));
}
