import { asyncBufferFromUrl, parquetMetadataAsync, parquetReadObjects, type AsyncBuffer, type FileMetaData } from 'hyparquet';
import { plainJson } from './plainJson';

// hyparquet as Hyperparam uses it: the footer once, then parquetRead by row range and columns.
let file: AsyncBuffer | undefined;
let metadata: FileMetaData | undefined;

export async function hyparquetOpen(source: File | string): Promise<{ rowGroups: number; rows: number; columns: number }> {
  file =
    typeof source === 'string'
      ? await asyncBufferFromUrl({ url: source })
      : { byteLength: source.size, slice: (start: number, end?: number) => source.slice(start, end).arrayBuffer() };
  metadata = await parquetMetadataAsync(file);
  return { rowGroups: metadata.row_groups.length, rows: Number(metadata.num_rows), columns: metadata.schema.length - 1 };
}

/** Rows [rowStart, rowEnd) of every column (or the given ones), as objects. */
export async function hyparquetRows(rowStart: number, rowEnd: number, columns?: string[]): Promise<{ rows: number; first: unknown }> {
  if (!file || !metadata) throw new Error('hyparquetOpen first');
  const rows = await parquetReadObjects({ file, metadata, rowStart, rowEnd, columns });
  return { rows: rows.length, first: JSON.parse(plainJson(rows[0])) };
}
