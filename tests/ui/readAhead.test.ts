import { describe, expect, it } from 'vitest';
import { AHEAD_BLOCKS, aheadBlocks, covers, moveDirection, planBlocks } from '../../src/ui/readAhead';
import { BLOCK_ROWS, RowCache } from '../../src/ui/rowCache';

const texts = (n: number) => Array.from({ length: n }, (_, i) => String(i));
const none = () => 0;

describe('planBlocks', () => {
  it('asks for nothing when every block and column is cached', () => {
    const cache = new RowCache();
    for (let b = 3; b <= 5; b++) for (const c of [0, 2]) cache.put(b, c, texts(BLOCK_ROWS));
    expect(planBlocks(cache, 3, 5, [0, 2], none, '')).toBeNull();
  });

  it('spans the first to the last missing block only, with the columns missing in any of them', () => {
    const cache = new RowCache();
    for (let b = 10; b <= 13; b++) cache.put(b, 0, texts(BLOCK_ROWS));
    for (let b = 10; b <= 11; b++) cache.put(b, 1, texts(BLOCK_ROWS));
    cache.put(12, 2, texts(BLOCK_ROWS));
    for (let b = 10; b <= 13; b++) if (b !== 12) cache.put(b, 2, texts(BLOCK_ROWS));
    // A step that moved one block down: only block 12-13 of column 1 is missing.
    expect(planBlocks(cache, 10, 13, [0, 1, 2], none, '')).toEqual({ firstBlock: 12, lastBlock: 13, missing: [1], request: '12:13:1:' });
  });

  it("reads a filtered view's block again until it holds the rows the view has", () => {
    const cache = new RowCache();
    cache.put(0, 0, texts(20));
    expect(planBlocks(cache, 0, 0, [0], () => 20, '20')).toBeNull();
    expect(planBlocks(cache, 0, 0, [0], () => 30, '30')?.missing).toEqual([0]);
  });
});

describe('aheadBlocks', () => {
  it('takes the blocks below the window going down and above it going up', () => {
    expect(aheadBlocks(1990, 2100, 1, 50_000_000, false)).toEqual({ first: 33, last: 32 + AHEAD_BLOCKS });
    expect(aheadBlocks(1990, 2100, -1, 50_000_000, false)).toEqual({ first: 31 - AHEAD_BLOCKS, last: 30 });
  });

  it('stops at the ends of the view', () => {
    expect(aheadBlocks(0, 40, -1, 4000, false)).toBeNull();
    expect(aheadBlocks(3900, 3999, 1, 4000, false)).toBeNull();
    // 4,000 rows: blocks 0-61 are whole, block 62 holds rows 3968-3999 (the last, partial).
    expect(aheadBlocks(3800, 3860, 1, 4000, false)).toEqual({ first: 61, last: 62 });
    expect(aheadBlocks(64, 100, -1, 4000, false)).toEqual({ first: 0, last: 0 });
  });

  it('reads only whole blocks of a filtered view still growing', () => {
    expect(aheadBlocks(0, 60, 1, 150, true)).toEqual({ first: 1, last: 1 });
    expect(aheadBlocks(0, 60, 1, 100, true)).toBeNull();
  });
});

describe('moveDirection', () => {
  it('follows steps and scrolls, and reads downwards after a far jump', () => {
    expect(moveDirection(1000, 1064, 80, -1)).toBe(1);
    expect(moveDirection(1000, 936, 80, 1)).toBe(-1);
    expect(moveDirection(1000, 1000, 80, -1)).toBe(-1);
    expect(moveDirection(44_000_000, 12_000_000, 80, 1)).toBe(1);
    expect(moveDirection(12_000_000, 44_000_000, 80, -1)).toBe(1);
  });
});

describe('covers', () => {
  it('is true only when the read brings every missing block and column', () => {
    const ahead = { firstBlock: 33, lastBlock: 34, missing: [0, 1, 2], request: '' };
    expect(covers(ahead, { firstBlock: 33, lastBlock: 33, missing: [1, 2], request: '' })).toBe(true);
    expect(covers(ahead, { firstBlock: 33, lastBlock: 35, missing: [1], request: '' })).toBe(false);
    expect(covers(ahead, { firstBlock: 34, lastBlock: 34, missing: [3], request: '' })).toBe(false);
  });
});
