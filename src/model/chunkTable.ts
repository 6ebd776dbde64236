import type { ChunkInfo } from './types';

/** Chunks the columns have room for at first; they double as chunks are added. */
export const FIRST_CAPACITY = 64;

/**
 * Every chunk's rows, first row, byte offset and size as columns of numbers: about 34 bytes per chunk
 * and no object per chunk, so a file of a million record batches or row groups indexes in tens of MB.
 * A `ChunkInfo` is made only when one chunk is asked for (`info`, or an element of `view()`).
 */
export class ChunkTable {
  length = 0;
  private rowsOf = new Float64Array(FIRST_CAPACITY);
  private rowOffsetOf = new Float64Array(FIRST_CAPACITY);
  private offsetOf = new Float64Array(FIRST_CAPACITY);
  private bytesOf = new Float64Array(FIRST_CAPACITY);
  /** Index into `compressions` plus one (0: none given). */
  private compressionOf = new Uint16Array(FIRST_CAPACITY);
  private readonly compressions: string[] = [];
  private readonly compressionIds = new Map<string, number>();
  private arrayView?: readonly ChunkInfo[];

  /** Appends a chunk; its first row follows the previous chunk's last. Returns its index. */
  push(rows: number, offset: number, bytes: number, compression?: string): number {
    if (this.length === this.rowsOf.length) this.grow(this.length * 2);
    const i = this.length++;
    this.rowsOf[i] = rows;
    this.rowOffsetOf[i] = i === 0 ? 0 : this.rowOffsetOf[i - 1] + this.rowsOf[i - 1];
    this.offsetOf[i] = offset;
    this.bytesOf[i] = bytes;
    this.compressionOf[i] = compression ? this.compressionId(compression) : 0;
    return i;
  }

  protected grow(capacity: number): void {
    this.rowsOf = grown(this.rowsOf, new Float64Array(capacity));
    this.rowOffsetOf = grown(this.rowOffsetOf, new Float64Array(capacity));
    this.offsetOf = grown(this.offsetOf, new Float64Array(capacity));
    this.bytesOf = grown(this.bytesOf, new Float64Array(capacity));
    this.compressionOf = grown(this.compressionOf, new Uint16Array(capacity));
  }

  private compressionId(name: string): number {
    let id = this.compressionIds.get(name);
    if (id === undefined) {
      this.compressions.push(name);
      id = this.compressions.length;
      this.compressionIds.set(name, id);
    }
    return id;
  }

  rows(i: number): number {
    return this.rowsOf[i];
  }

  rowOffset(i: number): number {
    return this.rowOffsetOf[i];
  }

  offset(i: number): number {
    return this.offsetOf[i];
  }

  bytes(i: number): number {
    return this.bytesOf[i];
  }

  /** Rows in all chunks. */
  get totalRows(): number {
    const n = this.length;
    return n ? this.rowOffsetOf[n - 1] + this.rowsOf[n - 1] : 0;
  }

  /** Chunk `i` as plain data, or undefined past the end. */
  info(i: number): ChunkInfo | undefined {
    if (!(i >= 0 && i < this.length)) return undefined;
    const c = this.compressionOf[i];
    const info: ChunkInfo = { index: i, rows: this.rowsOf[i], rowOffset: this.rowOffsetOf[i], offset: this.offsetOf[i], bytes: this.bytesOf[i] };
    if (c) info.compression = this.compressions[c - 1];
    return info;
  }

  /** Chunks [start, end) as plain data (a page of the chunk list). */
  slice(start = 0, end = this.length): ChunkInfo[] {
    const out: ChunkInfo[] = [];
    for (let i = Math.max(0, start); i < Math.min(end, this.length); i++) out.push(this.info(i)!);
    return out;
  }

  /** The chunk holding global row `row` (binary search over first rows, empty chunks skipped); -1 when past the end. */
  chunkOfRow(row: number): number {
    let lo = 0;
    let hi = this.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (row < this.rowOffsetOf[mid]) hi = mid - 1;
      else if (row >= this.rowOffsetOf[mid] + this.rowsOf[mid]) lo = mid + 1;
      else return mid;
    }
    return -1;
  }

  /**
   * The table as a read-only array of ChunkInfo (what `Dataset.chunks` is): `length` and indexing work
   * as on an array, each element made when read and not kept. It follows the table as it grows.
   */
  view(): readonly ChunkInfo[] {
    this.arrayView ??= chunkArrayView(this);
    return this.arrayView;
  }
}

/** `into` holding `from`'s values first (a column moved to a bigger array). */
export function grown<T extends Float64Array | Uint32Array | Uint16Array | Uint8Array>(from: T, into: T): T {
  into.set(from);
  return into;
}

/** The array index a property key names, or -1. */
function indexOfKey(key: string | symbol): number {
  if (typeof key !== 'string' || key.length === 0 || key.length > 15) return -1;
  const first = key.charCodeAt(0);
  if (first < 48 || first > 57 || (first === 48 && key.length > 1)) return -1;
  const n = Number(key);
  return Number.isInteger(n) ? n : -1;
}

function chunkArrayView(table: ChunkTable): readonly ChunkInfo[] {
  return new Proxy([] as ChunkInfo[], {
    get(target, key, receiver) {
      if (key === 'length') return table.length;
      const i = indexOfKey(key);
      if (i >= 0) return table.info(i);
      return Reflect.get(target, key, receiver) as unknown;
    },
    has(target, key) {
      const i = indexOfKey(key);
      return i >= 0 ? i < table.length : Reflect.has(target, key);
    },
    set() {
      return false;
    },
  });
}
