import { Field, Null, Schema, type Vector } from 'apache-arrow';
import type { FileMetaData, RowGroup, SchemaElement } from 'hyparquet';
import type { ByteSource } from '../model/byteSource';
import type { ChunkTable } from '../model/chunkTable';
import { DatasetError, type DatasetProblem } from '../model/errors';
import type { ByteRanges, ChunkDetail, ChunkInfo, ColumnRange, Dataset, FieldInfo, OpenOptions, PageList, RowRange } from '../model/types';
import { firstValues } from '../valueText/metadataText';
import { arrowSchema } from './arrowSchema';
import { chunkDetail } from './chunkDetail';
import { columnPages } from './columnPages';
import { columnSubsets, type ColumnSubset } from './columnSubset';
import { decodeError } from './decodeError';
import { flatChunkRanges } from './flatChunk';
import { footerPlace, footerProblems } from './footerChecks';
import { intervalsAsBytes } from './intervalColumns';
import type { ColumnRequest } from './loadColumn';
import { loadColumnGroup } from './loadColumnGroup';
import { originalFields } from './originalSchema';
import { fastparquetCoarseTimestamps, nullCountDistrust, pageBoundsDistrust, writerVersion, type StatisticsRules } from './statisticsRules';
import { PageWindows } from './pageWindow';
import { parquetFieldInfo } from './parquetFields';
import { readParquetFooter } from './readParquetFooter';
import { rowGroupChunks } from './rowGroupChunks';
import type { RowGroupColumns, RowGroupMeta } from './rowGroupMeta';
import { countUndeclaredRows, recountedRowsProblem } from './undeclaredRows';
import { markUnsupportedColumns } from './unsupportedColumns';

const KEEP_DECODED = 4;

interface PendingLoad {
  request: ColumnRequest;
  resolve: (vector: Vector) => void;
  reject: (e: unknown) => void;
}
/** Columns of a wide row group whose chunks are decoded at a time when it is described. */
const PART_COLUMNS = 2_000;

class ParquetDataset implements Dataset {
  readonly format = 'parquet' as const;
  readonly problems: DatasetProblem[] = [];
  readonly fields: FieldInfo[];
  readonly metadata: Record<string, string>;
  readonly createdBy?: string;
  readonly version: string;
  private chunkTable: ChunkTable;
  readonly indexComplete = true;
  readonly indexed = Promise.resolve();
  schema: Schema;
  private readonly subsets: ColumnSubset[];
  private readonly decoded = new Map<string, Vector>();
  /** Row windows decoded from only the pages covering them (pageWindow.ts). */
  private readonly pageWindows: PageWindows;
  /** Column loads asked for in the current turn, started together at its end (load). */
  private pending: PendingLoad[] = [];
  /** Columns whose type comes from the stored Arrow schema (ARROW:schema), as pyarrow reads them. */
  private readonly restored = new Set<number>();
  /** The footer the columns are decoded by (INTERVAL columns as plain bytes, intervalColumns.ts). */
  private readonly md: FileMetaData;
  /** The columns as the footer describes them (an INTERVAL an INTERVAL, whose statistics pyarrow does not use). */
  private readonly described: ColumnSubset[];
  /** What decides which statistics pyarrow uses (statisticsRules.ts). */
  private readonly statisticsRules: StatisticsRules;

