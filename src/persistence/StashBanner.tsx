/**
 * The notice shown while the user's own work is set aside because a link or an example was opened
 * over it: "Back to my scenario" brings it back; "Forget it" discards it (an explicit choice:
 * until then the notice stays, so the work is never lost silently). Below it, "Recent work" lists
 * the other set-aside scenarios (kept.ts) with their titles and times, each to open or forget.
 * Titles come from links and files: they are shown as quoted data in their own bidi isolate, so a
 * right-to-left override in one cannot turn the sentence around it.
 */
import type { Scenario } from '../scenario/scenario';
import type { KeptMeta } from './kept';
import '../share/share.css';
import './stash.css';

/** Props of StashBanner. */
export interface StashBannerProps {
  /** The set-aside work (loadStash / decideOnLoad().stash); nothing renders when null. */
  stash: Scenario | null;
  /** What replaced it, for the sentence. */
  source?: 'link' | 'example' | 'import' | 'reset' | 'earlier' | 'reopened';
  /** Load the set-aside work (then clearStash and pushFragment). */
  onRestore: () => void;
  /** Discard the set-aside work (clearStash). */
  onDismiss: () => void;
  /** The other kept scenarios, newest first. */
  recent?: readonly KeptMeta[];
  onOpenRecent?: (id: string) => void;
  onForgetRecent?: (id: string) => void;
}

const OPENED: Record<NonNullable<StashBannerProps['source']>, string> = {
  link: 'You opened a shared link',
  example: 'You opened an example',
  import: 'You imported a file',
  reset: 'The playground was reset',
  // Set aside in an earlier visit (this page opened on the saved work).
  earlier: 'Another scenario was opened earlier',
  reopened: 'You went back to earlier work',
};

/** A title as quoted, isolated data. */
function Quoted({ text }: { text: string }) {
  return (
    <>
      “<bdi className="share-user-text">{text}</bdi>”
    </>
  );
}

function when(ms: number): string {
  if (!ms) return 'at an unknown time';
  return new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** "Your scenario was set aside — Back to my scenario", and the Recent work list. */
export function StashBanner({
  stash,
  source = 'link',
  onRestore,
  onDismiss,
  recent = [],
  onOpenRecent,
  onForgetRecent,
}: StashBannerProps) {
  if (!stash) return null;
  return (
    <div className="share-stash-banner" role="region" aria-label="Your previous scenario">
      <p>
        {OPENED[source]}; {stash.title ? <Quoted text={stash.title} /> : 'your previous scenario'} was kept.
      </p>
      <button type="button" className="share-button share-button--primary" onClick={onRestore}>
        Back to my scenario
      </button>
      <button type="button" className="share-button" title="Discard your previous scenario" onClick={onDismiss}>
        Forget it
      </button>
      {recent.length > 0 && (
        <details className="share-recent">
          <summary>Recent work ({recent.length} more)</summary>
          <ul aria-label="Recent work">
            {recent.map((m) => {
              const name = m.title || m.summary;
              return (
                <li key={m.id}>
                  <span className="share-recent__name">
                    <Quoted text={name} />
                  </span>{' '}
                  <span className="share-recent__when">
                    {m.reason === 'other-tab' ? 'saved in another tab' : 'set aside'} {when(m.savedAt)}
                  </span>
                  <button
                    type="button"
                    className="share-button"
                    aria-label={`Open “${name}”`}
                    onClick={() => onOpenRecent?.(m.id)}
                  >
                    Open
                  </button>
                  <button
                    type="button"
                    className="share-button"
                    aria-label={`Forget “${name}”`}
                    onClick={() => onForgetRecent?.(m.id)}
                  >
                    Forget
                  </button>
                </li>
              );
            })}
          </ul>
        </details>
      )}
    </div>
  );
}
