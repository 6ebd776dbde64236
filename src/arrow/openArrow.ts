import type { Schema, Vector } from 'apache-arrow';
import { type RecordBatchHeader } from '../adapters/apacheArrowInternals';
import type { ByteSource, ReadOptions } from '../model/byteSource';
import { CachedSource } from '../source/cachedSource';
import { decodedCache } from '../source/decodedCache';
import { DatasetError, type DatasetProblem } from '../model/errors';
import type { ChunkDetail, ChunkInfo, Dataset, FieldInfo, OpenOptions, RowRange } from '../model/types';
import { bufferRoles } from './bufferRoles';
import { rejectedExtensions } from './extensionProblems';
import { columnSpans, hasViewTypes, type ColumnSpan } from './columnSpans';
import { codecName } from './codecs';
import { DictionaryLoader, dictionaryIds } from './dictionaries';
import { fieldInfo } from './fieldInfo';
import type { IpcIndex } from './ipcIndex';
import { loadColumn, type ColumnRequest, type DecodedScopes } from './loadColumn';
import { loadRowWindow, supportsRowWindow } from './loadRowWindow';
import { decodeMetadataAt, messageHeader } from './readMessage';
import { readFooterIndex } from './readFileFooter';
import { readStreamSchema, scanRest } from './scanStream';
import { scanSegmented, SEGMENTED_MIN_BYTES, SEGMENTED_MIN_LATENCY_MS } from './segmentScan';
import { keptIndexBytes, keptIndexKey, restoreKeptIndex } from './keptIndex';
import { SharedTask } from '../model/abortable';

/** Decoded batch headers kept: enough for a row window across a few batches. */
const KEEP_HEADERS = 4;
const METADATA_VERSION_NAMES = ['V1', 'V2', 'V3', 'V4', 'V5'];
/** Information, not an error: such files are read in full. */
export const BIG_ENDIAN_NOTE = 'big-endian file: values byte-swapped on read';

class ArrowDataset implements Dataset {
  readonly problems: DatasetProblem[] = [];
  readonly fields: FieldInfo[];
  readonly metadata: Record<string, string>;
  readonly version: string;
  indexComplete = false;
  indexed: Promise<void> = Promise.resolve();
  indexKept = false;
  private readonly spans: ColumnSpan[];
  private readonly viewTypes: boolean;
  private readonly dictionaryLoader: DictionaryLoader;
  /** The last few batch headers decoded: a batch of 100,000 columns has megabytes of them, read once for all its columns. */
  private readonly headers = new Map<number, SharedTask<RecordBatchHeader>>();
  private readonly unsupported: (string | undefined)[];
  /** This file's decoded buffers and columns in the worker's decoded cache, dropped on close. */
  private readonly decoded: DecodedScopes = { buffers: decodedCache.scope('arrow-buffers'), columns: decodedCache.scope('arrow-columns') };

  constructor(
    readonly format: 'arrow-stream' | 'arrow-file',
    readonly source: ByteSource,
    private readonly index: IpcIndex,
  ) {
    const fields = index.schema.fields;
    this.unsupported = fields.map((_, i) => index.unsupported.get(i)?.reason);
    if (index.bigEndian) this.problems.push({ message: BIG_ENDIAN_NOTE, where: {}, stillWorks: 'Every value is shown as written; nothing is lost.' });
    this.problems.push(...rejectedExtensions(fields));
    this.fields = fields.map((f, i) => fieldInfo(f, this.unsupported[i], index.unsupported.get(i)?.typeName));
    this.metadata = Object.fromEntries(index.schema.metadata);
    this.version = METADATA_VERSION_NAMES[index.metadataVersion] ?? `V${index.metadataVersion + 1}`;
    this.spans = columnSpans(fields, index.metadataVersion, [], index.unsupported);
    this.viewTypes = hasViewTypes(fields);
    this.dictionaryLoader = new DictionaryLoader(source, index);
  }

  get schema(): Schema {
    return this.index.schema;
  }

