/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { uniqueOfColumn, type ScanProgress } from '../../compute/uniqueOfColumn';
import type { UniqueValue } from '../../compute/uniqueTypes';
import { openDataset } from '../../dataset/openDataset';
import type { Dataset } from '../../model/types';
import { decoderMemoryBytes, setDecoderWasmUrl } from '../../dataset/decoders';
import { CachedSource } from '../../source/cachedSource';
import { createSource } from '../../source/createSource';
import type { SourceSpec } from '../../source/SourceSpec';

/** A compute worker: opens its own view of the file (cheap: headers only) and counts its share of chunks. */
let opened: { spec: SourceSpec; dataset: Promise<Dataset> } | null = null;

function datasetFor(spec: SourceSpec): Promise<Dataset> {
  if (opened?.spec !== spec && !(opened && sameSpec(opened.spec, spec))) {
    void opened?.dataset.then((d) => d.close());
    opened = {
      spec,
      dataset: createSource(spec).then(async (source) => {
        const d = await openDataset(new CachedSource(source, 4 * 1024 * 1024));
        await d.indexed;
        return d;
      }),
    };
  }
  return opened!.dataset;
}

function sameSpec(a: SourceSpec, b: SourceSpec): boolean {
  return a.kind === 'blob' && b.kind === 'blob' ? a.blob === b.blob || (a.name === b.name && a.blob.size === b.blob.size) : a.kind === 'url' && b.kind === 'url' && a.url === b.url;
}

const api = {
  init(wasmUrl: string) {
    setDecoderWasmUrl(wasmUrl);
  },
  wasmBytes: () => decoderMemoryBytes(),
  async unique(spec: SourceSpec, column: number, chunks: number[], onProgress: (p: ScanProgress) => void, only?: UniqueValue[], maxDistinct?: number) {
    const dataset = await datasetFor(spec);
    return uniqueOfColumn(dataset, column, { chunks, onProgress, only, maxDistinct });
  },
};

export type PoolWorkerApi = typeof api;
Comlink.expose(api);
