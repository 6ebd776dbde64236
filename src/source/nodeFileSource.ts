import { open, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import { MAX_SINGLE_READ, type ByteSource, type ReadStats } from './ByteSource';

/**
 * A ByteSource over a Node file handle. Node only: `fs.openAsBlob` wraps sizes above 4 GiB
 * (nodejs/node#52585), so big files are read with positioned `FileHandle.read` instead.
 */
export class NodeFileSource implements ByteSource {
  readonly stats: ReadStats = { bytesRead: 0, reads: 0 };
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
    if (end <= offset) return new Uint8Array(0);
    const out = new Uint8Array(end - offset);
    let filled = 0;
    while (filled < out.length) {
      signal?.throwIfAborted();
      const want = Math.min(MAX_SINGLE_READ, out.length - filled);
      const { bytesRead } = await this.handle.read(out, filled, want, offset + filled);
      this.stats.reads++;
      this.stats.bytesRead += bytesRead;
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return filled === out.length ? out : out.subarray(0, filled);
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}

export const openNodeFile = (path: string): Promise<NodeFileSource> => NodeFileSource.open(path);
