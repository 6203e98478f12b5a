/**
 * The page's engine client and its 'init' hand-over: a compiled wasm module goes to the worker
 * with 'init'; a browser that cannot post one still starts the worker (without it); a failed
 * compile also starts it without. The worker here is a stand-in that records what it is sent.
 */
import { describe, expect, it, vi } from 'vitest';
import { EngineClient, WARM_UP_GRACE_MS } from '../../src/engine/client';
import type { ToWorker } from '../../src/engine/protocol';

class RecordingWorker {
  sent: ToWorker[] = [];
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  constructor(private readonly refuseModules = false) {}
  postMessage(msg: ToWorker): void {
    if (this.refuseModules && msg.type === 'init' && msg.wasmModule)
      throw new DOMException('could not be cloned', 'DataCloneError');
    this.sent.push(msg);
  }
  terminate(): void {}
  /** Reply as the worker would once its engine is up. */
  ready(): void {
    this.onmessage?.({
      data: { type: 'ready', dialect: 'sqlite', version: 'SQLite test', startupMs: 1, fromSnapshot: false },
    } as MessageEvent);
  }
}

/** A run's result with nothing in it, as a worker would send it. */
const EMPTY_RESULT = {
  dialect: 'sqlite',
  engineVersion: 'SQLite test',
  ok: true,
  setup: [],
  statements: [],
  notRun: [],
  tables: [],
  notes: [],
  timings: { reset: 0, setup: 0, before: 0, statements: 0, after: 0, diff: 0, total: 0 },
};

// The smallest valid wasm module (magic number and version).
const module = new WebAssembly.Module(new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]));

async function startWith(worker: RecordingWorker, wasm?: () => Promise<WebAssembly.Module | null>): Promise<ToWorker> {
  const client = new EngineClient('sqlite', () => worker as unknown as Worker, undefined, wasm);
  const started = client.start();
  await expect.poll(() => worker.sent.length).toBe(1);
  worker.ready();
  await started;
  expect(client.info.status).toBe('ready');
  return worker.sent[0]!;
}

describe('EngineClient init', () => {
  it('hands the compiled module over with init', async () => {
    const init = await startWith(new RecordingWorker(), async () => module);
    expect(init).toEqual({ type: 'init', wasmModule: module });
  });

  it('starts the worker without the module when the browser cannot post one', async () => {
    const init = await startWith(new RecordingWorker(true), async () => module);
    expect(init).toEqual({ type: 'init' });
  });

  it('starts the worker without the module when compiling failed', async () => {
    expect(await startWith(new RecordingWorker(), async () => null)).toEqual({ type: 'init' });
    expect(await startWith(new RecordingWorker(), () => Promise.reject(new Error('offline')))).toEqual({
      type: 'init',
    });
  });

  it('posts a run at once, before the engine is ready, and resolves with its result', async () => {
    const worker = new RecordingWorker();
    const client = new EngineClient(
      'sqlite',
      () => worker as unknown as Worker,
      undefined,
      async () => module,
    );
    const run = client.run({ setup: 'CREATE TABLE t (a);', statement: 'SELECT 1;' }, 5000);
    // The run is posted right away; init follows once the module is there.
    expect(worker.sent[0]).toMatchObject({ type: 'run', input: { setup: 'CREATE TABLE t (a);' } });
    await expect.poll(() => worker.sent.some((m) => m.type === 'init')).toBe(true);
    worker.ready();
    const id = (worker.sent[0] as { id: number }).id;
    const result = EMPTY_RESULT;
    worker.onmessage?.({ data: { type: 'result', id, json: JSON.stringify(result) } } as MessageEvent);
    expect(await run).toEqual(result);
  });
});

