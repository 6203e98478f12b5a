// @vitest-environment happy-dom
// A feature's code held in state: a part whose module is already there shows at once, with no
// loading note (React.lazy would show its fallback first, and hold the part back up to 300 ms);
// one still loading shows the note, then the part. A part the first screen does not show
// (DeferredPart) loads its code only when it has something to show, with no note meanwhile. Once
// a result is on screen and the page is idle, the features' code is loaded ahead, unless the
// browser asks to save data.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createElement } from 'react';
import { act, render, screen } from '@testing-library/react';
import { lazyModule, type LazyModule } from '../../src/lib/lazyModule';
import { useLazyModule } from '../../src/lib/useLazyModule';
import { DeferredPart, ModulePart } from '../../src/ui/LazyPart';

type Mod = { Part: () => ReturnType<typeof createElement> };
const partModule = (): Mod => ({ Part: () => createElement('p', null, 'The part') });

function Host({ mod }: { mod: LazyModule<Mod> }) {
  const code = useLazyModule(mod, true, 'the part');
  return createElement(ModulePart<Mod>, { module: code, what: 'the part', children: (m) => createElement(m.Part) });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('ModulePart with useLazyModule', () => {
  it('shows a module loaded ahead at once, with no loading note', async () => {
    const mod = lazyModule(() => Promise.resolve(partModule()));
    await mod.load();
    render(createElement(Host, { mod }));
    expect(screen.getByText('The part')).toBeInTheDocument();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('shows the loading note, then the part; the failure message if the code cannot be fetched', async () => {
    let resolve: (m: Mod) => void = () => undefined;
    const mod = lazyModule(() => new Promise<Mod>((r) => (resolve = r)));
    render(createElement(Host, { mod }));
    expect(screen.getByRole('status')).toHaveTextContent('Loading the part…');
    await act(async () => resolve(partModule()));
    expect(screen.getByText('The part')).toBeInTheDocument();

    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const broken = lazyModule<Mod>(() => Promise.reject(new Error('offline')));
    render(createElement(Host, { mod: broken }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not load the part');
  });
});

describe('DeferredPart', () => {
  const Slot = ({ mod, when }: { mod: LazyModule<Mod>; when: boolean }) =>
    createElement(DeferredPart<Mod>, { module: mod, when, what: 'the part', children: (m) => createElement(m.Part) });

  it('loads nothing until it has something to show, then shows the part with no loading note', async () => {
    let resolve: (m: Mod) => void = () => undefined;
    const importer = vi.fn(() => new Promise<Mod>((r) => (resolve = r)));
    const mod = lazyModule(importer);
    const page = render(createElement(Slot, { mod, when: false }));
    expect(importer).not.toHaveBeenCalled();
    page.rerender(createElement(Slot, { mod, when: true }));
    expect(importer).toHaveBeenCalledTimes(1);
    // While the code loads: nothing (a note would flash before a part that usually comes at once).
    expect(page.container).toBeEmptyDOMElement();
    await act(async () => resolve(partModule()));
    expect(screen.getByText('The part')).toBeInTheDocument();
    page.rerender(createElement(Slot, { mod, when: false }));
    expect(screen.queryByText('The part')).toBeNull();
  });

  it('shows a part loaded ahead at once; says so when its code cannot be fetched', async () => {
    const mod = lazyModule(() => Promise.resolve(partModule()));
    await mod.load();
    const page = render(createElement(Slot, { mod, when: true }));
    expect(screen.getByText('The part')).toBeInTheDocument();
    page.unmount();

    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const broken = lazyModule<Mod>(() => Promise.reject(new Error('offline')));
    render(createElement(Slot, { mod: broken, when: true }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not load the part');
  });
});

describe('usePreloadFeatures', () => {
  it('loads Examples, Practice and the difference summary on idle once ready', async () => {
    vi.stubGlobal('requestIdleCallback', (fn: () => void) => setTimeout(fn, 0));
    vi.stubGlobal('cancelIdleCallback', (h: ReturnType<typeof setTimeout>) => clearTimeout(h));
    const { usePreloadFeatures, practiceModule, compareSummaryModule } = await import('../../src/ui/featureModules');
    const { galleryModule } = await import('../../src/ui/galleryLoader');
    function Page({ ready }: { ready: boolean }) {
      usePreloadFeatures(ready);
      return null;
    }
    const page = render(createElement(Page, { ready: false }));
    await new Promise((r) => setTimeout(r, 20));
    expect(galleryModule.loaded()).toBeNull();
    page.rerender(createElement(Page, { ready: true }));
    await vi.waitFor(() => expect(compareSummaryModule.loaded()).not.toBeNull(), { timeout: 30_000 });
    expect(galleryModule.loaded()).not.toBeNull();
    expect(practiceModule.loaded()).not.toBeNull();
    page.unmount();
  });
});
