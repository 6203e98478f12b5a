/**
 * Translate's steps after the click: making the translation, its dialog, and the message once it is
 * accepted. Loaded when a translation is first asked for (TranslateFlow.tsx), with the dialog's code.
 */
import type { Dialect } from '../engine/types';
import { DIALECT_LABEL } from '../engine/types';
import type { Scenario } from '../scenario/scenario';
import type { Engines } from '../state/engineContext';
import type { TranslationResult } from './translate';

export { TranslateDialog } from './TranslateDialog';

/**
 * Translate `scenario` from `from` (default: its current dialect; called from a click): loads the
 * translator, describes the setup, then calls `onReady` with the result, or
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
    // The translator (loadTranslator in scenarioTranslation.ts), imported here so that this chunk
    // does not share that module with the page's first chunks.
    import('./translate'),
    engines[from].describe(scenario[from].setup, undefined, limitMs !== undefined ? { limitMs } : {}),
  ]).then(
    ([mod, described]) =>
      onReady(mod.translateFrom(scenario, from, { tables: described.error ? undefined : described.tables })),
    (err: unknown) => onError(`The translation failed: ${err instanceof Error ? err.message : String(err)}`),
  );
}

/** "Translated SQLite → PostgreSQL: the PostgreSQL Setup and Statement editors changed." */
export function acceptedMessage(before: Scenario, after: Scenario, r: TranslationResult): string {
  const to = DIALECT_LABEL[r.to];
  const changed = [
    before[r.to].setup !== after[r.to].setup && 'Setup',
    before[r.to].statement !== after[r.to].statement && 'Statement',
  ].filter(Boolean);
  const what = changed.length
    ? `the ${to} ${changed.join(' and ')} editor${changed.length > 1 ? 's' : ''} changed`
    : `the ${to} editors already held this text: nothing changed`;
  const where =
    before.dialect === r.to || !changed.length ? '' : ` (switch to ${to} to see ${changed.length > 1 ? 'them' : 'it'})`;
  return `Translated ${DIALECT_LABEL[r.from]} → ${to}: ${what}${where}.`;
}
