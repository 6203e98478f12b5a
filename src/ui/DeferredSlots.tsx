/**
 * Where the parts that the first screen does not show go: each decides here, with code already on
 * the page, whether it has something to show, and only then needs its own code (deferred.ts, loaded
 * ahead on idle after the first result, so it is usually there when needed).
 */
import { useEffect, useMemo, useState } from 'react';
import { whenIdle } from '../lib/idle';
import { lazyModule } from '../lib/lazyModule';
import { useLazyModule } from '../lib/useLazyModule';
import type { StashBannerProps } from '../persistence/StashBanner';
import { carryDecision } from '../scenario/provenance';
import { scriptKeys } from '../state/usePlayground';
import type { CarryNotesProps } from './CarryNotes';
import { carryNotes, parametersPanel, stashBanner } from './deferred';
import { DeferredPart } from './LazyPart';
import type { ParametersPanelProps } from './ParametersPanel';

/** The carry-over note above the editors (after a dialect switch, or when both dialects have their own scripts). */
export function CarryNotesSlot(props: CarryNotesProps) {
  const d = props.state.scenario.dialect;
  const shown = Boolean(props.state.carry[d]) || carryDecision(props.state.scenario, d) === 'own';
  return (
    <DeferredPart module={carryNotes} when={shown} what="the carry-over note">
      {({ CarryNotes }) => <CarryNotes {...props} />}
    </DeferredPart>
  );
}

/** The Parameters panel, when the shown dialect's scripts have placeholders. */
export function ParametersSlot(props: ParametersPanelProps) {
  const { scenario, dialect } = props;
  const shown = useMemo(() => scriptKeys(scenario, dialect).length > 0, [scenario, dialect]);
  return (
    <DeferredPart module={parametersPanel} when={shown} what="the Parameters panel">
      {({ ParametersPanel }) => <ParametersPanel {...props} />}
    </DeferredPart>
  );
}

/** "Back to my scenario", while work is set aside. */
export function StashSlot(props: StashBannerProps) {
  return (
    <DeferredPart module={stashBanner} when={props.stash !== null} what="your previous scenario">
      {({ StashBanner }) => <StashBanner {...props} />}
    </DeferredPart>
  );
}

// Not in deferred.ts: UpdateSlot loads it by itself, and the tests, which import deferred.ts, have
// no service worker.
const updatePrompt = lazyModule(() => import('../ux/UpdatePrompt'));

/**
 * The service worker and its "new version" notice: their code loads, and the worker is registered,
 * once the page has shown its first result (`ready`) and is idle.
 */
export function UpdateSlot({ ready }: { ready: boolean }) {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    if (ready && !idle) return whenIdle(() => setIdle(true), 5000);
  }, [ready, idle]);
  // Nothing to say when this code cannot be fetched (offline on a first visit): the page works as it is.
  const code = useLazyModule(updatePrompt, idle, 'the update notice');
  return code && code !== 'failed' ? <code.UpdatePrompt /> : null;
}
