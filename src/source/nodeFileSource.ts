import { readSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ByteSource, ReadOptions, ReadStats } from '../model/byteSource';
import { RECYCLE_MIN, RecycledBuffers } from '../model/recycledReads';
import { MAX_SINGLE_READ } from './limits';

const SYNC_READ_MAX = 256 * 1024;

/**
 * A ByteSource over a Node file handle. Node only: `fs.openAsBlob` wraps sizes above 4 GiB
 * (nodejs/node#52585), so big files are read with positioned `FileHandle.read` instead.
 */
export class NodeFileSource implements ByteSource {
  readonly stats: ReadStats = { bytesRead: 0, reads: 0 };
  /** Buffers of recyclable reads, given back for the next ones. */
  private readonly buffers = new RecycledBuffers();
  private constructor(
    private readonly handle: FileHandle,
    readonly name: string,
    readonly size: number,
  ) {}

  static async open(path: string): Promise<NodeFileSource> {
    const handle = await open(path, 'r');
    const { size } = await handle.stat();
    return new NodeFileSource(handle, basename(path), size);
  }

  async read(offset: number, length: number, signal?: AbortSignal, options?: ReadOptions): Promise<Uint8Array> {
    const end = Math.min(this.size, offset + length);
    // Also no bytes for a NaN position (a damaged header's): the reader then says what is wrong.
    if (!(end > offset)) return new Uint8Array(0);
    // Not zero-filled first (a column body is tens of MB): every byte returned is one read from the file.
    const out = new Uint8Array(this.bufferFor(end - offset, options?.recyclable === true), 0, end - offset);
    let filled = 0;
    while (filled < out.length) {
      signal?.throwIfAborted();
      const want = Math.min(MAX_SINGLE_READ, out.length - filled);
      // Small reads (headers, row windows) synchronously: an async read costs ~50-100 µs of thread-pool
      // round trip, a synchronous one ~5 µs, and indexing a stream of 50,000 messages makes 50,000 of them.
      const bytesRead =
        want <= SYNC_READ_MAX
          ? readSync(this.handle.fd, out, filled, want, offset + filled)
          : (await this.handle.read(out, filled, want, offset + filled)).bytesRead;
      this.stats.reads++;
      this.stats.bytesRead += bytesRead;
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return filled === out.length ? out : out.subarray(0, filled);
  }

  /** A buffer of at least `length` bytes: for a big recyclable read the smallest given back that fits, else a fresh one. */
  private bufferFor(length: number, recyclable: boolean): ArrayBuffer {
    if (!recyclable || length < RECYCLE_MIN) return Buffer.allocUnsafeSlow(length).buffer as ArrayBuffer;
    const buffer = this.buffers.take(length) ?? (Buffer.allocUnsafeSlow(length).buffer as ArrayBuffer);
    this.buffers.lend(buffer);
    return buffer;
  }

  async close(): Promise<void> {
    this.buffers.clear();
    await this.handle.close();
  }
}

export const openNodeFile = (path: string): Promise<NodeFileSource> => NodeFileSource.open(path);
