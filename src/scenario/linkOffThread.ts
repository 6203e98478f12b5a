/**
 * A scenario's link, encoded in a worker when the scenario is large (see linkEncoder.worker.ts):
 * the page stays responsive while it is made. Small scenarios, and browsers or tests without
 * workers, encode on the spot.
 */
import { LINK_V1_PREFIX, encodeScenarioJson, scenarioToJson } from './link';
import type { Scenario } from './scenario';

/** Scenario JSON longer than this (characters) is encoded in the worker. */
const OFF_THREAD_CHARS = 100_000;

let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<number, (fragment: string) => void>();

function encoder(): Worker | null {
  if (worker || typeof Worker === 'undefined') return worker;
  try {
    worker = new Worker(new URL('./linkEncoder.worker.ts', import.meta.url), { type: 'module', name: 'link-encoder' });
  } catch {
    return null;
  }
  worker.onmessage = (e: MessageEvent<{ id: number; fragment: string }>) => {
    waiting.get(e.data.id)?.(LINK_V1_PREFIX + e.data.fragment);
    waiting.delete(e.data.id);
  };
  worker.onerror = () => {
    // The worker could not load (offline before it was cached, say): encode here instead.
    worker = null;
  };
  return worker;
}

/**
 * The scenario's fragment body (`s1/…`), as `encodeScenario` makes it: at once for a small
 * scenario, later (from the worker) for a large one.
 */
export function encodeScenarioSoon(s: Scenario): string | Promise<string> {
  const json = JSON.stringify(scenarioToJson(s));
  const w = json.length > OFF_THREAD_CHARS ? encoder() : null;
  if (!w) return encodeScenarioJson(json);
  const id = nextId++;
  return new Promise<string>((resolve) => {
    // If the worker fails, the link is still made, on the page.
    const fallback = setTimeout(() => {
      if (waiting.delete(id)) resolve(encodeScenarioJson(json));
    }, 10_000);
    waiting.set(id, (fragment) => {
      clearTimeout(fallback);
      resolve(fragment);
    });
    w.postMessage({ id, json });
  });
}
