import { DatasetError } from '../model/errors';
import type { KeptIndexStore } from '../model/keptIndexStore';
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
import type { ColumnSummary, DatasetSummary, IoStats, UniqueScope, UniqueSummary } from './protocol';
import { RequestKeys } from './requestKeys';
import { readRowWindow } from '../compute/rowWindow';
import { runUnique, type RowSelection, type UniqueProgress } from './pool/runUnique';
import { whenAborted } from '../model/abortable';
import { KeptUnique } from './uniqueResults';
import { histogramAxis } from './histogramAxis';
import { compileFilter, FilterSyntaxError, type BoundFilter } from '../compute/filter';
import { KeptFilter } from './filterResults';
import { KeptPerKey } from './keptPerKey';
import { readFilteredWindow } from './filteredRowWindow';
import { filterCondition, findCondition } from './filterCondition';
import { runFilter } from './pool/runFilter';
import { warmPool } from './pool/workerPool';
import { IdleWarm } from './idleWarm';
import type { ConditionOp, FilterAnswer, FilterLocation, FilterStatus, ViewRowWindow } from './protocol';
import type { ExportProgress, ExportResult, ExportTarget, ViewExport } from './protocol';
import { exportView } from './exportView';
import { targetSink } from './exportSinks';
import type { SortLocation, SortStatus } from './protocol';
import { KeptSort } from './sortResults';
import { runSort, sortKeysOf } from './runSort';
import { FULL_ORDER_MAX } from '../compute/sort';
import { writtenTypeChanges } from '../compute/export';
import { readSortedWindow } from './sortedRowWindow';
import { FindMemories } from './findMemory';
import { findInView, type FindAnswer } from './findInView';
import type { FindDirection, FindStatus } from './findRow';

/**
 * Answers the UI's questions about open datasets with plain data. Runs in the engine Web Worker
 * (and in Node for tests). Requests made under the same `key` cancel the previous one.
 */
export class Engine {
  private readonly datasets = new DatasetRegistry();
  private readonly requests = new RequestKeys();
  /** Filter results per dataset, under the key (a tab's) each was applied with. */
  private readonly filters = new KeptPerKey<KeptFilter>();
  /** What finds learned per dataset and expression (findMemory.ts). */
  private readonly finds = new FindMemories();
  /** Sorted views per dataset, under the key (a tab's) each was made with. */
  private readonly sorts = new KeptPerKey<KeptSort>();
  /** Starts the compute workers for a file opened, once the grid's reads pause. */
  private readonly idleWarm = new IdleWarm();

  /** Most rows a sort orders fully (past them, the first 10,000): FULL_ORDER_MAX but in tests. */
  sortFullMax = FULL_ORDER_MAX;

  /** URL of parquet-wasm's binary, for compute workers (browser only). */
  wasmUrl?: string;

  /** Keeps local streams' chunk indexes between opens (the engine worker gives it IndexedDB). */
  set keptIndexStore(store: KeptIndexStore | undefined) {
    this.datasets.keptIndexStore = store;
  }

