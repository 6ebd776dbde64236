import { exportShares, type ShareGatherer } from '../../compute/export/exportShares';
import { gatherShare, type ExportShare, type GatherJob } from '../../compute/export/gatherShare';
import type { ExportRequest, ExportResult, ExportSink } from '../../compute/export';
import { abortable } from '../../model/abortable';
import type { Dataset } from '../../model/types';
import type { SourceSpec } from '../../source/SourceSpec';
import { poolSize, sharedPool } from './workerPool';

/** Where the compute workers open the file (none: the engine gathers every share itself). */
export interface ExportPool {
  spec: SourceSpec | null;
  wasmUrl?: string;
}

/**
 * An export of shares of rows in file order (a filter's matches, or a range of rows): compute workers
 * lent to it (one per core) gather the shares (pool/exportJob.ts), the engine writes them in order as
 * they come back, a bounded number in flight. Without Worker (Node) or a source the workers can open,
 * the engine gathers them itself. Cancelling stops the workers at once.
 */
export async function runExport(dataset: Dataset, request: ExportRequest & { format: GatherJob['format'] }, shares: Iterable<ExportShare>, rowsTotal: number, sink: ExportSink, pool: ExportPool | undefined): Promise<ExportResult> {
  const columns = request.columns ?? dataset.schema.fields.map((_, i) => i);
  const job: GatherJob = { format: request.format, columns };
  const { signal } = request;
  const local: ShareGatherer = (share) => gatherShare(dataset, job, share, signal);
  if (typeof Worker === 'undefined' || !pool?.spec) return exportShares(dataset, { ...request, columns }, shares, [local], sink, rowsTotal);
  const spec = pool.spec;
  const workers = sharedPool(pool.wasmUrl);
  const members = workers.take(poolSize());
  const stop = () => workers.stop(members);
  signal?.addEventListener('abort', stop, { once: true });
  try {
    // A stopped worker never answers: a cancel ends the wait for its share at once.
    const gatherers = members.map((m): ShareGatherer => (share) => abortable(m.api.exportShare(spec, job, share), signal));
    const result = await exportShares(dataset, { ...request, columns }, shares, gatherers, sink, rowsTotal);
    await workers.giveBack(members);
    return result;
  } catch (e) {
    workers.stop(members); // cancelled, or a worker failed: the next export starts fresh ones
    throw e;
  } finally {
    signal?.removeEventListener('abort', stop);
  }
}
