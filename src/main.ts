/**
 * The page's entry, kept tiny: it starts the engine worker(s) the page is about to need, then loads
 * the app (React and the UI), so the engine's start-up overlaps the app's download and compile.
 */
import { engines } from './engine/engines';
import { bootDialects } from './state/bootDialects';

function storage(kind: 'localStorage' | 'sessionStorage'): Storage | null {
  try {
    return window[kind];
  } catch {
    return null; // refused (sandboxed frame, privacy settings)
  }
}

for (const d of bootDialects(window.location.hash, storage('localStorage'), storage('sessionStorage'))) {
  void engines[d].start().catch(() => undefined);
}

void import('./mount');
