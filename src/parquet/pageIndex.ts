import { Type, type Dictionary, type Field } from 'apache-arrow';
import type { ParquetType } from 'hyparquet';
import { deserializeTCompactProtocol, type ThriftStruct } from '../adapters/hyparquetInternals';
import type { ByteSource } from '../model/byteSource';
import type { ColumnPageIndex, IndexedPage } from '../model/pageIndex';
import type { ByteSpan, ColumnChunkInfo, ColumnStats, Dataset } from '../model/types';
import { readChunkDictionary } from './chunkDictionary';
import { pageHoldsRows } from './pageLocations';
import { rawValueText } from './rawValueText';
import type { ParquetFile } from './openParquet';
import { nullCountDistrust, writerVersion } from './statisticsRules';

/** What of a writer's page index holds: its null counts, its min/max (statisticsRules.ts). */
export interface PageIndexTrust {
  nullCounts: boolean;
  minMax: boolean;
}
const TRUSTED: PageIndexTrust = { nullCounts: true, minMax: true };

/** A page index larger than this is not read (a chunk of a million pages has about 30 MB): the filter reads values instead. */
const MAX_INDEX_BYTES = 32 * 1024 * 1024;

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });
const utf8 = new TextEncoder();

function isUtf8Type(field: Field): boolean {
  const type = field.type.typeId === Type.Dictionary ? (field.type as Dictionary).dictionary : field.type;
  return type.typeId === Type.Utf8 || type.typeId === Type.LargeUtf8;
}

/**
 * A page bound as text the filter can trust: for strings, only bytes that are valid UTF-8 and come
 * back the same from the text (a bound cut inside a character would otherwise move).
 */
function boundText(bytes: unknown, field: Field, physical: ParquetType): string | undefined {
  if (!(bytes instanceof Uint8Array)) return undefined;
  const text = rawValueText(bytes, field, physical);
  if (text === undefined || !isUtf8Type(field)) return text;
  try {
    const decoded = fatalUtf8.decode(bytes);
    return decoded === text && utf8.encode(text).length === bytes.length ? text : undefined;
  } catch {
    return undefined;
  }
}

const toNumber = (v: unknown): number | undefined => (typeof v === 'bigint' ? Number(v) : typeof v === 'number' ? v : undefined);

/**
 * The pages of one flat column chunk from its OffsetIndex (rows and bytes) and ColumnIndex (min/max,
 * null pages, null counts), or null when either is missing or does not hold together (page counts
 * differ, rows not increasing from 0, pages outside the file): the filter then reads the values.
 */
export function pageIndexFromBytes(columnIndex: Uint8Array, offsetIndex: Uint8Array, chunkRows: number, fileSize: number, field: Field, physical: ParquetType, trust: PageIndexTrust = TRUSTED): ColumnPageIndex | null {
  const struct = (bytes: Uint8Array): ThriftStruct => deserializeTCompactProtocol({ view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), offset: 0 });
  let ci: ThriftStruct;
  let oi: ThriftStruct;
  try {
    ci = struct(columnIndex);
    oi = struct(offsetIndex);
  } catch {
    return null;
  }
  const locations = oi.field_1 as ThriftStruct[] | undefined;
  const nullPages = ci.field_1 as unknown[] | undefined;
  const mins = ci.field_2 as unknown[] | undefined;
  const maxes = ci.field_3 as unknown[] | undefined;
  const nullCounts = ci.field_5 as unknown[] | undefined;
  const n = locations?.length ?? 0;
  if (!locations || n === 0 || nullPages?.length !== n || mins?.length !== n || maxes?.length !== n || (nullCounts && nullCounts.length !== n)) return null;
  const pages: IndexedPage[] = [];
  for (let k = 0; k < n; k++) {
    const firstRow = toNumber(locations[k]?.field_3);
    const nextRow = k + 1 < n ? toNumber(locations[k + 1]?.field_3) : chunkRows;
    const offset = toNumber(locations[k]?.field_1);
    const bytes = toNumber(locations[k]?.field_2);
    if (firstRow === undefined || nextRow === undefined || offset === undefined || bytes === undefined) return null;
    if ((k === 0 && firstRow !== 0) || nextRow <= firstRow || nextRow > chunkRows || offset < 4 || bytes < 0 || offset + bytes > fileSize) return null;
    const rows = nextRow - firstRow;
    const counted = toNumber(nullCounts?.[k]);
    // A count past the page's rows is impossible (Polars wrote the chunk's 1,000 nulls beside its page
    // of 400 rows), and a writer's counts known wrong (`trust`) leave only 0 known.
    const known = counted !== undefined && counted >= 0 && counted <= rows && (trust.nullCounts || counted === 0) ? counted : undefined;
    // A page said to be null whose null count says otherwise (polars marks a float page holding a NaN
    // so, apache/parquet-format#406; some writers give -1) is not taken for null: nor are its bounds known.
    const doubtful = nullPages[k] === true && counted !== undefined && counted !== rows;
    const nullPage = nullPages[k] === true && !doubtful;
    const nullCount = nullPage ? rows : known;
    const stats: ColumnStats = { nullCount, exact: true };
    if (!nullPage && !doubtful) {
      stats.min = trust.minMax ? boundText(mins[k], field, physical) : undefined;
      stats.max = trust.minMax ? boundText(maxes[k], field, physical) : undefined;
    }
    pages.push({ firstRow, rows, offset, bytes, nullPage, stats });
  }
  return { pages };
}

