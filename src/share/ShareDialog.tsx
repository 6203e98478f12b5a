/**
 * The Share dialog: says whether the click that opened it copied the link, shows the link selectable
 * with its length, warns when it is too long for chat apps, and copies Markdown for an issue or a
 * Q&A post.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { Scenario } from '../scenario/scenario';
import { copyText } from '../lib/clipboard';
import { EmbedPanel } from './EmbedPanel';
import { ModalDialog } from '../ui/ModalDialog';
import './share.css';
import './shareDialog.css';

/** Links longer than this get a warning: chat apps and some mail clients cut them. */
export const LONG_LINK_CHARS = 2000;

/** GitHub's limit for an issue or comment body, in characters. */
const LONG_MARKDOWN_CHARS = 65_536;

/** Props of ShareDialog. */
export interface ShareDialogProps {
  open: boolean;
  onClose: () => void;
  /** The full link to the scenario (page address + `#s1/…`). */
  url: string;
  /** Builds the Markdown on demand (it may be large). */
  markdown: () => string;
  /** Offered next to the long-link warning when given (e.g. download the scenario as JSON). */
  onExport?: () => void;
  /**
   * Whether the click that opened the dialog copied the link (see copyShareLink): true, false
   * (refused: the link is shown selected), or null/absent (not tried, or not finished yet).
   */
  linkCopied?: boolean | null;
  /** The scenario, for the "Embed" tab (no tab without it). */
  scenario?: Scenario;
}

type Status =
  | { kind: 'idle' }
  | { kind: 'copied'; what: 'link' | 'markdown'; chars?: number }
  | { kind: 'failed'; what: 'link' | 'markdown' }
  | { kind: 'error'; message: string };

/** The Share dialog. Its content mounts on each opening, so nothing said last time stays. */
export function ShareDialog(props: ShareDialogProps) {
  const { open, onClose } = props;
  const titleId = useId();
  return (
    <ModalDialog open={open} onClose={onClose} labelledBy={titleId} className="share-dialog">
      <ShareContent {...props} titleId={titleId} />
    </ModalDialog>
  );
}

