/**
 * The page's handles on the values a run showed cut (RunResult.cut). The engine numbers the cut
 * values of each run from 1 and keeps them only until its next run, and a replaced worker starts
 * numbering again: an id kept from an older result would fetch some other value. So each cut cell
 * gets an id of the page's own, valid while its run is the latest the engine was sent; fetching
 * any other gives null (the value is gone).
 */
import type { FromWorker } from './protocol.ts';
import type { RunResult, Value } from './types.ts';

export class CutValues {
  private next = 1;
  /** Runs sent to the engine (the last one's values are the ones it keeps). */
  private runs = 0;
  /** Workers replaced: a reply from a worker that has gone is not the value asked for. */
  private workers = 0;
  /** The latest run's cut values: page id → the engine's id. */
  private latest = new Map<number, number>();

  /** A run is sent: the engine forgets the values of the one before. Returns its number. */
  sent(): number {
    this.latest.clear();
    return ++this.runs;
  }

  /** The worker was replaced: the values it kept are gone. */
  replaced(): void {
    this.latest.clear();
    this.workers++;
  }

  /** Give the cut cells of run `run` the page's ids, in place (fetchable when it is still the latest). */
  adopt(r: RunResult, run: number): void {
    if (!r.cut) return;
    const fetchable = run === this.runs && !r.restart;
    const ids = new Map<number, number>();
    for (const cell of r.cut) {
      let id = ids.get(cell.id);
      if (id === undefined) {
        id = this.next++;
        ids.set(cell.id, id);
        if (fetchable) this.latest.set(id, cell.id);
      }
      cell.id = id;
    }
  }

  /** The whole value of cut cell `id` through `ask` (the engine's id → its reply); null when gone. */
  async fetch(id: number, ask: (cut: number) => Promise<FromWorker>): Promise<Value | null> {
    const cut = this.latest.get(id);
    if (cut === undefined) return null;
    const workers = this.workers;
    const reply = await ask(cut);
    return reply.type === 'valued' && workers === this.workers ? reply.value : null;
  }
}
