/**
 * The notice shown while the user's own work is set aside because a link or an example was opened
 * over it: "Back to my scenario" brings it back; "Forget it" discards it (an explicit choice:
 * until then the notice stays, so the work is never lost silently).
 */
import type { Scenario } from '../scenario/scenario';
import './share.css';

/** Props of StashBanner. */
export interface StashBannerProps {
  /** The set-aside work (loadStash / decideOnLoad().stash); nothing renders when null. */
  stash: Scenario | null;
  /** What replaced it, for the sentence. */
  source?: 'link' | 'example' | 'import' | 'reset' | 'earlier';
  /** Load the set-aside work (then clearStash and pushFragment). */
  onRestore: () => void;
  /** Discard the set-aside work (clearStash). */
  onDismiss: () => void;
}

const OPENED: Record<NonNullable<StashBannerProps['source']>, string> = {
  link: 'You opened a shared link',
  example: 'You opened an example',
  import: 'You imported a file',
  reset: 'The playground was reset',
  // Set aside in an earlier visit (this page opened on the saved work).
  earlier: 'Another scenario was opened earlier',
};

/** "Your scenario was set aside — Back to my scenario". */
export function StashBanner({ stash, source = 'link', onRestore, onDismiss }: StashBannerProps) {
  if (!stash) return null;
  const name = stash.title ? `“${stash.title}”` : 'your previous scenario';
  return (
    <div className="share-stash-banner" role="region" aria-label="Your previous scenario">
      <p>
        {OPENED[source]}; {name} was kept.
      </p>
      <button type="button" className="share-button share-button--primary" onClick={onRestore}>
        Back to my scenario
      </button>
      <button type="button" className="share-button" title="Discard your previous scenario" onClick={onDismiss}>
        Forget it
      </button>
    </div>
  );
}
