/**
 * Counts distinct byte strings without decoding them: open addressing over a byte arena, keyed by
 * an FNV-1a hash of the raw UTF-8 bytes. Holds each distinct value once, its count and first row.
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
  private arenaUsed = 0;

  /** Bytes held by this table (arena and arrays). */
  get bytes(): number {
    return this.arena.byteLength + this.slots.byteLength + this.hashes.length * 32;
  }

  static hash(data: Uint8Array, start: number, end: number): number {
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ data[i], 0x01000193);
    // murmur3's finaliser: FNV-1a alone leaves similar keys clustered in the low bits used for slots.
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return (h ^ (h >>> 16)) >>> 0;
  }

  /**
   * Adds `count` occurrences of data[start, end); returns the entry index, or -1 when the value is
   * new and `insert` is false (the table is at its memory budget).
   */
  add(data: Uint8Array, start: number, end: number, count: number, row: number, insert = true): number {
    const hash = Utf8Table.hash(data, start, end);
    const length = end - start;
    let slot = hash & this.mask;
    for (;;) {
      const e = this.slots[slot] - 1;
      if (e < 0) break;
      if (this.hashes[e] === hash && this.lengths[e] === length && this.sameBytes(e, data, start, length)) {
        this.counts[e] += count;
        if (this.firstRows[e] < 0) this.firstRows[e] = row; // seeded with no rows yet (a recount)
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

  private sameBytes(e: number, data: Uint8Array, start: number, length: number): boolean {
    const s = this.starts[e];
    for (let i = 0; i < length; i++) if (this.arena[s + i] !== data[start + i]) return false;
    return true;
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
