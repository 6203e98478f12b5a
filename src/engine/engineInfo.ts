/** What the page knows and shows about an engine: where it is in its life, its version, its start-up. */

/** Where the engine is in its life, for the UI. */
type EngineStatus = 'cold' | 'starting' | 'ready' | 'running' | 'restarting' | 'failed';

/** What the UI shows about an engine. */
export interface EngineInfo {
  status: EngineStatus;
  /** The engine's own name and version ("SQLite 3.x", "PostgreSQL 18.x"), once it has started. */
  version: string | null;
  /** Last start-up time of the worker's engine, in ms. */
  startupMs: number | null;
  /** Whether the last start-up came from a stored data-directory snapshot. */
  fromSnapshot: boolean;
  /** Message when the engine could not start. */
  failure: string | null;
}
