import { Bool, Field, Float64, Int32, Int64, List, Schema, Struct, Table, TimestampMillisecond, Utf8, makeData, makeVector, tableToIPC, vectorFromArray, type DataType, type Vector } from 'apache-arrow';
import { parquetMetadata, readOffsetIndex, type ColumnChunk, type FileMetaData } from 'hyparquet';
import { Compression, EnabledStatistics, Table as WasmTable, WriterPropertiesBuilder, WriterVersion, writeParquet } from 'parquet-wasm';
import { CompactWriter, T } from '../../../scripts/gen/thriftCompact';
import { encodeFooter } from '../../../src/parquet/encodeFooter';

/** How a generated file of many small pages is written by parquet-wasm. */
export interface PagedOptions {
  rows: number;
  rowGroupRows?: number;
  /** Rows per write batch: a page is closed at a batch boundary once past `pageBytes`. */
  batchRows?: number;
  pageBytes?: number;
  dictionary?: boolean;
  /** Past this, a column chunk's dictionary stops growing and its later pages are plain. */
  dictionaryPageBytes?: number;
  /** Page statistics give the column index; the offset index is written whatever this says. */
  pageIndex?: boolean;
  v2?: boolean;
  compression?: 'snappy' | 'none';
}

/** A deterministic pseudo-random sequence. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * Columns of every kind the grid shows: ints and strings with nulls, a string of few values (dictionary
 * pages), one of many, doubles, booleans, timestamps, int64, and nested ones (a list, a struct) that
 * keep the whole-chunk path.
 */
export function pagedTable(rows: number, seed = 7): Table {
  const r = prng(seed);
  const cities = ['Ames', 'Boise', 'Cary', 'Dover', 'Erie', 'Fargo', 'Gary', 'Hilo', 'Ithaca', 'Juneau', 'Kent', 'Lodi'];
  const ints: (number | null)[] = [];
  const few: (string | null)[] = [];
  const many: (string | null)[] = [];
  const doubles: number[] = [];
  const bools: (boolean | null)[] = [];
  const stamps: Date[] = [];
  const longs: bigint[] = [];
  const lists: (number[] | null)[] = [];
  for (let i = 0; i < rows; i++) {
    ints.push(r() < 0.1 ? null : Math.floor(r() * 2_000_000) - 1_000_000);
    few.push(r() < 0.05 ? null : cities[Math.floor(r() * cities.length)]);
    many.push(r() < 0.02 ? null : `name ${i} ${Math.floor(r() * 1e9).toString(36)}${i % 97 === 0 ? ' ünïcødé ✓' : ''}`);
    doubles.push(Math.round(r() * 1e6) / 100);
    bools.push(r() < 0.1 ? null : r() < 0.5);
    stamps.push(new Date(1_600_000_000_000 + i * 61_000));
    longs.push(BigInt(i) * 1_000_000_007n - 5n);
    lists.push(r() < 0.1 ? null : Array.from({ length: Math.floor(r() * 4) }, () => Math.floor(r() * 100)));
  }
  const columns: [string, Vector][] = [
    ['int', vectorFromArray(ints, new Int32())],
    ['city', vectorFromArray(few, new Utf8())],
    ['name', vectorFromArray(many, new Utf8())],
    ['amount', vectorFromArray(doubles, new Float64())],
    ['flag', vectorFromArray(bools, new Bool())],
    ['at', vectorFromArray(stamps, new TimestampMillisecond())],
    ['id', vectorFromArray(longs, new Int64())],
    ['tags', vectorFromArray(lists, new List(new Field('item', new Int32(), true)))],
  ];
  const structType = new Struct([new Field('a', new Int32(), true), new Field('b', new Utf8(), true)]);
  const a = vectorFromArray(ints.map((x) => (x === null ? null : x % 1000)), new Int32());
  const b = vectorFromArray(few, new Utf8());
  const struct = makeVector(makeData({ type: structType, length: rows, nullCount: 0, children: [a.data[0], b.data[0]] }));
  columns.push(['pair', struct]);
  const schema = new Schema(columns.map(([name, v]) => new Field(name, v.type as DataType, true)));
  return new Table(schema, Object.fromEntries(columns.map(([n, v]) => [n, v])) as never);
}

/** The table written by parquet-wasm in pages of about `pageBytes` (many pages per column chunk). */
export function writePaged(table: Table, o: PagedOptions): Uint8Array {
  const props = new WriterPropertiesBuilder()
    .setCompression(o.compression === 'none' ? Compression.UNCOMPRESSED : Compression.SNAPPY)
    .setMaxRowGroupSize(o.rowGroupRows ?? o.rows)
    .setWriteBatchSize(o.batchRows ?? 100)
    .setDataPageSizeLimit(o.pageBytes ?? 1024)
    .setDictionaryEnabled(o.dictionary ?? true)
    .setDictionaryPageSizeLimit(o.dictionaryPageBytes ?? 1024 * 1024)
    .setStatisticsEnabled(o.pageIndex === false ? EnabledStatistics.Chunk : EnabledStatistics.Page)
    .setWriterVersion(o.v2 ? WriterVersion.V2 : WriterVersion.V1);
  return writeParquet(WasmTable.fromIPCStream(tableToIPC(table, 'stream')), props.build());
}

