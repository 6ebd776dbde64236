import { matchChunk, type BoundFilter } from '../compute/filter';
import { chunkOfRow } from '../compute/rowLocator';
import { whenAborted } from '../model/abortable';
import type { Dataset } from '../model/types';
import type { FindMemory, KnownMatches } from './findMemory';

export type FindDirection = 'next' | 'previous';

/** How far a find got: the chunks it went through from the current row, and how each was decided. */
export interface FindStatus {
  direction: FindDirection;
  /** The file row searched from (excluded). */
  fromRow: number;
  /** Rows of the chunks gone through (the current one whole). */
  rowsSearched: number;
  chunksSearched: number;
  /** Chunks whose values were read and evaluated. */
  chunksRead: number;
  /** Chunks decided by statistics or null counts without reading values. */
  chunksSkipped: number;
  /** Chunks answered from an earlier find of the same expression, without reading. */
  chunksKnown: number;
  elapsedMs: number;
}

/** The first match on one side of a chunk-relative row: after `from` (next) or before it (previous); -1 when none. */
function nearestIn(known: KnownMatches, rows: number, from: number, direction: FindDirection): number {
  if (known === 'none') return -1;
  if (known === 'all') {
    const at = direction === 'next' ? from + 1 : from - 1;
    return at >= 0 && at < rows ? at : -1;
  }
  let lo = 0;
  let hi = known.length;
  // The first index greater than `from` (next) or greater than or equal to it (previous, then one back).
  const strict = direction === 'next';
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (known[mid] < from || (strict && known[mid] === from)) lo = mid + 1;
    else hi = mid;
  }
  if (direction === 'next') return lo < known.length ? known[lo] : -1;
  return lo > 0 ? known[lo - 1] : -1;
}

/**
 * The nearest file row after `fromRow` (next) or before it (previous) where `filter` is true, or null.
 * Goes chunk by chunk outward from the chunk holding `fromRow` (`-1` for next and the row count for
 * previous search the whole file), deciding chunks by statistics when they can (matchChunk) and first
 * asking `memory`, which then keeps what each chunk gave: a later find of the same expression reads no
 * chunk twice. `holdsNone`: chunks known otherwise to hold no match (a filtered view's chunks without
 * a row of the view). A stream still being indexed is waited for past its last known chunk. Cancelled by `signal`.
 */
export async function findRow(
  dataset: Dataset,
  filter: BoundFilter,
  memory: FindMemory,
  fromRow: number,
  direction: FindDirection,
  signal?: AbortSignal,
  onChunk?: (status: FindStatus) => void,
  holdsNone?: (chunk: number) => boolean,
): Promise<{ row: number | null; status: FindStatus }> {
  const started = performance.now();
  const status: FindStatus = { direction, fromRow, rowsSearched: 0, chunksSearched: 0, chunksRead: 0, chunksSkipped: 0, chunksKnown: 0, elapsedMs: 0 };
  const done = (row: number | null) => ({ row, status: { ...status, elapsedMs: performance.now() - started } });
  const next = direction === 'next';
  const chunks = () => dataset.chunks;
  let chunk: number;
  if (next) {
    if (fromRow < 0) chunk = 0;
    else {
      await indexedPast(dataset, fromRow, signal);
      chunk = chunkOfRow(chunks(), fromRow);
      if (chunk < 0) return done(null);
    }
  } else {
    if (fromRow <= 0) return done(null);
    await indexedPast(dataset, fromRow - 1, signal);
    chunk = fromRow >= dataset.rows ? chunks().length - 1 : chunkOfRow(chunks(), fromRow);
  }
  for (; chunk >= 0; chunk += next ? 1 : -1) {
    if (chunk >= chunks().length) {
      if (!signal) await dataset.indexed;
      else await Promise.race([dataset.indexed, whenAborted(signal)]);
      if (chunk >= chunks().length) break;
    }
    signal?.throwIfAborted();
    const info = chunks()[chunk];
    if (info.rows === 0) continue;
    let known = memory.known(chunk) ?? (holdsNone?.(chunk) ? 'none' : undefined);
    if (known !== undefined) status.chunksKnown++;
    else {
      const m = await matchChunk(dataset, filter, chunk, { signal, indices: true });
      memory.remember(chunk, m.rows, m.matched, m.indices);
      known = m.matched === 0 ? 'none' : m.matched >= m.rows ? 'all' : m.indices!;
      if (m.skipped) status.chunksSkipped++;
      else status.chunksRead++;
    }
    status.chunksSearched++;
    status.rowsSearched += info.rows;
    const local = fromRow - info.rowOffset;
    // Chunks past the current one are searched whole: from before their first row (next) or after their last (previous).
    const at = nearestIn(known, info.rows, next ? Math.max(-1, local) : Math.min(local, info.rows), direction);
    if (at >= 0) return done(info.rowOffset + at);
    onChunk?.({ ...status, elapsedMs: performance.now() - started });
  }
  return done(null);
}

/** Waits (a stream being indexed) until the chunk index reaches `row`, or is complete. */
async function indexedPast(dataset: Dataset, row: number, signal?: AbortSignal): Promise<void> {
  if (row < dataset.rows) return;
  if (!signal) await dataset.indexed;
  else await Promise.race([dataset.indexed, whenAborted(signal)]);
}
