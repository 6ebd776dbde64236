import type { ColumnChunk } from 'hyparquet';
import { DatasetError } from '../model/errors';
import type { PageFacts } from './chunkPages';

/**
 * Most memory one column of one row group may take once decoded. The decoder's wasm memory is
 * capped at 4 GiB, never shrinks, and holds the pages, the decoded values and their IPC copy at
 * once: past this, a chunk is refused before decoding rather than let it grow to gigabytes and die.
 */
export const COLUMN_CHUNK_BUDGET = 512 * 1024 * 1024;

const isDictionaryEncoding = (e: string | undefined) => e === 'PLAIN_DICTIONARY' || e === 'RLE_DICTIONARY';

/**
 * What a leaf's pages declare they decode to: the sum of their uncompressed sizes and, when the data
 * pages index a dictionary that will be written out value by value, each value's share of the
 * dictionary (a few long strings repeated a million times are small on disk and huge decoded).
 * `chunkValues` (the footer's count): values of pages whose headers could not be read (the walk stops
 * at a damaged one, the decoder may read on) are counted as using the dictionary too.
 */
export function pagesDecodedBytes(pages: PageFacts[], expandsDictionary: boolean, chunkValues = 0): number {
  let bytes = 0;
  let perEntry = 0;
  let seen = 0;
  for (const page of pages) {
    bytes += page.uncompressedBytes;
    if (page.type !== 'DICTIONARY_PAGE') seen += page.values;
    // A dictionary page that gives no entry count (a damaged header) may hold one entry as long as the page.
    if (page.type === 'DICTIONARY_PAGE') perEntry = page.values > 0 ? page.uncompressedBytes / page.values : page.uncompressedBytes;
    else if (expandsDictionary && perEntry > 0 && isDictionaryEncoding(page.encoding)) bytes += page.values * perEntry;
  }
  if (expandsDictionary && perEntry > 0 && chunkValues > seen) bytes += (chunkValues - seen) * perEntry;
  return bytes;
}

/** The size a leaf's footer entry declares: decoded, or on disk when that is more (it is read whole); NaN when one is missing. */
export function declaredBytes(chunk: ColumnChunk): number {
  const m = chunk.meta_data;
  return m ? Math.max(Number(m.total_uncompressed_size), Number(m.total_compressed_size)) : 0;
}

const MIB = 1024 * 1024;
const sizeText = (bytes: number) => (bytes >= 1024 * MIB ? `${(bytes / (1024 * MIB)).toFixed(1)} GiB` : `${Math.ceil(bytes / MIB).toLocaleString('en-US')} MiB`);

const REASON = {
  footer: (n: string, size: string) => `its footer declares ${n} bytes for it (about ${size})`,
  pages: (n: string, size: string) => `its page headers add up to ${n} bytes once decoded (about ${size}, a dictionary entry counted for every value that uses it)`,
};

/** What is missing when a declared size is not a number (NaN from a damaged footer or page header). */
const MISSING = {
  footer: 'its footer entry lacks its sizes (total_compressed_size and total_uncompressed_size must both be given), so its bytes cannot be read',
  pages: 'one of its page headers lacks its sizes (compressed_page_size and uncompressed_page_size must both be given), so its pages cannot be decoded',
};

/** Refuses a column chunk whose declared decoded size is past the budget, or is not declared at all, saying why and what still works. */
export function checkBudget(bytes: number, source: keyof typeof REASON, column: string, rowGroup: number, offset: number): void {
  if (bytes <= COLUMN_CHUNK_BUDGET) return;
  const why = Number.isNaN(bytes)
    ? MISSING[source]
    : `${REASON[source](Math.round(bytes).toLocaleString('en-US'), sizeText(bytes))}, more than the ${sizeText(COLUMN_CHUNK_BUDGET)} one column of one row group may take here`;
  throw new DatasetError(
    `Column "${column}" of row group ${rowGroup} is not decoded: ${why}.`,
    { chunk: rowGroup, column, offset },
    'Its schema, sizes, pages and statistics are still shown, and the other columns and row groups can still be read.',
  );
}
