/**
 * Entry of embed.html: reads the options and the scenario (fragment or host page), applies the
 * theme, mounts the embed and keeps the host page told of its height. Starts no engine: an engine
 * starts on the first Run (or at once with `run=load`).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { engines } from '../engine/engines';
import { EnginesContext } from '../state/engineContext';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { EmbedApp } from './EmbedApp';
import { EMBED_SOURCE, tellHost } from './messages';
import { parseOptions, splitFragment } from './options';
import { scenarioFromFragment, scenarioFromHost } from './source';
import '../styles.css';
import './embed.css';

const fragment = splitFragment(window.location.hash);
const options = parseOptions(window.location.search, fragment.options);
if (options.theme !== 'auto') document.documentElement.dataset.theme = options.theme;

const root = document.getElementById('root')!;

// The host page grows the iframe to the content (the embed caps it at its maximum height).
let lastHeight = -1;
new ResizeObserver(() => {
  const height = Math.ceil(root.getBoundingClientRect().height);
  if (height === lastHeight) return;
  lastHeight = height;
  tellHost({ source: EMBED_SOURCE, type: 'resize', height, id: options.id });
}).observe(root);

const source = options.fromHost
  ? scenarioFromHost(options, new AbortController().signal)
  : scenarioFromFragment(fragment.scenario);
const { scenario, problem } = await source;

createRoot(root).render(
  <StrictMode>
    <EnginesContext value={engines}>
      <ErrorBoundary>
        <EmbedApp options={options} scenario={scenario} problem={problem} />
      </ErrorBoundary>
    </EnginesContext>
  </StrictMode>,
);
