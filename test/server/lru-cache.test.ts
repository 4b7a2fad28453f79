import { describe, expect, it } from 'vitest';
import { LruCache } from '../../server/services/lru-cache';

describe('LruCache', () => {
  it('keeps at most maxEntries, evicting the least recently used', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect([cache.get('a'), cache.get('c'), cache.size]).toEqual([1, 3, 2]);
  });

  it('keeps the total weight within maxWeight and does not keep an entry heavier than that', () => {
    const cache = new LruCache<string, string>(10, 10, (s) => s.length);
    cache.set('a', 'xxxx');
    cache.set('b', 'yyyy');
    cache.set('c', 'zzzz');
    expect([cache.get('a'), cache.totalWeight]).toEqual([undefined, 8]);
    cache.set('huge', 'x'.repeat(11));
    expect([cache.get('huge'), cache.size, cache.totalWeight]).toEqual([undefined, 2, 8]);
  });

  it('replaces the value of a key and re-weighs it', () => {
    const cache = new LruCache<string, string>(10, 100, (s) => s.length);
    cache.set('a', 'xx');
    cache.set('a', 'xxxxx');
    cache.delete('missing');
    expect([cache.get('a'), cache.size, cache.totalWeight]).toEqual(['xxxxx', 1, 5]);
  });

  it('rejects bounds that would hold nothing, naming the parameter', () => {
    expect(() => new LruCache(0)).toThrow(/maxEntries/);
    expect(() => new LruCache(1, 0)).toThrow(/maxWeight/);
  });
});
