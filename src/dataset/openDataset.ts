import type { ByteSource } from '../model/byteSource';
import { DatasetError, LocatedError, errorDetail } from '../model/errors';
import type { Dataset, OpenOptions } from '../model/types';
import { openArrow } from '../arrow/openArrow';
import { MAX_METADATA_BYTES } from '../arrow/readMessage';

export type SniffedFormat = 'arrow-file' | 'arrow-stream' | 'parquet';

const ARROW_MAGIC = [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31]; // "ARROW1"
const PARQUET_MAGIC = [0x50, 0x41, 0x52, 0x31]; // "PAR1"
const PARQUET_ENCRYPTED_MAGIC = [0x50, 0x41, 0x52, 0x45]; // "PARE": encrypted footer

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/**
 * Tell the format from the first bytes and the last four: Parquet by its magic at either end (a
 * Parquet reader needs only the footer, so a file ending in PAR1 is Parquet whatever its head says),
 * an Arrow file by its magic, otherwise an IPC stream.
 */
export function sniffFormat(head: Uint8Array, tail: Uint8Array = new Uint8Array(0)): SniffedFormat {
  if ([head, tail].some((b) => startsWith(b, PARQUET_MAGIC) || startsWith(b, PARQUET_ENCRYPTED_MAGIC))) return 'parquet';
  if (startsWith(head, ARROW_MAGIC)) return 'arrow-file';
  return 'arrow-stream';
}

/**
 * An IPC stream starts with the continuation marker (0xFFFFFFFF) or, before Arrow 0.15, with its first
 * message's metadata length. A file whose head is text (an HTML page, CSV, JSON) is neither: said so,
 * rather than as an invalid message length. Binary heads are left to the engine, which names what is wrong.
 */
function notArrowOrParquet(head: Uint8Array): DatasetError | null {
  if (head.length < 4) return null;
  const first = new DataView(head.buffer, head.byteOffset, 4).getUint32(0, true);
  if (first === 0xffffffff || first <= MAX_METADATA_BYTES) return null;
  if (!head.every((b) => (b >= 0x20 && b < 0x7f) || b === 0x09 || b === 0x0a || b === 0x0d)) return null;
  const text = new TextDecoder().decode(head).replace(/\s+/g, ' ');
  return new DatasetError(`This is not an Arrow or Parquet file: it begins with the text “${text}”, where an Arrow or Parquet file has its own marks.`, { offset: 0 });
}

/**
 * Open any supported file lazily: only headers / footers are read here. The Arrow engine is bundled
 * with the worker (exploring a local Arrow file makes no request at all); Parquet's wasm loads on demand.
 */
export async function openDataset(source: ByteSource, options: OpenOptions = {}): Promise<Dataset> {
  if (source.size === 0) throw new DatasetError('The file is empty (0 bytes).', { offset: 0 });
  try {
    // Both ends at once: a remote file's round trips overlap, and Parquet's footer read then finds its last block cached.
    // Failing, the head's failure is the one said, whichever answer came first.
    const ends = await Promise.allSettled([source.read(0, Math.min(8, source.size), options.signal), source.size >= 12 ? source.read(source.size - 4, 4, options.signal) : new Uint8Array(0)]);
    const [head, tail] = ends.map((end) => {
      if (end.status === 'rejected') throw end.reason;
      return end.value;
    });
    let format = sniffFormat(head);
    if (format === 'arrow-stream') format = sniffFormat(head, tail);
    if (format === 'arrow-stream') {
      const notAFile = notArrowOrParquet(head);
      if (notAFile) throw notAFile;
    }
    if (format === 'parquet') {
      const [{ openParquet }, { withFilterReaders }] = await Promise.all([import('../parquet/openParquet'), import('../parquet/pageIndex')]);
      return withFilterReaders(await openParquet(source, options));
    }
    return await openArrow(source, format, options);
  } catch (e) {
    await source.close?.();
    if (e instanceof LocatedError || (e instanceof DOMException && e.name === 'AbortError')) throw e;
    // An engine defect, not the file's fault as far as we know: still a sentence naming what was being read.
    throw new DatasetError(`The file's structure (its header, footer or schema) could not be read: unexpected error (${errorDetail(e)}).`, {}, 'Nothing else of this file could be shown.');
  }
}
