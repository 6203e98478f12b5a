/**
 * Translate: loads the translator on demand, asks the source engine for the table schemas (so a
 * target can be inferred from real unique keys), and shows the result for the user to accept.
 */
import { lazy } from 'react';
import { applyTranslation, loadTranslator } from './scenarioTranslation';
import type { TranslationResult } from './translate';
import type { Engines } from '../state/engineContext';
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
export function startTranslation(
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
