import { parquetMetadataAsync, type FileMetaData } from 'hyparquet';
import type { ByteSource } from '../model/byteSource';
import { DatasetError } from '../model/errors';
import { asyncBufferOf } from './asyncBuffer';

const MAX_FOOTER = 256 * 1024 * 1024;

/** Reads and parses only the footer (FileMetaData) of a Parquet file. */
export async function readParquetFooter(source: ByteSource, signal?: AbortSignal): Promise<FileMetaData> {
  if (source.size < 12) throw new DatasetError(`The file is too short (${source.size} bytes) to be Parquet.`, { offset: 0 });
  const tail = await source.read(source.size - 8, 8, signal);
  const magic = new TextDecoder().decode(tail.subarray(4));
  const footerLength = new DataView(tail.buffer, tail.byteOffset).getUint32(0, true);
  if (magic === 'PARE') {
    throw new DatasetError(
      'This Parquet file is encrypted (encrypted footer); a key is required to read even its schema.',
      { offset: source.size - 4 },
      'Nothing beyond its size can be shown without the key.',
    );
  }
  if (magic !== 'PAR1') {
    throw new DatasetError('The file starts with PAR1 but does not end with it: it is truncated or not Parquet.', { offset: source.size - 4 });
  }
  if (footerLength > Math.min(MAX_FOOTER, source.size - 12)) {
    throw new DatasetError(`Invalid footer length ${footerLength} for a file of ${source.size} bytes.`, { offset: source.size - 8 });
  }
  try {
    return await parquetMetadataAsync(asyncBufferOf(source, signal), { initialFetchSize: Math.min(source.size, footerLength + 8) });
  } catch (e) {
    throw new DatasetError(`The Parquet footer could not be parsed: ${(e as Error).message}.`, { offset: source.size - 8 - footerLength });
  }
}
