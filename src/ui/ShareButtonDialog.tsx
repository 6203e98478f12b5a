/** The Share dialog wired to the current scenario and its latest results. */
import { encodeScenario } from '../scenario/link';
import { scenarioMarkdown } from '../share/markdown';
import { addressWithFragment } from '../share/history';
import { ShareDialog } from '../share/ShareDialog';
import type { PlaygroundState } from '../state/store';
import { resultIsStale, shownDialects } from '../state/usePlayground';

/** Props of ShareButtonDialog. */
export interface ShareButtonDialogProps {
  open: boolean;
  onClose(): void;
  state: PlaygroundState;
  onExport(): void;
}

/** Share: the full `#s1/` link (it keeps working even if an example changes later), and Markdown. */
export function ShareButtonDialog({ open, onClose, state, onExport }: ShareButtonDialogProps) {
  if (!open) return null;
  const url = addressWithFragment(encodeScenario(state.scenario));
  const markdown = () => {
    const results = shownDialects(state.scenario)
      .filter((d) => state.results[d] && !resultIsStale(state, d))
      .map((d) => state.results[d]!.result);
    return scenarioMarkdown(state.scenario, url, results);
  };
  return <ShareDialog open={open} onClose={onClose} url={url} markdown={markdown} onExport={onExport} />;
}