  get chunks(): readonly ChunkInfo[] {
    return this.index.batches.view();
  }

  get rows(): number {
    return this.index.batches.totalRows;
  }

  private batch(chunk: number) {
    const b = this.index.batches.entry(chunk);
    if (!b) throw new DatasetError(`There is no batch ${chunk} (the file has ${this.index.batches.length} so far).`, { chunk });
    return b;
  }

  private async header(chunk: number, signal?: AbortSignal): Promise<RecordBatchHeader> {
    const b = this.batch(chunk);
    const scanned = this.index.scannedHeaders?.get(chunk);
    if (scanned) return scanned;
    let header = this.headers.get(chunk);
    if (!header || header.abandoned) {
      // Shared by every request for this batch; dropped only when all of them are cancelled.
      const task = new SharedTask((s) => decodeMetadataAt(this.source, b.metadataOffset, b.metadataLength, s).then((m) => messageHeader<RecordBatchHeader>(m, b.offset)));
      this.headers.set(chunk, task);
      task.promise.catch(() => this.headers.get(chunk) === task && this.headers.delete(chunk));
      if (this.headers.size > KEEP_HEADERS) this.headers.delete(this.headers.keys().next().value!);
      header = task;
    }
    return header.wait(signal);
  }

  /** Column spans for one batch: they differ per batch only when view types carry variadic buffers. */
  private spansFor(header: RecordBatchHeader): ColumnSpan[] {
    return this.viewTypes ? columnSpans(this.index.schema.fields, this.index.metadataVersion, header.variadicBufferCounts, this.index.unsupported) : this.spans;
  }

  async chunkDetail(chunk: number, signal?: AbortSignal): Promise<ChunkDetail> {
    const b = this.batch(chunk);
    const header = await this.header(chunk, signal);
    const fields = this.index.schema.fields;
    const spans = this.spansFor(header);
    const columns = fields.map((field, column) => {
      const span = spans[column];
      const roles = bufferRoles(field, header, span, this.index.metadataVersion, chunk);
      const regions = header.buffers.slice(span.bufferStart, span.bufferEnd).map((r, k) => ({
        field: roles[k]?.field ?? field.name,
        kind: roles[k]?.role ?? 'buffer',
        offset: b.bodyOffset + r.offset,
        length: r.length,
      }));
      const bytes = regions.reduce((sum, r) => sum + r.length, 0);
      return {
        column,
        bytes,
        offset: regions.find((r) => r.length > 0)?.offset,
        nullCount: header.nodes[span.nodeStart]?.nullCount,
        codec: codecName(header.compression?.type),
        regions,
      };
    });
    const dictionaries = [...b.dictionaries.values()].flatMap((pieces) => pieces.list()).map((e) => {
      const d = this.index.dictionaries[e];
      return { id: d.id, offset: d.offset, bytes: d.bodyOffset + d.bodyLength - d.offset, isDelta: d.isDelta };
    });
    return {
      ...this.index.batches.info(chunk)!,
      compression: codecName(header.compression?.type),
      metadata: Object.fromEntries(header.metadata),
      columns,
      dictionaries,
    };
  }

  async readColumn(chunk: number, column: number, rows?: RowRange, signal?: AbortSignal, options?: ReadOptions): Promise<Vector> {
    const field = this.index.schema.fields[column];
    if (!field) throw new DatasetError(`There is no column ${column}.`, { chunk, column });
    const reason = this.unsupported[column];
    if (reason) throw new DatasetError(`Column "${field.name}" is not supported: ${reason}`, { chunk, column: field.name }, 'Other columns are unaffected.');
    const batch = this.batch(chunk);
    const header = await this.header(chunk, signal);
    let dictionaries;
    try {
      dictionaries = await this.dictionaryLoader.forIds(dictionaryIds(field.type), batch.dictionaries, signal);
    } catch (e) {
      if (e instanceof DatasetError) throw new DatasetError(e.message, { ...e.where, chunk, column: field.name }, e.stillWorks);
      throw e;
    }
    const req: ColumnRequest = {
      source: this.source,
      batch,
      batchIndex: chunk,
      header,
      field,
      column,
      span: this.spansFor(header)[column],
      metadataVersion: this.index.metadataVersion,
      bigEndian: this.index.bigEndian,
      dictionaries,
      signal,
      decoded: this.decoded,
      recyclable: !rows && options?.recyclable === true,
    };
    if (rows && !this.index.bigEndian && supportsRowWindow(field.type, header.compression !== null, decodedCache.enabled)) return loadRowWindow(req, rows);
    return loadColumn(req, rows);
  }

