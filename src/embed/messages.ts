/**
 * The messages between an embed and its host page (documented in docs/EMBED.md; public/embed.js
 * is the host side). Every message is a plain object with `source` telling who sent it.
 */

/** `source` of the messages an embed sends. */
export const EMBED_SOURCE = 'upsert-playground';
/** `source` of the messages a host page sends. */
const HOST_SOURCE = 'upsert-playground-host';

/** Embed → host: the embed's content height in CSS pixels (sent on every change). */
export interface ResizeMessage {
  source: typeof EMBED_SOURCE;
  type: 'resize';
  height: number;
  /** The `id` option of the embed, or null. */
  id: string | null;
}

/** Embed → host: an embed started with `host=1` asks for its scenario. */
export interface ReadyMessage {
  source: typeof EMBED_SOURCE;
  type: 'ready';
  id: string | null;
}

/** Host → embed: the scenario (the object a `#s1/` link carries, see README "Link format"). */
export interface ScenarioMessage {
  source: typeof HOST_SOURCE;
  type: 'scenario';
  id: string | null;
  scenario: unknown;
}

/** True when `data` is a scenario message from a host page. */
export function isScenarioMessage(data: unknown): data is ScenarioMessage {
  if (typeof data !== 'object' || data === null) return false;
  const m = data as Record<string, unknown>;
  return m.source === HOST_SOURCE && m.type === 'scenario' && 'scenario' in m;
}

/** Post to the host page, if there is one (never throws). */
export function tellHost(message: ResizeMessage | ReadyMessage): void {
  if (window.parent === window) return;
  try {
    window.parent.postMessage(message, '*');
  } catch {
    // A host that went away: nothing to tell.
  }
}
