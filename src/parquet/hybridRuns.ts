/**
 * The RLE / bit-packed hybrid encoding (definition levels, dictionary indices) read by runs: the
 * run headers of a page are walked once, then any span of its values is read without expanding the
 * others. A grid window needs 64-128 values of a page of ~20,000: W2's pages were expanded whole for
 * each window, ~245,000 indices and ~330,000 levels a jump of 16 columns.
 */

/** Thrown when the encoded bytes do not hold the values they should (the caller decodes otherwise). */
export class RunsError extends Error {}

/** A page's runs: run r holds values [first[r], first[r + 1]). */
export interface HybridRuns {
  bytes: Uint8Array;
  width: number;
  /** Per run, its first value's index; one more element, the count of values. */
  first: Int32Array;
  /** Per run: a bit-packed run's byte offset in `bytes`, or -1 for an RLE run. */
  at: Int32Array;
  /** Per run: an RLE run's value (0 for a bit-packed run). */
  value: Int32Array;
  /** Runs. */
  runs: number;
  /** Where the encoded values end in `bytes` (past the last run read). */
  end: number;
  /** Levels only (width 1): per run, the 1s before it; one more element, the 1s in all. */
  ones?: Int32Array;
}

const grow = (a: Int32Array, n: number) => {
  const b = new Int32Array(Math.max(16, n * 2));
  b.set(a);
  return b;
};

/**
 * The runs of `count` values of `width` bits encoded from bytes[at], ending by `limit` (every byte a
 * run needs must lie before it, as hyparquet's reader requires of its view); an RLE value wider than
 * `width` fails. `countOnes` (levels, width 1): the 1s before each run are counted too.
 */
export function scanRuns(bytes: Uint8Array, at: number, limit: number, width: number, count: number, countOnes = false): HybridRuns {
  if (width < 0 || width > 24) throw new RunsError('bit width');
  let first = new Int32Array(16);
  let offsets = new Int32Array(16);
  let values = new Int32Array(16);
  let ones = countOnes ? new Int32Array(16) : undefined;
  const valueBytes = (width + 7) >> 3;
  let runs = 0;
  let seen = 0;
  let total = 0;
  while (seen < count) {
    // The run header, a ULEB128 varint.
    let header = 0;
    for (let shift = 0; ; shift += 7) {
      if (at >= limit || shift > 28) throw new RunsError('run header past the bytes');
      const b = bytes[at++];
      header += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) break;
    }
    if (runs + 1 >= first.length) {
      first = grow(first, runs + 2);
      offsets = grow(offsets, runs + 2);
      values = grow(values, runs + 2);
      if (ones) ones = grow(ones, runs + 2);
    }
    first[runs] = seen;
    if (ones) ones[runs] = total;
    let n: number;
    if (header % 2) {
      const groups = Math.floor(header / 2);
      n = groups * 8;
      const length = groups * width;
      if (at + length > limit || (n === 0 && width)) throw new RunsError('bit-packed run past the bytes');
      offsets[runs] = at;
      values[runs] = 0;
      if (ones) total += popcount(bytes, at * 8, Math.min(n, count - seen));
      at += length;
    } else {
      n = Math.floor(header / 2);
      if (at + valueBytes > limit) throw new RunsError('run value past the bytes');
      let value = 0;
      for (let i = 0; i < valueBytes; i++) value += bytes[at++] * 2 ** (8 * i);
      if (n === 0) throw new RunsError('empty run');
      if (value >= 2 ** width && width < 32) throw new RunsError('run value wider than its bit width');
      offsets[runs] = -1;
      values[runs] = value;
      if (ones) total += value * Math.min(n, count - seen);
    }
    seen += n;
    runs++;
  }
  first[runs] = count;
  if (ones) ones[runs] = total;
  return { bytes, width, first, at: offsets, value: values, runs, end: at, ones };
}

/** The 1 bits among `n` bits from bit `bit` of `bytes` (low bits first). */
function popcount(bytes: Uint8Array, bit: number, n: number): number {
  let ones = 0;
  let i = bit;
  const end = bit + n;
  for (; i < end && i & 7; i++) ones += (bytes[i >> 3] >> (i & 7)) & 1;
  for (; i + 8 <= end; i += 8) {
    let b = bytes[i >> 3];
    b -= (b >> 1) & 0x55;
    b = (b & 0x33) + ((b >> 2) & 0x33);
    ones += (b + (b >> 4)) & 0x0f;
  }
  for (; i < end; i++) ones += (bytes[i >> 3] >> (i & 7)) & 1;
  return ones;
}

/** The run holding value `v` (0 <= v < count). */
function runOf(r: HybridRuns, v: number): number {
  let lo = 0;
  let hi = r.runs - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (r.first[mid] <= v) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Value `i` of the bit-packed run at byte `at` (width <= 24: at most 4 bytes hold it). */
function packed(bytes: Uint8Array, at: number, width: number, i: number): number {
  const bit = i * width;
  const byte = at + (bit >> 3);
  const word = bytes[byte] | (bytes[byte + 1] << 8) | (bytes[byte + 2] << 16) | (bytes[byte + 3] << 24);
  return (word >>> (bit & 7)) & ((1 << width) - 1);
}

/** Values [from, from + out.length) into `out`. */
export function readRuns(r: HybridRuns, from: number, out: Int32Array | Uint8Array): void {
  const n = out.length;
  if (!n) return;
  let k = runOf(r, from);
  let v = from;
  let o = 0;
  while (o < n) {
    const stop = Math.min(r.first[k + 1], from + n);
    const at = r.at[k];
    if (at < 0) {
      const value = r.value[k];
      for (; v < stop; v++) out[o++] = value;
    } else {
      const base = r.first[k];
      for (; v < stop; v++) out[o++] = packed(r.bytes, at, r.width, v - base);
    }
    k++;
  }
}

/** Levels of width 1: the 1s among values [0, v). */
export function onesBefore(r: HybridRuns, v: number): number {
  if (v <= 0) return 0;
  const k = runOf(r, v - 1);
  const base = r.first[k];
  const before = r.ones![k];
  const at = r.at[k];
  return before + (at < 0 ? r.value[k] * (v - base) : popcount(r.bytes, at * 8, v - base));
}
