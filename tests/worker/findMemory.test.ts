import { describe, expect, it } from 'vitest';
import { FindMemories, FindMemory } from '../../src/worker/findMemory';

describe('FindMemory', () => {
  it('keeps per chunk: no match, every row, or the matching rows; unknown chunks stay unknown, far ones included', () => {
    const m = new FindMemory();
    m.remember(0, 100, 0);
    m.remember(1, 100, 100);
    m.remember(5_000, 100, 2, Uint32Array.of(3, 70));
    expect(m.known(0)).toBe('none');
    expect(m.known(1)).toBe('all');
    expect(m.known(5_000)).toEqual(Uint32Array.of(3, 70));
    expect(m.known(2)).toBeUndefined();
    expect(m.known(1_000_000)).toBeUndefined();
  });

  it('past its budget of kept rows, a chunk with some matches is not kept (it is read again), while no-match chunks still are', () => {
    const m = new FindMemory(5);
    m.remember(0, 10, 4, Uint32Array.of(1, 2, 3, 4));
    m.remember(1, 10, 2, Uint32Array.of(5, 6));
    m.remember(2, 10, 0);
    expect(m.known(0)).toEqual(Uint32Array.of(1, 2, 3, 4));
    expect(m.known(1)).toBeUndefined();
    expect(m.known(2)).toBe('none');
  });
});

describe('FindMemories', () => {
  it('one memory per dataset and expression, the 8 most recently used of a dataset kept, dropped with the dataset', () => {
    const ms = new FindMemories();
    const first = ms.of(1, 'a = 1');
    first.remember(0, 10, 0);
    expect(ms.of(1, 'a = 1')).toBe(first);
    expect(ms.of(2, 'a = 1')).not.toBe(first);
    for (let i = 0; i < 7; i++) ms.of(1, `b = ${i}`);
    expect(ms.of(1, 'a = 1')).toBe(first); // used again: the most recent
    for (let i = 0; i < 8; i++) ms.of(1, `c = ${i}`);
    expect(ms.of(1, 'a = 1')).not.toBe(first); // pushed out by 8 newer ones
    const again = ms.of(2, 'a = 1');
    ms.dropDataset(2);
    expect(ms.of(2, 'a = 1')).not.toBe(again);
  });
});
