import { parquetHeader, type PageHeader } from '../adapters/hyparquetInternals';

/** What one page header of a column chunk declares. */
export interface PageFacts {
  type: string;
  /** Offset of the header within the column chunk's bytes. */
  at: number;
  uncompressedBytes: number;
  /** Values (levels) in a data page, entries in a dictionary page. */
  values: number;
  encoding?: string;
}

/** A count a header gives; 0 when it gives none, or something else than a count (a damaged header). */
const count = (x: unknown) => (typeof x === 'number' && Number.isSafeInteger(x) && x > 0 ? x : 0);

function facts(header: PageHeader, at: number): PageFacts {
  const data = header.data_page_header ?? header.data_page_header_v2;
  const dictionary = header.dictionary_page_header;
  return {
    type: String(header.type),
    at,
    uncompressedBytes: count(header.uncompressed_page_size),
    values: count(data?.num_values ?? dictionary?.num_values),
    encoding: data?.encoding ?? dictionary?.encoding,
  };
}

/**
 * The page headers of a column chunk already in memory, each page's body skipped. Stops quietly at
 * the first header that cannot be read or a page that runs past the end: the decoder reports those
 * with its own words; these facts only serve the checks made before decoding.
 */
export function chunkPages(bytes: Uint8Array): PageFacts[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: PageFacts[] = [];
  for (let at = 0; at < bytes.length; ) {
    const reader = { view, offset: at };
    let header: PageHeader;
    try {
      header = parquetHeader(reader);
    } catch {
      break;
    }
    const body = header.compressed_page_size as unknown;
    if (typeof body !== 'number' || !Number.isInteger(body) || body < 0 || reader.offset + body > bytes.length) break;
    out.push(facts(header, at));
    at = reader.offset + body;
  }
  return out;
}
