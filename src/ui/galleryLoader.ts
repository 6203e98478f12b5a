/**
 * The examples gallery (its data, the Examples dialog and the explanation panel) is loaded on
 * demand, off the path to the first result. This module holds it once loaded, so that synchronous
 * lookups (start-up `#example/ID`, back/forward) and the explanation can use it; mount.tsx loads it
 * before the first render when the address names an example.
 */
import { useEffect, useState } from 'react';
import type { Scenario } from '../scenario/scenario';

/** The gallery's public module (helpers and components). */
export type GalleryModule = typeof import('../gallery');

let gallery: GalleryModule | null = null;
let loading: Promise<GalleryModule> | null = null;

/** The gallery if it is loaded already, else null. */
export function loadedGallery(): GalleryModule | null {
  return gallery;
}

/** Load the gallery (once; later calls share the same promise). A failed load can be retried. */
export function loadGallery(): Promise<GalleryModule> {
  loading ??= import('../gallery').then(
    (m) => (gallery = m),
    (err: unknown) => {
      loading = null;
      throw err;
    },
  );
  return loading;
}

/** True when the address fragment names a gallery example (`#example/ID`). */
export function fragmentNamesExample(hash: string): boolean {
  return hash.startsWith('#example/');
}

/** The gallery module, loading it when `needed` turns true; null until it is there. */
export function useGallery(needed: boolean): GalleryModule | null {
  const [mod, setMod] = useState<GalleryModule | null>(gallery);
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
  return mod ?? gallery;
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
