/**
 * Counts distinct byte strings without decoding them: open addressing over a byte arena, keyed by
 * an FxHash-style hash of the raw bytes. Holds each distinct value once, its count and first row.
 *
 * One record of four int32 per slot, [hash, arena start, length + 1 (0: empty), count], so a lookup
 * touches one cache line of the table and one of the arena (separate hash, start, length and count
 * arrays cost a miss each: 2x slower with 200,000 distinct values). The slot is the hash's top bits.
 * A slot stays valid until the next insert (which may grow the table).
 */
export class Utf8Table {
  private bits = 12;
  private rec = new Int32Array(4 << 12);
  /** Per slot: the first row of its value (-1: none yet, a recount's candidate). */
  private first = new Float64Array(1 << 12);
  /** Per slot, rows past COUNT_LIMIT moved out of the int32 count (a value can occur more than 2^31 times). */
  private spill: Float64Array | null = null;
  size = 0;
  private arena = new Uint8Array(1 << 16);
  private arenaView = viewOf(this.arena);
  private arenaUsed = 0;
  /** The DataView of the last buffer added from (a column's data buffer, reused for many rows). */
  private lastData: Uint8Array | null = null;
  private lastView = this.arenaView;
  /** The arena read as single-byte text (see `text`), and the arena length it was read at. */
  private arenaText: string | null = null;
  private arenaTextLength = -1;
  /** The hash of the last value given to `add`: what a caller needs when the table had no room for it. */
  lastHash = 0;

  /** `hashMask` keeps only some bits of every hash: tests force collisions with it. */
  constructor(private readonly hashMask = -1) {}

  /** Bytes held by this table (arena and arrays). */
  get bytes(): number {
    return this.arena.byteLength + this.rec.byteLength + this.first.byteLength + (this.spill?.byteLength ?? 0);
  }

  /** Slots there are (used or not): `slotCount` bounds the slots `count`, `key`... accept. */
  get slotCount(): number {
    return 1 << this.bits;
  }

  /**
   * FxHash-style rounds over data[start, end) four bytes at a time, read little-endian (each round:
   * rotate, xor the word, multiply: half the work of murmur3's), the last four bytes read as one word
   * even when it overlaps the one before (no per-byte tail), the length in the seed; values under 4
   * bytes are one word of their bytes. Ends with murmur3's finalizer, so that every bit of the result
   * depends on every byte (the slot is the top bits; the distinct sketch uses them all).
   */
  static hash(data: Uint8Array, start: number, end: number, view = viewOf(data)): number {
    const n = end - start;
    let h = 0x9747b28c ^ n;
    if (n >= 4) {
      const last = end - 4;
      for (let i = start; i < last; i += 4) h = Math.imul(((h << 5) | (h >>> 27)) ^ view.getInt32(i, true), 0x9e3779b1);
      h = Math.imul(((h << 5) | (h >>> 27)) ^ view.getInt32(last, true), 0x9e3779b1);
    } else if (n > 0) {
      const k = data[start] | (n > 1 ? data[start + 1] << 8 : 0) | (n > 2 ? data[start + 2] << 16 : 0);
      h = Math.imul(((h << 5) | (h >>> 27)) ^ k, 0x9e3779b1);
    }
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return h ^ (h >>> 16);
  }

  /**
   * Adds `count` occurrences of data[start, end), first seen at `row`; returns its slot, or -1 when
   * the value is new and `insert` is false (the table is at its memory budget).
   */
  add(data: Uint8Array, start: number, end: number, count: number, row: number, insert = true): number {
    if (data !== this.lastData) {
      this.lastData = data;
      this.lastView = viewOf(data);
    }
    return this.addHashed(data, start, end, this.keyHash(data, start, end, this.lastView), count, row, insert);
  }

  /** The hash `add` gives data[start, end) (`view`: a DataView of `data`). */
  keyHash(data: Uint8Array, start: number, end: number, view: DataView): number {
    return Utf8Table.hash(data, start, end, view) & this.hashMask;
  }

