import { Field, Null, Schema, type Vector } from 'apache-arrow';
import { parquetSchema, type FileMetaData } from 'hyparquet';
import type { ByteSource } from '../model/byteSource';
import type { ChunkTable } from '../model/chunkTable';
import { DatasetError, type DatasetProblem } from '../model/errors';
import type { ChunkDetail, ChunkInfo, Dataset, FieldInfo, OpenOptions, PageList, RowRange } from '../model/types';
import { arrowSchema } from './arrowSchema';
import { chunkDetail } from './chunkDetail';
import { columnPages } from './columnPages';
import { columnSubsets, type ColumnSubset } from './columnSubset';
import { decodeError } from './decodeError';
import { footerPlace, footerProblems } from './footerChecks';
import { loadColumn } from './loadColumn';
import { originalFields } from './originalSchema';
import { parquetFieldInfo } from './parquetFields';
import { rawStatistics, type RawMinMax } from './rawStatistics';
import { readParquetFooter } from './readParquetFooter';
import { rowGroupChunks } from './rowGroupChunks';
import { countUndeclaredRows } from './undeclaredRows';
import { markUnsupportedColumns } from './unsupportedColumns';

const KEEP_DECODED = 4;

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
  /** Columns whose type comes from the stored Arrow schema (ARROW:schema), as pyarrow reads them. */
  private readonly restored = new Set<number>();
  private rawStats?: Promise<RawMinMax[][] | undefined>;

  constructor(
    readonly source: ByteSource,
    private readonly md: FileMetaData,
  ) {
    const tree = parquetSchema(md);
    this.fields = tree.children.map((node) => parquetFieldInfo(node));
    this.subsets = columnSubsets(md);
    this.metadata = Object.fromEntries((md.key_value_metadata ?? []).map((kv) => [kv.key, kv.value ?? '']));
    this.createdBy = md.created_by;
    this.version = `Parquet format ${md.version}`;
    this.chunkTable = rowGroupChunks(md);
    this.schema = new Schema(this.fields.map((f) => new Field(f.name, new Null(), f.nullable)));
    this.problems.push(...markUnsupportedColumns(md, this.subsets, this.fields));
  }

  async loadArrowSchema(): Promise<void> {
    const origin = originalFields(this.md, this.fields.map((f) => f.name));
    if (origin.problem) this.problems.push(origin.problem);
    this.schema = await arrowSchema(this.md, this.subsets, this.fields, this.metadata, origin.fields, this.restored);
  }

  /** Counts the rows of row groups whose footer says 0 though their pages hold some (see countUndeclaredRows). */
  async countUndeclaredRows(signal?: AbortSignal): Promise<void> {
    const rows = await countUndeclaredRows(this.md, this.subsets, this.fields, (chunk, column) => this.load(chunk, column, signal));
    if (!rows) return;
    this.chunkTable = rowGroupChunks(this.md, rows);
  }

  get chunks(): readonly ChunkInfo[] {
    return this.chunkTable.view();
  }

  get rows(): number {
    return this.chunkTable.totalRows;
  }

  private load(chunk: number, column: number, signal?: AbortSignal): Promise<Vector> {
    return loadColumn({ source: this.source, md: this.md, rowGroup: chunk, subset: this.subsets[column], field: this.schema.fields[column], restored: this.restored.has(column), signal });
  }

  async chunkDetail(chunk: number): Promise<ChunkDetail> {
    if (!this.md.row_groups[chunk]) throw new DatasetError(`There is no row group ${chunk}.`, { chunk });
    // The raw statistics are read once, when a row group's detail is first asked for; without them
    // (a read failing) statistics are shown as hyparquet converts them.
    this.rawStats ??= rawStatistics(this.source).catch(() => undefined);
    return chunkDetail(this.md, this.subsets, this.fields, this.chunkTable.info(chunk)!, await this.rawStats, this.schema);
  }

  async pages(chunk: number, column: number, signal?: AbortSignal): Promise<PageList> {
    const field = this.fields[column];
    if (!this.md.row_groups[chunk] || !field) throw new DatasetError(`There is no column ${column} in row group ${chunk}.`, { chunk, column });
    return columnPages(this.source, this.md, chunk, this.subsets[column], field.name, signal);
  }

  async readColumn(chunk: number, column: number, rows?: RowRange, signal?: AbortSignal): Promise<Vector> {
    const field = this.fields[column];
    if (!field) throw new DatasetError(`There is no column ${column}.`, { chunk, column });
    if (!this.md.row_groups[chunk]) throw new DatasetError(`There is no row group ${chunk}.`, { chunk });
    if (field.unsupported) throw new DatasetError(`Column "${field.name}" is not supported: ${field.unsupported}`, { chunk, column: field.name }, 'Other columns are unaffected.');
    const key = `${chunk}:${column}`;
    let vector = this.decoded.get(key);
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
    await this.source.close?.();
  }
}

/** Opens a Parquet file by reading its footer only. */
export async function openParquet(source: ByteSource, options: OpenOptions = {}): Promise<Dataset> {
  const md = await readParquetFooter(source, options.signal);
  let dataset: ParquetDataset;
  try {
    dataset = new ParquetDataset(source, md);
  } catch {
    // The footer parsed and its structure was checked (footerChecks.ts); what is left is a schema the engine cannot map.
    const footerStart = source.size - 8 - md.metadata_length;
    throw new DatasetError(`${footerPlace(footerStart, md.metadata_length)} was read, but its schema does not hold together.`, { offset: footerStart }, 'Nothing of this file can be shown reliably.');
  }
  dataset.problems.push(...footerProblems(md, source.size - 8 - md.metadata_length));
  await dataset.loadArrowSchema();
  await dataset.countUndeclaredRows(options.signal);
  options.onProgress?.({ chunks: dataset.chunks.length, rows: dataset.rows, bytesScanned: source.size, done: true });
  return dataset;
}
