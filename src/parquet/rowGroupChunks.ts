import type { FileMetaData } from 'hyparquet';
import { ChunkTable } from '../model/chunkTable';
import { chunkRange } from './columnSubset';

/**
 * The summary of each row group (rows, first row, byte range, codecs), from the footer alone (or with
 * counted `rows`), as a compact table: a million row groups make no object each.
 */
export function rowGroupChunks(md: FileMetaData, rows?: number[]): ChunkTable {
  const table = new ChunkTable();
  const codecs = new Set<string>();
  md.row_groups.forEach((rg, index) => {
    let offset = Infinity;
    let sum = 0;
    codecs.clear();
    for (const c of rg.columns) {
      if (c.meta_data?.codec) codecs.add(c.meta_data.codec);
      if (!c.meta_data) continue;
      const r = chunkRange(c);
      offset = Math.min(offset, r.start);
      sum += r.length;
    }
    if (offset === Infinity) offset = Number(rg.file_offset ?? 0);
    const bytes = rg.total_compressed_size !== undefined ? Number(rg.total_compressed_size) : sum;
    table.push(rows?.[index] ?? Math.max(0, Number(rg.num_rows)), offset, bytes, [...codecs].join(', '));
  });
  return table;
}
