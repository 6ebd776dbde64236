import * as Comlink from 'comlink';
import { runSliced, TimeSlicer } from '../../compute/timeSlice';
import { unpackSteps, type PackedPartial } from '../../compute/packedValues';
import { mergeSteps } from '../../compute/uniqueMerge';
import { finishRecount } from '../../compute/uniqueRecount';
import type { UniquePartial, UniqueResult, UniqueValue } from '../../compute/uniqueTypes';
import { countUnique, type ScanProgress } from '../../compute/uniqueOfColumn';
import type { Dataset } from '../../model/types';
import type { SourceSpec } from '../../source/SourceSpec';
import type { PoolWorkerApi } from './poolWorker';
import { poolSize, sharedPool, type WorkerPool } from './workerPool';
import { whenAborted } from '../../model/abortable';

export interface UniqueProgress {
  rowsDone: number;
  rowsTotal: number;
  chunksDone: number;
  chunksTotal: number;
  elapsedMs: number;
  rowsPerSecond: number;
  /** Estimated milliseconds left. */
  remainingMs: number;
}

/** The rows to count, by chunk: a filter's matches (chunk-relative, ascending; null: every row of the chunk). */
export interface RowSelection {
  chunks: number[];
  rows: (Uint32Array | null)[];
}

/** A compute worker as a count uses it. */
export interface UniqueMember {
  api: Pick<Comlink.Remote<PoolWorkerApi>, 'unique'>;
}

/** Workers lent to one count: given back when it ends well, stopped when it is cancelled or fails (WorkerPool). */
export interface LendingPool<M extends UniqueMember = UniqueMember> {
  take(n: number): M[];
  giveBack(members: M[]): Promise<void>;
  stop(members: M[]): void;
}

let pool: WorkerPool | null = null;

/** Stops every compute worker: what they were doing is abandoned, their memory returned. */
export function stopPool(): void {
  pool?.stopAll();
}

/**
 * Value counts of one column over all chunks, split across compute workers lent to this count (one
 * per core) and merged. Without Worker (Node) or with one chunk of rows, counts in this thread, giving
 * it back every few milliseconds. Cancelling stops this count's workers at once, never another's.
 * With `selection`, only its rows count: chunks without one are never read, and each worker gets the
 * rows of its chunks (cheaper than evaluating the filter again, and exactly the rows the grid shows).
 * `maxDistinct` is one budget for the whole count: each worker's partial and their merge (mergeSteps).
 * A cancel ends the count at once whatever the workers are doing (opening or indexing the file
 * included): they are stopped, never waited for. `lender`: the workers to borrow (default: this
 * thread's pool of Web Workers; a test lends in-process ones).
 */
export async function runUnique(
  dataset: Dataset,
  spec: SourceSpec | null,
  column: number,
  onProgress: (p: UniqueProgress) => void,
  signal: AbortSignal,
  wasmUrl?: string,
  maxDistinct?: number,
  selection?: RowSelection,
  lender?: LendingPool,
): Promise<UniqueResult> {
  const aborted = whenAborted(signal);
  // A stream may still be indexing: the count waits for the whole index, and a cancel ends the wait.
  await Promise.race([dataset.indexed, aborted]);
  const chunks = dataset.chunks;
  const rowsTotal = selection ? selection.rows.reduce((n, r, k) => n + (r ? r.length : chunks[selection.chunks[k]].rows), 0) : dataset.rows;
  const chunksTotal = selection ? selection.chunks.length : chunks.length;
  const rowsIn = new Map(selection?.chunks.map((c, k) => [c, selection.rows[k]]));
  // Chunks without rows hold no values: a million empty batches cost no read and no worker.
  const counted = (selection?.chunks ?? chunks.map((c) => c.index)).filter((c) => chunks[c].rows > 0);
  const empty = chunksTotal - counted.length;
  const started = performance.now();
  const done = new Map<number, ScanProgress>();
  const report = (skipped: number) => {
    let rowsDone = 0;
    let chunksDone = skipped;
    for (const p of done.values()) {
      rowsDone += p.rowsDone;
      chunksDone += p.chunksDone;
    }
    const elapsedMs = performance.now() - started;
    const rate = rowsDone / Math.max(1, elapsedMs / 1000);
    onProgress({ rowsDone, rowsTotal, chunksDone, chunksTotal, elapsedMs, rowsPerSecond: rate, remainingMs: rate > 0 ? ((rowsTotal - rowsDone) / rate) * 1000 : NaN });
  };
  if ((!lender && typeof Worker === 'undefined') || !spec || counted.length < 2) {
    const selected = selection ? { chunks: counted, selection: counted.map((c) => rowsIn.get(c) ?? null) } : {};
    return countUnique(dataset, column, { ...selected, signal, maxDistinct, onProgress: (p) => (done.set(0, p), report(0)) });
  }
  const workers: LendingPool = lender ?? (pool ??= sharedPool(wasmUrl));
  const members = workers.take(Math.min(poolSize(), counted.length));
  const shares = members.map((_, k) => counted.filter((_, i) => i % members.length === k));
  const rowsOf = shares.map((share) => (selection ? share.map((c) => rowsIn.get(c) ?? null) : undefined));
  const stop = () => workers.stop(members);
  signal.addEventListener('abort', stop, { once: true });
  // Millions of distinct values take seconds to unpack and merge: in slices, so this thread still answers meanwhile.
  const slicer = new TimeSlicer(signal);
  const pass = async (only?: UniqueValue[]): Promise<UniquePartial[]> => {
    done.clear();
    const partials = Promise.all(
      members.map((m, k) => m.api.unique(spec, column, shares[k], Comlink.proxy((p: ScanProgress) => (done.set(k, p), report(empty))), only, maxDistinct, rowsOf[k]) as Promise<PackedPartial>),
    );
    const unpacked: UniquePartial[] = [];
    for (const { packed, ...rest } of await Promise.race([partials, aborted])) unpacked.push({ ...rest, values: await runSliced(unpackSteps(packed), slicer) });
    return unpacked;
  };
  try {
    let result = await runSliced(mergeSteps(await pass(), maxDistinct), slicer);
    // Past the memory budget: a second pass counts the candidates for the most frequent values exactly.
    if (result.recount) result = finishRecount(result, await pass(result.recount));
    await workers.giveBack(members);
    return result;
  } catch (e) {
    workers.stop(members); // cancelled, or a worker failed mid-way: the next count starts fresh ones
    throw e;
  } finally {
    signal.removeEventListener('abort', stop);
  }
}
