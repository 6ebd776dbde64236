/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { browserDecoderUrl as wasmUrl } from '../dataset/browserDecoderUrl';
import { setDecoderWasmUrl } from '../dataset/decoders';
import { createSource, pinnedSpec } from '../source/createSource';
import type { SourceSpec } from '../source/SourceSpec';
import { Engine } from './engine';
import { IndexedDbStore } from './indexedDbStore';
import { datasetProgress } from './datasetSummary';
import { errorInfo } from './errorInfo';
import type { SortStatus } from './protocol';
import type { ConditionOp, DatasetSummary, ErrorInfo, FilterStatus, FindDirection, FindStatus } from './protocol';
import type { ExportProgress, ExportTarget, ViewExport } from './protocol';
import type { UniqueProgress } from './pool/runUnique';
import type { UniqueSort } from '../compute/sortedUniqueValues';

setDecoderWasmUrl(wasmUrl);
const engine = new Engine();
engine.wasmUrl = wasmUrl;
engine.keptIndexStore = new IndexedDbStore();

/** Wraps every call so failures cross to the page as plain ErrorInfo, not lost Error subclasses. */
type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };
async function run<T>(f: () => T | Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, value: await f() };
  } catch (e) {
    return { ok: false, error: errorInfo(e) };
  }
}

/** Opens in progress, by the page's key (`open@3`): cancelling the key stops the open (a remote file's requests with it). */
const opening = new Map<string, AbortController>();

const api = {
  open: (spec: SourceSpec, key?: string) =>
    run<DatasetSummary>(async () => {
      const controller = new AbortController();
      if (key) opening.set(key, controller);
      try {
        const source = await createSource(spec, controller.signal, { readHelper: true });
        return await engine.openSource(source, spec.kind === 'blob', spec.kind === 'url' ? spec.url : undefined, pinnedSpec(spec, source));
      } finally {
        if (key) opening.delete(key);
      }
    }),
  summary: (id: number) => run(() => engine.summary(id)),
  /** What changes while a stream is indexed; the field list crossed once, with the open. */
  progress: (id: number) => run(() => datasetProgress(engine.summary(id))),
  stats: (id: number) => run(() => engine.stats(id)),
  wasmBytes: () => run(() => engine.wasmBytes()),
  chunks: (id: number, start: number, end: number) => run(() => engine.chunks(id, start, end)),
  chunkDetail: (id: number, chunk: number, key?: string) => run(() => engine.chunkDetail(id, chunk, key)),
  columnSummary: (id: number, limit?: number, key?: string, start?: number, end?: number) => run(() => engine.columnSummary(id, limit, key, start, end)),
  stopIndexing: (id: number) => run(() => engine.stopIndexing(id)),
  pages: (id: number, chunk: number, column: number, key?: string) => run(() => engine.pages(id, chunk, column, key)),
  rows: (id: number, start: number, count: number, columns: number[], key?: string, filter?: string) => run(() => engine.rows(id, start, count, columns, key, filter)),
  filter: (id: number, expression: string, key: string, onProgress?: (s: FilterStatus) => void) => run(() => engine.filter(id, expression, key, onProgress)),
  filterStatus: (id: number, key: string) => run(() => engine.filterStatus(id, key)),
  clearFilter: (id: number, key: string) => run(() => engine.clearFilter(id, key)),
  filterLocate: (id: number, row: number, key: string) => run(() => engine.filterLocate(id, row, key)),
  sort: (id: number, spec: string, key: string, filter?: string | null, onProgress?: (s: SortStatus) => void) => run(() => engine.sort(id, spec, key, filter, onProgress)),
  clearSort: (id: number, key: string) => run(() => engine.clearSort(id, key)),
  sortLocate: (id: number, row: number, key: string) => run(() => engine.sortLocate(id, row, key)),
  find: (id: number, expression: string, fromRow: number, direction: FindDirection, key: string, onProgress?: (s: FindStatus) => void, filter?: string) =>
    run(() => engine.find(id, expression, fromRow, direction, key, onProgress, filter)),
  filterCondition: (id: number, column: number, op: ConditionOp, row?: number) => run(() => engine.filterCondition(id, column, op, row)),
  findCondition: (id: number, column: number, needle: string) => run(() => engine.findCondition(id, column, needle)),
  exportView: (id: number, request: ViewExport, key: string, view: string | undefined, target: ExportTarget, onProgress?: (p: ExportProgress) => void, onChunk?: (bytes: Uint8Array) => unknown) =>
    run(() => engine.exportView(id, request, key, view, target, onProgress, onChunk)),
  unique: (id: number, column: number, onProgress: (p: UniqueProgress) => void, key: string, maxDistinct?: number, filter?: string) =>
    run(() => engine.unique(id, column, onProgress, key, maxDistinct, filter)),
  uniqueValues: (id: number, column: number, start: number, end: number, sort: UniqueSort, search: string) =>
    run(() => engine.uniqueValues(id, column, start, end, sort, search)),
  uniqueCsv: (id: number, column: number, sort: UniqueSort, search: string) => run(() => engine.uniqueCsvBlob(id, column, sort, search)),
  cancel: (key: string) =>
    run(() => {
      opening.get(key)?.abort();
      engine.cancel(key);
    }),
  /** Cancels the request made for dataset `id` under `key`: the page scopes its keys per tab (src/ui/engineHost.ts), so it names the dataset. */
  cancelFor: (_id: number, key: string) => run(() => engine.cancel(key)),
  close: (id: number) => run(() => engine.close(id)),
};

export type EngineApi = typeof api;

Comlink.expose(api);
