import type { ByteSource } from '../model/byteSource';
import { isBigEndianFooter, isBigEndianMessage } from './endianness';

/** True when the file declares big-endian data (read from the raw schema flatbuffer). */
export async function schemaEndianness(source: ByteSource, format: 'arrow-stream' | 'arrow-file', signal?: AbortSignal): Promise<boolean> {
  if (format === 'arrow-file') {
    const tail = await source.read(source.size - 10, 4, signal);
    const length = new DataView(tail.buffer, tail.byteOffset).getInt32(0, true);
    return isBigEndianFooter(await source.read(source.size - 10 - length, length, signal));
  }
  const prefix = await source.read(0, 8, signal);
  const view = new DataView(prefix.buffer, prefix.byteOffset);
  const continued = view.getUint32(0, true) === 0xffffffff;
  const length = continued ? view.getInt32(4, true) : view.getInt32(0, true);
  return isBigEndianMessage(await source.read(continued ? 8 : 4, length, signal));
}
