import { describe, expect, it } from 'vitest';
import type { ChunkInfo } from '../../src/model/types';
import { KeptFilter, type ChunkMatchResult } from '../../src/worker/filterResults';

/** Chunks of the given sizes, one after the other. */
function chunks(...sizes: number[]): ChunkInfo[] {
  let rowOffset = 0;
  return sizes.map((rows, index) => {
    const c = { index, rows, rowOffset, offset: 0, bytes: 0 };
    rowOffset += rows;
    return c;
  });
}

/** A chunk's result with these chunk-relative matches (as the pool sends it: no array when none or all match). */
function result(chunk: number, rows: number, matches: number[] | 'all'): ChunkMatchResult {
  if (matches === 'all') return { chunk, rows, matched: rows, skipped: true };
  return { chunk, rows, matched: matches.length, skipped: false, ...(matches.length ? { indices: Uint32Array.from(matches) } : {}) };
}

describe('KeptFilter', () => {
  // Chunks of 10, 5, 0, 8 and 4 rows; their matches as file rows: [2, 7], all of 10..14, none, [17], [24, 26].
  const layout = chunks(10, 5, 0, 8, 4);
  const results = [result(0, 10, [2, 7]), result(1, 5, 'all'), result(2, 0, []), result(3, 8, [2]), result(4, 4, [1, 3])];
  const all = [2, 7, 10, 11, 12, 13, 14, 17, 24, 26];

  it('gives ordinals only to matches whose earlier chunks are all done, whatever order chunks finish in', () => {
    const kept = new KeptFilter('x', layout, 27);
    kept.add(results[3]);
    kept.add(results[1]);
    expect(kept.status()).toMatchObject({ matched: 6, known: 0, chunksDone: 2, rowsScanned: 13, done: false });
    expect(kept.fileRows(0, 100)).toEqual([]);
    expect(kept.locate(5)).toBeNull();
    kept.add(results[0]);
    expect(kept.known).toBe(7);
    expect(kept.fileRows(0, 100)).toEqual(all.slice(0, 7));
    kept.add(results[4]);
    expect(kept.known).toBe(7); // chunk 2 is not done: the matches of chunk 3 and 4 wait
    kept.add(results[2]);
    expect(kept.known).toBe(10);
    kept.end('done');
    expect(kept.status()).toMatchObject({ matched: 10, known: 10, chunks: 5, chunksDone: 5, chunksSkipped: 1, rowsScanned: 27, done: true, cancelled: false });
  });

  it('reads any window of ordinals, and finds the match nearest to a file row', () => {
    const kept = new KeptFilter('x', layout, 27);
    for (const r of [...results].reverse()) kept.add(r);
    for (let start = 0; start <= all.length; start++) for (let end = start; end <= all.length + 2; end++) expect(kept.fileRows(start, end)).toEqual(all.slice(start, end));
    for (let row = 0; row < 27; row++) {
      const next = all.findIndex((r) => r >= row);
      expect(kept.locate(row)).toEqual(next >= 0 ? { ordinal: next, row: all[next], exact: all[next] === row, after: true } : { ordinal: all.length - 1, row: 26, exact: false, after: false });
    }
    expect(kept.locate(1000)).toEqual({ ordinal: 9, row: 26, exact: false, after: false });
  });

  it('past the known matches, go-to gives the last known one before the row', () => {
    const kept = new KeptFilter('x', layout, 27);
    kept.add(results[0]);
    kept.add(results[4]);
    expect(kept.locate(8)).toEqual({ ordinal: 1, row: 7, exact: false, after: false });
    expect(kept.locate(7)).toEqual({ ordinal: 1, row: 7, exact: true, after: true });
  });
});
