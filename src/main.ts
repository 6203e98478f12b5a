/**
 * The page's entry, kept tiny: it starts the engine worker(s) the page is about to need — and the
 * first run itself when it can read the scripts — then loads the app (React and the UI), so the
 * engine's start-up and first run overlap the app's download and compile.
 */
import { DEFAULT_LIMIT_MS } from './engine/client';
import { engines } from './engine/engines';
import { linkReader, needsReader } from './scenario/linkReader';
import { bootPlan } from './state/bootPlan';

declare const __BUILD_LABEL__: string | undefined;
// A labelled build (UPSERT_BUILD_LABEL at build time) says so on its root element.
if (typeof __BUILD_LABEL__ === 'string' && __BUILD_LABEL__) document.documentElement.dataset.build = __BUILD_LABEL__;

function storage(kind: 'localStorage' | 'sessionStorage'): Storage | null {
  try {
    return window[kind];
  } catch {
    return null; // refused (sandboxed frame, privacy settings)
  }
}

const local = storage('localStorage');
const session = storage('sessionStorage');

function boot(): void {
  let plan;
  try {
    plan = bootPlan(window.location.hash, local, session);
  } catch {
    plan = [{ dialect: 'sqlite' as const, scripts: null }]; // the app decides, and says what went wrong
  }
  for (const item of plan) {
    // The playground's runs keep large tables in the worker (RunInput.hold), so this one does too.
    if (item.scripts) engines[item.dialect].runEarly({ ...item.scripts, hold: true }, DEFAULT_LIMIT_MS);
    else void engines[item.dialect].start().catch(() => undefined);
  }
}

// A first visit has nothing to read; otherwise the link reader comes first (see linkReader.ts).
if (needsReader(window.location.hash, local, session)) void linkReader.load().then(boot, boot);
else boot();

void import('./mount');
