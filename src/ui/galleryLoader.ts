/**
 * The examples gallery (its data, the Examples dialog and the explanation panel) is loaded on
 * demand, off the path to the first result. This module holds it once loaded, so that synchronous
 * lookups (start-up `#example/ID`, back/forward) and the explanation can use it; mount.tsx loads it
 * before the first render when the address names an example.
 */
import { useEffect, useState } from 'react';
import { lazyModule } from '../lib/lazyModule';
import { isExampleFragment } from '../scenario/fragment';
import type { Scenario } from '../scenario/scenario';

/** The gallery's public module (helpers and components). */
export type GalleryModule = typeof import('../gallery');

/** The gallery's code, loaded once. */
export const galleryModule = lazyModule<GalleryModule>(() => import('../gallery'));

/** The gallery if it is loaded already, else null. */
export function loadedGallery(): GalleryModule | null {
  return galleryModule.loaded();
}

/** Load the gallery (once; later calls share the same promise). A failed load can be retried. */
export function loadGallery(): Promise<GalleryModule> {
  return galleryModule.load();
}

/** True when the address fragment names a gallery example (`#example/ID`). */
export function fragmentNamesExample(hash: string): boolean {
  return isExampleFragment(hash);
}

/** The gallery module, loading it when `needed` turns true; null until it is there. */
export function useGallery(needed: boolean): GalleryModule | null {
  const [mod, setMod] = useState<GalleryModule | null>(galleryModule.loaded());
  useEffect(() => {
    if (mod || !needed) return;
    let live = true;
    loadGallery().then(
      (m) => live && setMod(m),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [mod, needed]);
  return mod ?? galleryModule.loaded();
}

/** A gallery example as a scenario. */
export function exampleScenario(gallery: GalleryModule, id: string): Scenario | null {
  const ex = gallery.findExample(id);
  return ex ? gallery.exampleToScenario(ex, 'sqlite') : null;
}

/**
 * A gallery example as a scenario, for `#example/ID` fragments. mount.tsx loads the gallery before the
 * first render when the address names an example, so the start-up lookup always has it.
 */
export function lookupExample(id: string): Scenario | null {
  const gallery = loadedGallery();
  return gallery ? exampleScenario(gallery, id) : null;
}
