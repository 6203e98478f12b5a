/** Task and hint text: `backticks` become code. */
import type { ReactNode } from 'react';

/** Render `text` with its `code` spans. */
export function Prose({ text }: { text: string }) {
  const parts: ReactNode[] = text
    .split(/(`[^`]+`)/)
    .map((p, i) => (p.startsWith('`') && p.endsWith('`') && p.length > 1 ? <code key={i}>{p.slice(1, -1)}</code> : p));
  return <>{parts}</>;
}
