import type { AsyncBuffer } from 'hyparquet';
import type { ByteSource } from '../model/byteSource';

/** hyparquet's view of a file (byteLength + async slice) over one of our byte sources. */
export function asyncBufferOf(source: ByteSource, signal?: AbortSignal): AsyncBuffer {
  return {
    byteLength: source.size,
    slice: async (start: number, end?: number) => {
      const bytes = await source.read(start, (end ?? source.size) - start, signal);
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    },
  };
}
