import type { Schema, Vector } from 'apache-arrow';
import type { ByteSource, ReadOptions } from './byteSource';
import type { DatasetProblem } from './errors';
import type { ColumnPageIndex } from './pageIndex';
import type { KeptIndexOptions } from './keptIndexStore';

export type DatasetFormat = 'arrow-stream' | 'arrow-file' | 'parquet';

/** One field of the schema as plain data (structured-clonable, so it can cross to the UI). */
export interface FieldInfo {
  name: string;
  /** Full type as text: "Dictionary<Int32, Utf8>", "Timestamp<MICROSECOND, UTC>", "Decimal128(38, 9)". */
  type: string;
  /** Type family for icons and formatting: int, float, decimal, utf8, binary, bool, date, time,
   *  timestamp, duration, interval, list, struct, map, union, dictionary, null, fixed_size_binary,
   *  fixed_size_list, run_end_encoded, list_view, other. */
  typeId: string;
  nullable: boolean;
  metadata: Record<string, string>;
  children: FieldInfo[];
  /** ARROW:extension:name, when present. */
  extension?: string;
  /** Parquet only. */
  physicalType?: string;
  logicalType?: string;
  repetition?: string;
  /** Set when this field's values cannot be shown, with the reason; the rest of the file still works. */
  unsupported?: string;
  note?: string;
}

/** Min/max/null/distinct statistics as stored in the file (Parquet). Values rendered as text. */
export interface ColumnStats {
  min?: string;
  max?: string;
  nullCount?: number;
  distinctCount?: number;
  /** True when min/max are exact values, not truncated bounds. */
  exact?: boolean;
  /** Why a stored min/max is not shown (a writer or sort order pyarrow distrusts). */
  minMaxNote?: string;
  /** min/max as keys ordered by the column's sort order, to find the smallest and largest over chunks. */
  order?: { kind: 'int' | 'float' | 'bytes'; min: string; max: string };
}

/** A contiguous byte region in the file: an Arrow buffer or a Parquet page. */
export interface RegionInfo {
  /** Field path, e.g. "cand_nm" or "items.item". */
  field: string;
  /** validity, offsets, data, type_ids, sizes, dictionary_page, data_page, data_page_v2, index_page ... */
  kind: string;
  /** Absolute byte offset in the file. */
  offset: number;
  /** Bytes on disk. */
  length: number;
  /** Extra facts: encoding, compression, rows/values, uncompressed size. */
  detail?: string;
}

export interface ColumnChunkInfo {
  /** Top-level column index. */
  column: number;
  /** Bytes on disk for this column in this chunk. */
  bytes: number;
  uncompressedBytes?: number;
  /** First byte of this column in the file. */
  offset?: number;
  nullCount?: number;
  /** Why a stored null count is not shown (more nulls than the chunk holds values, or a writer known to count them wrong). */
  nullCountNote?: string;
  codec?: string;
  encodings?: string[];
  stats?: ColumnStats;
  hasDictionaryPage?: boolean;
  hasPageIndex?: boolean;
  /** Parquet, a column of one leaf: where its page index lies (ColumnIndex: page min/max; OffsetIndex: page rows and bytes). */
  pageIndexAt?: { columnIndex?: ByteSpan; offsetIndex?: ByteSpan };
  /** Parquet, a column of one leaf whose every data page is dictionary-encoded (its encoding stats say so): its dictionary page, which then holds every value. */
  dictionaryPage?: ByteSpan;
  hasBloomFilter?: boolean;
  /** Buffers (Arrow) or pages (Parquet, read on demand). */
  regions?: RegionInfo[];
}

/** A record batch (Arrow) or row group (Parquet). Kept small: thousands of these may exist. */
export interface ChunkInfo {
  index: number;
  rows: number;
  /** Index of this chunk's first row in the whole dataset. */
  rowOffset: number;
  /** Byte offset of the message / row group in the file. */
  offset: number;
  /** Bytes of the message (metadata + body) / row group on disk. */
  bytes: number;
  compression?: string;
}

export interface ChunkDetail extends ChunkInfo {
  metadata?: Record<string, string>;
  columns: ColumnChunkInfo[];
  /** Arrow: dictionary batches in effect for this batch, by dictionary id. */
  dictionaries?: { id: number; offset: number; bytes: number; isDelta: boolean }[];
}

