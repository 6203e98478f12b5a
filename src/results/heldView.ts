/**
 * The results view's side of tables held in the engine's worker (engine/heldRows.ts): ResultsView
 * provides how to ask the engine that ran for rows; a table asks for the rows it is about to show,
 * a chunk at a time, and renders again when they arrive.
 */
import { createContext, useCallback, useContext, useMemo, useRef, useState } from 'react';
import { present } from '../engine/heldRows';
import type { HeldRequest } from '../engine/heldRows';
import type { RunResult, TableDiff } from '../engine/types';
import { EnginesContext } from '../state/engineContext';

/** Put rows `from`..`to` of a held table's part into its arrays (EngineClient.fillHeld). */
type Fill = (
  t: TableDiff,
  part: HeldRequest['part'],
  from: number,
  to: number,
) => Promise<'filled' | 'gone' | 'replaced'>;

/** How the tables of the result shown ask for held rows; null outside a result. */
export const HeldRowsContext = createContext<Fill | null>(null);

/** Asking `result`'s engine for held rows. */
export function useResultHeld(result: RunResult): Fill | null {
  const client = useContext(EnginesContext)?.[result.dialect];
  return useMemo(() => (client ? (t, part, from, to) => client.fillHeld(t, part, from, to) : null), [client]);
}

/** Rows asked for at once: a chunk around what the table shows, so scrolling seldom waits. */
const CHUNK = 1_000;

/** What a held table's view needs: ask for a range, re-render on arrival, and whether the rows are gone. */
export interface HeldView {
  /** Ask for entries `from`..`to` of the After view ('changes') or of Before (no-op when present). */
  want: (part: 'changes' | 'before', from: number, to: number) => void;
  /** The engine no longer holds this table's rows (it ran again, or was restarted). */
  gone: boolean;
}

export function useHeldView(diff: TableDiff): HeldView {
  const fill = useContext(HeldRowsContext);
  const [, setArrived] = useState(0);
  const [gone, setGone] = useState<TableDiff | null>(null);
  // Chunks asked for, per table (a WeakMap: an old result's rows are not kept alive by it).
  const asked = useRef(new WeakMap<TableDiff, Set<string>>());
  const want = useCallback(
    (part: 'changes' | 'before', from: number, to: number) => {
      if (!diff.held) return;
      const list = part === 'changes' ? diff.changes : (diff.before?.rows ?? []);
      if (present(list, from, to)) return;
      if (!fill) {
        setGone(diff);
        return;
      }
      let keys = asked.current.get(diff);
      if (!keys) asked.current.set(diff, (keys = new Set()));
      for (let start = Math.floor(from / CHUNK) * CHUNK; start < to; start += CHUNK) {
        const key = `${part}:${start}`;
        if (keys.has(key) || present(list, start, start + CHUNK)) continue;
        keys.add(key);
        void fill(diff, part, start, start + CHUNK).then((answer) => {
          if (answer === 'filled') setArrived((n) => n + 1);
          // 'replaced': a run's result is on its way to take this table's place; until then the
          // rows stay "Loading…" rather than saying they are gone.
          else if (answer === 'gone') setGone(diff);
        });
      }
    },
    [diff, fill],
  );
  return { want, gone: gone === diff };
}
