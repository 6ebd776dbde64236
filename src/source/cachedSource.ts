import type { ByteSource, ReadStats } from '../model/byteSource';

const BLOCK = 64 * 1024;
/** Reads larger than this skip the cache: they are column bodies, read once and handed over. */
const CACHEABLE = 4 * BLOCK;

/**
 * A bounded LRU cache of 64 KiB blocks over another source, for the many small reads of headers,
 * offsets and row windows. `stats` counts only real I/O on the inner source.
 */
export class CachedSource implements ByteSource {
  private readonly blocks = new Map<number, Uint8Array>();
  private held = 0;

  constructor(
    readonly inner: ByteSource,
    readonly budgetBytes = 32 * 1024 * 1024,
  ) {}

  get name(): string {
    return this.inner.name;
  }
  get size(): number {
    return this.inner.size;
  }
  get stats(): ReadStats {
    return this.inner.stats;
  }
  get mergeGap(): number | undefined {
    return this.inner.mergeGap;
  }
  /** Bytes this cache holds right now. */
  get cachedBytes(): number {
    return this.held;
  }

  async read(offset: number, length: number, signal?: AbortSignal): Promise<Uint8Array> {
    const end = Math.min(this.size, offset + length);
    if (end <= offset) return new Uint8Array(0);
    if (end - offset > CACHEABLE) return this.inner.read(offset, end - offset, signal);
    const first = Math.floor(offset / BLOCK);
    const last = Math.floor((end - 1) / BLOCK);
    const blocks: Uint8Array[] = [];
    const missing: number[] = [];
    for (let b = first; b <= last; b++) {
      const hit = this.blocks.get(b);
      if (hit) blocks[b - first] = hit;
      else missing.push(b);
    }
    if (missing.length > 0) {
      const lo = missing[0] * BLOCK;
      const hi = Math.min(this.size, (missing[missing.length - 1] + 1) * BLOCK);
      const read = await this.inner.read(lo, hi - lo, signal);
      // Blocks are views of the read, not copies (a jump's ~40 reads were copied twice: into blocks, then
      // out), unless the read is itself a view of a bigger buffer (an HTTP answer's) that it would keep.
      const bytes = read.buffer.byteLength > read.length + BLOCK ? read.slice() : read;
      for (const b of missing) {
        const s = b * BLOCK - lo;
        blocks[b - first] ??= bytes.subarray(s, Math.min(bytes.length, s + BLOCK));
      }
    }
    const out = new Uint8Array(end - offset);
    blocks.forEach((block, k) => {
      const blockStart = (first + k) * BLOCK;
      const s = Math.max(offset, blockStart);
      const e = Math.min(end, blockStart + block.length);
      out.set(block.subarray(s - blockStart, e - blockStart), s - offset);
      this.put(first + k, block); // most recently used last
    });
    return out;
  }

  private put(index: number, block: Uint8Array): void {
    const old = this.blocks.get(index);
    if (old) {
      this.blocks.delete(index);
      this.release(old);
    }
    this.blocks.set(index, block);
    this.hold(block);
    for (const [key, old] of this.blocks) {
      if (this.held <= this.budgetBytes) break;
      this.blocks.delete(key);
      this.release(old);
    }
  }

  /** Blocks are views of the reads they came in: a read's whole buffer is held while any of its blocks is. */
  private readonly users = new Map<ArrayBufferLike, number>();

  private hold(block: Uint8Array): void {
    const n = this.users.get(block.buffer) ?? 0;
    this.users.set(block.buffer, n + 1);
    if (n === 0) this.held += block.buffer.byteLength;
  }

  private release(block: Uint8Array): void {
    const n = this.users.get(block.buffer) ?? 1;
    if (n > 1) return void this.users.set(block.buffer, n - 1);
    this.users.delete(block.buffer);
    this.held -= block.buffer.byteLength;
  }

  async close(): Promise<void> {
    this.blocks.clear();
    this.users.clear();
    this.held = 0;
    await this.inner.close?.();
  }
}
