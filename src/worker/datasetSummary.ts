import type { DatasetProblem } from '../model/errors';
import { decoderMemoryBytes } from '../dataset/decoders';
import { decodedCache } from '../source/decodedCache';
import type { OpenDataset } from './datasetRegistry';
import type { DatasetProgress, DatasetSummary, IoStats } from './protocol';

/** Everything the overview and schema views need about an open dataset, as plain data. */
export function datasetSummary(id: number, { dataset: d, openMs, indexMs, local, url }: OpenDataset): DatasetSummary {
  return {
    id,
    name: d.source.name,
    format: d.format,
    size: d.source.size,
    rows: d.rows,
    chunkCount: d.chunks.length,
    indexComplete: d.indexComplete,
    fields: d.fields,
    metadata: d.metadata,
    createdBy: d.createdBy,
    version: d.version,
    problems: d.problems.map((p: DatasetProblem) => ({ ...p })),
    openMs,
    indexMs,
    indexKept: d.indexKept,
    local,
    url,
  };
}

/** What changes while indexing, without the field list (which is only referenced, not copied, by a summary). */
export function datasetProgress({ rows, chunkCount, indexComplete, indexMs, problems }: DatasetSummary): DatasetProgress {
  return { rows, chunkCount, indexComplete, indexMs, problems };
}

/**
 * Bytes read (in all and distinct) and cached for an open dataset, what the worker's decoded cache
 * holds (for every open file: one budget) and for Parquet the decoder's wasm memory.
 */
export async function ioStats({ cache, coverage, dataset }: OpenDataset): Promise<IoStats> {
  const stats: IoStats = {
    size: cache.size,
    bytesRead: cache.stats.bytesRead,
    distinctBytes: Math.min(cache.size, coverage.distinctBytes),
    reads: cache.stats.reads,
    cachedBytes: cache.cachedBytes,
    decodedBytes: decodedCache.heldBytes,
    decodedBudgetBytes: decodedCache.budgetBytes,
  };
  if (dataset.format === 'parquet') stats.wasmBytes = await decoderMemoryBytes();
  return stats;
}
