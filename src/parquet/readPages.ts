import type { ColumnChunk } from 'hyparquet';
import { parquetHeader } from 'hyparquet/src/column.js';
import type { PageHeader } from 'hyparquet/src/types.js';
import { DatasetError } from '../dataset/errors';
import type { RegionInfo } from '../dataset/types';
import type { ByteSource } from '../source/ByteSource';
import { chunkRange } from './columnSubset';

/** Most page headers fit in this; one with large statistics is read again, bigger. */
const FIRST_READ = 512;
const MAX_HEADER = 1 << 20;
/** A list longer than this is cut (a column chunk of tiny pages could hold millions). */
export const MAX_PAGES = 10_000;

async function readHeader(source: ByteSource, at: number, end: number, signal?: AbortSignal): Promise<{ header: PageHeader; headerBytes: number }> {
  for (let n = Math.min(FIRST_READ, end - at); ; n = Math.min(n * 4, end - at)) {
    const bytes = await source.read(at, n, signal);
    try {
      const reader = { view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), offset: 0 };
      const header = parquetHeader(reader);
      return { header, headerBytes: reader.offset };
    } catch (e) {
      // Ran off the end of what was read: read more, up to the end of the column chunk.
      if (e instanceof RangeError && n < end - at && n < MAX_HEADER) continue;
      throw new Error(e instanceof RangeError ? 'the header runs past the end of its column chunk' : (e as Error).message, { cause: e });
    }
  }
}

function describe(h: PageHeader): string {
  const parts: string[] = [];
  const v1 = h.data_page_header;
  const v2 = h.data_page_header_v2;
  const dict = h.dictionary_page_header;
  if (v1) parts.push(v1.encoding, `${v1.num_values.toLocaleString('en-US')} values`);
  if (v2) parts.push(v2.encoding, `${v2.num_values.toLocaleString('en-US')} values`, `${v2.num_rows.toLocaleString('en-US')} rows`, `${v2.num_nulls.toLocaleString('en-US')} nulls`, v2.is_compressed ? 'compressed' : 'not compressed');
  if (dict) parts.push(dict.encoding, `${dict.num_values.toLocaleString('en-US')} entries${dict.is_sorted ? ', sorted' : ''}`);
  parts.push(`${h.uncompressed_page_size.toLocaleString('en-US')} bytes uncompressed`);
  // Page min/max are raw plain-encoded bytes, not decoded here; the null count is plain.
  const nulls = v1?.statistics?.null_count;
  if (nulls !== undefined) parts.push(`${Number(nulls).toLocaleString('en-US')} nulls`);
  return parts.join(', ');
}

/**
 * The pages of one column chunk, from their headers only: each header is read, its page skipped.
 * A header that cannot be read ends the list with an error naming its byte offset.
 */
export async function readPages(source: ByteSource, chunk: ColumnChunk, field: string, signal?: AbortSignal): Promise<{ pages: RegionInfo[]; truncated: boolean }> {
  const { start, length } = chunkRange(chunk);
  const end = Math.min(start + length, source.size);
  const pages: RegionInfo[] = [];
  for (let at = start; at < end; ) {
    if (pages.length >= MAX_PAGES) return { pages, truncated: true };
    let read: { header: PageHeader; headerBytes: number };
    try {
      read = await readHeader(source, at, end, signal);
    } catch (e) {
      signal?.throwIfAborted();
      throw new DatasetError(`The header of page ${pages.length} of "${field}" at byte ${at} cannot be read: ${(e as Error).message}.`, { offset: at, column: field }, 'The pages before it are listed; values may still be readable.');
    }
    const { header, headerBytes } = read;
    const size = headerBytes + header.compressed_page_size;
    if (!(header.compressed_page_size >= 0) || at + size > end) {
      throw new DatasetError(`Page ${pages.length} of "${field}" at byte ${at} says it holds ${header.compressed_page_size} bytes, past the end of its column chunk (byte ${end}).`, { offset: at, column: field });
    }
    pages.push({ field, kind: String(header.type).toLowerCase(), offset: at, length: size, detail: describe(header) });
    at += size;
  }
  return { pages, truncated: false };
}
