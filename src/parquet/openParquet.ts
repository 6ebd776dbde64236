import { Field, Null, Schema, tableFromIPC, type Vector } from 'apache-arrow';
import { parquetSchema, type FileMetaData } from 'hyparquet';
import type { ByteSource } from '../model/byteSource';
import { DatasetError, type DatasetProblem } from '../model/errors';
import type { ChunkDetail, ChunkInfo, ColumnChunkInfo, Dataset, FieldInfo, OpenOptions, PageList, RowRange } from '../model/types';
import { chunkRange, columnSubsets, type ColumnSubset } from './columnSubset';
import { parquetFieldInfo } from './parquetFields';
import { readParquetFooter } from './readFooter';
import { readPages } from './readPages';
import { dictionaryHint } from './dictionaryHint';
import { statsText } from './statsText';
import { schemaOnlyFile, syntheticFile } from './syntheticFile';
import { parquetWasm } from '../adapters/parquetWasm';
import { asRawInt96, int96ToTimestamps, isInt96Column } from './int96';

const BATCH_SIZE = 64 * 1024;
const KEEP_DECODED = 4;

/** Decodes one top-level column of one row group through parquet-wasm, from only its own bytes. */
async function decodeColumn(source: ByteSource, md: FileMetaData, rowGroup: number, subset: ColumnSubset, field: Field, signal?: AbortSignal): Promise<Vector> {
  const chunks = md.row_groups[rowGroup].columns.slice(subset.firstLeaf, subset.firstLeaf + subset.leaves);
  const bytes: Uint8Array[] = [];
  for (const chunk of chunks) {
    if (!chunk.meta_data) throw new DatasetError('This column is encrypted; a key is required to read it.', { chunk: rowGroup }, 'Unencrypted columns can still be read.');
    const { start, length } = chunkRange(chunk);
    if (start < 4 || start + length > source.size) {
      throw new DatasetError(`A column chunk points outside the file (bytes ${start}-${start + length} of ${source.size}).`, { chunk: rowGroup, offset: start });
    }
    bytes.push(await source.read(start, length, signal));
  }
  const wasm = await parquetWasm();
  const int96 = isInt96Column(subset);
  const plan = int96 ? asRawInt96(md, subset, rowGroup) : { md, subset };
  const file = syntheticFile(plan.md, rowGroup, plan.subset, bytes, int96 ? undefined : dictionaryHint(subset, chunks[0], field));
  let ipc: Uint8Array;
  try {
    ipc = wasm.readParquet(file, { batchSize: BATCH_SIZE }).intoIPCStream();
  } catch (e) {
    throw new DatasetError(`The column could not be decoded: ${String((e as Error).message ?? e)}.`, { chunk: rowGroup, offset: chunkRange(chunks[0]).start });
  }
  const column = tableFromIPC(ipc).getChildAt(0)!;
  return int96 ? int96ToTimestamps(column) : column;
}

class ParquetDataset implements Dataset {
  readonly format = 'parquet' as const;
  readonly problems: DatasetProblem[] = [];
  readonly fields: FieldInfo[];
  readonly metadata: Record<string, string>;
  readonly createdBy?: string;
  readonly version: string;
  readonly chunks: ChunkInfo[];
  readonly rows: number;
  readonly indexComplete = true;
  readonly indexed = Promise.resolve();
  schema: Schema;
  private readonly subsets: ColumnSubset[];
  private readonly decoded = new Map<string, Vector>();

