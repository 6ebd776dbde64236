import type { ByteSource, ReadStats } from '../model/byteSource';

/** Bytes held from the stream: a message header asked for must fit in half of it. */
const CAPACITY = 1024 * 1024;

/**
 * A source whose reads, asked for in file order, are served from one stream of the range
 * `from`..`end` of `parent` (read once, through one reused buffer): bytes skipped over are read and
 * dropped, never kept. A read the stream cannot serve (before bytes already dropped, past the
 * range, bigger than the buffer) is a read of `parent`, so every answer is the file's own bytes.
 */
export class StreamedBytes implements ByteSource {
  private buffer = new Uint8Array(CAPACITY);
  /** File offset of `buffer[0]` and bytes held there. */
  private start: number;
  private held = 0;
  private readonly reader: ReadableStreamBYOBReader | ReadableStreamDefaultReader<Uint8Array>;
  private readonly byob: boolean;
  /** Rest of a chunk from a reader that is not BYOB. */
  private pending: Uint8Array = new Uint8Array(0);
  private ended = false;

  constructor(
    private readonly parent: ByteSource & Required<Pick<ByteSource, 'stream'>>,
    from: number,
    private readonly end: number,
  ) {
    this.start = from;
    const stream = parent.stream(from, end);
    let byob: ReadableStreamBYOBReader | null = null;
    try {
      byob = stream.getReader({ mode: 'byob' });
    } catch {
      // Not a byte stream (some runtimes' Blob streams): chunks are copied into the buffer.
    }
    this.byob = byob !== null;
    this.reader = byob ?? stream.getReader();
  }

  get name(): string {
    return this.parent.name;
  }
  get size(): number {
    return this.parent.size;
  }
  get stats(): ReadStats {
    return this.parent.stats;
  }

  async read(offset: number, length: number, signal?: AbortSignal): Promise<Uint8Array> {
    const want = Math.min(length, this.size - offset);
    if (!(want > 0)) return new Uint8Array(0);
    if (offset >= this.start && want <= CAPACITY / 2 && offset + want <= this.end) {
      try {
        while (this.start + this.held < offset + want && !this.ended) {
          signal?.throwIfAborted();
          this.keepFrom(offset);
          await this.pull();
        }
      } catch (e) {
        if (signal?.aborted) throw e;
        // The stream failed: the read below fails (or not) as any read of the file does, in its words.
        this.ended = true;
      }
      if (offset + want <= this.start + this.held) return this.buffer.slice(offset - this.start, offset - this.start + want);
    }
    return this.parent.read(offset, length, signal);
  }

  /** Stops the stream (a walk that ended before its range did). */
  close(): Promise<void> {
    this.ended = true;
    return this.reader.cancel().catch(() => {});
  }

  /** Drops the bytes before `offset` (moving the few after it to the buffer's start). */
  private keepFrom(offset: number): void {
    const bufferEnd = this.start + this.held;
    if (offset >= bufferEnd) {
      this.start = bufferEnd;
      this.held = 0;
    } else if (offset > this.start) {
      this.buffer.copyWithin(0, offset - this.start, this.held);
      this.held = bufferEnd - offset;
      this.start = offset;
    }
  }

  /** Appends the stream's next bytes to the buffer. */
  private async pull(): Promise<void> {
    let n = 0;
    if (this.byob) {
      const { done, value } = await (this.reader as ReadableStreamBYOBReader).read(new Uint8Array(this.buffer.buffer, this.held, CAPACITY - this.held));
      if (value) {
        this.buffer = new Uint8Array(value.buffer);
        n = value.byteLength;
      }
      if (done) this.ended = true;
    } else {
      if (this.pending.length === 0) {
        const { done, value } = await (this.reader as ReadableStreamDefaultReader<Uint8Array>).read();
        if (done || !value) this.ended = true;
        else this.pending = value;
      }
      n = Math.min(this.pending.length, CAPACITY - this.held);
      this.buffer.set(this.pending.subarray(0, n), this.held);
      this.pending = this.pending.subarray(n);
    }
    this.held += n;
    if (n > 0) {
      this.stats.reads++;
      this.stats.bytesRead += n;
    }
    if (this.start + this.held >= this.end) this.ended = true;
  }
}
