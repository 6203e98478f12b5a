/**
 * The top bar's dialogs: Examples (mounted once opened, so its search and filters survive closing
 * it) and Share (which copies the link as it opens, and says whether that worked).
 */
import { startTransition, useState } from 'react';
import type { Scenario } from '../scenario/scenario';
import { copyShareLink } from '../share/shareLink';

/** Which dialog is open, and the moves between them. */
export function useDialogs(scenario: Scenario) {
  const [open, setOpen] = useState<'examples' | 'share' | null>(null);
  // Whether the Share click copied the link (null while copying).
  const [linkCopied, setLinkCopied] = useState<boolean | null>(null);
  const [examplesMounted, setExamplesMounted] = useState(false);
  return {
    open,
    linkCopied,
    examplesMounted,
    // A transition: the gallery renders in slices, not in one long task after the click.
    openExamples: () =>
      startTransition(() => {
        setExamplesMounted(true);
        setOpen('examples');
      }),
    openShare: () => {
      setLinkCopied(null);
      setOpen('share');
      void copyShareLink(scenario).then(setLinkCopied);
    },
    close: () => setOpen(null),
  };
}
