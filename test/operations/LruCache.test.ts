import { describe, expect, it } from 'vitest';
import { LruCache } from 'playfast';

describe('LruCache', () => {
  it('forgets the least recently used entry past maxSize', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1).set('b', 2).set('c', 3);
    expect([cache.has('a'), cache.has('b'), cache.has('c')]).toEqual([false, true, true]);
    expect(cache.size).toBe(2);
  });

  it('counts a get as a use', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1).set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([1, undefined, 3]);
  });

  it('rejects a maxSize that is not an integer from 1', () => {
    expect(() => new LruCache(0)).toThrow(TypeError);
    expect(() => new LruCache(1.5)).toThrow('Expected `maxSize` to be an integer from 1 and up, got `1.5` (number)');
  });
});
