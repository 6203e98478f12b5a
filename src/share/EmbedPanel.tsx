/**
 * The Share dialog's "Embed" tab: the `<iframe>` snippet and the `<pre>` snippet for the current
 * scenario (see docs/EMBED.md), each with a Copy button, and a live preview of the embed.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { optionsQuery } from '../embed/options';
import { DIALECT_LABEL, type Dialect } from '../engine/types';
import { encodeScenario } from '../scenario/link';
import type { Scenario } from '../scenario/scenario';
import { copyText } from '../lib/clipboard';

/** Where the site is served (this page's address without file name, query or fragment). */
function siteBase(): string {
  return new URL('./', window.location.href.replace(/[?#].*$/, '')).href;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The three things the tab shows, for a scenario and the chosen options. */
function embedSnippets(scenario: Scenario, base: string, o: { switchDialects: boolean; runOnLoad: boolean }) {
  const d: Dialect = scenario.dialect;
  const other: Dialect = d === 'sqlite' ? 'postgres' : 'sqlite';
  const query = optionsQuery({
    dialects: o.switchDialects ? [d, other] : undefined,
    run: o.runOnLoad ? 'load' : 'click',
  });
  const src = `${base}embed.html#${encodeScenario(scenario)}${query ? `&${query}` : ''}`;
  const title = scenario.title ?? 'a runnable SQL upsert';
  const script = `<script src="${base}embed.js" async></script>`;
  const iframe = `<iframe src="${escapeHtml(src)}" title="Upsert Playground: ${escapeHtml(title)}" data-upsert-playground loading="lazy" style="display:block;width:100%;height:360px;border:0"></iframe>\n${script}`;
  const attrs = [
    `data-dialect="${o.switchDialects ? `${d},${other}` : d}"`,
    scenario.title ? `data-title="${escapeHtml(scenario.title)}"` : '',
    o.runOnLoad ? 'data-run="load"' : '',
  ].filter(Boolean);
  const { setup, statement } = scenario[d];
  const body = `${setup.trim() ? `${setup.trimEnd()}\n-- @statement\n` : ''}${statement.trim()}`;
  const pre = `<pre data-upsert-playground ${attrs.join(' ')}>\n${escapeHtml(body)}\n</pre>\n${script}`;
  return { src, iframe, pre };
}

/** The Embed tab's content. */
export function EmbedPanel({ scenario }: { scenario: Scenario }) {
  const [switchDialects, setSwitch] = useState(false);
  const [runOnLoad, setRunOnLoad] = useState(false);
  const [copied, setCopied] = useState<string>('');
  const [height, setHeight] = useState(240);
  const preview = useRef<HTMLIFrameElement>(null);
  const ids = { iframe: useId(), pre: useId() };
  const s = embedSnippets(scenario, siteBase(), { switchDialects, runOnLoad });

  // The preview grows with its content, as embed.js makes embeds grow on other pages.
  useEffect(() => {
    const onMessage = (e: MessageEvent) => {
      const m = e.data as { source?: unknown; type?: unknown; height?: unknown } | null;
      if (e.source !== preview.current?.contentWindow || m?.source !== 'upsert-playground') return;
      if (m.type === 'resize' && typeof m.height === 'number') setHeight(Math.min(Math.max(m.height, 120), 640));
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, []);

  const copy = async (what: string, text: string) => {
    const ok = await copyText(text);
    setCopied(
      ok ? `${what} copied to the clipboard.` : `The browser did not allow copying: select the ${what} and copy it.`,
    );
  };

  return (
    <div className="embed-panel">
      <p className="share-hint">
        Put this scenario in a blog post or docs page: readers edit the statement and press Run; nothing runs until they
        do{runOnLoad ? ' (unless it runs on load)' : ''}. See docs/EMBED.md for every option.
      </p>
      <div className="embed-options">
        <label>
          <input type="checkbox" checked={switchDialects} onChange={(e) => setSwitch(e.target.checked)} /> Let readers
          switch to {DIALECT_LABEL[scenario.dialect === 'sqlite' ? 'postgres' : 'sqlite']}
        </label>
        <label>
          <input type="checkbox" checked={runOnLoad} onChange={(e) => setRunOnLoad(e.target.checked)} /> Run when the
          page loads
        </label>
      </div>
      <div className="share-field">
        <label htmlFor={ids.iframe}>iframe snippet</label>
        <textarea id={ids.iframe} className="share-markdown" readOnly rows={3} value={s.iframe} spellCheck={false} />
        <button type="button" className="share-button" onClick={() => void copy('iframe snippet', s.iframe)}>
          Copy iframe snippet
        </button>
      </div>
      <div className="share-field">
        <label htmlFor={ids.pre}>&lt;pre&gt; snippet</label>
        <textarea id={ids.pre} className="share-markdown" readOnly rows={5} value={s.pre} spellCheck={false} />
        <button type="button" className="share-button" onClick={() => void copy('<pre> snippet', s.pre)}>
          Copy &lt;pre&gt; snippet
        </button>
        <p className="share-hint">
          The &lt;pre&gt; carries the {DIALECT_LABEL[scenario.dialect]} SQL as text your page shows without script;
          embed.js turns it into the embed.
        </p>
      </div>
      <p role="status" className="share-status">
        {copied}
      </p>
      <h3 className="embed-preview-title">Preview</h3>
      <iframe
        ref={preview}
        className="embed-preview"
        title="Embed preview"
        key={s.src}
        src={s.src}
        style={{ height }}
      />
    </div>
  );
}
