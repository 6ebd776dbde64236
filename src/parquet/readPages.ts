import type { ColumnChunk } from 'hyparquet';
import { parquetHeader, type PageHeader } from '../adapters/hyparquetInternals';
import type { DatasetProblem } from '../model/errors';
import type { PageList, RegionInfo } from '../model/types';
import type { ByteSource } from '../model/byteSource';
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
      // Ran off the end of what was read (a RangeError, or hyparquet's "thrift binary length … exceeds
      // remaining … bytes" for a long statistic): read more, up to the end of the column chunk.
      if (n < end - at && n < MAX_HEADER) continue;
      throw new Error(e instanceof RangeError ? 'the header runs past the end of its column chunk' : (e as Error).message, { cause: e });
    }
  }
}

/** A count from a header field, which a damaged file may leave out or give the wrong type. */
const n = (x: unknown) => (typeof x === 'number' || typeof x === 'bigint' ? Number(x).toLocaleString('en-US') : '?');

/** A page's null count as written, marked where it cannot be its nulls: past its values, or from a writer known to write others (`distrust`). */
function nullsText(nulls: unknown, values: unknown, distrust: string | undefined): string {
  const count = (x: unknown) => (typeof x === 'number' || typeof x === 'bigint' ? Number(x) : NaN);
  const past = count(nulls) > count(values);
  const why = past ? 'more than its values' : distrust && Number(nulls) !== 0 ? distrust : undefined;
  return `${n(nulls)} nulls${why ? ` as written, not its nulls: ${why}` : ''}`;
}

function describe(h: PageHeader, distrust: string | undefined): string {
  const parts: string[] = [];
  const v1 = h.data_page_header;
  const v2 = h.data_page_header_v2;
  const dict = h.dictionary_page_header;
  if (v1) parts.push(String(v1.encoding), `${n(v1.num_values)} values`);
  if (v2) parts.push(String(v2.encoding), `${n(v2.num_values)} values`, `${n(v2.num_rows)} rows`, nullsText(v2.num_nulls, v2.num_values, distrust), v2.is_compressed ? 'compressed' : 'not compressed');
  if (dict) parts.push(String(dict.encoding), `${n(dict.num_values)} entries${dict.is_sorted ? ', sorted' : ''}`);
  parts.push(`${n(h.uncompressed_page_size)} bytes uncompressed`);
  // Page min/max are raw plain-encoded bytes, not decoded here; the null count is plain.
  const nulls = v1?.statistics?.null_count;
  if (nulls !== undefined) parts.push(nullsText(nulls, v1?.num_values, distrust));
  return parts.join(', ');
}

const PAGES_BEFORE = 'The pages before it are listed; values may still be readable.';

/**
 * The pages of one column chunk, from their headers only: each header is read, its page skipped.
 * A header that cannot be read, or a page that does not fit, ends the list with a problem naming its byte offset.
 */
export async function readPages(source: ByteSource, chunk: ColumnChunk, field: string, signal?: AbortSignal, nullCountDistrust?: string): Promise<PageList> {
  const { start, length } = chunkRange(chunk);
  const pages: RegionInfo[] = [];
  const stop = (message: string, offset: number, stillWorks = PAGES_BEFORE): PageList => ({ pages, truncated: false, problem: { message, where: { offset, column: field }, stillWorks } satisfies DatasetProblem });
  if (length > 0 && start >= source.size) {
    return stop(`The column chunk of "${field}" starts at byte ${start}, past the end of the file (${source.size} bytes): the file is cut short, or its footer points elsewhere.`, start, 'None of its pages can be read; other columns may still be.');
  }
  const end = Math.min(start + length, source.size);
  const bound = end < start + length ? `the end of the file (byte ${end}; its column chunk would end at byte ${start + length})` : `its column chunk (ending at byte ${end})`;
  for (let at = start; at < end; ) {
    if (pages.length >= MAX_PAGES) return { pages, truncated: true };
    let read: { header: PageHeader; headerBytes: number };
    try {
      read = await readHeader(source, at, end, signal);
    } catch (e) {
      signal?.throwIfAborted();
      return stop(`The header of page ${pages.length} of "${field}" at byte ${at} cannot be read: ${(e as Error).message}.`, at);
    }
    const { header, headerBytes } = read;
    const body = header.compressed_page_size as unknown;
    if (typeof body !== 'number' || !Number.isInteger(body) || body < 0 || at + headerBytes + body > end) {
      return stop(`Page ${pages.length} of "${field}" at byte ${at} says it holds ${String(body)} bytes, which does not fit in ${bound}.`, at);
    }
    pages.push({ field, kind: header.type ? String(header.type).toLowerCase() : 'unknown page type', offset: at, length: headerBytes + body, detail: describe(header, nullCountDistrust) });
    at += headerBytes + body;
  }
  if (end < start + length) return stop(`The column chunk of "${field}" runs past the end of the file (byte ${end}; it would end at byte ${start + length}): the pages after byte ${end} are missing.`, end);
  return { pages, truncated: false };
}
