import { ChunkTable } from '../model/chunkTable';
import { codecNames, type RowGroupIndex } from './rowGroupIndex';

/**
 * The summary of each row group (rows, first row, byte range, codecs), from the footer's walk (or with
 * counted `rows`), as a compact table: a million row groups make no object each.
 */
export function rowGroupChunks(index: RowGroupIndex, rows?: number[]): ChunkTable {
  const table = new ChunkTable();
  const names = new Map<number, string>();
  for (let i = 0; i < index.length; i++) {
    const codecs = index.codecs[i];
    let compression = names.get(codecs);
    if (compression === undefined) names.set(codecs, (compression = codecNames(codecs)));
    table.push(rows?.[i] ?? Math.max(0, index.numRows[i]), index.offset[i], index.bytes[i], compression);
  }
  return table;
}
