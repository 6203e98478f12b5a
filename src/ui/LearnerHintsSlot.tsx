/** Where the learner hints go: their code (ui/LearnerHints) loads only once a run has failed. */
import type { LearnerHintsProps } from './LearnerHints';
import { useLazyModule } from '../lib/useLazyModule';
import { learnerHints } from './deferred';

/** The hints of the last run's error, once their code is in (nothing before, nothing without an error). */
export function LearnerHintsSlot(props: LearnerHintsProps) {
  const failed = props.current && props.record?.result.error !== undefined;
  const mod = useLazyModule(learnerHints, failed, 'the hints');
  if (!failed || mod === null || mod === 'failed') return null;
  return <mod.LearnerHints {...props} />;
}
