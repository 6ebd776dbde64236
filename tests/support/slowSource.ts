import type { ByteSource } from '../../src/model/byteSource';

/** A real source with added latency per read, like a browser's Blob.slice or a remote server. */
export function withLatency(inner: ByteSource, ms: number): ByteSource {
  return {
    name: inner.name,
    size: inner.size,
    stats: inner.stats,
    read: async (offset, length, signal) => {
      await new Promise((r) => setTimeout(r, ms));
      return inner.read(offset, length, signal);
    },
    close: () => inner.close?.() ?? Promise.resolve(),
  };
}
