import { DatasetError } from '../model/errors';
import type { ChunkDetail, ChunkInfo, PageList } from '../model/types';
import type { ByteSource } from '../model/byteSource';
import type { SourceSpec } from '../source/SourceSpec';
import { decoderMemoryBytes } from '../dataset/decoders';
import { withProfileText } from '../compute/profileText';
import { uniqueResultText } from '../compute/uniqueValueText';
import type { UniqueSort } from '../compute/sortedUniqueValues';
import type { ValueCount } from '../compute/uniqueTypes';
import { DatasetRegistry } from './datasetRegistry';
import { datasetSummary, ioStats } from './datasetSummary';
import type { ColumnSummary, DatasetSummary, IoStats, RowWindow, UniqueSummary } from './protocol';
import { RequestKeys } from './requestKeys';
import { readRowWindow } from '../compute/rowWindow';
import { runUnique, type UniqueProgress } from './pool/runUnique';
import { KeptUnique } from './uniqueResults';
import { histogramAxis } from './histogramAxis';

/**
 * Answers the UI's questions about open datasets with plain data. Runs in the engine Web Worker
 * (and in Node for tests). Requests made under the same `key` cancel the previous one.
 */
export class Engine {
  private readonly datasets = new DatasetRegistry();
  private readonly requests = new RequestKeys();

  /** URL of parquet-wasm's binary, for compute workers (browser only). */
  wasmUrl?: string;

  async openSource(source: ByteSource, local: boolean, url?: string, spec: SourceSpec | null = null): Promise<DatasetSummary> {
    return this.summary(await this.datasets.add(source, local, url, spec));
  }

  /** Stops indexing a long stream where it is: what was found so far stays explorable. */
  stopIndexing(id: number): void {
    this.datasets.get(id).indexing.abort();
  }

  /** Cancels whatever request runs under `key`. */
  cancel(key: string): void {
    this.requests.cancel(key);
  }

  summary(id: number): DatasetSummary {
    return datasetSummary(id, this.datasets.get(id));
  }

  async stats(id: number): Promise<IoStats> {
    return ioStats(this.datasets.get(id));
  }

  /** Bytes of parquet-wasm memory in this worker (it never shrinks: past a budget, replace the worker). */
  wasmBytes(): Promise<number> {
    return decoderMemoryBytes();
  }

  chunks(id: number, start: number, end: number): ChunkInfo[] {
    return this.datasets.get(id).dataset.chunks.slice(start, end);
  }

  async chunkDetail(id: number, chunk: number, key?: string): Promise<ChunkDetail> {
    return this.datasets.get(id).dataset.chunkDetail(chunk, this.requests.take(key));
  }

  /**
   * Every column over the whole file from metadata only (sizes, nulls, codecs, encodings, statistics):
   * each call counts one more step of chunks, up to `limit` (a default cap when absent), and says where it stands.
   */
  async columnSummary(id: number, limit?: number, key?: string): Promise<ColumnSummary> {
    return this.datasets.get(id).columnSummary.step(limit, this.requests.take(key));
  }

  /** Parquet pages of one column chunk, from their headers; a new request with the same key cancels this one. */
  async pages(id: number, chunk: number, column: number, key?: string): Promise<PageList> {
    const { dataset } = this.datasets.get(id);
    if (!dataset.pages) throw new DatasetError('Only Parquet files have pages; Arrow batches list their buffers.');
    return dataset.pages(chunk, column, this.requests.take(key));
  }

  /** Display text of rows [start, start + count) of the given columns, read window by window. */
  async rows(id: number, start: number, count: number, columns: number[], key?: string): Promise<RowWindow> {
    const signal = this.requests.take(key);
    return readRowWindow(this.datasets.get(id).dataset, start, count, columns, signal);
  }

  /**
   * Value counts of one column over every row, in the compute pool; a new request with the same key
   * cancels this one (the page's key names the tab and the column, so other tabs and columns count on).
   * The values stay here, per column (KeptUniques): the page asks for the windows it shows (uniqueValues).
   */
  async unique(id: number, column: number, onProgress: (p: UniqueProgress) => void, key = `unique:${column}`, maxDistinct?: number): Promise<UniqueSummary> {
    const signal = this.requests.take(key)!;
    const entry = this.datasets.get(id);
    const field = entry.dataset.fields[column];
    if (!field) throw new DatasetError(`There is no column ${column}.`);
    if (field.unsupported) throw new DatasetError(`Column "${field.name}" is not supported: ${field.unsupported}`, { column: field.name });
    const counted = await runUnique(entry.dataset, entry.spec, column, onProgress, signal, this.wasmUrl, maxDistinct);
    const type = entry.dataset.schema.fields[column].type;
    const kept = new KeptUnique({ ...uniqueResultText(counted, type, field.extension), profile: withProfileText(counted.profile, type) });
    entry.unique.keep(column, kept);
    return { ...kept.summary(field.name, column), axis: histogramAxis(counted.profile, type), keptColumns: entry.unique.columns };
  }

  /** Rows [start, end) of a column's kept unique result, sorted and filtered as asked; with the filtered total. */
  uniqueValues(id: number, column: number, start: number, end: number, sort: UniqueSort, search: string): { total: number; values: ValueCount[] } {
    return this.datasets.get(id).unique.get(column).window(start, end, sort, search);
  }

  /** A column's kept unique result (sorted and filtered as shown) as a CSV file. */
  uniqueCsvBlob(id: number, column: number, sort: UniqueSort, search: string): Blob {
    return this.datasets.get(id).unique.get(column).csvBlob(sort, search);
  }

  async close(id: number): Promise<void> {
    await this.datasets.close(id);
  }
}
