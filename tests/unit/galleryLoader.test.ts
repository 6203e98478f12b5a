import { describe, expect, it } from 'vitest';
import { fragmentNamesExample, loadGallery, loadedGallery } from '../../src/ui/galleryLoader';

describe('galleryLoader', () => {
  it('is empty until loaded, then holds the gallery for synchronous lookups', async () => {
    expect(loadedGallery()).toBeNull();
    const first = loadGallery();
    expect(loadGallery()).toBe(first);
    const gallery = await first;
    expect(loadedGallery()).toBe(gallery);
    expect(gallery.findExample('bulk-upsert')?.id).toBe('bulk-upsert');
    expect(typeof gallery.ExamplesDialog).toBe('function');
    expect(typeof gallery.ExplanationPanel).toBe('function');
  });

  it('recognises example fragments only', () => {
    expect(fragmentNamesExample('#example/bulk-upsert')).toBe(true);
    expect(fragmentNamesExample('#s1/abc')).toBe(false);
    expect(fragmentNamesExample('')).toBe(false);
    expect(fragmentNamesExample('#examples')).toBe(false);
  });
});
