import type { BoundFilter, FilterCount } from '../../compute/filter';
import type { PackedPartial } from '../../compute/packedValues';
import { checkSortKeys, mergeTopRows, type SortedRows, type SortKey } from '../../compute/sort';
import { mergeUnique } from '../../compute/uniqueMerge';
import { finishRecount } from '../../compute/uniqueRecount';
import type { UniqueResult, UniqueValue } from '../../compute/uniqueTypes';
import type { Dataset } from '../../model/types';
import { unpackedPartial, type CountPartial } from './poolJobs';
import type { ThreadPool } from './threadPool';

/** The pool, and where its threads open the dataset the command has open. */
export interface FileThreads {
  pool: ThreadPool;
  path: string;
}

/** Rows done so far, summed over the threads, for the progress line. */
function rowsCounter(onProgress?: (rowsDone: number) => void): (rows: number) => void {
  let done = 0;
  return (rows) => onProgress?.((done += rows));
}

/** Value counts of one column over the pool (as countUnique: a second pass past the distinct budget). */
export async function poolUnique({ pool, path }: FileThreads, dataset: Dataset, column: number, onProgress?: (rowsDone: number) => void): Promise<UniqueResult> {
  const pass = async (only?: UniqueValue[]) => {
    const results = await pool.run(path, dataset, { kind: 'unique', column, only }, rowsCounter(onProgress));
    return results.map((r) => unpackedPartial(r as PackedPartial));
  };
  const first = mergeUnique(await pass());
  return first.recount ? finishRecount(first, await pass(first.recount)) : first;
}

/** The rows `filter` matches, counted over the pool (as countMatches). */
export async function poolCount({ pool, path }: FileThreads, dataset: Dataset, filter: BoundFilter, onProgress?: (rowsDone: number) => void): Promise<FilterCount> {
  const results = (await pool.run(path, dataset, { kind: 'count', filter }, rowsCounter(onProgress))) as CountPartial[];
  const matched = results.reduce((sum, r) => sum + r.matched, 0);
  const chunksSkipped = results.reduce((sum, r) => sum + r.chunksSkipped, 0);
  return { rows: dataset.rows, matched, chunksSkipped, chunks: dataset.chunks.length };
}

/** The exact first `k` rows in the order of `keys` (of the filter's matches when given): partial top-Ks merged (as topRows). */
export async function poolTop({ pool, path }: FileThreads, dataset: Dataset, keys: SortKey[], k: number, filter: BoundFilter | undefined, onProgress?: (rowsDone: number) => void): Promise<SortedRows> {
  checkSortKeys(dataset, keys); // a key the file cannot sort by fails here, as in topRows, before any thread starts
  const results = (await pool.run(path, dataset, { kind: 'top', keys, k, filter }, rowsCounter(onProgress))) as SortedRows[];
  // A thread that got no share has no keys (and no candidates).
  return mergeTopRows(results.filter((r) => r.keys), keys, k);
}
