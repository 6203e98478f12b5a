/**
 * The page's engines, provided to the UI through React context: mount.tsx provides the
 * worker-backed clients; a test can provide clients over an in-process engine (no Worker).
 */
import { createContext, useContext } from 'react';
import type { EngineClient } from '../engine/client';
import type { Dialect } from '../engine/types';

/** One engine client per dialect. */
export type Engines = Record<Dialect, EngineClient>;

/** The engines of the page; null outside a provider. */
export const EnginesContext = createContext<Engines | null>(null);

/** The engines provided above this component. */
export function useEngines(): Engines {
  const engines = useContext(EnginesContext);
  if (!engines) throw new Error('No engines: render the app inside <EnginesContext value={…}>.');
  return engines;
}
