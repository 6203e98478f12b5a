/**
 * The request/reply half of talking to an engine worker: request ids, the requests waiting for a
 * reply, and each reply matched to its request. It outlives any one worker, so that the requests
 * still waiting when a worker is replaced can be posted again to the new one.
 */
import type { FromWorker, ToWorker } from './protocol.ts';

/** A request that carries an id (everything but 'init'). */
export type Request = Exclude<ToWorker, { type: 'init' } | { type: 'dataset' }>;

/** A request waiting for its reply. */
export interface Pending {
  resolve: (msg: FromWorker) => void;
  /** The request, to hand it to a replacement worker. */
  msg: Request;
  /** Its time limit, armed when the worker says it started. */
  limitMs?: number;
  /** Time added to the limit when it was armed (the first request on a new worker). */
  graceMs?: number;
  timer?: ReturnType<typeof setTimeout>;
}

/** Requests to one engine's worker(s). */
export class WorkerRpc {
  private nextId = 1;
  private pending = new Map<number, Pending>();

  /** A fresh request id. */
  id(): number {
    return this.nextId++;
  }

  /** How many requests wait for a reply. */
  get size(): number {
    return this.pending.size;
  }

  /** The waiting request with this id. */
  get(id: number): Pending | undefined {
    return this.pending.get(id);
  }

  /** Ids of the waiting requests, oldest first. */
  ids(): number[] {
    return [...this.pending.keys()];
  }

  /** Post `msg` to `worker`; resolves with its reply (or with the fatal message that gives it up). */
  request(worker: Worker, msg: Request, limitMs?: number): Promise<FromWorker> {
    return new Promise((resolve) => {
      this.pending.set(msg.id, { resolve, msg, ...(limitMs !== undefined ? { limitMs } : {}) });
      worker.postMessage(msg);
    });
  }

  /** Answer the request `id` (its reply, or a fatal stand-in) and forget it; false when none waits. */
  settle(id: number, reply: FromWorker): boolean {
    const p = this.pending.get(id);
    if (!p) return false; // a reply for a request that was stopped: dropped
    if (p.timer) clearTimeout(p.timer);
    this.pending.delete(id);
    p.resolve(reply);
    return true;
  }

  /** Give up every waiting request with a fatal message. */
  failAll(message: string): void {
    for (const id of this.ids()) this.settle(id, { type: 'fatal', id, message });
  }

  /** Post every waiting request again, to a worker that replaced the one they were sent to. */
  repost(worker: Worker): void {
    for (const p of this.pending.values()) {
      if (p.timer) clearTimeout(p.timer);
      delete p.timer;
      worker.postMessage(p.msg);
    }
  }
}