describe('EngineClient time limit', () => {
  const input = { setup: 'CREATE TABLE t (a);', statement: 'SELECT 1;' };
  const started = (worker: RecordingWorker, id: number) =>
    worker.onmessage?.({ data: { type: 'started', id } } as MessageEvent);

  it('gives the first run on a worker that compiles its own wasm the warm-up grace, and says so; later runs get the bare limit', async () => {
    vi.useFakeTimers();
    try {
      const workers: RecordingWorker[] = [];
      const client = new EngineClient('postgres', () => {
        workers.push(new RecordingWorker());
        return workers.at(-1) as unknown as Worker;
      });
      const first = client.run(input, 1000);
      const w = workers[0]!;
      w.ready();
      const id = (w.sent.find((m) => m.type === 'run') as { id: number }).id;
      started(w, id);
      let settled = false;
      void first.then(() => (settled = true));
      await vi.advanceTimersByTimeAsync(1000 + WARM_UP_GRACE_MS - 1);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      const r = await first;
      expect(r.ok).toBe(false);
      expect(r.error?.message).toMatch(
        /^Stopped at the time limit of 1 s \(11 s for the engine's first run, as it warms up\)/,
      );
      // The stop replaced the worker; its first run gets the grace again, the one after does not.
      const second = client.run(input, 1000);
      const w2 = workers[1]!;
      w2.ready();
      started(w2, (w2.sent.filter((m) => m.type === 'run').at(-1) as { id: number }).id);
      await vi.advanceTimersByTimeAsync(1000 + WARM_UP_GRACE_MS);
      expect((await second).error?.message).toMatch(/^Stopped at the time limit of 1 s \(/);
      const third = client.run(input, 1000);
      const w3 = workers[2]!;
      w3.ready();
      const thirdId = (w3.sent.filter((m) => m.type === 'run').at(-1) as { id: number }).id;
      started(w3, thirdId);
      const fourth = client.run(input, 1000);
      const fourthId = (w3.sent.filter((m) => m.type === 'run').at(-1) as { id: number }).id;
      w3.onmessage?.({
        data: { type: 'result', id: thirdId, json: JSON.stringify({ ok: true, tables: [] }) },
      } as MessageEvent);
      await third;
      started(w3, fourthId);
      await vi.advanceTimersByTimeAsync(1000);
      expect((await fourth).error?.message).toMatch(/^Stopped at the time limit of 1 s: the run was still going/);
    } finally {
      vi.useRealTimers();
    }
  });

  it('gives no grace when the page hands the worker a compiled module (SQLite)', async () => {
    vi.useFakeTimers();
    try {
      const worker = new RecordingWorker();
      const client = new EngineClient(
        'sqlite',
        () => worker as unknown as Worker,
        undefined,
        async () => module,
      );
      const run = client.run(input, 1000);
      await vi.advanceTimersByTimeAsync(0);
      worker.ready();
      started(worker, (worker.sent.find((m) => m.type === 'run') as { id: number }).id);
      await vi.advanceTimersByTimeAsync(1000);
      expect((await run).error?.message).toMatch(/^Stopped at the time limit of 1 s: the run was still going/);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a run stopped at its limit gives up the runs behind it; the schema read behind it goes to the new worker', async () => {
    vi.useFakeTimers();
    try {
      const workers: RecordingWorker[] = [];
      const client = new EngineClient(
        'sqlite',
        () => {
          workers.push(new RecordingWorker());
          return workers.at(-1) as unknown as Worker;
        },
        undefined,
        async () => module,
      );
      const runaway = client.run(input, 1000);
      const queuedRun = client.run({ ...input, statement: 'SELECT 2;' }, 1000);
      const schema = client.describe('CREATE TABLE t (a);');
      await vi.advanceTimersByTimeAsync(0);
      const w = workers[0]!;
      w.ready();
      started(w, (w.sent.find((m) => m.type === 'run') as { id: number }).id);
      await vi.advanceTimersByTimeAsync(1000);
      expect((await runaway).error?.message).toMatch(/^Stopped at the time limit of 1 s: the run was still going/);
      expect((await queuedRun).error?.message).toMatch(/restarted .* before this run began/);
      // The describe was posted again to the replacement worker, and its answer there counts.
      expect(workers).toHaveLength(2);
      const w2 = workers[1]!;
      const again = w2.sent.find((m) => m.type === 'describe') as { id: number } | undefined;
      expect(again).toBeDefined();
      w2.ready();
      w2.onmessage?.({
        data: { type: 'described', id: again!.id, tables: [{ name: 't', columns: [] }] },
      } as MessageEvent);
      expect(await schema).toMatchObject({ tables: [{ name: 't' }] });
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('EngineClient fullValue', () => {
  const input = { setup: 'CREATE TABLE t (a);', statement: "SELECT printf('%.*c', 200000, 'x');" };
  const reply = (worker: RecordingWorker, data: object) => worker.onmessage?.({ data } as MessageEvent);
  const lastId = (worker: RecordingWorker, type: ToWorker['type']) =>
    (worker.sent.filter((m) => m.type === type).at(-1) as { id: number }).id;
  // A run whose one returned value was cut; the engine calls that value 1 (each run numbers from 1).
  const cutResult = {
    ...EMPTY_RESULT,
    cut: [{ id: 1, where: 'statement', index: 0, row: 0, column: 0, length: 200_000, blob: false }],
  };

  async function ranWithCut(worker: RecordingWorker, client: EngineClient) {
    const run = client.run(input, 5000);
    worker.ready();
    reply(worker, { type: 'result', id: lastId(worker, 'run'), json: JSON.stringify(cutResult) });
    return run;
  }

  it("asks the worker for the engine's value and resolves with the reply", async () => {
    const worker = new RecordingWorker();
    const client = new EngineClient('sqlite', () => worker as unknown as Worker);
    const result = await ranWithCut(worker, client);
    const cut = result.cut![0]!;
    const whole = client.fullValue(cut.id);
    const asked = worker.sent.at(-1)!;
    // The request names the engine's own id for the value, whatever id the page gave the cell.
    expect(asked).toEqual({ type: 'value', id: expect.any(Number) as number, cut: 1 });
    reply(worker, { type: 'valued', id: lastId(worker, 'value'), value: 'x'.repeat(200_000) });
    expect(await whole).toHaveLength(200_000);
    expect(client.info.status).toBe('ready');
  });

  it('gives null, without asking, for a value of a run older than the latest', async () => {
    const worker = new RecordingWorker();
    const client = new EngineClient('sqlite', () => worker as unknown as Worker);
    const older = (await ranWithCut(worker, client)).cut![0]!.id;
    // The next run cuts a value the engine also calls 1: the older cell must not fetch it.
    const newer = (await ranWithCut(worker, client)).cut![0]!.id;
    expect(newer).not.toBe(older);
    const sent = worker.sent.length;
    expect(await client.fullValue(older)).toBeNull();
    expect(worker.sent).toHaveLength(sent);
    expect(await client.fullValue(12345)).toBeNull();
    const whole = client.fullValue(newer);
    reply(worker, { type: 'valued', id: lastId(worker, 'value'), value: 'y' });
    expect(await whole).toBe('y');
  });

  it('gives null once the worker was replaced, even when the new one answers', async () => {
    const workers: RecordingWorker[] = [];
    const client = new EngineClient('sqlite', () => {
      workers.push(new RecordingWorker());
      return workers.at(-1) as unknown as Worker;
    });
    void client.start();
    const w = workers[0]!;
    const result = await ranWithCut(w, client);
    // A schema read sent first leaves the engine unusable: the page replaces the worker and posts
    // the value request again to the new one, whose engine never kept that value.
    void client.describe('CREATE TABLE t (a);');
    await expect.poll(() => w.sent.some((m) => m.type === 'describe')).toBe(true);
    const whole = client.fullValue(result.cut![0]!.id);
    reply(w, { type: 'described', id: lastId(w, 'describe'), tables: [], restart: true });
    expect(workers).toHaveLength(2);
    const w2 = workers[1]!;
    w2.ready();
    reply(w2, { type: 'valued', id: lastId(w2, 'value'), value: 'z' });
    expect(await whole).toBeNull();
    expect(await client.fullValue(result.cut![0]!.id)).toBeNull();
  });

  it('gives null when the request is given up (the user stopped the engine)', async () => {
    const worker = new RecordingWorker();
    const client = new EngineClient('sqlite', () => worker as unknown as Worker);
    const result = await ranWithCut(worker, client);
    const whole = client.fullValue(result.cut![0]!.id);
    client.stop();
    expect(await whole).toBeNull();
  });
});
