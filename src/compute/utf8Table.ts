/**
 * Counts distinct byte strings without decoding them: open addressing over a byte arena, keyed by
 * a murmur3 hash of the raw UTF-8 bytes. Holds each distinct value once, its count and first row.
 */
export class Utf8Table {
  private capacity = 1 << 12;
  private mask = this.capacity - 1;
  /** Slot -> entry index + 1 (0 = empty). */
  private slots = new Int32Array(this.capacity);
  private hashes = new Uint32Array(1024);
  private starts = new Uint32Array(1024);
  private lengths = new Uint32Array(1024);
  counts = new Float64Array(1024);
  firstRows = new Float64Array(1024);
  size = 0;
  private arena = new Uint8Array(1 << 16);
  private arenaView = viewOf(this.arena);
  private arenaUsed = 0;
  /** The DataView of the last buffer added from (a column's data buffer, reused for many rows). */
  private lastData: Uint8Array | null = null;
  private lastView = this.arenaView;
  /** The hash of the last value given to `add`: what a caller needs when the table had no room for it. */
  lastHash = 0;

  /** Bytes held by this table (arena and arrays). */
  get bytes(): number {
    return this.arena.byteLength + this.slots.byteLength + this.hashes.length * 32;
  }

  /** murmur3 (x86, 32-bit) of data[start, end): four bytes per step, read little-endian. */
  static hash(data: Uint8Array, start: number, end: number, view = viewOf(data)): number {
    let h = 0x9747b28c;
    let i = start;
    for (; i + 4 <= end; i += 4) {
      let k = Math.imul(view.getUint32(i, true), 0xcc9e2d51);
      k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
      h ^= k;
      h = (h << 13) | (h >>> 19);
      h = (Math.imul(h, 5) + 0xe6546b64) | 0;
    }
    if (i < end) {
      let k = data[i];
      if (i + 1 < end) k |= data[i + 1] << 8;
      if (i + 2 < end) k |= data[i + 2] << 16;
      k = Math.imul(k, 0xcc9e2d51);
      h ^= Math.imul((k << 15) | (k >>> 17), 0x1b873593);
    }
    h ^= end - start;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return (h ^ (h >>> 16)) >>> 0;
  }

  /**
   * Adds `count` occurrences of data[start, end); returns the entry index, or -1 when the value is
   * new and `insert` is false (the table is at its memory budget).
   */
  add(data: Uint8Array, start: number, end: number, count: number, row: number, insert = true): number {
    if (data !== this.lastData) {
      this.lastData = data;
      this.lastView = viewOf(data);
    }
    const hash = (this.lastHash = Utf8Table.hash(data, start, end, this.lastView));
    const length = end - start;
    let slot = hash & this.mask;
    for (;;) {
      const e = this.slots[slot] - 1;
      if (e < 0) break;
      if (this.hashes[e] === hash && this.lengths[e] === length && this.sameBytes(e, start, length)) {
        if (this.counts[e] === 0) this.firstRows[e] = row; // seeded with no rows yet (a recount)
        this.counts[e] += count;
        return e;
      }
      slot = (slot + 1) & this.mask;
    }
    if (!insert) return -1;
    const e = this.size++;
    if (e >= this.hashes.length) this.growEntries();
    if (this.arenaUsed + length > this.arena.length) this.growArena(length);
    this.arena.set(data.subarray(start, end), this.arenaUsed);
    this.hashes[e] = hash;
    this.starts[e] = this.arenaUsed;
    this.lengths[e] = length;
    this.counts[e] = count;
    this.firstRows[e] = row;
    this.arenaUsed += length;
    this.slots[slot] = e + 1;
    if (this.size * 2 > this.capacity) this.rehash();
    return e;
  }

  /** Adds occurrences to an entry already found (the same-as-previous-row shortcut). */
  bump(entry: number, count: number): void {
    this.counts[entry] += count;
  }

  key(entry: number): Uint8Array {
    return this.arena.subarray(this.starts[entry], this.starts[entry] + this.lengths[entry]);
  }

  private sameBytes(e: number, start: number, length: number): boolean {
    return sameBytes(this.arenaView, this.starts[e], this.lastView, start, length);
  }

  private growEntries(): void {
    const n = this.hashes.length * 2;
    const grow = <T extends Uint32Array | Float64Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(n);
      b.set(a);
      return b;
    };
    this.hashes = grow(this.hashes);
    this.starts = grow(this.starts);
    this.lengths = grow(this.lengths);
    this.counts = grow(this.counts);
    this.firstRows = grow(this.firstRows);
  }

  private growArena(need: number): void {
    const next = new Uint8Array(Math.max(this.arena.length * 2, this.arenaUsed + need));
    next.set(this.arena.subarray(0, this.arenaUsed));
    this.arena = next;
    this.arenaView = viewOf(next);
  }

  private rehash(): void {
    this.capacity *= 2;
    this.mask = this.capacity - 1;
    this.slots = new Int32Array(this.capacity);
    for (let e = 0; e < this.size; e++) {
      let slot = this.hashes[e] & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = e + 1;
    }
  }
}

export function viewOf(data: Uint8Array): DataView {
  return new DataView(data.buffer, data.byteOffset, data.byteLength);
}

/** Whether two byte ranges are equal, compared four bytes at a time. */
export function sameBytes(a: DataView, aStart: number, b: DataView, bStart: number, length: number): boolean {
  let i = 0;
  for (; i + 4 <= length; i += 4) if (a.getUint32(aStart + i) !== b.getUint32(bStart + i)) return false;
  if (i + 2 <= length) {
    if (a.getUint16(aStart + i) !== b.getUint16(bStart + i)) return false;
    i += 2;
  }
  return i === length || a.getUint8(aStart + i) === b.getUint8(bStart + i);
}