  constructor(
    readonly source: ByteSource,
    private readonly md: FileMetaData,
  ) {
    const tree = parquetSchema(md);
    this.fields = tree.children.map(parquetFieldInfo);
    this.subsets = columnSubsets(md);
    this.metadata = Object.fromEntries((md.key_value_metadata ?? []).map((kv) => [kv.key, kv.value ?? '']));
    this.createdBy = md.created_by;
    this.version = `Parquet format ${md.version}`;
    let rowOffset = 0;
    this.chunks = md.row_groups.map((rg, index) => {
      const ranges = rg.columns.filter((c) => c.meta_data).map(chunkRange);
      const offset = ranges.length ? Math.min(...ranges.map((r) => r.start)) : Number(rg.file_offset ?? 0);
      const bytes = rg.total_compressed_size !== undefined ? Number(rg.total_compressed_size) : ranges.reduce((s, r) => s + r.length, 0);
      const codecs = [...new Set(rg.columns.map((c) => c.meta_data?.codec).filter(Boolean))];
      const info: ChunkInfo = { index, rows: Number(rg.num_rows), rowOffset, offset, bytes, compression: codecs.join(', ') };
      rowOffset += info.rows;
      return info;
    });
    this.rows = rowOffset;
    this.schema = new Schema(this.fields.map((f) => new Field(f.name, new Null(), f.nullable)));
    this.markEncryptedColumns();
    this.markNestedInt96();
  }

  /** INT96 nested inside a group would be converted by parquet-wasm with wrapping dates: refuse it. */
  private markNestedInt96(): void {
    this.subsets.forEach((s, i) => {
      if (!isInt96Column(s) && s.elements.some((e) => e.type === 'INT96')) {
        this.fields[i].unsupported ??= 'INT96 timestamps inside nested types are not decoded (the Parquet decoder wraps dates outside 1677–2262)';
      }
    });
  }

  private markEncryptedColumns(): void {
    const rg = this.md.row_groups[0];
    if (!rg) return;
    this.subsets.forEach((s, i) => {
      if (rg.columns.slice(s.firstLeaf, s.firstLeaf + s.leaves).some((c) => !c.meta_data || c.crypto_metadata)) {
        this.fields[i].unsupported = 'encrypted; a key is required';
      }
    });
    if (this.fields.some((f) => f.unsupported)) {
      this.problems.push({ message: 'Some columns are encrypted; a key is required to read them.', where: {}, stillWorks: 'The plaintext footer shows the schema, row groups and sizes.' });
    }
  }

  /** The apache-arrow schema, learnt from an empty file with this footer's schema (parquet-wasm's mapping). */
  async loadArrowSchema(): Promise<void> {
    const wasm = await parquetWasm();
    const arrowFields = (subset?: ColumnSubset) => tableFromIPC(wasm.readParquet(schemaOnlyFile(this.md, subset)).intoIPCStream()).schema.fields;
    let fields: Field[];
    try {
      fields = arrowFields();
    } catch {
      // One column's type is beyond parquet-wasm: find which, keep the others.
      fields = this.subsets.map((subset, c) => {
        try {
          return arrowFields(subset)[0];
        } catch (e) {
          this.fields[c].unsupported ??= `its type cannot be read: ${String((e as Error).message ?? e)}`;
          return new Field(this.fields[c].name, new Null(), this.fields[c].nullable);
        }
      });
    }
    this.schema = new Schema(fields, new Map(Object.entries(this.metadata)));
  }

