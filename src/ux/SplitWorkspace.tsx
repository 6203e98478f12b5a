/**
 * The workspace: editors, a divider, results. The divider is a keyboard-operable separator
 * (arrows, Shift+arrows, Home/End; double-click or Enter resets) and can be dragged; the width is
 * remembered per mode (single results or Compare). Below 960 px the columns stack and the divider goes.
 */
import { useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { readPref, writePref } from './prefs';
import './ux.css';

/** Editors' share of the workspace width, in percent. */
const SPLIT_MIN = 20;
const SPLIT_MAX = 70;
/** Defaults: about 500 px of editor at 1,280 px; narrower in Compare, where two result columns need room. */
const SPLIT_DEFAULT = { single: 40, compare: 28 } as const;

type Mode = keyof typeof SPLIT_DEFAULT;

const clamp = (n: number) => Math.round(Math.min(SPLIT_MAX, Math.max(SPLIT_MIN, n)));

function stored(mode: Mode): number {
  const n = Number(readPref(`split-${mode}`));
  return Number.isFinite(n) && n >= SPLIT_MIN && n <= SPLIT_MAX ? n : SPLIT_DEFAULT[mode];
}

/** Props of SplitWorkspace. */
export interface SplitWorkspaceProps {
  compare: boolean;
  /** Hidden while another view (Practice) takes the page. */
  hidden?: boolean;
  /** The editors column and the results column. */
  children: [ReactNode, ReactNode];
}

/** The two-column workspace with a resizable split. */
export function SplitWorkspace({ compare, hidden = false, children }: SplitWorkspaceProps) {
  const mode: Mode = compare ? 'compare' : 'single';
  const [shares, setShares] = useState<Record<Mode, number>>(() => ({
    single: stored('single'),
    compare: stored('compare'),
  }));
  const share = shares[mode];
  const main = useRef<HTMLElement>(null);
  const dragging = useRef(false);
  // Pointer moves are applied once per frame: each change relays out both columns.
  const pending = useRef<{ x: number; frame: number } | null>(null);

  const set = (n: number) => {
    const v = clamp(n);
    setShares((s) => (s[mode] === v ? s : { ...s, [mode]: v }));
    writePref(`split-${mode}`, String(v));
  };

  const onKey = (e: KeyboardEvent) => {
    const step = e.shiftKey ? 10 : 2;
    const next: Record<string, number> = {
      ArrowLeft: share - step,
      ArrowRight: share + step,
      Home: SPLIT_MIN,
      End: SPLIT_MAX,
      Enter: SPLIT_DEFAULT[mode],
    };
    if (!(e.key in next)) return;
    e.preventDefault();
    set(next[e.key]!);
  };

  const fromPointer = (e: PointerEvent) => {
    if (pending.current) {
      pending.current.x = e.clientX;
      return;
    }
    const frame = requestAnimationFrame(() => {
      const x = pending.current?.x ?? e.clientX;
      pending.current = null;
      applyPointer(x);
    });
    pending.current = { x: e.clientX, frame };
  };

  const applyPointer = (clientX: number) => {
    const el = main.current;
    if (!el) return;
    const style = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    const left = r.left + parseFloat(style.paddingLeft);
    const width = r.width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    if (width > 0) set(((clientX - left) / width) * 100);
  };

  return (
    <main
      ref={main}
      className="workspace split-workspace"
      hidden={hidden}
      style={hidden ? { display: 'none' } : { ['--editors-share' as string]: `${share}%` }}
    >
      {children[0]}
      {/* A focusable separator is a widget in ARIA (a window splitter), so it takes keys and focus. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions */}
      <div
        role="separator"
        aria-orientation="vertical"
        aria-label="Resize editors and results"
        aria-valuemin={SPLIT_MIN}
        aria-valuemax={SPLIT_MAX}
        aria-valuenow={share}
        aria-valuetext={`Editors ${share}% of the width`}
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
        className="split-handle"
        title="Drag, or focus and use the arrow keys (Enter: default width)"
        onKeyDown={onKey}
        onDoubleClick={() => set(SPLIT_DEFAULT[mode])}
        onPointerDown={(e) => {
          dragging.current = true;
          e.currentTarget.setPointerCapture(e.pointerId);
          e.preventDefault();
        }}
        onPointerMove={(e) => dragging.current && fromPointer(e)}
        onPointerUp={() => (dragging.current = false)}
        onPointerCancel={() => (dragging.current = false)}
      />
      {children[1]}
    </main>
  );
}
