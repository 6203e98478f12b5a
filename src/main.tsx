/** Mounts the app. The SQLite engine starts at once, before React renders, to shorten the first result. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { engines } from './engine/engines';
import { ErrorBoundary } from './share/ErrorBoundary';
import './styles.css';

void engines.sqlite.start().catch(() => undefined);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
