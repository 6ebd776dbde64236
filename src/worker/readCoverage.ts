import type { ByteSource, ReadOptions, ReadStats } from '../model/byteSource';

/**
 * A pass-through source that remembers which byte ranges of the file were ever read, so the meter can
 * say how much of the file was read (at most all of it) apart from the bytes read more than once.
 */
export class ReadCoverage implements ByteSource {
  /** Disjoint, sorted [start, end) ranges read so far. */
  private readonly ranges: [number, number][] = [];
  private covered = 0;

  /** The inner source's stream, its range counted as read when the stream is asked for. */
  readonly stream?: (offset: number, end: number) => ReadableStream<Uint8Array>;

  constructor(readonly inner: ByteSource) {
    if (inner.stream) {
      const stream = inner.stream.bind(inner);
      this.stream = (offset, end) => {
        if (end > offset) this.add(offset, end);
        return stream(offset, end);
      };
    }
  }

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
  /** Distinct bytes of the file read at least once (never more than the file's size). */
  get distinctBytes(): number {
    return this.covered;
  }

  async read(offset: number, length: number, signal?: AbortSignal, options?: ReadOptions): Promise<Uint8Array> {
    const bytes = await this.inner.read(offset, length, signal, options);
    if (bytes.length > 0) this.add(offset, offset + bytes.length);
    return bytes;
  }

  /** Marks [start, end) as read, merging it with the ranges it touches. */
  add(start: number, end: number): void {
    const r = this.ranges;
    // First range whose end reaches start (binary search), then every one starting at or before end.
    let lo = 0;
    let hi = r.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (r[mid][1] < start) lo = mid + 1;
      else hi = mid;
    }
    let k = lo;
    let s = start;
    let e = end;
    while (k < r.length && r[k][0] <= end) {
      s = Math.min(s, r[k][0]);
      e = Math.max(e, r[k][1]);
      this.covered -= r[k][1] - r[k][0];
      k++;
    }
    r.splice(lo, k - lo, [s, e]);
    this.covered += e - s;
  }

  async close(): Promise<void> {
    await this.inner.close?.();
  }
}
