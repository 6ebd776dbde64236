import { mergeTopRows, topBound, topRows, type SortedRows, type SortKey } from '../../compute/sort';
import { whenAborted } from '../../model/abortable';
import type { Dataset } from '../../model/types';
import type { SourceSpec } from '../../source/SourceSpec';
import { poolSize, sharedPool, type PoolMember } from './workerPool';

/** A share: consecutive chunks up to about this many rows (each answers with at most k rows and their keys). */
const SHARE_ROWS = 1 << 20;

export interface TopShare {
  start: number;
  end: number;
  rows: number;
}

/** Runs of consecutive chunks [start, end) of about SHARE_ROWS rows each, in file order. */
function shares(dataset: Dataset, shareRows: number): TopShare[] {
  const out: TopShare[] = [];
  let start = 0;
  let rows = 0;
  dataset.chunks.forEach((c, i) => {
    rows += c.rows;
    if (rows >= shareRows) {
      out.push({ start, end: i + 1, rows });
      start = i + 1;
      rows = 0;
    }
  });
  if (start < dataset.chunks.length) out.push({ start, end: dataset.chunks.length, rows });
  return out;
}

/**
 * The exact first `k` rows in the order of `keys` (of the rows `rowsOf` gives per chunk, or all): each
 * share of consecutive chunks gives its own top k (compute/sort topRows) to whoever is free (compute
 * workers lent to this run, one per core, and this thread until the first worker answers), merged into
 * the running top k as they come (mergeTopRows). Without Worker (Node) or a source to reopen, all here.
 */
export async function runTopRows(
  dataset: Dataset,
  spec: SourceSpec | null,
  keys: readonly SortKey[],
  k: number,
  rowsOf: ((chunk: number) => Uint32Array | null) | undefined,
  signal: AbortSignal,
  onRows: (rowsDone: number, rows: number) => void,
  wasmUrl?: string,
  shareRows = SHARE_ROWS,
): Promise<SortedRows> {
  const aborted = whenAborted(signal);
  await Promise.race([dataset.indexed, aborted]);
  const queue = shares(dataset, shareRows);
  const total = dataset.rows;
  let done = 0;
  let best: SortedRows | null = null;
  const take = (share: TopShare, partial: SortedRows) => {
    signal.throwIfAborted();
    best = mergeTopRows(best ? [best, partial] : [partial], keys, k);
    done += share.rows;
    onRows(done, total);
  };
  // A share's rows to sort, per chunk, for a worker (null: every row of the chunk).
  const selection = (s: TopShare) => (rowsOf ? Array.from({ length: s.end - s.start }, (_, i) => rowsOf(s.start + i)) : undefined);
  const local = async (whileNoWorker: () => boolean) => {
    for (let s = whileNoWorker() ? queue.shift() : undefined; s; s = whileNoWorker() ? queue.shift() : undefined) {
      take(s, await topRows(dataset, keys, k, { chunks: { start: s.start, end: s.end }, rowsOf, signal, bound: topBound(best, keys, k) }));
    }
  };
  if (typeof Worker === 'undefined' || !spec || queue.length < 2) {
    await local(() => true);
  } else {
    const workers = sharedPool(wasmUrl);
    const members = workers.take(Math.min(poolSize(), queue.length - 1));
    let answered = false;
    const stop = () => workers.stop(members);
    signal.addEventListener('abort', stop, { once: true });
    const remote = async (m: PoolMember) => {
      for (let s = queue.shift(); s; s = queue.shift()) {
        const partial = await m.api.sortTop(spec, [...keys], k, s.start, s.end, selection(s), topBound(best, keys, k));
        answered = true;
        take(s, partial);
      }
    };
    try {
      await Promise.race([Promise.all([local(() => !answered), ...members.map(remote)]), aborted]);
      await workers.giveBack(members);
    } catch (e) {
      workers.stop(members);
      throw e;
    } finally {
      signal.removeEventListener('abort', stop);
    }
  }
  const result = (best as SortedRows | null) ?? { rows: new Float64Array(0), candidates: 0, complete: true };
  return { rows: result.rows, candidates: result.candidates, complete: result.complete };
}
