/** Mounts the React app. Loaded by main.ts right after it has started the engine worker(s). */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { engines } from './engine/engines';
import { EnginesContext } from './state/engineContext';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { fragmentNamesExample, loadGallery, lookupExample } from './ui/galleryLoader';
import { startScenario } from './persistence/start';
import './styles.css';

// The gallery is loaded on demand, but an `#example/ID` address needs it for the first render.
if (fragmentNamesExample(location.hash)) await loadGallery().catch(() => undefined);
// What the page opens with: decided once per page load (it may set edited work aside).
const start = startScenario(lookupExample);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <EnginesContext value={engines}>
      <ErrorBoundary>
        <App start={start} />
      </ErrorBoundary>
    </EnginesContext>
  </StrictMode>,
);
