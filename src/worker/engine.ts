import { DatasetError, LocatedError, type DatasetProblem } from '../model/errors';
import { openDataset } from '../dataset/openDataset';
import type { ChunkDetail, ChunkInfo, Dataset, PageList } from '../model/types';
import type { ByteSource } from '../model/byteSource';
import { CachedSource } from '../source/cachedSource';
import { decoderMemoryBytes } from '../dataset/decoders';
import { formatVector } from '../compute/formatValue';
import { withProfileText } from '../compute/profileText';
import type { DatasetSummary, ErrorInfo, IoStats, RowWindow, UniqueSummary } from './protocol';
import { chunkOfRow } from './rowLocator';
import { runUnique, type UniqueProgress } from './pool/runUnique';
import type { UniqueResult, ValueCount } from '../compute/uniqueCounter';
import { uniqueCsv } from '../compute/uniqueCsv';
import { sortedValues, type UniqueSort } from '../compute/uniqueView';
import type { SourceSpec } from '../source/SourceSpec';

interface Open {
  dataset: Dataset;
  /** How compute workers can open the same file (null in Node). */
  spec: SourceSpec | null;
  cache: CachedSource;
  openMs: number;
  indexMs?: number;
  /** The last unique-values result and its sorted/filtered views. */
  unique?: { result: UniqueResult; views: Map<string, ValueCount[]> };
  local: boolean;
  url?: string;
  /** Stops a stream's background indexing; the batches found so far stay usable. */
  indexing: AbortController;
}

export function errorInfo(e: unknown): ErrorInfo {
  if (e instanceof LocatedError) return { message: e.message, where: e.where, stillWorks: e.stillWorks };
  if (e instanceof DOMException && e.name === 'AbortError') return { message: 'Cancelled.', where: {} };
  return { message: e instanceof Error ? `${e.name}: ${e.message}` : String(e), where: {} };
}

/**
 * Owns open datasets and answers the UI's questions with plain data. Runs in the engine Web Worker
 * (and in Node for tests). Requests made under the same `key` cancel the previous one.
 */
export class Engine {
  private readonly open = new Map<number, Open>();
  private readonly inFlight = new Map<string, AbortController>();
  private nextId = 1;

  private take(key: string | undefined): AbortSignal | undefined {
    if (!key) return undefined;
    this.inFlight.get(key)?.abort();
    const controller = new AbortController();
    this.inFlight.set(key, controller);
    return controller.signal;
  }

  /** Cancels whatever request runs under `key`. */
  cancel(key: string): void {
    this.inFlight.get(key)?.abort();
    this.inFlight.delete(key);
  }

  private get(id: number): Open {
    const o = this.open.get(id);
    if (!o) throw new DatasetError(`Dataset ${id} is not open.`);
    return o;
  }

  /** URL of parquet-wasm's binary, for compute workers (browser only). */
  wasmUrl?: string;

  async openSource(source: ByteSource, local: boolean, url?: string, spec: SourceSpec | null = null): Promise<DatasetSummary> {
    const started = performance.now();
    const cache = new CachedSource(source);
    const indexing = new AbortController();
    const dataset = await openDataset(cache, { signal: indexing.signal });
    const id = this.nextId++;
    const entry: Open = { dataset, spec, cache, openMs: performance.now() - started, local, url, indexing };
    this.open.set(id, entry);
    void dataset.indexed.then(() => (entry.indexMs = performance.now() - started));
    return this.summary(id);
  }

  /** Stops indexing a long stream where it is: what was found so far stays explorable. */
  stopIndexing(id: number): void {
    this.get(id).indexing.abort();
  }

