/** A blob's hex text and its bytes, both ways (the whole-value download saves the bytes). */
import { describe, expect, it } from 'vitest';
import { blobOf, bytesOf } from '../../src/engine/values';

describe('blobOf and bytesOf', () => {
  it('give back what they were given', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    const blob = blobOf(bytes);
    expect(blob.blob.slice(0, 8)).toBe('00010203');
    expect(Array.from(bytesOf(blob))).toEqual(Array.from(bytes));
    expect(Array.from(bytesOf({ blob: '' }))).toEqual([]);
  });
});