function ShareContent({
  onClose,
  url,
  markdown,
  onExport,
  linkCopied = null,
  titleId,
  scenario,
}: ShareDialogProps & { titleId: string }) {
  const [tab, setTab] = useState<'link' | 'embed'>('link');
  const tabIds = { link: useId(), embed: useId(), panel: useId() };
  // What the dialog's own buttons did; until then, what the opening click did.
  const [pressed, setStatus] = useState<Status | null>(null);
  const status: Status =
    pressed ?? (linkCopied === null ? { kind: 'idle' } : { kind: linkCopied ? 'copied' : 'failed', what: 'link' });
  const [markdownText, setMarkdownText] = useState<string | null>(null);
  const linkRef = useRef<HTMLInputElement>(null);
  const mdRef = useRef<HTMLTextAreaElement>(null);
  const ids = { title: titleId, link: useId(), length: useId(), md: useId() };
  const long = url.length > LONG_LINK_CHARS;

  const copyLink = async () => {
    const ok = await copyText(url);
    setStatus({ kind: ok ? 'copied' : 'failed', what: 'link' });
    if (!ok) selectAll(linkRef.current);
  };
  const copyMarkdown = async () => {
    let text: string;
    try {
      text = markdown();
    } catch (e) {
      // Never leave an earlier "Link copied" standing when the Markdown could not even be written.
      setStatus({
        kind: 'error',
        message: `The Markdown could not be written (${e instanceof Error ? e.message : String(e)}). Share the link or export a file instead.`,
      });
      setMarkdownText(null);
      return;
    }
    const ok = await copyText(text);
    setStatus(ok ? { kind: 'copied', what: 'markdown', chars: text.length } : { kind: 'failed', what: 'markdown' });
    // Where the clipboard is refused, the Markdown is shown selected so it can be copied by hand.
    setMarkdownText(ok ? null : text);
  };

  // Unless the link is known to be on the clipboard, it is shown selected, ready for Ctrl+C.
  useEffect(() => {
    if (linkCopied !== true) selectAll(linkRef.current);
  }, [linkCopied, url]);

  useEffect(() => {
    if (markdownText !== null) selectAll(mdRef.current);
  }, [markdownText]);

  const message =
    status.kind === 'copied'
      ? status.what === 'link'
        ? 'Link copied to the clipboard.'
        : markdownCopied(status.chars ?? 0)
      : status.kind === 'error'
        ? status.message
        : status.kind === 'failed'
          ? `The browser did not allow copying. The ${status.what === 'link' ? 'link' : 'Markdown'} is selected below: press Ctrl+C (⌘C on a Mac) to copy it.`
          : '';

  return (
    <>
      <h2 id={ids.title} className="share-dialog__title">
        Share this scenario
      </h2>
      {scenario && (
        <div role="tablist" aria-label="Share as" className="share-tabs">
          {(['link', 'embed'] as const).map((t) => (
            <button
              key={t}
              type="button"
              role="tab"
              id={tabIds[t]}
              aria-selected={tab === t}
              aria-controls={tabIds.panel}
              tabIndex={tab === t ? 0 : -1}
              className="share-tab"
              onClick={() => setTab(t)}
              onKeyDown={(e) => {
                if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
                const next = t === 'link' ? 'embed' : 'link';
                setTab(next);
                document.getElementById(tabIds[next])?.focus();
              }}
            >
              {t === 'link' ? 'Link' : 'Embed'}
            </button>
          ))}
        </div>
      )}
      <div id={tabIds.panel} role={scenario ? 'tabpanel' : undefined} className="share-panel">
        {tab === 'embed' && scenario ? (
          <EmbedPanel scenario={scenario} />
        ) : (
          <>
            <div className="share-field">
              <label htmlFor={ids.link}>Link</label>
              <div className="share-row">
                <input
                  id={ids.link}
                  ref={linkRef}
                  className="share-link-input"
                  type="text"
                  readOnly
                  value={url}
                  aria-describedby={ids.length}
                  spellCheck={false}
                  onFocus={(e) => e.currentTarget.select()}
                />
                <button type="button" className="share-button share-button--primary" onClick={() => void copyLink()}>
                  Copy link
                </button>
              </div>
              <p id={ids.length} className={long ? 'share-length share-length--long' : 'share-length'}>
                {url.length.toLocaleString('en')} characters
              </p>
            </div>
            {long && (
              <div className="share-warning" role="note">
                <p>
                  This link is longer than {LONG_LINK_CHARS.toLocaleString('en')} characters: chat apps and some mail
                  clients cut long links, and a cut link does not open. Copy Markdown instead (it carries the SQL
                  itself), or export the scenario as a file and send that.
                </p>
                {onExport && (
                  <button type="button" className="share-button" onClick={onExport}>
                    Export JSON
                  </button>
                )}
              </div>
            )}
            <div className="share-row">
              <button type="button" className="share-button" onClick={() => void copyMarkdown()}>
                Copy Markdown
              </button>
              <span className="share-hint">
                A link plus the SQL and the Before / After tables, for an issue or a Q&amp;A post.
              </span>
            </div>
            {markdownText !== null && (
              <div className="share-field">
                <label htmlFor={ids.md}>Markdown</label>
                <textarea
                  id={ids.md}
                  ref={mdRef}
                  className="share-markdown"
                  readOnly
                  value={markdownText}
                  rows={8}
                  spellCheck={false}
                />
              </div>
            )}
            <p
              role="status"
              className={
                status.kind === 'failed' || status.kind === 'error'
                  ? 'share-status share-status--failed'
                  : 'share-status'
              }
            >
              {message}
            </p>
          </>
        )}
      </div>
      <div className="share-actions">
        <button type="button" className="share-button" onClick={onClose}>
          Close
        </button>
      </div>
    </>
  );
}

function markdownCopied(chars: number): string {
  const size = `${chars.toLocaleString('en')} characters`;
  return chars > LONG_MARKDOWN_CHARS
    ? `Markdown copied to the clipboard (${size}): longer than a GitHub issue or comment allows (${LONG_MARKDOWN_CHARS.toLocaleString('en')}); share the link or the exported file instead.`
    : `Markdown copied to the clipboard (${size}).`;
}

function selectAll(el: HTMLInputElement | HTMLTextAreaElement | null): void {
  if (!el) return;
  el.focus();
  el.select();
}
