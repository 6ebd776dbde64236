import type { ChunkInfo } from '../model/types';

/** The chunk holding global row `row` (binary search over chunk row offsets); -1 when past the end. */
export function chunkOfRow(chunks: readonly ChunkInfo[], row: number): number {
  let lo = 0;
  let hi = chunks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = chunks[mid];
    if (row < c.rowOffset) hi = mid - 1;
    else if (row >= c.rowOffset + c.rows) lo = mid + 1;
    else return mid;
  }
  return -1;
}