  async chunkDetail(chunk: number): Promise<ChunkDetail> {
    const rg = this.md.row_groups[chunk];
    if (!rg) throw new DatasetError(`There is no row group ${chunk}.`, { chunk });
    const columns: ColumnChunkInfo[] = this.subsets.map((s, column) => {
      const leaves = rg.columns.slice(s.firstLeaf, s.firstLeaf + s.leaves);
      const metas = leaves.map((c) => c.meta_data).filter((m) => m !== undefined);
      const ranges = leaves.filter((c) => c.meta_data).map(chunkRange);
      const single = leaves.length === 1 ? leaves[0].meta_data : undefined;
      return {
        column,
        bytes: metas.reduce((sum, m) => sum + Number(m.total_compressed_size), 0),
        uncompressedBytes: metas.reduce((sum, m) => sum + Number(m.total_uncompressed_size), 0),
        offset: ranges.length ? Math.min(...ranges.map((r) => r.start)) : undefined,
        nullCount: single?.statistics?.null_count === undefined ? undefined : Number(single.statistics.null_count),
        codec: [...new Set(metas.map((m) => m.codec))].join(', '),
        encodings: [...new Set(metas.flatMap((m) => m.encodings))],
        stats: statsText(single?.statistics),
        hasDictionaryPage: metas.some((m) => m.dictionary_page_offset !== undefined && m.dictionary_page_offset > 0n),
        hasPageIndex: leaves.some((c) => c.column_index_offset !== undefined || c.offset_index_offset !== undefined),
        hasBloomFilter: metas.some((m) => m.bloom_filter_offset !== undefined),
        regions: leaves.map((c) => {
          const m = c.meta_data;
          const r = m ? chunkRange(c) : { start: Number(c.file_offset), length: 0 };
          return {
            field: m?.path_in_schema.join('.') ?? this.fields[column].name,
            kind: 'column_chunk',
            offset: r.start,
            length: r.length,
            detail: m ? `${m.codec}, ${m.encodings.join('/')}, ${Number(m.num_values).toLocaleString('en-US')} values, ${Number(m.total_uncompressed_size).toLocaleString('en-US')} bytes uncompressed${keyValueText(m.key_value_metadata)}` : 'encrypted',
          };
        }),
      };
    });
    const leafNames = this.md.row_groups[chunk].columns.map((c) => c.meta_data?.path_in_schema.join('.') ?? '?');
    const metadata: Record<string, string> = {};
    if (rg.sorting_columns?.length) {
      metadata['sorted by'] = rg.sorting_columns
        .map((s) => `${leafNames[s.column_idx] ?? `column ${s.column_idx}`} ${s.descending ? 'desc' : 'asc'}${s.nulls_first ? ' nulls first' : ''}`)
        .join(', ');
    }
    if (rg.total_compressed_size !== undefined) metadata['compressed bytes'] = Number(rg.total_compressed_size).toLocaleString('en-US');
    metadata['uncompressed bytes'] = Number(rg.total_byte_size).toLocaleString('en-US');
    return { ...this.chunks[chunk], columns, metadata };
  }

  async pages(chunk: number, column: number, signal?: AbortSignal): Promise<PageList> {
    const rg = this.md.row_groups[chunk];
    const field = this.fields[column];
    if (!rg || !field) throw new DatasetError(`There is no column ${column} in row group ${chunk}.`, { chunk, column });
    const s = this.subsets[column];
    const out: PageList = { pages: [], truncated: false };
    for (const leaf of rg.columns.slice(s.firstLeaf, s.firstLeaf + s.leaves)) {
      const name = leaf.meta_data?.path_in_schema.join('.') ?? field.name;
      if (!leaf.meta_data) throw new DatasetError(`Column "${name}" of row group ${chunk} is encrypted; its pages cannot be listed without a key.`, { chunk, column: name });
      try {
        const { pages, truncated } = await readPages(this.source, leaf, name, signal);
        out.pages.push(...pages);
        out.truncated ||= truncated;
      } catch (e) {
        if (e instanceof DatasetError) throw new DatasetError(e.message, { ...e.where, chunk }, e.stillWorks);
        throw e;
      }
    }
    return out;
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
        vector = await decodeColumn(this.source, this.md, chunk, this.subsets[column], this.schema.fields[column], signal);
      } catch (e) {
        if (e instanceof DatasetError) throw new DatasetError(e.message, { ...e.where, chunk, column: field.name }, e.stillWorks ?? 'Other columns and row groups can still be read.');
        throw e;
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

/** A column chunk's own key-value metadata, as "; metadata: foo = bar, key-without-value". */
function keyValueText(kv: { key: string; value?: string }[] | undefined): string {
  if (!kv?.length) return '';
  return `; metadata: ${kv.map(({ key, value }) => (value === undefined ? key : `${key} = ${value.length > 200 ? `${value.slice(0, 200)}…` : value}`)).join(', ')}`;
}

/** Opens a Parquet file by reading its footer only. */
export async function openParquet(source: ByteSource, options: OpenOptions = {}): Promise<Dataset> {
  const md = await readParquetFooter(source, options.signal);
  const dataset = new ParquetDataset(source, md);
  await dataset.loadArrowSchema();
  options.onProgress?.({ chunks: dataset.chunks.length, rows: dataset.rows, bytesScanned: source.size, done: true });
  return dataset;
}