/** Where a file's footer starts and the footer itself (hyparquet's reading of it). */
function footerOf(bytes: Uint8Array): { md: FileMetaData; footerStart: number } {
  const length = new DataView(bytes.buffer, bytes.byteOffset + bytes.length - 8, 4).getUint32(0, true);
  const footerStart = bytes.length - 8 - length;
  return { md: parquetMetadata(bytes.slice().buffer as ArrayBuffer), footerStart };
}

/** The file with `body` (everything before the footer, page indexes appended) and a footer for `md`. */
function withFooter(body: Uint8Array, md: FileMetaData): Uint8Array {
  const footer = encodeFooter(md);
  const out = new Uint8Array(body.length + footer.length + 4);
  out.set(body, 0);
  out.set(footer, body.length);
  out.set(new TextEncoder().encode('PAR1'), body.length + footer.length);
  return out;
}

/** The same file with no page index in its footer (the pages stay): rows per page come from the page headers. */
export function withoutPageIndex(bytes: Uint8Array): Uint8Array {
  const { md, footerStart } = footerOf(bytes);
  const strip = (c: ColumnChunk): ColumnChunk => ({ ...c, offset_index_offset: undefined, offset_index_length: undefined, column_index_offset: undefined, column_index_length: undefined });
  return withFooter(bytes.subarray(0, footerStart), { ...md, row_groups: md.row_groups.map((rg) => ({ ...rg, columns: rg.columns.map(strip) })) });
}

export interface PageLocationEntry {
  offset: bigint;
  compressed_page_size: number;
  first_row_index: bigint;
}

/**
 * The same file with every offset index replaced by `change` of it (row group, leaf, its page
 * locations), written after the pages; the column indexes are dropped unless `keepColumnIndexes`.
 */
export function withOffsetIndexes(bytes: Uint8Array, change: (rowGroup: number, leaf: number, pages: PageLocationEntry[]) => PageLocationEntry[], keepColumnIndexes = false): Uint8Array {
  const { md, footerStart } = footerOf(bytes);
  const parts: Uint8Array[] = [bytes.subarray(0, footerStart)];
  let at = footerStart;
  const rowGroups = md.row_groups.map((rg, g) => ({
    ...rg,
    columns: rg.columns.map((c, leaf) => {
      if (c.offset_index_offset === undefined || c.offset_index_length === undefined) return c;
      const start = Number(c.offset_index_offset);
      const index = readOffsetIndex({ view: new DataView(bytes.buffer, bytes.byteOffset + start, c.offset_index_length), offset: 0 });
      const pages = change(g, leaf, index.page_locations);
      const w = new CompactWriter();
      w.list(1, T.STRUCT, pages.length);
      for (const p of pages) {
        w.beginStruct();
        w.int(1, Number(p.offset), T.I64);
        w.int(2, p.compressed_page_size);
        w.int(3, Number(p.first_row_index), T.I64);
        w.endStruct();
      }
      w.byte(0);
      const written = w.take();
      parts.push(written);
      const columnIndex = keepColumnIndexes ? {} : { column_index_offset: undefined, column_index_length: undefined };
      const chunk: ColumnChunk = { ...c, offset_index_offset: BigInt(at), offset_index_length: written.length, ...columnIndex };
      at += written.length;
      return chunk;
    }),
  }));
  const body = new Uint8Array(at);
  let k = 0;
  for (const p of parts) {
    body.set(p, k);
    k += p.length;
  }
  return withFooter(body, { ...md, row_groups: rowGroups });
}

/**
 * `copies` copies of a one-row-group file's row group in one file, as scripts/gen/writeParquet.ts makes
 * W2: the bytes copied, the footer's offsets moved, but each copy's offset index left as written for
 * the first copy (its page offsets point into the first copy).
 */
export function copiedRowGroups(bytes: Uint8Array, copies: number): Uint8Array {
  const { md, footerStart } = footerOf(bytes);
  const body = bytes.subarray(4, footerStart);
  const out = new Uint8Array(4 + body.length * copies);
  out.set(bytes.subarray(0, 4), 0);
  for (let c = 0; c < copies; c++) out.set(body, 4 + c * body.length);
  const move = (x: bigint | undefined, by: bigint) => (x === undefined ? undefined : x + by);
  const rowGroups = Array.from({ length: copies }, (_, c) =>
    md.row_groups.map((rg) => {
      const by = BigInt(c * body.length);
      return {
        ...rg,
        file_offset: move(rg.file_offset, by),
        columns: rg.columns.map((col) => ({
          ...col,
          file_offset: col.file_offset + by,
          offset_index_offset: move(col.offset_index_offset, by),
          column_index_offset: move(col.column_index_offset, by),
          meta_data: col.meta_data && { ...col.meta_data, data_page_offset: col.meta_data.data_page_offset + by, dictionary_page_offset: move(col.meta_data.dictionary_page_offset, by) },
        })),
      };
    }),
  ).flat();
  return withFooter(out, { ...md, num_rows: md.num_rows * BigInt(copies), row_groups: rowGroups });
}
