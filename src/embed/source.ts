/**
 * Where an embed's scenario comes from: its fragment (`#s1/…` or `#example/ID`, as in the app), or
 * its host page (embed.js posts it after the embed says it is ready). Nothing is read from, or
 * written to, the app's own storage.
 */
import { decodeScenario, scenarioFromObject } from '../scenario/linkDecode';
import { defaultScenario, type Scenario } from '../scenario/scenario';
import { loadGallery } from '../ui/galleryLoader';
import { EMBED_SOURCE, isScenarioMessage, tellHost } from './messages';
import type { EmbedOptions } from './options';

/** A scenario, or why there is none (the embed then shows the default scenario and says so). */
export type SourceResult = { scenario: Scenario; problem: string | null };

function fallback(problem: string): SourceResult {
  return { scenario: defaultScenario(), problem: `${problem} The default scenario is shown instead.` };
}

/** Read the scenario from the fragment's scenario part. */
export async function scenarioFromFragment(part: string): Promise<SourceResult> {
  if (!part) return fallback('This embed names no scenario (its address has no #s1/… or #example/… part).');
  if (part.startsWith('example/')) {
    const id = decodeURIComponent(part.slice('example/'.length));
    try {
      const gallery = await loadGallery();
      const ex = gallery.findExample(id);
      if (!ex) return fallback(`There is no example "${id}".`);
      return { scenario: gallery.exampleToScenario(ex, 'sqlite'), problem: null };
    } catch {
      return fallback('The examples could not be loaded.');
    }
  }
  const r = decodeScenario(part);
  return r.ok ? { scenario: r.scenario, problem: null } : fallback(r.message);
}

/** Ask the host page for the scenario and wait for it (until `signal` aborts). */
export function scenarioFromHost(options: EmbedOptions, signal: AbortSignal): Promise<SourceResult> {
  return new Promise((resolve) => {
    const onMessage = (e: MessageEvent) => {
      if (e.source !== window.parent || !isScenarioMessage(e.data)) return;
      window.removeEventListener('message', onMessage);
      const r = scenarioFromObject(e.data.scenario, 'The scenario from the page');
      resolve(r.ok ? { scenario: r.scenario, problem: null } : fallback(r.message));
    };
    window.addEventListener('message', onMessage);
    signal.addEventListener('abort', () => window.removeEventListener('message', onMessage));
    tellHost({ source: EMBED_SOURCE, type: 'ready', id: options.id });
  });
}