  constructor(
    readonly source: ByteSource,
    /** The footer without its row groups: those are in `rowGroups`, decoded one at a time. */
    md: FileMetaData,
    private readonly rowGroups: RowGroupMeta,
    /** The first row group listing column chunks (encrypted columns are told from it). */
    firstRowGroup: RowGroup | undefined,
    geoMarked: ReadonlySet<SchemaElement>,
  ) {
    const described = columnSubsets(md);
    this.described = described;
    this.fields = described.map((s) => parquetFieldInfo(s.elements));
    this.md = intervalsAsBytes(md);
    this.subsets = this.md === md ? described : columnSubsets(this.md);
    this.metadata = Object.fromEntries(firstValues((md.key_value_metadata ?? []).map((kv) => [kv.key, kv.value ?? ''])));
    const writer = writerVersion(md.created_by);
    this.statisticsRules = { writer, columnOrders: rowGroups.index.columnOrders, geoMarked, coarseTimestamp: fastparquetCoarseTimestamps(writer, this.metadata.pandas) };
    this.createdBy = md.created_by;
    this.version = `Parquet format ${md.version}`;
    this.chunkTable = rowGroupChunks(rowGroups.index);
    this.pageWindows = new PageWindows(source);
    // A stand-in until loadArrowSchema: one type and one empty metadata map for all (100,000 columns make 100,000 otherwise).
    const none = new Null();
    const noMetadata = new Map<string, string>();
    this.schema = new Schema(this.fields.map((f) => new Field(f.name, none, f.nullable, noMetadata)));
    this.problems.push(...markUnsupportedColumns(firstRowGroup, this.subsets, this.fields));
  }

  async loadArrowSchema(): Promise<void> {
    const origin = originalFields(this.md, this.fields.map((f) => f.name));
    if (origin.problem) this.problems.push(origin.problem);
    this.schema = await arrowSchema(this.md, this.subsets, this.fields, this.metadata, origin.fields, this.restored);
  }

  /** Counts the rows of row groups whose footer says 0 though their pages hold some (see countUndeclaredRows). */
  async countUndeclaredRows(signal?: AbortSignal): Promise<void> {
    const rows = await countUndeclaredRows(this.rowGroups, this.subsets, this.fields, (chunk, column) => this.load(chunk, column, signal));
    if (!rows) return;
    const problem = recountedRowsProblem(this.rowGroups.index.numRows, rows);
    if (problem) this.problems.push(problem);
    this.chunkTable = rowGroupChunks(this.rowGroups.index, rows);
  }

  get chunks(): readonly ChunkInfo[] {
    return this.chunkTable.view();
  }

  get rows(): number {
    return this.chunkTable.totalRows;
  }

  /** The column's chunks of row group `chunk` (a wide row group's others left undecoded), and its subset rebased to them. */
  private columnChunks(chunk: number, column: number): { rg: RowGroupColumns; subset: ColumnSubset } {
    const subset = this.subsets[column];
    return { rg: this.rowGroups.columnChunks(chunk, subset.firstLeaf, subset.leaves), subset: { ...subset, firstLeaf: 0 } };
  }

  /**
   * Columns asked for in the same turn (a row window asks for all its columns at once) are loaded
   * together, row group by row group, so that small ones are decoded in one call (loadColumnGroup).
   */
  private load(chunk: number, column: number, signal?: AbortSignal): Promise<Vector> {
    const request = this.columnRequest(chunk, column, signal);
    return new Promise<Vector>((resolve, reject) => {
      if (this.pending.length === 0) queueMicrotask(() => this.loadPending());
      this.pending.push({ request, resolve, reject });
    });
  }

  private columnRequest(chunk: number, column: number, signal?: AbortSignal): ColumnRequest {
    const { rg, subset } = this.columnChunks(chunk, column);
    return { source: this.source, md: this.md, rowGroup: chunk, rg, subset, field: this.schema.fields[column], restored: this.restored.has(column), signal };
  }

  private loadPending(): void {
    const byRowGroup = new Map<number, PendingLoad[]>();
    for (const p of this.pending) {
      const list = byRowGroup.get(p.request.rowGroup);
      if (list) list.push(p);
      else byRowGroup.set(p.request.rowGroup, [p]);
    }
    this.pending = [];
    for (const list of byRowGroup.values()) {
      loadColumnGroup(list.map((p) => p.request)).forEach((vector, k) => vector.then(list[k].resolve, list[k].reject));
    }
  }

