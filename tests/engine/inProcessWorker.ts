/**
 * A stand-in for a Web Worker that serves a real engine in this process through the production
 * worker code (serveEngine), so that EngineClient's restarts can be tested in Node on the real
 * engines. Messages cross asynchronously, as between a page and a worker; terminate() cuts both
 * directions and closes the engine.
 */
import type { FromWorker, ToWorker } from '../../src/engine/protocol';
import { serveEngine, type HostedEngine, type InitOptions } from '../../src/engine/workerHost';

export class InProcessWorker {
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  private listener: ((e: MessageEvent<ToWorker>) => void) | null = null;
  private terminated = false;
  private engine: Promise<HostedEngine> | null = null;
  /** Every message this worker posted to the page. */
  readonly posted: FromWorker[] = [];

  constructor(create: (init: InitOptions) => Promise<HostedEngine>) {
    serveEngine((init) => (this.engine = create(init)), {
      postMessage: (msg) => {
        if (this.terminated) return;
        this.posted.push(msg);
        setTimeout(() => {
          if (!this.terminated) this.onmessage?.({ data: msg } as MessageEvent<FromWorker>);
        });
      },
      addEventListener: (_type, cb) => (this.listener = cb),
    });
  }

  postMessage(msg: ToWorker): void {
    setTimeout(() => {
      if (!this.terminated) this.listener?.({ data: msg } as MessageEvent<ToWorker>);
    });
  }

  terminate(): void {
    this.terminated = true;
    void this.engine?.then((e) => e.close()).catch(() => undefined);
  }
}
