import type { Dataset } from '../model/types';
import { UniqueCounter } from './uniqueCounter';
import { mergeUnique } from './uniqueMerge';
import { finishRecount } from './uniqueRecount';
import type { UniquePartial, UniqueResult, UniqueValue } from './uniqueTypes';

export interface ScanProgress {
  chunksDone: number;
  chunksTotal: number;
  rowsDone: number;
  bytesDone: number;
}

export interface ScanOptions {
  /** Chunks to scan (default: all). */
  chunks?: number[];
  maxDistinct?: number;
  /** A second pass: count only these values (the candidates of a count past the budget). */
  only?: UniqueValue[];
  signal?: AbortSignal;
  onProgress?: (p: ScanProgress) => void;
}

/**
 * Value counts of one column over the given chunks, one chunk at a time, with the next chunk's read
 * in flight while this one is counted (reading and hashing take about as long as each other).
 */
export async function uniqueOfColumn(dataset: Dataset, column: number, options: ScanOptions = {}): Promise<UniquePartial> {
  const chunks = options.chunks ?? dataset.chunks.map((c) => c.index);
  const counter = new UniqueCounter(options.maxDistinct, options.only);
  const read = (k: number) => {
    const pending = dataset.readColumn(chunks[k], column, undefined, options.signal);
    pending.catch(() => {}); // awaited below, unless an earlier chunk failed first
    return pending;
  };
  let next = chunks.length ? read(0) : undefined;
  let rowsDone = 0;
  let bytesDone = 0;
  for (let k = 0; k < chunks.length; k++) {
    options.signal?.throwIfAborted();
    const chunk = dataset.chunks[chunks[k]];
    const vector = await next!;
    next = k + 1 < chunks.length ? read(k + 1) : undefined;
    counter.add(vector, chunk.rowOffset);
    rowsDone += chunk.rows;
    bytesDone += chunk.bytes / Math.max(1, dataset.fields.length);
    options.onProgress?.({ chunksDone: k + 1, chunksTotal: chunks.length, rowsDone, bytesDone });
  }
  return counter.partial();
}

/**
 * Value counts of one column in this thread: one pass, and a second one over the candidates for
 * the most frequent values when the distinct values passed the budget.
 */
export async function countUnique(dataset: Dataset, column: number, options: ScanOptions = {}): Promise<UniqueResult> {
  const first = mergeUnique([await uniqueOfColumn(dataset, column, options)]);
  if (!first.recount) return first;
  return finishRecount(first, [await uniqueOfColumn(dataset, column, { ...options, only: first.recount })]);
}
