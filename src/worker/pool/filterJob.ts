import { matchChunk, type BoundFilter, type ChunkMatches } from '../../compute/filter';
import type { Dataset } from '../../model/types';
import type { ChunkMatchResult } from '../filterResults';

/** Chunks in flight: the next chunk's columns are read while this one's values are evaluated. */
const AHEAD = 2;

/** A chunk's matches as kept: no array when nothing or everything matched. */
export function compactMatches(m: ChunkMatches): ChunkMatchResult {
  const { chunk, rows, matched, skipped } = m;
  const pages = m.pages ? { pages: m.pages, pagesSkipped: m.pagesSkipped } : {};
  return matched === 0 || matched === rows ? { chunk, rows, matched, skipped, ...pages } : { chunk, rows, matched, skipped, indices: m.indices, ...pages };
}

/**
 * One share of a filter run: the matches of `chunks`, in their order, each given to `onChunk` as it is
 * done. Runs in a compute worker (over its own view of the file) or in the engine worker.
 */
export async function filterChunks(dataset: Dataset, filter: BoundFilter, chunks: readonly number[], signal?: AbortSignal, onChunk?: (m: ChunkMatchResult) => void): Promise<ChunkMatchResult[]> {
  const out: ChunkMatchResult[] = [];
  const pending: Promise<ChunkMatches>[] = [];
  const start = (k: number) => {
    const p = matchChunk(dataset, filter, chunks[k], { signal, indices: true });
    p.catch(() => {}); // awaited in order below
    pending.push(p);
  };
  for (let k = 0; k < Math.min(AHEAD, chunks.length); k++) start(k);
  for (let k = 0; k < chunks.length; k++) {
    const m = compactMatches(await pending.shift()!);
    if (k + AHEAD < chunks.length) start(k + AHEAD);
    out.push(m);
    onChunk?.(m);
  }
  return out;
}
