import { readOffsetIndex, type ColumnChunk } from 'hyparquet';
import { parquetHeader, type PageHeader } from '../adapters/hyparquetInternals';
import type { RangeReader } from './coalescedReads';
import { chunkRange } from './columnSubset';

/**
 * Where the data pages of one flat column chunk lie and which rows each holds: what a row window
 * needs to read and decode only the pages covering its rows.
 */
export interface PageLocations {
  /** The bytes before the first data page (its dictionary page, if any), absolute. */
  prefix: { offset: number; length: number };
  /** Per data page, in file order: absolute offset (header included), bytes on disk, first row in the chunk. */
  offsets: number[];
  sizes: number[];
  firstRows: number[];
  /** The chunk's rows (the footer's row group count, which the pages add up to). */
  rows: number;
  /** Where the locations were read from. */
  from: 'offset index' | 'page headers';
}

/** An offset index larger than this is not read (a chunk of a million pages has about 10 MB): the whole chunk is decoded instead. */
const MAX_OFFSET_INDEX = 4 * 1024 * 1024;
/** A chunk without an offset index is walked from one read when it is at most this big, else header by header. */
const WALK_IN_ONE_READ = 32 * 1024 * 1024;
/** Bytes read at each page header of a chunk walked header by header (a header with large statistics is read again, bigger). */
const HEADER_READ = 64 * 1024;
const MAX_HEADER = 1 << 20;
/** A chunk of more pages than this is decoded whole (its locations would be a big table for little gain). */
const MAX_PAGES = 1 << 20;

const toNumber = (v: unknown): number | undefined => (typeof v === 'bigint' ? Number(v) : typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/**
 * The locations from a column chunk's OffsetIndex, or null unless they hold together: pages in file
 * order, back to back from the first to the end of the chunk (from the footer's first data page when
 * the index's offsets point elsewhere), rows increasing from 0 and within the chunk's. Each page is
 * still checked against its header when it is read (pageWindow.ts).
 */
export function locationsFromOffsetIndex(bytes: Uint8Array, chunk: ColumnChunk, chunkRows: number): PageLocations | null {
  let locations: { offset: unknown; compressed_page_size: unknown; first_row_index: unknown }[];
  try {
    locations = readOffsetIndex({ view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), offset: 0 }).page_locations;
  } catch {
    return null;
  }
  const { start, length } = chunkRange(chunk);
  const n = locations?.length ?? 0;
  if (n === 0 || n > MAX_PAGES) return null;
  const out: PageLocations = { prefix: { offset: start, length: 0 }, offsets: [], sizes: [], firstRows: [], rows: chunkRows, from: 'offset index' };
  for (let k = 0; k < n; k++) {
    const offset = toNumber(locations[k]?.offset);
    const size = toNumber(locations[k]?.compressed_page_size);
    const firstRow = toNumber(locations[k]?.first_row_index);
    if (offset === undefined || size === undefined || firstRow === undefined || size <= 0) return null;
    const expectedAt = k === 0 ? offset : out.offsets[k - 1] + out.sizes[k - 1];
    if (offset !== expectedAt || (k === 0 ? firstRow !== 0 : firstRow <= out.firstRows[k - 1]) || firstRow >= chunkRows) return null;
    out.offsets.push(offset);
    out.sizes.push(size);
    out.firstRows.push(firstRow);
  }
  const end = start + length;
  const pagesBytes = out.offsets[n - 1] + out.sizes[n - 1] - out.offsets[0];
  if (out.offsets[0] < start || out.offsets[0] + pagesBytes !== end) {
    // Page offsets all displaced by one amount (an index copied with its row group from elsewhere, as a
    // file made by copying row groups has): the pages are placed at the footer's first data page when,
    // so placed, they end exactly where the chunk does. Each page read is checked against its header.
    const data = toNumber(chunk.meta_data?.data_page_offset);
    if (data === undefined || data < start || data + pagesBytes !== end) return null;
    const by = data - out.offsets[0];
    for (let k = 0; k < n; k++) out.offsets[k] += by;
  }
  out.prefix.length = out.offsets[0] - start;
  return out;
}

/** Rows of one data page of a column with no repeated field (each value or level is a row), or undefined for any other page. */
function dataPageRows(header: PageHeader): number | undefined {
  if (header.type === 'DATA_PAGE') return toNumber(header.data_page_header?.num_values);
  if (header.type === 'DATA_PAGE_V2') return toNumber(header.data_page_header_v2?.num_rows);
  return undefined;
}

/** Reads one page header at `at` (before `end`): the header and its length, or null when it cannot be read. */
async function headerAt(source: RangeReader, at: number, end: number, signal?: AbortSignal): Promise<{ header: PageHeader; headerBytes: number } | null> {
  for (let n = Math.min(HEADER_READ, end - at); ; n = Math.min(n * 4, end - at)) {
    const bytes = await source.read(at, n, signal);
    const parsed = headerIn(bytes, 0);
    if (parsed) return parsed;
    if (n >= end - at || n >= MAX_HEADER) return null;
  }
}

/** Bytes read for a page's header in pageHoldsRows: a longer header is not read (the check fails). */
const HOLDS_HEADER_READ = 4096;

