/** The Share dialog wired to the current scenario and its latest results. */
import { scenarioMarkdown } from '../share/markdown';
import { ShareDialog } from '../share/ShareDialog';
import { shareLink } from '../share/shareLink';
import type { PlaygroundState } from '../state/store';
import { resultIsStale, shownDialects } from '../state/usePlayground';

/** Props of ShareButtonDialog. */
export interface ShareButtonDialogProps {
  open: boolean;
  onClose: () => void;
  state: PlaygroundState;
  onExport: () => void;
  /** Whether the click that opened the dialog copied the link (null: not known yet). */
  linkCopied: boolean | null;
}

/** Share: the full `#s1/` link (it keeps working even if an example changes later), and Markdown. */
export function ShareButtonDialog({ open, onClose, state, onExport, linkCopied }: ShareButtonDialogProps) {
  if (!open) return null;
  const url = shareLink(state.scenario);
  const markdown = () => {
    const results = shownDialects(state.scenario)
      .filter((d) => state.results[d] && !resultIsStale(state, d))
      .map((d) => state.results[d]!.result);
    return scenarioMarkdown(state.scenario, url, results);
  };
  return (
    <ShareDialog
      open={open}
      onClose={onClose}
      url={url}
      markdown={markdown}
      onExport={onExport}
      linkCopied={linkCopied}
      scenario={state.scenario}
    />
  );
}
