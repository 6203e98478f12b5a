/**
 * An embed's options, read from its address: the query string and/or the fragment after the
 * scenario (`embed.html?theme=dark#s1/…&run=load`; the fragment wins). Documented in docs/EMBED.md.
 * An unknown option, or a value not understood, is ignored (the query's value or the default
 * stands): an embed never fails over an option.
 */
import type { Dialect } from '../engine/types';

/** Everything an embed can be told. */
export interface EmbedOptions {
  /** Dialects offered, the first shown first; the switch appears when there are two. Null: the scenario's own. */
  dialects: Dialect[] | null;
  readOnly: boolean;
  /** The setup editor: behind a closed "Setup" disclosure (default), open, or not shown. */
  setup: 'collapsed' | 'shown' | 'hidden';
  /** Run when the embed loads, or only on Run (default: an article with ten embeds starts no engine). */
  run: 'click' | 'load';
  theme: 'auto' | 'light' | 'dark';
  /** Maximum height in CSS pixels (the embed scrolls inside beyond it). */
  maxHeight: number | null;
  /** Told back in every message to the host page, so a page with several embeds can match them. */
  id: string | null;
  /** The scenario comes from the host page (embed.js), by postMessage, instead of the fragment. */
  fromHost: boolean;
}

/** The defaults. */
const DEFAULT_OPTIONS: EmbedOptions = {
  dialects: null,
  readOnly: false,
  setup: 'collapsed',
  run: 'click',
  theme: 'auto',
  maxHeight: null,
  id: null,
  fromHost: false,
};

/** The scenario part of a fragment (`s1/…` or `example/ID`) and its options. */
export function splitFragment(hash: string): { scenario: string; options: URLSearchParams } {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  const amp = body.indexOf('&');
  // A fragment of options alone (`#run=load`) has no scenario part.
  if (amp < 0)
    return body.includes('=')
      ? { scenario: '', options: new URLSearchParams(body) }
      : { scenario: body, options: new URLSearchParams() };
  const head = body.slice(0, amp);
  if (head.includes('=')) return { scenario: '', options: new URLSearchParams(body) };
  return { scenario: head, options: new URLSearchParams(body.slice(amp + 1)) };
}

const TRUE = new Set(['', '1', 'true', 'yes', 'on']);
const FALSE = new Set(['0', 'false', 'no', 'off']);

/** A yes/no value, or `current` when `v` is neither. */
const flag = (v: string, current: boolean): boolean => (TRUE.has(v) ? true : FALSE.has(v) ? false : current);

function dialectList(v: string): Dialect[] | null {
  const out: Dialect[] = [];
  for (const part of v.split(/[,\s]+/)) {
    const d = part === 'postgresql' || part === 'pg' ? 'postgres' : part;
    if ((d === 'sqlite' || d === 'postgres') && !out.includes(d)) out.push(d);
  }
  return out.length ? out : null;
}

/** Options from a query string and a fragment's option part (the fragment's win). */
export function parseOptions(search: string, fragmentOptions: URLSearchParams = new URLSearchParams()): EmbedOptions {
  const o: EmbedOptions = { ...DEFAULT_OPTIONS };
  const query = new URLSearchParams(search);
  for (const params of [query, fragmentOptions]) {
    for (const [rawKey, value] of params) {
      const key = rawKey.toLowerCase().replace(/[-_]/g, '');
      const v = value.trim().toLowerCase();
      if (key === 'dialect' || key === 'dialects') o.dialects = dialectList(v) ?? o.dialects;
      else if (key === 'readonly') o.readOnly = flag(v, o.readOnly);
      else if (key === 'setup' && (v === 'collapsed' || v === 'shown' || v === 'hidden')) o.setup = v;
      else if (key === 'run' && (v === 'click' || v === 'load')) o.run = v;
      else if (key === 'theme' && (v === 'auto' || v === 'light' || v === 'dark')) o.theme = v;
      else if (key === 'maxheight') {
        const n = Number.parseInt(v, 10);
        o.maxHeight = Number.isFinite(n) && n >= 120 ? Math.min(n, 10_000) : o.maxHeight;
      } else if (key === 'id') o.id = value.slice(0, 100);
      else if (key === 'host') o.fromHost = flag(v, o.fromHost);
    }
  }
  return o;
}

/** The option part of an address for `o` (only what differs from the defaults), as `k=v&…`. */
export function optionsQuery(o: Partial<EmbedOptions>): string {
  const p = new URLSearchParams();
  if (o.dialects?.length) p.set('dialect', o.dialects.join(','));
  if (o.readOnly) p.set('readonly', '1');
  if (o.setup && o.setup !== 'collapsed') p.set('setup', o.setup);
  if (o.run === 'load') p.set('run', 'load');
  if (o.theme && o.theme !== 'auto') p.set('theme', o.theme);
  if (o.maxHeight) p.set('maxheight', String(o.maxHeight));
  return p.toString().replace(/%2C/g, ',');
}
