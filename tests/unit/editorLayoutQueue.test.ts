// Editors follow their box's size one per animation frame: when the workspace changes width
// (Compare), the first resized editor is laid out at once, with the size the observer reported,
// and each other one in a later frame, so their relayouts do not share one long task.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Callback = (entries: { target: Element; contentRect: { width: number; height: number } }[]) => void;

let observed: Callback | null = null;
const frames: FrameRequestCallback[] = [];

beforeEach(() => {
  vi.resetModules();
  observed = null;
  frames.length = 0;
  vi.stubGlobal(
    'ResizeObserver',
    class {
      constructor(cb: Callback) {
        observed = cb;
      }
      observe() {}
      unobserve() {}
      disconnect() {}
    },
  );
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
});

afterEach(() => {
  vi.unstubAllGlobals();
});

/** Run the frames requested so far (one animation frame). */
function frame() {
  for (const cb of frames.splice(0)) cb(0);
}

const box = (name: string) => ({ name }) as unknown as Element;

describe('followSize', () => {
  it('lays out one resized editor per frame, each with its reported size', async () => {
    const { followSize } = await import('../../src/editor/layoutQueue');
    const a = { layout: vi.fn() };
    const b = { layout: vi.fn() };
    const elA = box('a');
    const elB = box('b');
    followSize(elA, a);
    followSize(elB, b);
    observed!([
      { target: elA, contentRect: { width: 400, height: 164 } },
      { target: elB, contentRect: { width: 400, height: 200 } },
    ]);
    expect(a.layout).toHaveBeenCalledWith({ width: 400, height: 164 });
    expect(b.layout).not.toHaveBeenCalled();
    frame();
    expect(b.layout).toHaveBeenCalledWith({ width: 400, height: 200 });
    expect(frames).toHaveLength(0);
  });

  it('takes the latest size of an editor still waiting, and forgets a stopped one', async () => {
    const { followSize } = await import('../../src/editor/layoutQueue');
    const a = { layout: vi.fn() };
    const b = { layout: vi.fn() };
    const c = { layout: vi.fn() };
    const [elA, elB, elC] = [box('a'), box('b'), box('c')];
    followSize(elA, a);
    followSize(elB, b);
    const stopC = followSize(elC, c);
    observed!([
      { target: elA, contentRect: { width: 300, height: 100 } },
      { target: elB, contentRect: { width: 300, height: 100 } },
      { target: elC, contentRect: { width: 300, height: 100 } },
    ]);
    // Before b's frame, b is resized again; c goes away.
    observed!([{ target: elB, contentRect: { width: 2, height: 120 } }]);
    stopC();
    frame();
    expect(b.layout).toHaveBeenCalledTimes(1);
    // At least 5 px each way, as Monaco measures.
    expect(b.layout).toHaveBeenCalledWith({ width: 5, height: 120 });
    frame();
    expect(c.layout).not.toHaveBeenCalled();
    expect(a.layout).toHaveBeenCalledTimes(1);
  });
});
