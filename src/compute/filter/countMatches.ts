import type { Dataset } from '../../model/types';
import type { BoundFilter } from './boundFilter';
import { matchChunk, type ChunkMatches } from './matchChunk';

export interface FilterProgress {
  chunksDone: number;
  chunks: number;
  rowsDone: number;
  matched: number;
  chunksSkipped: number;
  /** Parquet with a page index: pages of the filter's columns in chunks statistics did not decide, and those decided by their own. */
  pages: number;
  pagesSkipped: number;
}

export interface FilterCount {
  /** Rows in the dataset. */
  rows: number;
  matched: number;
  /** Chunks decided by statistics or null counts without reading their values. */
  chunksSkipped: number;
  chunks: number;
  /** Parquet with a page index: pages of the filter's columns in chunks statistics did not decide, and those decided by their own. */
  pages?: number;
  pagesSkipped?: number;
}

export interface CountOptions {
  signal?: AbortSignal;
  statistics?: boolean;
  onProgress?: (p: FilterProgress) => void;
  /** Called with each chunk's matches in chunk order (with indices when `indices` is set). */
  onChunk?: (m: ChunkMatches) => void;
  indices?: boolean;
}

/** Chunks in flight: the next chunk's columns are read while this one's values are evaluated. */
const AHEAD = 2;

/** The filter over every chunk: the count, and each chunk's matches to `onChunk` in chunk order. */
export async function countMatches(dataset: Dataset, filter: BoundFilter, options: CountOptions = {}): Promise<FilterCount> {
  await dataset.indexed;
  const chunks = dataset.chunks.length;
  const progress: FilterProgress = { chunksDone: 0, chunks, rowsDone: 0, matched: 0, chunksSkipped: 0, pages: 0, pagesSkipped: 0 };
  const pending: Promise<ChunkMatches>[] = [];
  const start = (c: number) => {
    const p = matchChunk(dataset, filter, c, { signal: options.signal, statistics: options.statistics, indices: options.indices });
    p.catch(() => {}); // awaited in order below; one failing ahead of its turn must not go unhandled
    pending.push(p);
  };
  for (let c = 0; c < Math.min(AHEAD, chunks); c++) start(c);
  for (let c = 0; c < chunks; c++) {
    options.signal?.throwIfAborted();
    const m = await pending.shift()!;
    if (c + AHEAD < chunks) start(c + AHEAD);
    progress.chunksDone++;
    progress.rowsDone += m.rows;
    progress.matched += m.matched;
    if (m.skipped) progress.chunksSkipped++;
    progress.pages += m.pages ?? 0;
    progress.pagesSkipped += m.pagesSkipped ?? 0;
    options.onChunk?.(m);
    options.onProgress?.({ ...progress });
  }
  return { rows: dataset.rows, matched: progress.matched, chunksSkipped: progress.chunksSkipped, chunks, pages: progress.pages, pagesSkipped: progress.pagesSkipped };
}