/**
 * Whether the data page at `offset` of `size` bytes (header included) reads as holding `rows` rows,
 * from its header in at most its first 4 KiB. Checks an offset index's last page: a writer that
 * miscounts one page's rows shifts the first row of every page after it, each of which still holds
 * the rows up to the next one's, but the last no longer ends at the chunk's end (pageWindow.ts, pageIndex.ts).
 */
export async function pageHoldsRows(source: RangeReader, offset: number, size: number, rows: number, signal?: AbortSignal): Promise<boolean> {
  const read = headerIn(await source.read(offset, Math.min(size, HOLDS_HEADER_READ), signal), 0);
  return read !== null && read.headerBytes + read.header.compressed_page_size === size && dataPageRows(read.header) === rows;
}

function headerIn(bytes: Uint8Array, at: number): { header: PageHeader; headerBytes: number } | null {
  const reader = { view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), offset: at };
  try {
    const header = parquetHeader(reader);
    return { header, headerBytes: reader.offset - at };
  } catch {
    return null;
  }
}

/**
 * The locations of a flat column chunk from its page headers, when it has no offset index: read once
 * (the whole chunk in one read when small enough, else header by header). Null when a header cannot
 * be read, a page does not fit, a page other than a dictionary or index page comes before the data
 * pages or between them, or the pages' rows do not add up to the chunk's: the whole chunk is then
 * decoded, and its checks say what is wrong.
 */
export async function locationsFromHeaders(source: RangeReader, chunk: ColumnChunk, chunkRows: number, signal?: AbortSignal): Promise<PageLocations | null> {
  const { start, length } = chunkRange(chunk);
  const end = start + length;
  if (start < 4 || end > source.size || length <= 0) return null;
  const whole = length <= WALK_IN_ONE_READ ? await source.read(start, length, signal) : undefined;
  const out: PageLocations = { prefix: { offset: start, length: 0 }, offsets: [], sizes: [], firstRows: [], rows: chunkRows, from: 'page headers' };
  let rows = 0;
  for (let at = start; at < end; ) {
    const read = whole ? headerIn(whole, at - start) : await headerAt(source, at, end, signal);
    if (!read) return null;
    const body = read.header.compressed_page_size as unknown;
    if (typeof body !== 'number' || !Number.isInteger(body) || body < 0 || at + read.headerBytes + body > end) return null;
    const size = read.headerBytes + body;
    const pageRows = dataPageRows(read.header);
    if (pageRows === undefined) {
      // A dictionary (or index) page may only come before the data pages.
      if (out.offsets.length || (read.header.type !== 'DICTIONARY_PAGE' && read.header.type !== 'INDEX_PAGE')) return null;
      out.prefix.length += size;
    } else {
      if (!Number.isInteger(pageRows) || pageRows <= 0 || out.offsets.length >= MAX_PAGES) return null;
      out.offsets.push(at);
      out.sizes.push(size);
      out.firstRows.push(rows);
      rows += pageRows;
    }
    at += size;
  }
  return out.offsets.length && rows === chunkRows ? out : null;
}

/**
 * The page locations of a flat column chunk: from its OffsetIndex when the footer points to one that
 * holds together (read with `readIndex`, the source's read unless given), else from its page headers;
 * null when neither gives them.
 */
export async function readPageLocations(source: RangeReader, chunk: ColumnChunk, chunkRows: number, signal?: AbortSignal, readIndex: RangeReader['read'] = (at, length, s) => source.read(at, length, s)): Promise<PageLocations | null> {
  const at = toNumber(chunk.offset_index_offset);
  const length = chunk.offset_index_length;
  if (at !== undefined && typeof length === 'number' && length > 0 && length <= MAX_OFFSET_INDEX && at >= 4 && at + length <= source.size) {
    const fromIndex = locationsFromOffsetIndex(await readIndex(at, length, signal), chunk, chunkRows);
    if (fromIndex) return fromIndex;
  }
  return locationsFromHeaders(source, chunk, chunkRows, signal);
}

/** The data page holding `row` (binary search over first rows). */
export function pageOfRow(locations: PageLocations, row: number): number {
  const first = locations.firstRows;
  let lo = 0;
  let hi = first.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (first[mid] <= row) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The first row after data page `page`. */
export const pageEndRow = (locations: PageLocations, page: number): number => (page + 1 < locations.firstRows.length ? locations.firstRows[page + 1] : locations.rows);

/**
 * Whether data page `page` is likely dictionary-encoded, from its size alone: it holds at most twice
 * the bytes per row of the chunk's first data page, which is dictionary-encoded unless the writer fell
 * back at once (indices take a few bits a row; plain values after a fallback take their whole width,
 * and byte arrays 4 bytes more). A wrong guess only costs a read: one more read after the page, or a
 * dictionary page read for nothing.
 */
export function likelyDictionaryEncoded(locations: PageLocations, page: number): boolean {
  const perRow = (p: number) => locations.sizes[p] / Math.max(1, pageEndRow(locations, p) - locations.firstRows[p]);
  return perRow(page) <= 2 * perRow(0);
}
