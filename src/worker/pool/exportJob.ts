import { gatherShare, type ExportShare, type GatheredShare, type GatherJob } from '../../compute/export/gatherShare';
import type { Dataset } from '../../model/types';

/**
 * One share of an export, in a compute worker: the share's rows of the job's columns gathered from
 * the worker's own view of the file, as one record batch in Arrow IPC bytes, whose buffer the caller
 * transfers to the engine (which writes the shares in order).
 */
export async function exportShareJob(dataset: Dataset, job: GatherJob, share: ExportShare): Promise<{ result: GatheredShare; transfer: ArrayBuffer[] }> {
  const result = await gatherShare(dataset, job, share);
  return { result, transfer: [result.ipc.buffer as ArrayBuffer] };
}