  async chunkDetail(chunk: number, signal?: AbortSignal, columns?: ColumnRange): Promise<ChunkDetail> {
    if (!this.rowGroups.has(chunk)) throw new DatasetError(`There is no row group ${chunk}.`, { chunk });
    // The row group's metadata and raw statistics are decoded from its bytes of the footer now (a few
    // kept); of a wide one, only the chunks of the columns asked for.
    const info = this.chunkTable.info(chunk)!;
    const detail = columns && (await this.detailInParts(chunk, info, columns, signal));
    if (detail) return detail;
    const { rowGroup, raw } = this.rowGroups.get(chunk);
    return chunkDetail(rowGroup, this.described, this.fields, info, this.statisticsRules, raw, this.schema, columns);
  }

  /**
   * Columns [start, end) of a wide row group described PART_COLUMNS at a time, each part's column
   * chunks decoded alone and dropped before the next (short-lived, so cheap to collect), the thread
   * given back between parts (a row window asked meanwhile waits for one part, not for 20,000
   * columns); undefined when the row group is to be decoded whole (RowGroupMeta.part).
   */
  private async detailInParts(chunk: number, info: ChunkInfo, columns: ColumnRange, signal?: AbortSignal): Promise<ChunkDetail | undefined> {
    const start = Math.max(0, Math.min(columns.start, this.described.length));
    const end = Math.max(start, Math.min(columns.end, this.described.length));
    if (end === start) return undefined;
    // Subsets rebased to each part's chunks, at their own column numbers (chunkDetail reads only the range's).
    const rebased: ColumnSubset[] = new Array<ColumnSubset>(this.described.length);
    let detail: ChunkDetail | undefined;
    for (let from = start; from < end; from += PART_COLUMNS) {
      if (from > start) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        signal?.throwIfAborted();
      }
      const to = Math.min(end, from + PART_COLUMNS);
      const first = this.described[from].firstLeaf;
      const last = this.described[to - 1];
      const decoded = this.rowGroups.part(chunk, first, last.firstLeaf + last.leaves - first);
      if (!decoded) return undefined;
      for (let c = from; c < to; c++) rebased[c] = { ...this.described[c], firstLeaf: this.described[c].firstLeaf - first };
      const part = chunkDetail(decoded.rowGroup, rebased, this.fields, info, this.statisticsRules, decoded.raw, this.schema, { start: from, end: to });
      if (detail) for (const c of part.columns) detail.columns.push(c);
      else detail = part;
    }
    return detail;
  }

  /** Why a flat column's page index min/max may not decide a filter (statisticsRules.ts pageBoundsDistrust), or undefined. */
  pageBoundsDistrust(column: number): string | undefined {
    const elements = this.described[column]?.elements;
    return elements?.length === 1 ? pageBoundsDistrust(elements[0], this.statisticsRules) : 'not a flat column';
  }

  async pages(chunk: number, column: number, signal?: AbortSignal): Promise<PageList> {
    const field = this.fields[column];
    if (!this.rowGroups.has(chunk) || !field) throw new DatasetError(`There is no column ${column} in row group ${chunk}.`, { chunk, column });
    const { rg, subset } = this.columnChunks(chunk, column);
    return columnPages(this.source, rg, chunk, subset, field.name, signal, nullCountDistrust(this.statisticsRules.writer));
  }

  /**
   * Columns whose pages byteRanges read and could not give in place: their other chunks are not read
   * that way too, as each chunk declined is read again by readColumn (a column of accented names: twice the I/O).
   */
  private readonly declinedRanges = new Set<number>();

  async byteRanges(chunk: number, column: number, signal?: AbortSignal): Promise<ByteRanges | null> {
    const field = this.fields[column];
    if (!field || field.unsupported || !this.rowGroups.has(chunk) || this.declinedRanges.has(column)) return null;
    const request = this.columnRequest(chunk, column, signal);
    if (Number(request.rg.num_rows) !== this.chunkTable.rows(chunk)) return null;
    try {
      const ranges = await flatChunkRanges(request);
      if (ranges !== 'declined') return ranges;
    } catch {
      signal?.throwIfAborted(); // else readColumn reports it in its own words
    }
    this.declinedRanges.add(column);
    return null;
  }

  async readColumn(chunk: number, column: number, rows?: RowRange, signal?: AbortSignal): Promise<Vector> {
    const field = this.fields[column];
    if (!field) throw new DatasetError(`There is no column ${column}.`, { chunk, column });
    if (!this.rowGroups.has(chunk)) throw new DatasetError(`There is no row group ${chunk}.`, { chunk });
    if (field.unsupported) throw new DatasetError(`Column "${field.name}" is not supported: ${field.unsupported}`, { chunk, column: field.name }, 'Other columns are unaffected.');
    const key = `${chunk}:${column}`;
    let vector = this.decoded.get(key);
    if (!vector && rows) {
      try {
        const window = await this.pageWindows.read(this.columnRequest(chunk, column, signal), column, this.chunkTable.rows(chunk), rows);
        if (window) return window;
      } catch (e) {
        throw decodeError(e, field.name, chunk);
      }
    }
    if (!vector) {
      try {
        vector = await this.load(chunk, column, signal);
      } catch (e) {
        throw decodeError(e, field.name, chunk);
      }
      const expected = this.chunkTable.rows(chunk);
      if (vector.length !== expected) {
        throw new DatasetError(
          `Column "${field.name}" of row group ${chunk} holds ${vector.length.toLocaleString('en-US')} rows where the row group has ${expected.toLocaleString('en-US')}: its pages and the footer disagree, so its values are not shown.`,
          { chunk, column: field.name },
          'Other columns and row groups can still be read.',
        );
      }
      // Kept briefly for row windows, so scrolling through a row group does not decode it again;
      // whole-column reads (scans) are not kept: they would only hold memory.
      if (rows) {
        this.decoded.set(key, vector);
        if (this.decoded.size > KEEP_DECODED) this.decoded.delete(this.decoded.keys().next().value!);
      }
    }
    return rows ? vector.slice(rows.start, rows.end) : vector;
  }

  async close(): Promise<void> {
    this.decoded.clear();
    this.pageWindows.clear();
    await this.source.close?.();
  }
}

