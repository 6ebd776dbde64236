import type { Dataset } from '../../model/types';
import type { BoundFilter } from './boundFilter';
import { matchChunk, type ChunkMatches } from './matchChunk';

/** Some matching rows of one chunk: their row numbers in the whole dataset, ascending. */
export interface MatchRun {
  chunk: number;
  /** Ordinal of the first of these rows among all matches (0 for the first match in the file). */
  ordinal: number;
  rows: Float64Array;
}

export interface MatchingRowsOptions {
  /** First match to give, by ordinal (default 0). */
  first?: number;
  /** One past the last match to give (default: every match). */
  end?: number;
  signal?: AbortSignal;
  statistics?: boolean;
}

/**
 * The rows matching a filter whose ordinals fall in [first, end) — "the 100th to the 120th match" —
 * chunk by chunk and in order, reading no chunk past the one that holds the last match asked for.
 */
export async function* matchingRows(dataset: Dataset, filter: BoundFilter, options: MatchingRowsOptions = {}): AsyncGenerator<MatchRun> {
  await dataset.indexed;
  const first = options.first ?? 0;
  const end = options.end ?? Infinity;
  let seen = 0;
  for (let c = 0; c < dataset.chunks.length && seen < end; c++) {
    options.signal?.throwIfAborted();
    const m: ChunkMatches = await matchChunk(dataset, filter, c, { signal: options.signal, statistics: options.statistics, indices: true });
    if (seen + m.matched <= first || m.matched === 0) {
      seen += m.matched;
      continue;
    }
    const from = Math.max(0, first - seen);
    const to = Math.min(m.matched, end - seen);
    const offset = dataset.chunks[c].rowOffset;
    const rows = new Float64Array(to - from);
    for (let k = from; k < to; k++) rows[k - from] = offset + m.indices![k];
    yield { chunk: c, ordinal: seen + from, rows };
    seen += m.matched;
  }
}
