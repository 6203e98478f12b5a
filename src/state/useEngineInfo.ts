/** React hook: the live status of an engine client. */
import { useSyncExternalStore } from 'react';
import type { EngineClient } from '../engine/client';
import type { EngineInfo } from '../engine/engineInfo';

/** Subscribe to an engine's status (starting, ready, running, restarting…). */
export function useEngineInfo(client: EngineClient): EngineInfo {
  return useSyncExternalStore(
    (cb) => client.subscribe(cb),
    () => client.info,
  );
}
