import { parquetMetadata, type FileMetaData } from 'hyparquet';
import type { ByteSource } from '../model/byteSource';
import { DatasetError } from '../model/errors';
import { checkFooterStructure, footerPlace } from './footerChecks';
import { FooterProblem, scanFooter } from './footerScan';

const MAX_FOOTER = 256 * 1024 * 1024;
const NOTHING_ELSE = 'Nothing of this file can be shown without its footer.';

/**
 * Reads and parses only the footer (FileMetaData) of a Parquet file. Its Thrift encoding is walked
 * first (footerScan.ts), so hyparquet only decodes footers it can; a problem is a sentence saying
 * which part of the footer is wrong and where, never the decoder's own words.
 */
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
  const footerStart = source.size - 8 - footerLength;
  const place = footerPlace(footerStart, footerLength);
  const bytes = await source.read(footerStart, footerLength + 8, signal);
  try {
    scanFooter(bytes.subarray(0, footerLength));
  } catch (e) {
    if (!(e instanceof FooterProblem)) throw e;
    throw new DatasetError(`${place} is damaged: ${e.message} (at byte ${(footerStart + e.at).toLocaleString('en-US')}).`, { offset: footerStart + e.at }, NOTHING_ELSE);
  }
  let md: FileMetaData;
  try {
    md = parquetMetadata(bytes);
  } catch {
    // The walk found the structure sound: what is left is a value hyparquet cannot convert (statistics, a logical type).
    throw new DatasetError(`${place} could not be read: a value in it (statistics or a type annotation) is not what its field should hold.`, { offset: footerStart }, NOTHING_ELSE);
  }
  checkFooterStructure(md, footerStart, footerLength);
  return md;
}