  async openSource(source: ByteSource, local: boolean, url?: string, spec: SourceSpec | null = null): Promise<DatasetSummary> {
    const id = await this.datasets.add(source, local, url, spec);
    const { dataset } = this.datasets.get(id);
    // Once indexed (a stream's index kept for them to read) and the grid's reads pause, compute workers start and open the file: a count then does not wait for them.
    void dataset.indexed.then(() => this.idleWarm.schedule(() => warmPool(spec, dataset.chunks.length, dataset.rows, this.wasmUrl)), () => {});
    return this.summary(id);
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
   * each call counts one more step of chunks, up to `limit` (a default cap when absent), and says where it stands
   * for columns [start, end) (every column when absent) and for all of them together.
   */
  async columnSummary(id: number, limit?: number, key?: string, start?: number, end?: number): Promise<ColumnSummary> {
    return this.datasets.get(id).columnSummary.step(limit, this.requests.take(key), start, end);
  }

  /** Parquet pages of one column chunk, from their headers; a new request with the same key cancels this one. */
  async pages(id: number, chunk: number, column: number, key?: string): Promise<PageList> {
    const { dataset } = this.datasets.get(id);
    if (!dataset.pages) throw new DatasetError('Only Parquet files have pages; Arrow batches list their buffers.');
    return dataset.pages(chunk, column, this.requests.take(key));
  }

  /**
   * Display text of rows [start, start + count) of the given columns, read window by window; with
   * `filter` (the key a filter was applied under), rows of the filtered view (see filteredRows); with
   * the key a sort was made under, rows of the sorted view.
   */
  async rows(id: number, start: number, count: number, columns: number[], key?: string, filter?: string): Promise<ViewRowWindow> {
    this.idleWarm.busy();
    const signal = this.requests.take(key);
    const sorted = filter === undefined ? undefined : this.sorts.get(id, filter);
    if (sorted) return this.sortedRows(id, sorted, start, count, columns, signal);
    if (filter !== undefined) return this.filteredRows(id, start, count, columns, filter, signal);
    return readRowWindow(this.datasets.get(id).dataset, start, count, columns, signal);
  }

  /**
   * Value counts of one column over every row, in the compute pool; a new request with the same key
   * cancels this one (the page's key names the tab and the column, so other tabs and columns count on).
   * With `filter` (the key a filter was applied under), over its matching rows only: a run still going
   * is waited for; one stopped part way counts the matches it found in order (the rows the grid shows).
   * The values stay here, per column (KeptUniques): the page asks for the windows it shows (uniqueValues).
   */
  async unique(id: number, column: number, onProgress: (p: UniqueProgress) => void, key = `unique:${column}`, maxDistinct?: number, filter?: string): Promise<UniqueSummary> {
    const signal = this.requests.take(key)!;
    const entry = this.datasets.get(id);
    const field = entry.dataset.fields[column];
    if (!field) throw new DatasetError(`There is no column ${column}.`);
    if (field.unsupported) throw new DatasetError(`Column "${field.name}" is not supported: ${field.unsupported}`, { column: field.name });
    let selection: RowSelection | undefined;
    let scope: UniqueScope | undefined;
    if (filter !== undefined) {
      const applied = this.keptFilter(id, filter);
      await Promise.race([applied.settled, whenAborted(signal)]);
      if (this.filters.get(id, filter) !== applied) throw new DatasetError('The filter changed while its run was waited for: count again.');
      selection = applied.matchesByChunk();
      scope = { text: applied.text, complete: applied.status().done };
    }
    const counted = await runUnique(entry.dataset, entry.spec, column, onProgress, signal, this.wasmUrl, maxDistinct, selection);
    const type = entry.dataset.schema.fields[column].type;
    const kept = new KeptUnique({ ...uniqueResultText(counted, type, field.extension), profile: withProfileText(counted.profile, type) }, scope);
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

  /**
   * Applies a filter expression under `key`: checks it against the file's columns (a problem comes back
   * as data, pointing at the offending token), then finds its matches over every chunk in the compute
   * pool, keeping them (replacing the key's earlier filter) so that `rows` reads the filtered view while
   * the run goes on. `onProgress` hears the status at most every 100 ms; the answer is the final status.
   * Cancelling (the key, or a new filter under it) keeps the matches found in order so far.
   */
  async filter(id: number, expression: string, key: string, onProgress?: (s: FilterStatus) => void): Promise<FilterAnswer> {
    const signal = this.requests.take(key)!;
    const entry = this.datasets.get(id);
    const { dataset } = entry;
    let bound: BoundFilter;
    try {
      bound = compileFilter(expression, dataset.fields, dataset.schema);
    } catch (e) {
      if (!(e instanceof FilterSyntaxError)) throw e;
      this.filters.drop(id, key);
      return { problem: { message: e.message, offset: e.at.offset, length: e.length, line: e.at.line, column: e.at.column } };
    }
    this.filters.drop(id, key); // the key's earlier filter is gone from here on, even if this one is cancelled before it starts
    const indexed = new Promise<void>((resolve, reject) => {
      signal.addEventListener('abort', () => reject(new DOMException('Cancelled', 'AbortError')), { once: true });
      dataset.indexed.then(resolve, reject);
    });
    await indexed;
    const kept = new KeptFilter(expression, dataset.chunks, dataset.rows);
    this.filters.set(id, key, kept);
    let last = performance.now();
    let shown = 0;
    const tick = () => {
      const now = performance.now();
      // The first matches go at once (the grid paints them); then at most every 100 ms.
      if (now - last < 100 && (shown > 0 || kept.known === 0)) return;
      last = now;
      shown = kept.known;
      // Across the worker boundary the callback answers with a promise: a page gone away must not fail the run.
      void Promise.resolve(onProgress?.(kept.status())).catch(() => {});
    };
    try {
      await runFilter(dataset, entry.spec, bound, kept, signal, tick, this.wasmUrl);
      kept.end('done');
    } catch (e) {
      kept.end('cancelled');
      throw e;
    }
    return { status: kept.status() };
  }

  /** Where the filter under `key` stands (null when none is kept). */
  filterStatus(id: number, key: string): FilterStatus | null {
    this.datasets.get(id);
    return this.filters.get(id, key)?.status() ?? null;
  }

  /** Cancels the filter under `key` and forgets its matches: the view shows every row again. */
  clearFilter(id: number, key: string): void {
    this.requests.cancel(key);
    this.filters.drop(id, key);
  }

  /** The known match nearest to file row `row` (the first at or after it, else the last before it) for "go to". */
  filterLocate(id: number, row: number, key: string): FilterLocation | null {
    return this.keptFilter(id, key).locate(row);
  }

  /** A condition built by clicking (see filterCondition.ts): `name = 'value'` from file row `row`, `name IS NULL`, `name = `. */
  async filterCondition(id: number, column: number, op: ConditionOp, row?: number): Promise<string> {
    return filterCondition(this.datasets.get(id).dataset, column, op, row);
  }

  /** The find bar's "column contains X" as a filter expression, by the column's type (see filterCondition.ts). */
  findCondition(id: number, column: number, needle: string): string {
    return findCondition(this.datasets.get(id).dataset, column, needle);
  }

  /**
   * Find next / previous (findInView.ts): the nearest row after or before view row `fromRow` (-1 for the first)
   * where `expression` is true, searched chunk by chunk outward, chunks known from an earlier find of it not
   * read again; with `filter` (the key a filter was applied under), within the filtered view. `onProgress`
   * hears how far it got at most every 100 ms. A problem with the expression comes back as data.
   */
  async find(id: number, expression: string, fromRow: number, direction: FindDirection, key: string, onProgress?: (s: FindStatus) => void, filter?: string): Promise<FindAnswer> {
    const signal = this.requests.take(key);
    const { dataset } = this.datasets.get(id);
    const kept = filter === undefined ? null : this.keptFilter(id, filter);
    let last = performance.now();
    const tick = (s: FindStatus) => {
      if (performance.now() - last < 100) return;
      last = performance.now();
      void Promise.resolve(onProgress?.(s)).catch(() => {});
    };
    return findInView(dataset, this.finds, id, expression, fromRow, direction, kept, signal, tick);
  }

  /** Rows [start, start + count) of the filtered view: the matches with those ordinals (the known ones), each with its file row number. */
  private async filteredRows(id: number, start: number, count: number, columns: number[], filter: string, signal?: AbortSignal): Promise<ViewRowWindow> {
    const kept = this.keptFilter(id, filter);
    const rows = kept.fileRows(start, start + count);
    const previous = start > 0 && rows.length ? kept.fileRows(start - 1, start)[0] : undefined;
    const window = await readFilteredWindow(this.datasets.get(id).dataset, start, rows, columns, signal, previous);
    if (start === 0 && rows.length) kept.firstRowsServed();
    return { ...window, viewRows: kept.known };
  }

  private keptFilter(id: number, key: string): KeptFilter {
    this.datasets.get(id);
    const kept = this.filters.get(id, key);
    if (!kept) throw new DatasetError('No filter is applied here any more: apply it again.');
    return kept;
  }

  /**
   * Sorts the rows (`spec` in the CLI's `--sort` syntax) under `key`, on top of the filter kept under
   * `filter` when given (its known matches): the full order up to 10M rows, else the exact first 10,000
   * with a note saying so (runSort.ts). Kept for `rows(…, key)` once done; a new sort or clearSort under
   * the key cancels it (nothing is kept then). `onProgress` hears the status at most every 100 ms.
   */
  async sort(id: number, spec: string, key: string, filter?: string | null, onProgress?: (s: SortStatus) => void): Promise<SortStatus> {
    const signal = this.requests.take(key)!;
    this.sorts.drop(id, key);
    const entry = this.datasets.get(id);
    const { dataset } = entry;
    const keys = sortKeysOf(dataset, spec);
    await dataset.indexed;
    const kept = filter ? this.keptFilter(id, filter) : null;
    const sort = new KeptSort(spec, keys, kept ? kept.known : dataset.rows, dataset.rows, kept !== null);
    let last = performance.now();
    const progress = (p: { rowsDone: number; rows: number }) => {
      sort.rowsDone = p.rowsDone;
      sort.rowsToRead = p.rows;
      if (performance.now() - last < 100) return;
      last = performance.now();
      void Promise.resolve(onProgress?.(sort.status())).catch(() => {});
    };
    try {
      await runSort(dataset, sort, kept, signal, progress, this.sortFullMax, { spec: entry.spec, wasmUrl: this.wasmUrl });
    } catch (e) {
      sort.end('cancelled');
      throw e;
    }
    this.sorts.set(id, key, sort);
    return sort.status();
  }

  /** Cancels the sort under `key` and forgets its order: the view is in file (or filter) order again. */
  clearSort(id: number, key: string): void {
    this.requests.cancel(key);
    this.sorts.drop(id, key);
  }

  /** Where file row `row` is in the sorted view under `key` (null: not in it). */
  sortLocate(id: number, row: number, key: string): SortLocation | null {
    this.datasets.get(id);
    return this.sorts.get(id, key)?.locate(row) ?? null;
  }

  /** Rows [start, start + count) of a sorted view, each with its file row number. */
  private async sortedRows(id: number, sorted: KeptSort, start: number, count: number, columns: number[], signal?: AbortSignal): Promise<ViewRowWindow> {
    const window = await readSortedWindow(this.datasets.get(id).dataset, start, sorted.fileRowsOf(start, start + count), columns, signal);
    return { ...window, viewRows: sorted.rows };
  }

  /**
   * Writes what the Data view shows (`request`; `view`: the key its rows are kept under, the tab's
   * sorted view or its filter) to `target`, a group of rows at a time; a new request with the same key
   * cancels this one, and a cancelled or failed export leaves no partial file. `onChunk` hears the
   * bytes when the target is the page.
   */
  async exportView(id: number, request: ViewExport, key: string, view: string | undefined, target: ExportTarget, onProgress?: (p: ExportProgress) => void, onChunk?: (bytes: Uint8Array) => unknown): Promise<ExportResult> {
    const signal = this.requests.take(key);
    const sorted = view === undefined ? undefined : this.sorts.get(id, view);
    const filter = view === undefined || sorted ? undefined : this.keptFilter(id, view);
    const sink = await targetSink(target, onChunk);
    const progress = onProgress && ((p: ExportProgress) => void Promise.resolve(onProgress(p)).catch(() => {}));
    const entry = this.datasets.get(id);
    const result = await exportView(entry.dataset, request, { sorted, filter }, sink, signal, progress, { spec: entry.spec, wasmUrl: this.wasmUrl });
    const columns = request.columns ?? entry.dataset.schema.fields.map((_, c) => c);
    return { ...result, typeChanges: writtenTypeChanges(entry.dataset, columns, request.format) };
  }

  async close(id: number): Promise<void> {
    this.filters.dropDataset(id);
    this.finds.dropDataset(id);
    this.sorts.dropDataset(id);
    await this.datasets.close(id);
  }
}
