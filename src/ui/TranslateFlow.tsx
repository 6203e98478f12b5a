/**
 * Translate: loads the translator on demand, asks the source engine for the table schemas (so a
 * target can be inferred from real unique keys), and shows the result for the user to accept.
 */
import { lazy, useEffect } from 'react';
import { applyTranslation, loadTranslator } from '../compare/scenarioTranslation';
import type { TranslationResult } from '../compare/translate';
import { engines } from '../engine/engines';
import type { Scenario } from '../scenario/scenario';
import type { Dialect } from '../engine/types';
import { LazyPart } from './LazyPart';

// The dialog's code is fetched together with the translator, when a translation is asked for.
const loadDialog = () => import('../compare/TranslateDialog');
const TranslateDialog = lazy(() => loadDialog().then((m) => ({ default: m.TranslateDialog })));

/** Props of TranslateFlow. */
export interface TranslateFlowProps {
  /** 'loading' starts a translation of the current dialect; a result shows the dialog. */
  request: TranslationResult | 'loading' | null;
  scenario: Scenario;
  /** The dialect to translate from (default: the shown one). */
  from?: Dialect;
  onReady(result: TranslationResult): void;
  onAccept(next: Scenario): void;
  onCancel(): void;
  onError(message: string): void;
}

/** The translation flow (renders the dialog once a result is ready). */
export function TranslateFlow({ request, scenario, from: fromProp, onReady, onAccept, onCancel, onError }: TranslateFlowProps) {
  useEffect(() => {
    if (request !== 'loading') return;
    let cancelled = false;
    const from = fromProp ?? scenario.dialect;
    void (async () => {
      try {
        const [mod, described] = await Promise.all([loadTranslator(), engines[from].describe(scenario[from].setup), loadDialog()]);
        if (cancelled) return;
        onReady(mod.translateFrom(scenario, from, { tables: described.error ? undefined : described.tables }));
      } catch (err) {
        if (!cancelled) onError(`The translation failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    })();
    return () => {
      cancelled = true;
    };
    // A request is taken with the scenario as it was when asked.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [request]);

  if (!request || request === 'loading') return null;
  return (
    <LazyPart what="the translation" placement="overlay">
      <TranslateDialog open from={request.from} to={request.to} result={request} onAccept={() => onAccept(applyTranslation(scenario, request))} onCancel={onCancel} />
    </LazyPart>
  );
}
