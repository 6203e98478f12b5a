/**
 * Translate: loads the translator on demand, asks the source engine for the table schemas (so a
 * target can be inferred from real unique keys), and shows the result for the user to accept.
 */
import { lazy, useState } from 'react';
import { applyTranslation, loadTranslator } from './scenarioTranslation';
import type { TranslationResult } from './translate';
import { acceptedMessage, useTranslationOpener } from './translationFocus';
import { useEngines, type Engines } from '../state/engineContext';
import type { PlaygroundActions } from '../state/usePlayground';
import type { Scenario } from '../scenario/scenario';
import type { Dialect } from '../engine/types';
import { LazyPart } from '../ui/LazyPart';

// The dialog's code is fetched together with the translator, when a translation is asked for.
const loadDialog = () => import('./TranslateDialog');
const TranslateDialog = lazy(() => loadDialog().then((m) => ({ default: m.TranslateDialog })));

/**
 * Translate `scenario` from `from` (default: its current dialect; called from a click): loads the
 * translator and the dialog, describes the setup, then calls `onReady` with the result, or
 * `onError` with a sentence for the user.
 */
function startTranslation(
  engines: Engines,
  scenario: Scenario,
  onReady: (result: TranslationResult) => void,
  onError: (message: string) => void,
  from: Dialect = scenario.dialect,
  limitMs?: number,
): void {
  Promise.all([
    loadTranslator(),
    engines[from].describe(scenario[from].setup, undefined, limitMs !== undefined ? { limitMs } : {}),
    loadDialog(),
  ]).then(
    ([mod, described]) =>
      onReady(mod.translateFrom(scenario, from, { tables: described.error ? undefined : described.tables })),
    (err: unknown) => onError(`The translation failed: ${err instanceof Error ? err.message : String(err)}`),
  );
}

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
    startTranslation(
      engines,
      scenario,
      setRequest,
      (m) => {
        setRequest(null);
        actions.showMessage('error', m);
      },
      from,
      timeLimitS * 1000,
    );
  };
  const accept = (next: Scenario) => {
    if (request && request !== 'loading') actions.showMessage('info', acceptedMessage(scenario, next, request));
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
  if (!request || request === 'loading') return null;
  return (
    <LazyPart what="the translation" placement="overlay">
      <TranslateDialog
        open
        from={request.from}
        to={request.to}
        result={request}
        onAccept={() => onAccept(applyTranslation(scenario, request))}
        onCancel={onCancel}
      />
    </LazyPart>
  );
}
