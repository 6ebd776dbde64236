/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { packedBuffers, packSteps, type PackedPartial } from '../../compute/packedValues';
import { runSteps } from '../../compute/slicedSort';
import { uniqueOfColumn, type ScanProgress } from '../../compute/uniqueOfColumn';
import type { UniqueValue } from '../../compute/uniqueTypes';
import { openDataset } from '../../dataset/openDataset';
import type { Dataset } from '../../model/types';
import { decoderMemoryBytes, setDecoderWasmUrl } from '../../dataset/decoders';
import { CachedSource } from '../../source/cachedSource';
import { IndexedDbStore } from '../indexedDbStore';
import { createSource } from '../../source/createSource';
import type { SourceSpec } from '../../source/SourceSpec';
import type { FileVersion } from '../../source/httpVersion';
import type { BoundFilter } from '../../compute/filter';
import { filterChunks } from './filterJob';
import { exportShareJob } from './exportJob';
import type { ExportShare, GatherJob } from '../../compute/export/gatherShare';
import { topRows, type FirstKeyBound, type SortKey } from '../../compute/sort';

/** Files this worker opened (cheap: headers only), the last used first; a few are kept for the counts to come. */
const opened: { spec: SourceSpec; dataset: Promise<Dataset> }[] = [];
const KEEP_OPEN = 4;

/** A compute worker: opens its own view of the file and counts its share of chunks. */
function datasetFor(spec: SourceSpec): Promise<Dataset> {
  const at = opened.findIndex((o) => sameSpec(o.spec, spec));
  const hit = at >= 0 ? opened.splice(at, 1)[0] : { spec, dataset: openIndexed(spec) };
  // A failed open is forgotten, to be tried again by the next count.
  if (at < 0) hit.dataset.catch(() => opened.includes(hit) && opened.splice(opened.indexOf(hit), 1));
  opened.unshift(hit);
  for (const old of opened.splice(KEEP_OPEN)) void old.dataset.then((d) => d.close(), () => {});
  return hit.dataset;
}

/** The engine keeps a local stream's index in IndexedDB once it has walked it: read from there, not walked again. */
const keptIndexes = typeof indexedDB === 'undefined' ? undefined : new IndexedDbStore();

async function openIndexed(spec: SourceSpec): Promise<Dataset> {
  const modified = spec.kind === 'blob' ? lastModified(spec.blob) : undefined;
  const kept = keptIndexes && modified !== undefined ? { store: keptIndexes, lastModified: modified } : undefined;
  const dataset = await openDataset(new CachedSource(await createSource(spec), 4 * 1024 * 1024), { kept });
  await dataset.indexed;
  return dataset;
}

const lastModified = (blob: Blob) => (blob instanceof File ? blob.lastModified : undefined);
const sameVersion = (a?: FileVersion, b?: FileVersion) => a?.etag === b?.etag && a?.lastModified === b?.lastModified && a?.size === b?.size;

/** The same file in the same version (a file reopened after it changed is opened again, never served from the old copy). */
function sameSpec(a: SourceSpec, b: SourceSpec): boolean {
  if (a.kind === 'blob' && b.kind === 'blob') {
    return a.blob === b.blob || (a.name === b.name && a.blob.size === b.blob.size && lastModified(a.blob) === lastModified(b.blob));
  }
  return a.kind === 'url' && b.kind === 'url' && a.url === b.url && sameVersion(a.version, b.version);
}

const api = {
  init(wasmUrl: string) {
    setDecoderWasmUrl(wasmUrl);
  },
  wasmBytes: () => decoderMemoryBytes(),
  /** Opens `spec` ahead of the jobs to come (a warm pool): they find it open. */
  async open(spec: SourceSpec): Promise<void> {
    await datasetFor(spec);
  },
  /** `selection`: per chunk, the rows to count (a filter's matches; null: every row). */
  async unique(spec: SourceSpec, column: number, chunks: number[], onProgress: (p: ScanProgress) => void, only?: UniqueValue[], maxDistinct?: number, selection?: (Uint32Array | null)[]) {
    const dataset = await datasetFor(spec);
    const { values, ...rest } = await uniqueOfColumn(dataset, column, { chunks, onProgress, only, maxDistinct, selection });
    // Packed and transferred: the engine unpacks millions of values in steps instead of one long clone.
    const packed = runSteps(packSteps(values));
    return Comlink.transfer<PackedPartial>({ ...rest, packed }, packedBuffers(packed));
  },
  /** A filter's matches in `chunks`, their row indices transferred. */
  async filter(spec: SourceSpec, filter: BoundFilter, chunks: number[]) {
    const results = await filterChunks(await datasetFor(spec), filter, chunks);
    return Comlink.transfer(results, results.flatMap((r) => (r.indices ? [r.indices.buffer as ArrayBuffer] : [])));
  },
  /** The exact first `k` rows of chunks [start, end) in the order of `keys` (of `selection`'s rows per chunk, null: all), with their key values for mergeTopRows; rows past `bound` (from the run's top-K so far) cannot enter and are skipped. */
  async sortTop(spec: SourceSpec, keys: SortKey[], k: number, start: number, end: number, selection?: (Uint32Array | null)[], bound?: FirstKeyBound | null) {
    const rowsOf = selection && ((c: number) => selection[c - start] ?? new Uint32Array(0));
    return topRows(await datasetFor(spec), keys, k, { chunks: { start, end }, rowsOf, bound });
  },
  /** One share of an export: its rows of the job's columns as one Arrow IPC record batch, transferred. */
  async exportShare(spec: SourceSpec, job: GatherJob, share: ExportShare) {
    const { result, transfer } = await exportShareJob(await datasetFor(spec), job, share);
    return Comlink.transfer(result, transfer);
  },
};

export type PoolWorkerApi = typeof api;
Comlink.expose(api);
