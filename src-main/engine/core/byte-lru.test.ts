/**
 * The byte-bounded LRU: least recently used out first past the bound, the pinned entry and the one
 * just set kept, a resize evicting again, and the bytes held never past the bound otherwise.
 */
import { describe, expect, it } from 'vitest';
import { ByteLru } from './byte-lru.js';

const keys = (lru: ByteLru<string, number>, all: readonly string[]) => all.filter((k) => lru.peek(k) !== undefined);

describe('ByteLru', () => {
  it('drops the least recently used first, a read counting as a use and a peek not', () => {
    const lru = new ByteLru<string, number>(30);
    lru.set('a', 1, 10);
    lru.set('b', 2, 10);
    lru.set('c', 3, 10);
    expect(lru.get('a')).toBe(1);
    expect(lru.peek('b')).toBe(2);
    lru.set('d', 4, 10);
    // b was used least recently (a was read after it; the peek does not count).
    expect(keys(lru, ['a', 'b', 'c', 'd'])).toEqual(['a', 'c', 'd']);
    lru.set('e', 5, 15);
    expect(keys(lru, ['a', 'c', 'd', 'e'])).toEqual(['d', 'e']);
    expect(lru.heldBytes).toBe(25);
  });

  it('replaces an entry set again under its key, counting only its new size', () => {
    const lru = new ByteLru<string, number>(100);
    lru.set('a', 1, 40);
    lru.set('a', 2, 30);
    expect(lru.get('a')).toBe(2);
    expect(lru.size).toBe(1);
    expect(lru.heldBytes).toBe(30);
  });

  it('keeps the pinned entry through every eviction, and lets it go once the pin moves', () => {
    const lru = new ByteLru<string, number>(20);
    lru.set('a', 1, 10);
    lru.pin('a');
    lru.set('b', 2, 10);
    lru.set('c', 3, 10);
    // a is the least recently used but pinned: b went instead.
    expect(keys(lru, ['a', 'b', 'c'])).toEqual(['a', 'c']);
    lru.pin('c');
    expect(keys(lru, ['a', 'b', 'c'])).toEqual(['a', 'c']);
    lru.set('d', 4, 10);
    expect(keys(lru, ['a', 'c', 'd'])).toEqual(['c', 'd']);
  });

  it('evicts again when an entry grows, never the pinned one, and not when it shrinks', () => {
    const lru = new ByteLru<string, number>(40);
    for (const k of ['a', 'b', 'c']) lru.set(k, 0, 10);
    lru.pin('c');
    lru.resize('c', 30);
    expect(keys(lru, ['a', 'b', 'c'])).toEqual(['b', 'c']);
    expect(lru.heldBytes).toBe(40);
    lru.resize('c', 60);
    expect(keys(lru, ['a', 'b', 'c'])).toEqual(['c']);
    lru.resize('c', 5);
    expect(lru.heldBytes).toBe(5);
    // A resize of an entry no longer held changes nothing.
    lru.resize('a', 1000);
    expect(lru.heldBytes).toBe(5);
  });

  it('keeps an entry larger than the whole bound until the next one comes', () => {
    const lru = new ByteLru<string, number>(8);
    lru.set('big', 1, 800);
    expect(lru.get('big')).toBe(1);
    expect(lru.heldBytes).toBe(800);
    lru.set('small', 2, 1);
    expect(keys(lru, ['big', 'small'])).toEqual(['small']);
    expect(lru.heldBytes).toBe(1);
  });

  it('holds no more than its bound, and counts exactly the entries it holds', () => {
    const lru = new ByteLru<number, number>(1000);
    const sizes = new Map<number, number>();
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 500; i++) {
      const key = next() % 40;
      if (next() % 3 === 0) lru.get(key);
      else {
        const bytes = 1 + (next() % 300);
        sizes.set(key, bytes);
        lru.set(key, i, bytes);
      }
      let held = 0;
      for (const [k, bytes] of sizes) if (lru.peek(k) !== undefined) held += bytes;
      expect(lru.heldBytes).toBe(held);
      expect(held).toBeLessThanOrEqual(1000);
    }
    lru.clear();
    expect(lru.heldBytes).toBe(0);
    expect(lru.size).toBe(0);
  });
});
