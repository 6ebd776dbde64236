import { readSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ByteSource, ReadStats } from '../model/byteSource';
import { MAX_SINGLE_READ } from './limits';

const SYNC_READ_MAX = 256 * 1024;
/** Reads this big or bigger may land in a buffer given back with `recycleRead` (column bodies of a scan). */
const RECYCLE_MIN = 1024 * 1024;
/** Buffers a source keeps for its next big reads (a scan has a few reads in flight and one being worked on per thread). */
const FREE_MAX = 4;

/** The source whose big read allocated each buffer still out with its reader (a WeakMap: a buffer never given back is collected). */
const readers = new WeakMap<ArrayBuffer, NodeFileSource>();

/**
 * Gives the buffer under `bytes` (a whole column body returned by a NodeFileSource read) back to its
 * source, whose next big read fills it again instead of a fresh buffer: a fresh 20 MB buffer costs the
 * kernel ~4x the copy itself (page faults and zeroing) and the collector its share. Only for a caller
 * that holds the only reference to these bytes and will never read them again; bytes not from a big
 * read of a NodeFileSource (a merged read's copy, a decoded buffer), or given back twice, are ignored.
 */
export function recycleRead(bytes: Uint8Array): void {
  const buffer = bytes.buffer as ArrayBuffer;
  const source = readers.get(buffer);
  if (!source) return;
  readers.delete(buffer);
  source.takeBack(buffer);
}

/**
 * A ByteSource over a Node file handle. Node only: `fs.openAsBlob` wraps sizes above 4 GiB
 * (nodejs/node#52585), so big files are read with positioned `FileHandle.read` instead.
 */
export class NodeFileSource implements ByteSource {
  readonly stats: ReadStats = { bytesRead: 0, reads: 0 };
  /** Buffers given back (recycleRead), for the next big reads. */
  private readonly free: ArrayBuffer[] = [];
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

  async read(offset: number, length: number, signal?: AbortSignal): Promise<Uint8Array> {
    const end = Math.min(this.size, offset + length);
    // Also no bytes for a NaN position (a damaged header's): the reader then says what is wrong.
    if (!(end > offset)) return new Uint8Array(0);
    // Not zero-filled first (a column body is tens of MB): every byte returned is one read from the file.
    const out = new Uint8Array(this.bufferFor(end - offset), 0, end - offset);
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

  /** A buffer of at least `length` bytes: the smallest given back that fits, else a fresh one. */
  private bufferFor(length: number): ArrayBuffer {
    if (length < RECYCLE_MIN) return Buffer.allocUnsafeSlow(length).buffer as ArrayBuffer;
    let best = -1;
    for (let i = 0; i < this.free.length; i++) {
      if (this.free[i].byteLength >= length && (best < 0 || this.free[i].byteLength < this.free[best].byteLength)) best = i;
    }
    const buffer = best >= 0 ? this.free.splice(best, 1)[0] : (Buffer.allocUnsafeSlow(length).buffer as ArrayBuffer);
    readers.set(buffer, this);
    return buffer;
  }

  /** A buffer recycleRead gave back: kept for the next big read (the smallest dropped past FREE_MAX). */
  takeBack(buffer: ArrayBuffer): void {
    this.free.push(buffer);
    if (this.free.length > FREE_MAX) {
      this.free.sort((a, b) => b.byteLength - a.byteLength);
      this.free.length = FREE_MAX;
    }
  }

  async close(): Promise<void> {
    this.free.length = 0;
    await this.handle.close();
  }
}

export const openNodeFile = (path: string): Promise<NodeFileSource> => NodeFileSource.open(path);
