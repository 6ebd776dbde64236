import { Type } from 'apache-arrow';
import type { ColumnChunk } from 'hyparquet';
import { recycleRead } from '../model/recycledReads';
import type { ByteRanges } from '../model/types';
import { snappyArena, type SnappyArena } from '../adapters/snappy';
import { chunkPages, type PageFacts } from './chunkPages';
import { decodeByteRanges, flatColumn, tryDecodeDictionary, type FlatColumn } from './flatPages';
import { checkPageFacts, isEmpty, readChunks, type ColumnRequest } from './loadColumn';
import { dictionaryHint } from './dictionaryHint';

/**
 * One chunk of a flat string or binary column (no dictionary kept, no restored type) as the byte
 * ranges of its values in its decompressed pages (flatPages' decodeByteRanges), for a count that
 * hashes them where they lie. Null when the chunk is not one (nothing read); 'declined' when its pages
 * were read and are not decoded in place (a byte past ASCII, an encoding not decoded in JS). Either
 * way the caller then reads the column (readColumn), whose checks and errors stay the reference. W2's contbr_nm (PLAIN pages after the
 * writer's dictionary fallback) spent more time in parquet-wasm (decode, IPC stream, apache-arrow
 * reading it back) than in counting.
 */
export async function flatChunkRanges(request: ColumnRequest): Promise<ByteRanges | null | 'declined'> {
  const { subset, field, rg } = request;
  if (request.restored || subset.leaves !== 1 || subset.elements.length !== 1) return null;
  const chunks = rg.columns.slice(subset.firstLeaf, subset.firstLeaf + 1);
  const chunk = chunks[0];
  if (!chunk?.meta_data || isEmpty(rg, chunks) || dictionaryHint(subset, chunk, field) !== undefined) return null;
  const column = flatColumn(subset.elements[0], chunk, field, false);
  if (!column || column.physical !== 'BYTE_ARRAY') return null;
  // Snappy pages are decoded out of the chunk's bytes (into the arena, the dictionary into its own
  // buffer), so those bytes go back to the source for the next chunk's read once decoded.
  const recyclable = column.codec === 'SNAPPY';
  const [bytes] = await readChunks(request, chunks, { recyclable });
  try {
    return rangesOf(request, column, chunks, bytes);
  } finally {
    if (recyclable) recycleRead(bytes);
  }
}

function rangesOf(request: ColumnRequest, column: FlatColumn, chunks: ColumnChunk[], bytes: Uint8Array): ByteRanges | 'declined' {
  const { field, rg } = request;
  const pages = chunkPages(bytes);
  checkPageFacts(request, chunks, [pages], false);
  // A dictionary page comes first when there is one.
  const split = pages[0]?.type === 'DICTIONARY_PAGE' ? (pages[1]?.at ?? bytes.length) : 0;
  const dictionary = split ? tryDecodeDictionary(column, bytes.subarray(0, split)) : undefined;
  if (split && !dictionary) return 'declined';
  const arena = column.codec === 'SNAPPY' ? pageArena(bytes, pages, split, Number(rg.num_rows)) : null;
  const parts = decodeByteRanges(column, bytes.subarray(split), Number(rg.num_rows), dictionary, arena ?? undefined);
  if (!parts) arena?.release();
  return parts ? { binary: field.type.typeId === Type.Binary, parts, release: arena ? () => arena.release() : undefined } : 'declined';
}

/**
 * A snappy arena sized for the data pages from `split` on: the largest page (header included) as
 * input room, their decompressed bytes, and a start and an end per row.
 */
function pageArena(bytes: Uint8Array, pages: PageFacts[], split: number, rows: number): SnappyArena | null {
  let maxInput = 0;
  let output = 0;
  for (let k = 0; k < pages.length; k++) {
    if (pages[k].at < split) continue;
    maxInput = Math.max(maxInput, (pages[k + 1]?.at ?? bytes.length) - pages[k].at);
    output += pages[k].uncompressedBytes;
  }
  return snappyArena(maxInput, output, 2 * rows);
}
