import type { Vector } from 'apache-arrow';
import type { ByteRanges, Dataset } from '../model/types';
import { sumChunkRows } from './pairwiseSum';
import { recycleCounted } from './recycleColumn';
import { runSliced, TimeSlicer } from './timeSlice';
import { UniqueCounter } from './uniqueCounter';
import { mergeSteps } from './uniqueMerge';
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
  /**
   * Per chunk of `chunks`, the rows to count (chunk-relative, ascending: a filter's matches), or null
   * for every row; absent: every row of every chunk. A chunk with an empty selection is never read.
   */
  selection?: (Uint32Array | null)[];
  maxDistinct?: number;
  /** A second pass: count only these values (the candidates of a count past the budget). */
  only?: UniqueValue[];
  signal?: AbortSignal;
  onProgress?: (p: ScanProgress) => void;
}

/** Least time between two progress reports: each one is a message to the page (or to the engine, from the pool). */
const PROGRESS_MS = 100;

/**
 * Value counts of one column over the given chunks, one chunk at a time, with the next chunk's read
 * in flight while this one is counted (reading and hashing take about as long as each other). The
 * thread is given back every few milliseconds, so a cancel or another file's read waits no longer
 * than that; chunks without rows are never read.
 */
export async function uniqueOfColumn(dataset: Dataset, column: number, options: ScanOptions = {}): Promise<UniquePartial> {
  const asked = options.chunks ?? dataset.chunks.map((c) => c.index);
  const selection = options.selection;
  const counted = asked.flatMap((c, k) => (dataset.chunks[c].rows > 0 && (!selection?.[k] || selection[k].length > 0) ? [k] : []));
  const chunks = counted.map((k) => asked[k]);
  const rowsOf = counted.map((k) => selection?.[k] ?? undefined);
  const skipped = asked.length - chunks.length;
  const counter = new UniqueCounter(options.maxDistinct, options.only);
  const slicer = new TimeSlicer(options.signal);
  const chunkRows = sumChunkRows(dataset.format);
  // A Parquet string column's chunk is counted from its pages where they lie when it can be (no
  // vector built: W2's contbr_nm was mostly parquet-wasm's decoding), else read as a vector.
  const read = (k: number): Promise<Vector | ByteRanges> => {
    const ranges: Promise<ByteRanges | null> = !rowsOf[k] && dataset.byteRanges ? dataset.byteRanges(chunks[k], column, options.signal) : Promise.resolve(null);
    const pending = ranges.then((r): Promise<Vector | ByteRanges> | ByteRanges => r ?? dataset.readColumn(chunks[k], column, undefined, options.signal, { recyclable: true }));
    pending.catch(() => {}); // awaited below, unless an earlier chunk failed first
    return pending;
  };
  let next = chunks.length ? read(0) : undefined;
  let rowsDone = 0;
  let bytesDone = 0;
  let reported = -Infinity;
  for (let k = 0; k < chunks.length; k++) {
    await slicer.tick();
    const chunk = dataset.chunks[chunks[k]];
    const values = await next!;
    next = k + 1 < chunks.length ? read(k + 1) : undefined;
    const rows = rowsOf[k];
    await runSliced('parts' in values ? counter.rangeSteps(values, chunk.rowOffset) : counter.steps(values, chunk.rowOffset, rows, chunkRows), slicer);
    if ('parts' in values) values.release?.();
    else recycleCounted(values);
    rowsDone += rows ? rows.length : chunk.rows;
    bytesDone += chunk.bytes / Math.max(1, dataset.fields.length);
    const now = performance.now();
    if (options.onProgress && (now - reported >= PROGRESS_MS || k === chunks.length - 1)) {
      reported = now;
      options.onProgress({ chunksDone: skipped + k + 1, chunksTotal: asked.length, rowsDone, bytesDone });
    }
  }
  return runSliced(counter.partialSteps(), slicer);
}

/**
 * Value counts of one column in this thread: one pass, and a second one over the candidates for
 * the most frequent values when the distinct values passed the budget.
 */
export async function countUnique(dataset: Dataset, column: number, options: ScanOptions = {}): Promise<UniqueResult> {
  const first = await runSliced(mergeSteps([await uniqueOfColumn(dataset, column, options)], options.maxDistinct), new TimeSlicer(options.signal));
  if (!first.recount) return first;
  return finishRecount(first, [await uniqueOfColumn(dataset, column, { ...options, only: first.recount })]);
}
