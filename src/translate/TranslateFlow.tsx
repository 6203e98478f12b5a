/**
 * Translate: loads the translator on demand, asks the source engine for the table schemas (so a
 * target can be inferred from real unique keys), and shows the result for the user to accept.
 */
import { useState } from 'react';
import type { TranslationResult } from './translate';
import { applyTranslation } from './scenarioTranslation';
import { useTranslationOpener } from './translationFocus';
import { useEngines } from '../state/engineContext';
import type { PlaygroundActions } from '../state/usePlayground';
import type { Scenario } from '../scenario/scenario';
import type { Dialect } from '../engine/types';
import { lazyModule } from '../lib/lazyModule';
import { ModulePart } from '../ui/LazyPart';

// The steps after the click and the dialog are fetched together with the translator, when a
// translation is asked for.
const flow = lazyModule(() => import('./translationFlow'));

/** A translation of the page: asked for, under way ('loading'), shown for acceptance, or none. */
interface TranslationRequest {
  request: TranslationResult | 'loading' | null;
  /** Ask for a translation from a click (from `from`, default the shown dialect). */
  ask: (from?: Dialect) => void;
  /** Accept the shown translation's scenario (an edit; a message says what changed). */
  accept: (next: Scenario) => void;
  cancel: () => void;
}

/**
 * The page's translation of `scenario` (under the time limit); focus goes back to the control that
 * asked for it when its dialog closes.
 */
export function useTranslationRequest(
  scenario: Scenario,
  timeLimitS: number,
  actions: Pick<PlaygroundActions, 'showMessage' | 'setScenario'>,
): TranslationRequest {
  const engines = useEngines();
  const [request, setRequest] = useState<TranslationResult | 'loading' | null>(null);
  const opener = useTranslationOpener(request);
  const ask = (from?: Dialect) => {
    opener.remember();
    setRequest('loading');
    const failed = (m: string) => {
      setRequest(null);
      actions.showMessage('error', m);
    };
    flow.load().then(
      (m) => m.startTranslation(engines, scenario, setRequest, failed, from, timeLimitS * 1000),
      (err: unknown) => failed(`The translation failed: ${err instanceof Error ? err.message : String(err)}`),
    );
  };
  const accept = (next: Scenario) => {
    const m = flow.loaded();
    if (m && request && request !== 'loading') actions.showMessage('info', m.acceptedMessage(scenario, next, request));
    setRequest(null);
    actions.setScenario(next);
  };
  return { request, ask, accept, cancel: () => setRequest(null) };
}

/** Props of TranslateFlow. */
export interface TranslateFlowProps {
  /** A result shows the dialog ('loading': a translation is being made). */
  request: TranslationResult | 'loading' | null;
  scenario: Scenario;
  onAccept: (next: Scenario) => void;
  onCancel: () => void;
}

/** The translation dialog, once a result is ready. */
export function TranslateFlow({ request, scenario, onAccept, onCancel }: TranslateFlowProps) {
  // A result comes from the loaded steps (startTranslation), so their code is there.
  const code = flow.loaded();
  if (!request || request === 'loading' || !code) return null;
  return (
    <ModulePart module={code} what="the translation" placement="overlay">
      {({ TranslateDialog }) => (
        <TranslateDialog
          open
          from={request.from}
          to={request.to}
          result={request}
          onAccept={() => onAccept(applyTranslation(scenario, request))}
          onCancel={onCancel}
        />
      )}
    </ModulePart>
  );
}
