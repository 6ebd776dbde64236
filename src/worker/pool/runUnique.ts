import * as Comlink from 'comlink';
import { mergeUnique } from '../../compute/uniqueMerge';
import { finishRecount } from '../../compute/uniqueRecount';
import type { UniquePartial, UniqueResult, UniqueValue } from '../../compute/uniqueTypes';
import { countUnique, type ScanProgress } from '../../compute/uniqueOfColumn';
import type { Dataset } from '../../model/types';
import type { SourceSpec } from '../../source/SourceSpec';
import type { PoolWorkerApi } from './poolWorker';

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

interface PoolMember {
  worker: Worker;
  api: Comlink.Remote<PoolWorkerApi>;
}

let pool: PoolMember[] = [];

function poolSize(): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
  return Math.max(1, Math.min(8, cores));
}

function startPool(wasmUrl: string | undefined): PoolMember[] {
  if (pool.length) return pool;
  pool = Array.from({ length: poolSize() }, () => {
    const worker = new Worker(new URL('./poolWorker.ts', import.meta.url), { type: 'module', name: 'arrowscope-compute' });
    const api = Comlink.wrap<PoolWorkerApi>(worker);
    if (wasmUrl) void api.init(wasmUrl);
    return { worker, api };
  });
  return pool;
}

/** Stops every compute worker: what they were doing is abandoned, their memory returned. */
export function stopPool(): void {
  for (const m of pool) m.worker.terminate();
  pool = [];
}

/**
 * Value counts of one column over all chunks, split across a pool of Web Workers (one per core)
 * and merged. Without Worker (Node), counts in this thread. Cancelling terminates the pool.
 */
export async function runUnique(
  dataset: Dataset,
  spec: SourceSpec | null,
  column: number,
  onProgress: (p: UniqueProgress) => void,
  signal: AbortSignal,
  wasmUrl?: string,
  maxDistinct?: number,
): Promise<UniqueResult> {
  await dataset.indexed;
  const chunks = dataset.chunks;
  const rowsTotal = dataset.rows;
  const started = performance.now();
  const done = new Map<number, ScanProgress>();
  const report = () => {
    let rowsDone = 0;
    let chunksDone = 0;
    for (const p of done.values()) {
      rowsDone += p.rowsDone;
      chunksDone += p.chunksDone;
    }
    const elapsedMs = performance.now() - started;
    const rate = rowsDone / Math.max(1, elapsedMs / 1000);
    onProgress({ rowsDone, rowsTotal, chunksDone, chunksTotal: chunks.length, elapsedMs, rowsPerSecond: rate, remainingMs: rate > 0 ? ((rowsTotal - rowsDone) / rate) * 1000 : NaN });
  };
  if (typeof Worker === 'undefined' || !spec || chunks.length < 2) {
    return countUnique(dataset, column, { signal, maxDistinct, onProgress: (p) => (done.set(0, p), report()) });
  }
  const members = startPool(wasmUrl);
  const shares = members.map((_, k) => chunks.filter((c) => c.index % members.length === k).map((c) => c.index));
  const aborted = new Promise<never>((_, reject) => {
    signal.addEventListener('abort', () => {
      stopPool();
      reject(new DOMException('Cancelled', 'AbortError'));
    });
  });
  const pass = (only?: UniqueValue[]) => {
    done.clear();
    const partials = Promise.all(
      members.map((m, k) => m.api.unique(spec, column, shares[k], Comlink.proxy((p: ScanProgress) => (done.set(k, p), report())), only, maxDistinct) as Promise<UniquePartial>),
    );
    return Promise.race([partials, aborted]);
  };
  let result = mergeUnique(await pass());
  // Past the memory budget: a second pass counts the candidates for the most frequent values exactly.
  if (result.recount) result = finishRecount(result, await pass(result.recount));
  await retireBloated(members);
  return result;
}

/** wasm memory never shrinks: a compute worker that grew past this is replaced by a fresh one. */
export const WASM_BUDGET_BYTES = 1024 * 1024 * 1024;

async function retireBloated(members: PoolMember[]): Promise<void> {
  const sizes = await Promise.all(members.map((m) => m.api.wasmBytes()));
  if (sizes.some((bytes) => bytes > WASM_BUDGET_BYTES)) stopPool();
}
