/**
 * Practice (loaded on first use): the path of exercises or one exercise, on the app's current
 * dialect. Progress is stored under Practice's own key; the playground's work is never touched,
 * except by "Open in playground", which loads the attempt the way an imported file is loaded.
 */
import type { Dialect } from '../engine/types';
import type { Scenario } from '../scenario/scenario';
import { ExercisePage } from './ExercisePage';
import { findExercise } from './exercises';
import { PathView } from './PathView';
import { useProgress } from './useProgress';
import './practice.css';

/** Props of PracticeView. */
export interface PracticeViewProps {
  /** '' for the path, else an exercise id. */
  id: string;
  dialect: Dialect;
  onDialect: (d: Dialect) => void;
  onGo: (id: string | null) => void;
  onClose: () => void;
  onOpenInPlayground: (s: Scenario) => void;
  /** Monaco may replace the plain editor (after the playground's first result). */
  enhanced: boolean;
}

/** The Practice page. */
export default function PracticeView({
  id,
  dialect,
  onDialect,
  onGo,
  onClose,
  onOpenInPlayground,
  enhanced,
}: PracticeViewProps) {
  const store = useProgress();
  const ex = id ? findExercise(id) : undefined;
  return (
    <main className="practice" aria-label="Practice">
      <p className="practice-leave">
        <button type="button" className="link-button" onClick={onClose}>
          Back to the playground
        </button>
      </p>
      {id && !ex && (
        <p className="banner banner-error" role="alert">
          There is no exercise called "{id.slice(0, 80)}". Here is the whole path.
        </p>
      )}
      {ex ? (
        <ExercisePage
          key={`${ex.id}:${dialect}`}
          ex={ex}
          dialect={dialect}
          onDialect={onDialect}
          store={store}
          onGo={onGo}
          onOpenInPlayground={onOpenInPlayground}
          enhanced={enhanced}
        />
      ) : (
        <PathView dialect={dialect} store={store} onGo={onGo} />
      )}
    </main>
  );
}
