import type { ByteSource, ReadStats } from '../model/byteSource';
import { MAX_SINGLE_READ } from './limits';

/** Reads a File or Blob lazily with `slice().arrayBuffer()`; a disk-backed File is never copied whole. */
export class BlobSource implements ByteSource {
  readonly stats: ReadStats = { bytesRead: 0, reads: 0 };
  readonly size: number;
  constructor(
    private readonly blob: Blob,
    readonly name: string,
  ) {
    this.size = blob.size;
  }

  async read(offset: number, length: number, signal?: AbortSignal): Promise<Uint8Array> {
    const end = Math.min(this.size, offset + length);
    if (end <= offset) return new Uint8Array(0);
    if (end - offset <= MAX_SINGLE_READ) return this.readOnce(offset, end, signal);
    const out = new Uint8Array(end - offset);
    for (let at = offset; at < end; at += MAX_SINGLE_READ) {
      out.set(await this.readOnce(at, Math.min(end, at + MAX_SINGLE_READ), signal), at - offset);
    }
    return out;
  }

  stream(offset: number, end: number): ReadableStream<Uint8Array> {
    return this.blob.slice(offset, end).stream() as ReadableStream<Uint8Array>;
  }

  private async readOnce(start: number, end: number, signal?: AbortSignal): Promise<Uint8Array> {
    signal?.throwIfAborted();
    const bytes = new Uint8Array(await this.blob.slice(start, end).arrayBuffer());
    this.stats.reads++;
    this.stats.bytesRead += bytes.length;
    return bytes;
  }
}
