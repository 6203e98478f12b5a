/** Mounts the React app. Loaded by main.ts right after it has started the engine worker(s). */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { engines } from './engine/engines';
import { EnginesContext } from './state/engineContext';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { fragmentNamesExample, loadGallery, lookupExample } from './ui/galleryLoader';
import { startScenario } from './persistence/start';
import { browserSessionStorage, browserStorage } from './persistence/storage';
import { linkReader, needsReader } from './scenario/linkReader';
import './styles.css';

// The gallery is loaded on demand, but an `#example/ID` address needs it for the first render;
// the link reader, when there is a link or saved work to read (a first visit has neither).
const reading = needsReader(location.hash, browserStorage(), browserSessionStorage())
  ? linkReader.load().then(
      () => true,
      () => false,
    )
  : true;
const [, readable] = await Promise.all([
  fragmentNamesExample(location.hash) ? loadGallery().catch(() => undefined) : null,
  reading,
]);
const root = document.getElementById('root')!;
if (!readable) {
  // Opening without it would read the saved work as missing, and autosave could then replace it.
  const note = root.querySelector('.boot-loading');
  if (note)
    note.textContent =
      'Part of the playground could not be loaded, so your saved work and the link were not opened (nothing was changed). Reload the page to try again.';
  throw new Error('The link reader could not be loaded.');
}
// What the page opens with: decided once per page load (it may set edited work aside).
const start = startScenario(lookupExample);

createRoot(root).render(
  <StrictMode>
    <EnginesContext value={engines}>
      <ErrorBoundary>
        <App start={start} />
      </ErrorBoundary>
    </EnginesContext>
  </StrictMode>,
);