  async close(): Promise<void> {
    this.decoded.buffers.close();
    this.decoded.columns.close();
    await this.source.close?.();
  }
}

/** Opens an Arrow IPC stream or file, reading only message headers (stream) or the footer (file). */
export async function openArrow(source: ByteSource, format: 'arrow-stream' | 'arrow-file', options: OpenOptions = {}): Promise<Dataset> {
  const { signal, onProgress, kept } = options;
  // Indexing keeps its own read-ahead window: going through the block cache would only evict hot blocks.
  const direct = source instanceof CachedSource ? source.inner : source;
  if (format === 'arrow-file') {
    const { index, problem } = await readFooterIndex(direct, signal);
    const dataset = new ArrowDataset(format, source, index);
    if (problem) dataset.problems.push(problem);
    dataset.indexComplete = true;
    onProgress?.({ chunks: index.batches.length, rows: dataset.rows, bytesScanned: source.size, done: true });
    return dataset;
  }
  const [{ index, next, window }, keptKey] = await Promise.all([readStreamSchema(direct, signal), kept ? keptIndexKey(direct, kept.lastModified, signal) : null]);
  const keptBytes = keptKey ? await kept!.store.get(keptKey).catch(() => undefined) : undefined;
  const fromKept = !!keptBytes && restoreKeptIndex(index, keptBytes, next, direct.size);
  const dataset = new ArrowDataset(format, source, index);
  let lastReport = 0;
  const report = (done: boolean) => {
    onProgress?.({ chunks: index.batches.length, rows: dataset.rows, bytesScanned: index.batches.length ? index.batches.end : next, done });
  };
  if (fromKept) {
    dataset.indexKept = true;
    dataset.indexComplete = true;
    report(true);
    return dataset;
  }
  let firstBatch: () => void = () => {};
  const firstSeen = new Promise<void>((resolve) => (firstBatch = resolve));
  // Several walkers pay off where reads overlap and each costs a round trip (HTTP); a browser's Blob reads
  // do not overlap (one at a time ~1.1 ms, sixteen in flight ~1.7 ms each, measured), so a local stream is
  // walked by one reader, reading through small batches in big blocks.
  const segmented = direct.size >= SEGMENTED_MIN_BYTES && window.readLatencyMs >= SEGMENTED_MIN_LATENCY_MS;
  const scan = segmented ? scanSegmented : scanRest;
  dataset.indexed = scan(index, window, next, {
    signal,
    onBatch: () => {
      firstBatch();
      const now = Date.now();
      if (now - lastReport > 100) {
        lastReport = now;
        report(false);
      }
    },
  })
    .then((problem) => {
      if (problem) dataset.problems.push(problem);
      else if (keptKey) void kept!.store.put(keptKey, keptIndexBytes(index, next)).catch(() => {});
    })
    .catch((e: unknown) => {
      if (signal?.aborted) {
        const found = `${index.batches.length.toLocaleString('en-US')} batches (${dataset.rows.toLocaleString('en-US')} rows)`;
        dataset.problems.push({ message: `Indexing was stopped after ${found}; the rest of the stream is not listed.`, where: {}, stillWorks: `The ${found} found so far can be explored.` });
      } else dataset.problems.push({ message: `Indexing stopped: ${(e as Error).message}`, where: {} });
    })
    .finally(() => {
      dataset.indexComplete = true;
      report(true);
      firstBatch();
    });
  await firstSeen;
  return dataset;
}