  /**
   * Reads the slot where a value of hash `hash` (keyHash) starts its probe, and returns what it
   * read (for the caller to keep, so the read is not dropped). Done for several rows in a row before
   * they are added, their cache misses on the table are in flight together instead of one by one.
   */
  touch(hash: number): number {
    return this.rec[((hash >>> (32 - this.bits)) << 2) + 2];
  }

  /**
   * Reads the first byte, in the arena, of the value whose hash is `hash` (when the table holds one),
   * and returns it (for the caller to keep). Done for several rows after their `touch` (their slots
   * are then on their way to the cache) and before they are added: their misses on the arena, which
   * each byte compare would otherwise wait for in turn, are in flight together.
   */
  touchKey(hash: number): number {
    const rec = this.rec;
    const mask = (4 << this.bits) - 1;
    let o = (hash >>> (32 - this.bits)) << 2;
    for (let l1 = rec[o + 2]; l1 !== 0; l1 = rec[o + 2]) {
      if (rec[o] === hash) return this.arena[rec[o + 1]];
      o = (o + 4) & mask;
    }
    return 0;
  }

  /** `add` with the value's keyHash already computed. */
  addHashed(data: Uint8Array, start: number, end: number, hash: number, count: number, row: number, insert = true): number {
    if (data !== this.lastData) {
      this.lastData = data;
      this.lastView = viewOf(data);
    }
    const view = this.lastView;
    this.lastHash = hash;
    const length = end - start;
    const rec = this.rec;
    const mask = (4 << this.bits) - 1;
    let o = (hash >>> (32 - this.bits)) << 2;
    for (;;) {
      const l1 = rec[o + 2];
      if (l1 === 0) break;
      if (rec[o] === hash && l1 === length + 1 && (length < 4 ? sameBytes(this.arenaView, rec[o + 1], view, start, length) : sameWords(this.arenaView, rec[o + 1], view, start, length))) {
        const c = rec[o + 3];
        if (c === 0 && !this.spill?.[o >> 2]) this.first[o >> 2] = row; // seeded with no rows yet (a recount)
        if (c + count <= COUNT_LIMIT) rec[o + 3] = c + count;
        else this.spillCount(o, c + count);
        return o >> 2;
      }
      o = (o + 4) & mask;
    }
    if (!insert) return -1;
    if (this.arenaUsed + length > this.arena.length) this.growArena(length);
    this.arena.set(data.subarray(start, end), this.arenaUsed);
    rec[o] = hash;
    rec[o + 1] = this.arenaUsed;
    rec[o + 2] = length + 1;
    rec[o + 3] = 0;
    this.first[o >> 2] = row;
    this.arenaUsed += length;
    if (count <= COUNT_LIMIT) rec[o + 3] = count;
    else this.spillCount(o, count);
    if (++this.size * 5 <= 4 << this.bits) return o >> 2;
    this.grow();
    return this.slotOf(hash, this.arenaUsed - length, length);
  }

  /** Whether `slot` holds a value. */
  used(slot: number): boolean {
    return this.rec[slot * 4 + 2] !== 0;
  }

  count(slot: number): number {
    return this.rec[slot * 4 + 3] + (this.spill?.[slot] ?? 0);
  }

  firstRow(slot: number): number {
    return this.first[slot];
  }

  /** Lowers the first row of `slot`'s value to `row` when it is earlier. */
  lowerFirstRow(slot: number, row: number): void {
    if (row < this.first[slot]) this.first[slot] = row;
  }

  /** The hash `add` gave the value in `slot`. */
  hashOf(slot: number): number {
    return this.rec[slot * 4];
  }

  key(slot: number): Uint8Array {
    const start = this.rec[slot * 4 + 1];
    return this.arena.subarray(start, start + this.rec[slot * 4 + 2] - 1);
  }

