/** Where the learner hints go: their code (ui/LearnerHints) loads only once a run has failed. */
import type { LearnerHintsProps } from './LearnerHints';
import { learnerHints, useDeferred } from './deferred';

/** The hints of the last run's error, once their code is in (nothing before, nothing without an error). */
export function LearnerHintsSlot(props: LearnerHintsProps) {
  const failed = props.current && props.record?.result.error !== undefined;
  const mod = useDeferred(learnerHints, failed, 'the hints');
  if (!failed || mod === null || mod === 'failed') return null;
  return <mod.LearnerHints {...props} />;
}