/** An open Parquet file: a dataset, and what it tells of its page indexes (pageIndex.ts withFilterReaders). */
export type ParquetFile = Dataset & Pick<ParquetDataset, 'pageBoundsDistrust'>;

/** Opens a Parquet file by reading its footer only. */
export async function openParquet(source: ByteSource, options: OpenOptions = {}): Promise<ParquetFile> {
  const { md, rowGroups, geoMarked } = await readParquetFooter(source, options.signal);
  // Encrypted columns are told from the first row group listing column chunks, decoded only when the
  // footer walk saw an encrypted chunk in it (a wide file's is tens of MB decoded).
  const first = rowGroups.firstWithColumns();
  const firstRowGroup = first === undefined || !rowGroups.hasEncryptedChunk(first) ? undefined : rowGroups.rowGroup(first);
  let dataset: ParquetDataset;
  try {
    dataset = new ParquetDataset(source, md, rowGroups, firstRowGroup, geoMarked);
  } catch {
    // The footer parsed and its structure was checked (footerChecks.ts); what is left is a schema the engine cannot map.
    const footerStart = source.size - 8 - md.metadata_length;
    throw new DatasetError(`${footerPlace(footerStart, md.metadata_length)} was read, but its schema does not hold together.`, { offset: footerStart }, 'Nothing of this file can be shown reliably.');
  }
  dataset.problems.push(...footerProblems(md, rowGroups));
  await dataset.loadArrowSchema();
  await dataset.countUndeclaredRows(options.signal);
  options.onProgress?.({ chunks: dataset.chunks.length, rows: dataset.rows, bytesScanned: source.size, done: true });
  return dataset;
}
