import { describe, expect, it } from 'vitest';
import { DecodedCache } from '../../src/source/decodedCache';

const bytes = (n: number, fill = 1) => new Uint8Array(n).fill(fill);

describe('DecodedCache', () => {
  it('keeps the total within the budget, evicting least recently used first, across areas and owners', () => {
    const cache = new DecodedCache(10_000);
    const a = cache.scope('arrow-buffers');
    const b = cache.scope('parquet-pages');
    for (let i = 0; i < 50; i++) {
      (i % 2 ? a : b).set(`k${i}`, bytes(700 + (i % 5) * 300), 700 + (i % 5) * 300);
      expect(cache.heldBytes).toBeLessThanOrEqual(10_000);
      expect(a.bytes + b.bytes).toBe(cache.heldBytes);
      const areas = cache.stats().areas;
      expect(areas['arrow-buffers'].heldBytes + areas['parquet-pages'].heldBytes).toBe(cache.heldBytes);
    }
    expect(cache.stats().evictions).toBeGreaterThan(0);
    // The newest entry is kept, the oldest gone.
    expect(a.get('k49')).toBeDefined();
    expect(b.get('k0')).toBeUndefined();
  });

  it('a use makes an entry recent: it outlives older ones', () => {
    const cache = new DecodedCache(3_000);
    const s = cache.scope('x');
    s.set('a', 'A', 1_000);
    s.set('b', 'B', 1_000);
    s.set('c', 'C', 1_000);
    expect(s.get('a')).toBe('A');
    s.set('d', 'D', 1_000);
    expect(s.get('b')).toBeUndefined();
    expect(s.get('a')).toBe('A');
  });

  it('does not keep a value larger than the budget, nor anything with a budget of 0', () => {
    const cache = new DecodedCache(1_000);
    const s = cache.scope('x');
    s.set('small', 'S', 400);
    s.set('big', 'B', 1_001);
    expect(s.get('big')).toBeUndefined();
    expect(s.get('small')).toBe('S');
    cache.setBudget(0);
    expect(cache.enabled).toBe(false);
    expect(cache.heldBytes).toBe(0);
    expect(s.bytes).toBe(0);
    s.set('again', 'A', 10);
    expect(s.get('again')).toBeUndefined();
  });

  it('a smaller budget keeps the most recently used values that fit', () => {
    const cache = new DecodedCache(10_000);
    const s = cache.scope('x');
    for (let i = 0; i < 10; i++) s.set(`k${i}`, i, 1_000);
    cache.setBudget(3_500);
    expect(cache.heldBytes).toBe(3_000);
    expect(s.bytes).toBe(3_000);
    expect([7, 8, 9].map((i) => s.get(`k${i}`))).toEqual([7, 8, 9]);
    expect(s.get('k6')).toBeUndefined();
  });

  it('clearing a scope drops only its values; closing it (its file closed) also keeps nothing it sets later', () => {
    const cache = new DecodedCache(10_000);
    const a = cache.scope('arrow-buffers');
    const b = cache.scope('arrow-buffers');
    a.set('same key', 'from a', 1_000);
    b.set('same key', 'from b', 2_000);
    expect(a.get('same key')).toBe('from a'); // owners have their own key spaces
    a.clear();
    expect(a.get('same key')).toBeUndefined();
    expect(b.get('same key')).toBe('from b');
    expect(cache.heldBytes).toBe(2_000);
    a.set('after clear', 'y', 10);
    expect(a.get('after clear')).toBe('y');
    a.close();
    expect(a.bytes).toBe(0);
    a.set('late', 'x', 10);
    expect(a.get('late')).toBeUndefined();
    expect(a.bytes).toBe(0);
  });

  it('load makes a value once for concurrent requests, counts loads and hits, and does not keep errors', async () => {
    const cache = new DecodedCache(10_000);
    const s = cache.scope('x');
    let made = 0;
    const make = async () => {
      made++;
      await new Promise((r) => setTimeout(r, 5));
      return { value: `v${made}`, bytes: 100 };
    };
    const [one, two] = await Promise.all([s.load('k', make), s.load('k', make)]);
    expect([one, two, made]).toEqual(['v1', 'v1', 1]);
    expect(await s.load('k', make)).toBe('v1');
    expect(cache.stats().areas.x).toEqual({ heldBytes: 100, hits: 1, loads: 1 });

    let fails = 0;
    const failing = async (): Promise<{ value: string; bytes: number }> => {
      fails++;
      throw new Error('bad bytes');
    };
    await expect(s.load('bad', failing)).rejects.toThrow('bad bytes');
    await expect(s.load('bad', failing)).rejects.toThrow('bad bytes');
    expect(fails).toBe(2);
  });

  it('one request cancelled does not fail another waiting on the same load; all cancelled aborts it', async () => {
    const cache = new DecodedCache(10_000);
    const s = cache.scope('x');
    let seen: AbortSignal | undefined;
    const make = (signal: AbortSignal) =>
      new Promise<{ value: string; bytes: number }>((resolve, reject) => {
        seen = signal;
        const t = setTimeout(() => resolve({ value: 'done', bytes: 10 }), 20);
        signal.addEventListener('abort', () => {
          clearTimeout(t);
          reject(signal.reason);
        });
      });
    const first = new AbortController();
    const cancelled = s.load('k', make, first.signal);
    const kept = s.load('k', make);
    first.abort();
    await expect(cancelled).rejects.toBeDefined();
    expect(await kept).toBe('done');
    expect(seen!.aborted).toBe(false);

    const only = new AbortController();
    const alone = s.load('other', make, only.signal);
    only.abort();
    await expect(alone).rejects.toBeDefined();
    expect(seen!.aborted).toBe(true);
    expect(s.get('other')).toBeUndefined();
  });
});
