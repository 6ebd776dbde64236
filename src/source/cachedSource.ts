import type { ByteSource, ReadOptions, ReadStats } from '../model/byteSource';

/** The default block: an HTTP source's (a request costs a round trip, so a block is worth reading whole). */
export const BLOCK = 64 * 1024;
/**
 * A local file's block (a File's `slice().arrayBuffer()`): each read's bytes cost the browser's IO thread
 * and the reading thread, so they are rounded to a page, not a round trip's worth. Chromium, W1 jump's
 * reads replayed (bench/readFloorChromium.ts --block, 7 jumps, load 10-12): 64 KiB blocks 70-155 ms,
 * 16 KiB 53 ms, 4 KiB 37-53 ms.
 */
export const LOCAL_BLOCK = 4 * 1024;
/** Reads larger than this skip the cache: they are column bodies, read once and handed over. */
const CACHEABLE = 256 * 1024;

/**
 * A bounded LRU cache of blocks (BLOCK unless told) over another source, for the many small reads of
 * headers, offsets and row windows. `stats` counts only real I/O on the inner source.
 */
export class CachedSource implements ByteSource {
  private readonly blocks = new Map<number, Uint8Array>();
  private held = 0;

  constructor(
    readonly inner: ByteSource,
    readonly budgetBytes = 32 * 1024 * 1024,
    readonly block = BLOCK,
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

  async read(offset: number, length: number, signal?: AbortSignal, options?: ReadOptions): Promise<Uint8Array> {
    const end = Math.min(this.size, offset + length);
    if (end <= offset) return new Uint8Array(0);
    if (end - offset > CACHEABLE) return this.inner.read(offset, end - offset, signal, options);
    const { block } = this;
    const first = Math.floor(offset / block);
    const last = Math.floor((end - 1) / block);
    const blocks: Uint8Array[] = [];
    const missing: number[] = [];
    for (let b = first; b <= last; b++) {
      const hit = this.blocks.get(b);
      if (hit) blocks[b - first] = hit;
      else missing.push(b);
    }
    if (missing.length > 0) {
      const lo = missing[0] * block;
      const hi = Math.min(this.size, (missing[missing.length - 1] + 1) * block);
      const read = await this.inner.read(lo, hi - lo, signal);
      // Blocks are views of the read, not copies (a jump's ~40 reads were copied twice: into blocks, then
      // out), unless the read is itself a view of a bigger buffer (an HTTP answer's) that it would keep.
      const bytes = read.buffer.byteLength > read.length + block ? read.slice() : read;
      for (const b of missing) {
        const s = b * block - lo;
        blocks[b - first] ??= bytes.subarray(s, Math.min(bytes.length, s + block));
      }
    }
    const out = new Uint8Array(end - offset);
    blocks.forEach((bytes, k) => {
      const blockStart = (first + k) * block;
      const s = Math.max(offset, blockStart);
      const e = Math.min(end, blockStart + bytes.length);
      out.set(bytes.subarray(s - blockStart, e - blockStart), s - offset);
      this.put(first + k, bytes); // most recently used last
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
