import { describe, expect, it } from 'vitest';
import { matcher } from '../../src/engine/rowMatch';

describe('matcher', () => {
  it('takes each Before row once (dense integer keys)', () => {
    const take = matcher([5, 1, 3]);
    expect(take(3)).toBe(2);
    expect(take(3)).toBeUndefined();
    expect(take(5)).toBe(0);
    expect(take(2)).toBeUndefined();
    expect(take(-1)).toBeUndefined();
    expect(take(1.5)).toBeUndefined();
    expect(take(1e9)).toBeUndefined();
    expect(take('1')).toBeUndefined(); // a string is not the integer 1
    expect(take(1)).toBe(1);
  });

  it('queues duplicate keys in Before order (Map path)', () => {
    const take = matcher([7, 7, 'a', 'a', 'a']);
    expect([take(7), take(7), take(7)]).toEqual([0, 1, undefined]);
    expect([take('a'), take('a'), take('a'), take('a')]).toEqual([2, 3, 4, undefined]);
  });

  it('uses a Map for sparse or non-integer keys', () => {
    const take = matcher([1e12, -3, 'x', true]);
    expect(take(true)).toBe(3);
    expect(take(-3)).toBe(1);
    expect(take(1e12)).toBe(0);
    expect(take('x')).toBe(2);
    expect(take(false)).toBeUndefined();
  });
});
