import type { ByteSource, ReadOptions, ReadStats } from '../model/byteSource';
import { RECYCLE_MIN, RecycledBuffers } from '../model/recycledReads';
import { BlobReadHelper } from './blobReadHelper';
import { MAX_SINGLE_READ } from './limits';

/** Reads up to this size may go to the read helper; bigger ones (column bodies, index blocks) stay here. */
const HELPER_MAX = 1024 * 1024;
/** Smaller files get no read helper: their windows are a few reads, not worth a thread. */
const HELPER_MIN_FILE = 64 * 1024 * 1024;

/** Reads a File or Blob lazily with `slice().arrayBuffer()`; a disk-backed File is never copied whole. */
export class BlobSource implements ByteSource {
  readonly stats: ReadStats = { bytesRead: 0, reads: 0 };
  readonly size: number;
  private readonly helper: BlobReadHelper | null;
  /** Reads of this thread not answered yet. */
  private inFlight = 0;
  /** Buffers of recyclable reads, given back for the next ones. */
  private readonly buffers = new RecycledBuffers();

  /**
   * `options.helper`: small reads made while others are in flight are shared with a second worker
   * reading the same Blob (blobReadHelper.ts); only where workers can be started (the engine's worker)
   * and for files of HELPER_MIN_FILE or more.
   */
  constructor(
    private readonly blob: Blob,
    readonly name: string,
    options: { helper?: boolean } = {},
  ) {
    this.size = blob.size;
    this.helper = options.helper && blob.size >= HELPER_MIN_FILE && typeof Worker === 'function' ? new BlobReadHelper(blob) : null;
  }

  async read(offset: number, length: number, signal?: AbortSignal, options?: ReadOptions): Promise<Uint8Array> {
    const end = Math.min(this.size, offset + length);
    if (end <= offset) return new Uint8Array(0);
    if (end - offset <= MAX_SINGLE_READ) return this.readOnce(offset, end, signal, options?.recyclable === true);
    const out = new Uint8Array(end - offset);
    for (let at = offset; at < end; at += MAX_SINGLE_READ) {
      out.set(await this.readOnce(at, Math.min(end, at + MAX_SINGLE_READ), signal), at - offset);
    }
    return out;
  }

  stream(offset: number, end: number): ReadableStream<Uint8Array> {
    return this.blob.slice(offset, end).stream() as ReadableStream<Uint8Array>;
  }

  async close(): Promise<void> {
    this.buffers.clear();
    this.helper?.close();
  }

  private async readOnce(start: number, end: number, signal?: AbortSignal, recyclable = false): Promise<Uint8Array> {
    signal?.throwIfAborted();
    // One or two reads stay here (a 64-row step's: the helper's hop would only add to them); of more, the helper takes half.
    const shared = this.helper && end - start <= HELPER_MAX && this.inFlight >= 2 && this.inFlight > this.helper.inFlight;
    let bytes: Uint8Array;
    if (shared) bytes = await this.helper!.read(start, end, signal);
    else {
      this.inFlight++;
      try {
        // The helper's share of this task's reads is posted at the task's end: this read waits for that
        // post, so that the helper reads while this thread makes its own slices (each ~0.2 ms of CPU).
        if (this.helper?.posting) await null;
        signal?.throwIfAborted();
        bytes = recyclable && end - start >= RECYCLE_MIN ? await this.readRecyclable(start, end, signal) : await this.readPlain(start, end);
      } finally {
        this.inFlight--;
      }
    }
    this.stats.reads++;
    this.stats.bytesRead += bytes.length;
    return bytes;
  }

  private async readPlain(start: number, end: number): Promise<Uint8Array> {
    return new Uint8Array(await this.blob.slice(start, end).arrayBuffer());
  }

  /**
   * A big recyclable read: the range's stream read into a buffer given back before (a fresh one costs
   * as much CPU as `slice().arrayBuffer()`, a reused one half), the buffer lent with the bytes. Where
   * the Blob's stream is not a byte stream, a plain read. A stream that gives nothing for STALL_MS is
   * given up and the range read plainly: under load, Chromium 156 sometimes stopped one of a count's
   * streams mid-range for good (1 read in ~40, 2 workers streaming the same File, 2 busy loops beside).
   */
  private async readRecyclable(start: number, end: number, signal?: AbortSignal): Promise<Uint8Array> {
    const length = end - start;
    let reader: ReadableStreamBYOBReader;
    try {
      reader = (this.blob.slice(start, end).stream() as ReadableStream<Uint8Array>).getReader({ mode: 'byob' });
    } catch {
      return this.readPlain(start, end);
    }
    let buffer = this.buffers.take(length) ?? new ArrayBuffer(length);
    let filled = 0;
    let stalled = false;
    try {
      while (filled < length) {
        signal?.throwIfAborted();
        // Each read takes the buffer and hands it back (as a new ArrayBuffer over the same memory) with its bytes.
        const result = await withStall(reader.read(new Uint8Array(buffer, filled, length - filled)));
        if (result === STALLED) {
          stalled = true;
          break;
        }
        if (result.value) buffer = result.value.buffer as ArrayBuffer;
        if (result.done || !result.value) break;
        filled += result.value.byteLength;
      }
    } finally {
      // Ended here, not left open for the collector.
      void reader.cancel().catch(() => {});
    }
    // The stalled read keeps the buffer (it was handed to the read): the range is read again, plainly.
    if (stalled) return this.readPlain(start, end);
    this.buffers.lend(buffer);
    return new Uint8Array(buffer, 0, filled);
  }
}

/** How long a recyclable read's stream may give nothing before its range is read plainly. */
export const STALL_MS = 2000;
const STALLED = Symbol('stalled');

/** `read`, or STALLED when it has not settled after STALL_MS. */
function withStall<T>(read: Promise<T>): Promise<T | typeof STALLED> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stall = new Promise<typeof STALLED>((resolve) => (timer = setTimeout(() => resolve(STALLED), STALL_MS)));
  return Promise.race([read, stall]).finally(() => clearTimeout(timer));
}
