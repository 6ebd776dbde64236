import { gatherShare, type ExportShare, type GatheredShare, type GatherJob } from '../../compute/export/gatherShare';
import type { Dataset } from '../../model/types';
import { decodedCache } from '../../source/decodedCache';

/**
 * What this worker's decoded cache may hold while it gathers shares: an export reads each page once,
 * so keeping 256 MiB of them in every worker only adds to the tab's memory (W2 to Parquet: +670 MiB
 * at the peak with the full budget in two workers).
 */
const GATHER_CACHE_BYTES = 16 * 1024 * 1024;
let gathering = 0;
let budgetBefore = 0;

/**
 * One share of an export, in a compute worker: the share's rows of the job's columns gathered from
 * the worker's own view of the file, as one record batch in Arrow IPC bytes, whose buffer the caller
 * transfers to the engine (which writes the shares in order).
 */
export async function exportShareJob(dataset: Dataset, job: GatherJob, share: ExportShare): Promise<{ result: GatheredShare; transfer: ArrayBuffer[] }> {
  if (gathering++ === 0) {
    budgetBefore = decodedCache.budgetBytes;
    decodedCache.setBudget(Math.min(budgetBefore, GATHER_CACHE_BYTES));
  }
  try {
    const result = await gatherShare(dataset, job, share);
    return { result, transfer: [result.ipc.buffer as ArrayBuffer] };
  } finally {
    if (--gathering === 0) decodedCache.setBudget(budgetBefore);
  }
}