async function readSpan(source: ByteSource, span: ByteSpan | undefined, signal?: AbortSignal): Promise<Uint8Array | null> {
  if (!span || span.length <= 0 || span.length > MAX_INDEX_BYTES || span.offset < 4 || span.offset + span.length > source.size) return null;
  return source.read(span.offset, span.length, signal);
}

/** Reads one column chunk's page index (both parts, when its footer says where), if its last page holds the rows it gives it. */
export async function readPageIndex(source: ByteSource, column: ColumnChunkInfo, chunkRows: number, field: Field, physical: ParquetType, signal?: AbortSignal, trust: PageIndexTrust = TRUSTED): Promise<ColumnPageIndex | null> {
  const at = column.pageIndexAt;
  if (!at?.columnIndex || !at.offsetIndex) return null;
  const [ci, oi] = await Promise.all([readSpan(source, at.columnIndex, signal), readSpan(source, at.offsetIndex, signal)]);
  if (!ci || !oi) return null;
  const index = pageIndexFromBytes(ci, oi, chunkRows, source.size, field, physical, trust);
  // Pages after a miscounted one would be decided at rows off by the miscount: the last then no longer ends at the chunk's end.
  const last = index?.pages[index.pages.length - 1];
  return last && (await pageHoldsRows(source, last.offset, last.bytes, last.rows, signal)) ? index : null;
}

/**
 * Gives an open Parquet dataset its `pageIndex` and `dictionaryValues` methods, made from what the
 * dataset already shows (each column chunk's detail, the Arrow field, the source): read on demand,
 * when a filter asks about a chunk its statistics do not decide.
 */
export function withFilterReaders(dataset: ParquetFile): Dataset {
  const nullCounts = nullCountDistrust(writerVersion(dataset.createdBy)) === undefined;
  const flat = async (chunk: number, column: number, signal?: AbortSignal) => {
    const field = dataset.fields[column];
    const arrowField = dataset.schema.fields[column];
    if (!dataset.chunks[chunk] || !field?.physicalType || field.unsupported || !arrowField || field.physicalType === 'INT96') return null;
    const detail = await dataset.chunkDetail(chunk, signal, { start: column, end: column + 1 });
    const chunkColumn = detail.columns.find((c) => c.column === column);
    return chunkColumn ? { chunkColumn, arrowField, physical: field.physicalType as ParquetType } : null;
  };
  const pageIndex = async (chunk: number, column: number, signal?: AbortSignal): Promise<ColumnPageIndex | null> => {
    const at = await flat(chunk, column, signal);
    return at && readPageIndex(dataset.source, at.chunkColumn, dataset.chunks[chunk].rows, at.arrowField, at.physical, signal, { nullCounts, minMax: dataset.pageBoundsDistrust(column) === undefined });
  };
  const dictionaryValues = async (chunk: number, column: number, signal?: AbortSignal): Promise<string[] | null> => {
    const at = await flat(chunk, column, signal);
    return at && readChunkDictionary(dataset.source, at.chunkColumn, at.arrowField, at.physical, signal);
  };
  return Object.assign(dataset, { pageIndex, dictionaryValues });
}
