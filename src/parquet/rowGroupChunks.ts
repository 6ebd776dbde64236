import type { FileMetaData } from 'hyparquet';
import type { ChunkInfo } from '../model/types';
import { chunkRange } from './columnSubset';

/** The summary of each row group (rows, first row, byte range, codecs), from the footer alone (or with counted `rows`). */
export function rowGroupChunks(md: FileMetaData, rows?: number[]): ChunkInfo[] {
  let rowOffset = 0;
  return md.row_groups.map((rg, index) => {
    const ranges = rg.columns.filter((c) => c.meta_data).map(chunkRange);
    const offset = ranges.length ? Math.min(...ranges.map((r) => r.start)) : Number(rg.file_offset ?? 0);
    const bytes = rg.total_compressed_size !== undefined ? Number(rg.total_compressed_size) : ranges.reduce((s, r) => s + r.length, 0);
    const codecs = [...new Set(rg.columns.map((c) => c.meta_data?.codec).filter(Boolean))];
    const info: ChunkInfo = { index, rows: rows?.[index] ?? Math.max(0, Number(rg.num_rows)), rowOffset, offset, bytes, compression: codecs.join(', ') };
    rowOffset += info.rows;
    return info;
  });
}