  /**
   * The value in `slot` as UTF-8 text. An ASCII value is a slice of the whole arena read once as
   * single-byte text (one decode for all values instead of one per value: a quarter of the time
   * of a count's end with 200,000 values); any other goes through `decode`.
   */
  text(slot: number, decode: (bytes: Uint8Array) => string): string {
    const start = this.rec[slot * 4 + 1];
    const end = start + this.rec[slot * 4 + 2] - 1;
    const arena = this.arena;
    for (let i = start; i < end; i++) if (arena[i] > 0x7f) return decode(arena.subarray(start, end));
    if (this.arenaText === null || this.arenaTextLength !== this.arenaUsed) {
      this.arenaText = singleByte.decode(arena.subarray(0, this.arenaUsed));
      this.arenaTextLength = this.arenaUsed;
    }
    return this.arenaText.slice(start, end);
  }

  private spillCount(o: number, total: number): void {
    this.spill ??= new Float64Array(1 << this.bits);
    // The int32 keeps at least 1, so a value once counted never reads as a recount's unseen candidate.
    this.spill[o >> 2] += total - 1;
    this.rec[o + 3] = 1;
  }

  /** The slot of a value known to be in the table (after a grow moved it). */
  private slotOf(hash: number, arenaStart: number, length: number): number {
    const rec = this.rec;
    const mask = (4 << this.bits) - 1;
    let o = (hash >>> (32 - this.bits)) << 2;
    while (rec[o + 1] !== arenaStart || rec[o + 2] !== length + 1) o = (o + 4) & mask;
    return o >> 2;
  }

  private growArena(need: number): void {
    const next = new Uint8Array(Math.max(this.arena.length * 2, this.arenaUsed + need));
    next.set(this.arena.subarray(0, this.arenaUsed));
    this.arena = next;
    this.arenaView = viewOf(next);
  }

  /** Doubles the slots (past 4/5 full: a smaller table stays in cache, which pays for the longer probes) and moves every record to its slot there. */
  private grow(): void {
    const old = this.rec;
    const oldFirst = this.first;
    const oldSpill = this.spill;
    this.bits++;
    const rec = (this.rec = new Int32Array(4 << this.bits));
    this.first = new Float64Array(1 << this.bits);
    this.spill = oldSpill && new Float64Array(1 << this.bits);
    const mask = (4 << this.bits) - 1;
    for (let from = 0; from < old.length; from += 4) {
      if (old[from + 2] === 0) continue;
      let o = (old[from] >>> (32 - this.bits)) << 2;
      while (rec[o + 2] !== 0) o = (o + 4) & mask;
      rec[o] = old[from];
      rec[o + 1] = old[from + 1];
      rec[o + 2] = old[from + 2];
      rec[o + 3] = old[from + 3];
      this.first[o >> 2] = oldFirst[from >> 2];
      if (oldSpill) this.spill![o >> 2] = oldSpill[from >> 2];
    }
  }
}

/** One char per byte: the same chars as UTF-8 for ASCII bytes, whatever the others become. */
const singleByte = new TextDecoder('windows-1252');

/** Rows an int32 count holds before the rest moves to the table's float64 spill. */
const COUNT_LIMIT = 0x3fffffff;

export function viewOf(data: Uint8Array): DataView {
  return new DataView(data.buffer, data.byteOffset, data.byteLength);
}

/**
 * Whether two byte ranges are equal: four bytes at a time, the last four read as one word even when
 * it overlaps the one before (no per-byte tail), under four bytes one at a time.
 */
export function sameBytes(a: DataView, aStart: number, b: DataView, bStart: number, length: number): boolean {
  if (length < 4) {
    for (let i = 0; i < length; i++) if (a.getUint8(aStart + i) !== b.getUint8(bStart + i)) return false;
    return true;
  }
  const last = length - 4;
  for (let i = 0; i < last; i += 4) if (a.getInt32(aStart + i, true) !== b.getInt32(bStart + i, true)) return false;
  return a.getInt32(aStart + last, true) === b.getInt32(bStart + last, true);
}

/** sameBytes for a length of 4 or more (inlined where sameBytes, with its short branch, is not). */
function sameWords(a: DataView, aStart: number, b: DataView, bStart: number, length: number): boolean {
  const last = length - 4;
  for (let i = 0; i < last; i += 4) if (a.getInt32(aStart + i, true) !== b.getInt32(bStart + i, true)) return false;
  return a.getInt32(aStart + last, true) === b.getInt32(bStart + last, true);
}
