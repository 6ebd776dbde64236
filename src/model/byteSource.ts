/** Random-access bytes: a File/Blob, an HTTP resource with Range support, or a Node file handle. */
export interface ReadStats {
  /** Bytes actually fetched from the underlying file or server (cache hits excluded). */
  bytesRead: number;
  /** Number of reads made against the underlying file or server. */
  reads: number;
}

export interface ReadOptions {
  /**
   * The caller gives the bytes back with `recycleRead` (recycledReads.ts) once done with them and keeps
   * no other view of them (a scan's column body): the source may fill a buffer given back before.
   */
  recyclable?: boolean;
}

export interface ByteSource {
  /** Display name (file name or URL). */
  readonly name: string;
  /** Total size in bytes. */
  readonly size: number;
  /** Counters of real I/O, the in-app counterpart of `pa.total_allocated_bytes()` for reads. */
  readonly stats: ReadStats;
  /**
   * Read `length` bytes at `offset`. The result may be shorter only when the range passes the end of
   * the source. Implementations never read more than one call asks for plus bounded read-ahead.
   */
  read(offset: number, length: number, signal?: AbortSignal, options?: ReadOptions): Promise<Uint8Array>;
  /**
   * Bytes worth reading past between two wanted ranges rather than asking for each apart: what one more
   * request costs at the source's throughput (a remote file's round trip). Undefined where requests are cheap.
   */
  readonly mergeGap?: number;
  /**
   * The bytes from `offset` to `end` read in order as one stream, where the source has a faster path
   * for that than separate reads (a File's `stream()`: several at once read ~1-1.7 GB/s in Chromium,
   * `slice().arrayBuffer()` blocks 0.2-0.7 GB/s). Bytes taken from it are counted by the reader.
   */
  stream?(offset: number, end: number): ReadableStream<Uint8Array>;
  /** Release handles. Reads after close reject. */
  close?(): Promise<void>;
}