export interface PageList {
  pages: RegionInfo[];
  /** True when the list stops at its cap (MAX_PAGES per leaf column). */
  truncated: boolean;
  /** Why the list stops early: a page header that cannot be read, a page or chunk past its end. */
  problem?: DatasetProblem;
}

/** Bytes [offset, offset + length) of the file. */
export interface ByteSpan {
  offset: number;
  length: number;
}

/**
 * A chunk of a byte-string column as the byte ranges its values lie at, without an Arrow vector built
 * (Parquet pages decoded in place, for counting): value v of a part is bytes[starts[v], ends[v]).
 */
export interface ByteRanges {
  binary: boolean;
  parts: ByteRangePart[];
  /** Called once the parts are no longer read: their memory may then be reused for another chunk's. */
  release?(): void;
}

export interface ByteRangePart {
  rows: number;
  bytes: Uint8Array;
  starts: Int32Array;
  ends: Int32Array;
  /** Per row, 1 where it has a value (the values are those rows' in order); absent: every row has one. */
  defined?: Uint8Array;
}

export interface RowRange {
  /** First row, relative to the chunk. */
  start: number;
  /** One past the last row, relative to the chunk. */
  end: number;
}

/** Top-level columns [start, end). */
export interface ColumnRange {
  start: number;
  end: number;
}

/**
 * The format-neutral model every engine implements. Opening reads only headers/footers; values are
 * read per chunk and column, or per window of rows, on demand.
 */
export interface Dataset {
  readonly format: DatasetFormat;
  readonly source: ByteSource;
  readonly schema: Schema;
  readonly fields: FieldInfo[];
  readonly metadata: Record<string, string>;
  readonly createdBy?: string;
  /** Format version, e.g. "V5" or "parquet 2". */
  readonly version?: string;
  /** Problems that did not stop the file from opening (truncation, unsupported columns...). Grows. */
  readonly problems: DatasetProblem[];
  /** Chunks found so far; grows while a stream is being indexed. */
  readonly chunks: readonly ChunkInfo[];
  /** Rows in the chunks found so far. */
  readonly rows: number;
  /** True once the whole file has been indexed (or indexing stopped at a problem). */
  readonly indexComplete: boolean;
  /** Resolves when indexing ends. Never rejects: failures land in `problems`. */
  readonly indexed: Promise<void>;
  /** True when the chunk index came from a copy kept by an earlier open (`OpenOptions.kept`), not a walk of the file. */
  readonly indexKept?: boolean;
  /** Per-column sizes, null counts, statistics, buffers/pages of one chunk. */
  /** Parquet describes only `columns` when given (a row group may hold 100,000); Arrow always describes all. */
  chunkDetail(chunk: number, signal?: AbortSignal, columns?: ColumnRange): Promise<ChunkDetail>;
  /** Parquet: the pages of one column in one row group, from their headers (leaf by leaf). */
  pages?(chunk: number, column: number, signal?: AbortSignal): Promise<PageList>;
  /** Parquet: the pages of one flat column in one row group with their rows and min/max (its page index), or null when the file has none. */
  pageIndex?(chunk: number, column: number, signal?: AbortSignal): Promise<ColumnPageIndex | null>;
  /** Parquet: every value one flat column can hold in one row group (its dictionary, as text), or null when that is not known. */
  dictionaryValues?(chunk: number, column: number, signal?: AbortSignal): Promise<string[] | null>;
  /** Parquet: one flat string or binary column of one chunk as byte ranges (readColumn's values, no vector built), or null when it is not read so (then readColumn). */
  byteRanges?(chunk: number, column: number, signal?: AbortSignal): Promise<ByteRanges | null>;
  /**
   * Values of one top-level column in one chunk, or a window of its rows. Throws DatasetError.
   * `options.recyclable`: the caller gives the whole column's bytes back with `recycleRead` once done
   * with them (a scan; an Arrow source may then read them into a buffer given back before).
   */
  readColumn(chunk: number, column: number, rows?: RowRange, signal?: AbortSignal, options?: ReadOptions): Promise<Vector>;
  close(): Promise<void>;
}

export interface OpenOptions {
  signal?: AbortSignal;
  /** Called as indexing makes progress (chunks found, bytes scanned). */
  onProgress?: (p: { chunks: number; rows: number; bytesScanned: number; done: boolean }) => void;
  /** Where a stream's chunk index is kept between opens of the same file (keptIndexStore.ts). */
  kept?: KeptIndexOptions;
}