  summary(id: number): DatasetSummary {
    const { dataset: d, openMs, indexMs, local, url } = this.get(id);
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
      local,
      url,
    };
  }

  async stats(id: number): Promise<IoStats> {
    const { cache } = this.get(id);
    return { size: cache.size, bytesRead: cache.stats.bytesRead, reads: cache.stats.reads, cachedBytes: cache.cachedBytes, wasmBytes: await decoderMemoryBytes() };
  }

  /** Bytes of parquet-wasm memory in this worker (it never shrinks: past a budget, replace the worker). */
  wasmBytes(): Promise<number> {
    return decoderMemoryBytes();
  }

  chunks(id: number, start: number, end: number): ChunkInfo[] {
    return this.get(id).dataset.chunks.slice(start, end);
  }

  async chunkDetail(id: number, chunk: number, key?: string): Promise<ChunkDetail> {
    return this.get(id).dataset.chunkDetail(chunk, this.take(key));
  }

  /** Parquet pages of one column chunk, from their headers; a new request with the same key cancels this one. */
  async pages(id: number, chunk: number, column: number, key?: string): Promise<PageList> {
    const { dataset } = this.get(id);
    if (!dataset.pages) throw new DatasetError('Only Parquet files have pages; Arrow batches list their buffers.');
    return dataset.pages(chunk, column, this.take(key));
  }

  /** Display text of rows [start, start + count) of the given columns, read window by window. */
  async rows(id: number, start: number, count: number, columns: number[], key?: string): Promise<RowWindow> {
    const signal = this.take(key);
    const { dataset } = this.get(id);
    const chunks = dataset.chunks;
    const end = Math.min(dataset.rows, start + count);
    const out: RowWindow = { start, count: Math.max(0, end - start), columns: columns.map(() => []), errors: columns.map(() => null), chunkStarts: [] };
    let row = start;
    while (row < end) {
      const c = chunkOfRow(chunks, row);
      if (c < 0) break;
      const chunk = chunks[c];
      if (chunk.rowOffset === row) out.chunkStarts.push(row);
      const local = row - chunk.rowOffset;
      const take = Math.min(end - row, chunk.rows - local);
      await Promise.all(
        columns.map(async (col, k) => {
          try {
            const vector = await dataset.readColumn(c, col, { start: local, end: local + take }, signal);
            out.columns[k].push(...formatVector(vector));
          } catch (e) {
            signal?.throwIfAborted();
            out.errors[k] ??= errorInfo(e).message;
            for (let i = 0; i < take; i++) out.columns[k].push(null);
          }
        }),
      );
      row += take;
    }
    return out;
  }

  /**
   * Value counts of one column over every row, in the compute pool; a new request with the same key
   * cancels this one. The values stay here: the page asks for the windows it shows (uniqueValues).
   */
  async unique(id: number, column: number, onProgress: (p: UniqueProgress) => void, key = 'unique', maxDistinct?: number): Promise<UniqueSummary> {
    const signal = this.take(key)!;
    const entry = this.get(id);
    const field = entry.dataset.fields[column];
    if (!field) throw new DatasetError(`There is no column ${column}.`);
    if (field.unsupported) throw new DatasetError(`Column "${field.name}" is not supported: ${field.unsupported}`, { column: field.name });
    const counted = await runUnique(entry.dataset, entry.spec, column, onProgress, signal, this.wasmUrl, maxDistinct);
    const result = { ...counted, profile: withProfileText(counted.profile, entry.dataset.schema.fields[column].type) };
    entry.unique = { result, views: new Map() };
    const { values, ...rest } = result;
    return { ...rest, column: field.name, valueCount: values.length, top: values.slice(0, 30) };
  }

  /** Rows [start, end) of the last unique result, sorted and filtered as asked; with the filtered total. */
  uniqueValues(id: number, start: number, end: number, sort: UniqueSort, search: string): { total: number; values: ValueCount[] } {
    const list = this.uniqueList(id, sort, search);
    return { total: list.length, values: list.slice(start, end) };
  }

  /** The last unique result (sorted and filtered as shown) as a CSV file. */
  uniqueCsvBlob(id: number, sort: UniqueSort, search: string): Blob {
    const rows = this.get(id).unique?.result.rows ?? 0;
    return new Blob([uniqueCsv(this.uniqueList(id, sort, search), rows)], { type: 'text/csv' });
  }

  private uniqueList(id: number, sort: UniqueSort, search: string): ValueCount[] {
    const unique = this.get(id).unique;
    if (!unique) throw new DatasetError('No unique values have been counted yet.');
    const key = `${sort}\u0000${search}`;
    let list = unique.views.get(key);
    if (!list) {
      list = sortedValues(unique.result.values, sort, search);
      unique.views.clear(); // one view at a time: bounded memory
      unique.views.set(key, list);
    }
    return list;
  }

  async close(id: number): Promise<void> {
    const o = this.open.get(id);
    this.open.delete(id);
    o?.indexing.abort();
    await o?.dataset.close();
  }
}
