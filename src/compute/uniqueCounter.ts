import { DataType, makeVector, Precision, Type, type Data, type Decimal, type Vector } from 'apache-arrow';
import { decimalWordsToBigInt } from '../valueText';
import { bytesData } from './bytesData';
import type { ByteRanges } from '../model/types';
import { HeavyHitters } from './heavyHitters';
import { HyperLogLog } from './hyperLogLog';
import { NumericProfile, wholeUnit, type ProfilePartial } from './profile';
import { bytesText, getValue, keyOf, textBytes, valueHash } from './uniqueDisplayKey';
import { MAX_DISTINCT, TOP_K, type UniquePartial, type UniqueValue, type ValueCount } from './uniqueTypes';
import { runSteps } from './slicedSort';
import { sameBytes, Utf8Table, viewOf } from './utf8Table';

/**
 * Value k of a dictionary of integers or floats as a double (null where the value is null), read
 * straight from its one typed array where it can; null for a dictionary of any other type.
 */
function dictionaryNumbers(dictionary: Vector): ((k: number) => number | null) | null {
  const type = dictionary.type as DataType & { precision?: Precision };
  if (type.typeId !== Type.Int && type.typeId !== Type.Float) return null;
  const [data] = dictionary.data;
  if (dictionary.data.length !== 1 || type.precision === Precision.HALF) {
    return (k) => {
      const v = dictionary.get(k) as number | bigint | null;
      return v === null ? null : Number(v);
    };
  }
  const values = data.values as ArrayLike<number | bigint>;
  const nulls = data.nullCount !== 0;
  return (k) => (nulls && !data.getValid(k) ? null : Number(values[k]));
}

/**
 * Counts values chunk by chunk. Strings and binaries are hashed as raw bytes (never decoded per
 * row) with a same-as-previous-row shortcut; dictionary columns are counted by index; everything
 * else goes through a Map of values.
 */
export class UniqueCounter {
  private readonly table: Utf8Table;
  private readonly heavy = new HeavyHitters<UniqueValue>(TOP_K);
  /** A recount: only these values are counted (display values), every other row is ignored. */
  private readonly only: Set<UniqueValue> | null;
  private seeded = false;
  private readonly other = new Map<unknown, { count: number; firstRow: number; value: UniqueValue }>();
  private readonly hll = new HyperLogLog();
  private binary = false;
  private readonly numeric = new NumericProfile();
  private minLength = Infinity;
  private maxLength = -1;
  rows = 0;
  nulls = 0;
  firstNullRow = -1;
  untrackedRows = 0;
  /** Per dictionary index, rows counted in the batch being counted and its first row. */
  private indexCounts = new Float64Array(0);
  private indexFirstRows = new Float64Array(0);
  private usedIndices: number[] = [];
  /** Hashes of the rows of the batch being added (see addRanges). */
  private readonly hashes = new Int32Array(BATCH);
  /** What the touches read: kept so that the compiler cannot drop the reads. */
  touched = 0;
  /** Rows per chunk of the profile's sum within the chunk being counted, and the row where its next chunk starts (see steps). */
  private sumChunkRows = Infinity;
  private nextSumChunk = Infinity;

  /** `table`: where byte strings are counted (a test gives one that forces hash collisions). */
  constructor(
    readonly maxDistinct = MAX_DISTINCT,
    only?: UniqueValue[],
    table = new Utf8Table(),
  ) {
    this.only = only ? new Set(only) : null;
    this.table = table;
  }

  private get full(): boolean {
    return this.only !== null || this.table.size + this.other.size >= this.maxDistinct;
  }

  /** A value past the budget (never in a recount): not kept, but seen by the distinct estimate and the heavy hitters. */
  private untracked(value: UniqueValue, hash: number, count: number): void {
    this.untrackedRows += count;
    this.hll.add(hash);
    this.heavy.add(value, count);
  }

  /** A recount of byte strings: the candidates go in the table first, with no rows yet. */
  private seed(binary: boolean): void {
    if (this.seeded || !this.only) return;
    this.seeded = true;
    for (const v of this.only) {
      if (typeof v !== 'string') continue;
      const bytes = textBytes(v, binary);
      this.table.add(bytes, 0, bytes.length, 0, -1);
    }
  }

  private nullAt(row: number): void {
    this.nulls++;
    if (this.firstNullRow < 0) this.firstNullRow = row;
  }

  add(vector: Vector, rowOffset: number, selection?: Uint32Array, sumChunkRows = Infinity): void {
    runSteps(this.steps(vector, rowOffset, selection, sumChunkRows));
  }

  /**
   * Counts `vector` a step of at most ROWS_PER_STEP rows at a time: the caller may give its thread
   * back between two steps (see TimeSlicer). A column that is all null costs one step, whatever its length.
   * With `selection` (row indices into the vector, ascending: a filter's matches), only those rows count.
   * The vector is one chunk of the dataset; the profile's sum cuts it further into chunks of
   * `sumChunkRows`, as pyarrow reads a Parquet row group (sumChunkRows).
   */
  *steps(vector: Vector, rowOffset: number, selection?: Uint32Array, sumChunkRows = Infinity): Generator<void> {
    this.numeric.sum.chunk(rowOffset);
    this.sumChunkRows = sumChunkRows;
    this.nextSumChunk = rowOffset + sumChunkRows;
    let at = rowOffset;
    let base = 0;
    let next = 0;
    for (const data of vector.data) {
      let local: Uint32Array | undefined;
      if (selection) {
        const from = next;
        while (next < selection.length && selection[next] < base + data.length) next++;
        local = selection.subarray(from, next);
        if (base > 0) local = local.map((i) => i - base);
      }
      if (!local || local.length > 0) yield* this.addData(data, at, local);
      at += data.length;
      base += data.length;
    }
    this.rows += selection ? next : vector.length;
  }

  private *addData(data: Data, rowOffset: number, selection?: Uint32Array): Generator<void> {
    const n = selection ? selection.length : data.length;
    if (allNull(data)) {
      this.numeric.sum.endRun();
      this.nulls += n;
      if (this.firstNullRow < 0) this.firstNullRow = rowOffset + (selection ? selection[0] : 0);
      return;
    }
    const t = data.type.typeId;
    if (t === Type.Dictionary) {
      yield* this.addDictionary(data, rowOffset, selection);
      return;
    }
    const bytes = t === Type.Utf8 || t === Type.Binary;
    for (let from = 0; from < n; from += ROWS_PER_STEP) {
      const to = Math.min(n, from + ROWS_PER_STEP);
      if (bytes) this.addBytes(data, rowOffset, from, to, selection);
      else this.addGeneric(data, rowOffset, from, to, selection);
      yield;
    }
  }

  /**
   * Rows [from, to) of `data`, or of `selection` (indices into `data`) when there is one. A run of
   * rows with the same bytes is compared row to row with its first (which stays in cache) and goes
   * to the table once, with its length as the count.
   */
  private addBytes(data: Data, rowOffset: number, from: number, to: number, selection?: Uint32Array): void {
    const offsets = data.valueOffsets as Int32Array;
    // The validity bitmap read directly: Data.getValid per row is a measurable share of the time.
    const validity = data.nullBitmap;
    const bit0 = data.offset;
    const isNull = data.nullCount === 0 ? null : (i: number) => (validity ? ((validity[(bit0 + i) >> 3] >> ((bit0 + i) & 7)) & 1) === 0 : !data.getValid(i));
    this.addRanges(data.values as Uint8Array, offsets, offsets.subarray(1), true, isNull, data.type.typeId === Type.Binary, rowOffset, from, to, selection);
  }

  /**
   * Counts a chunk given as the byte ranges of its values (a Parquet chunk's pages decoded in place,
   * Dataset.byteRanges), a step of at most ROWS_PER_STEP rows at a time, as `steps` counts a vector.
   */
  *rangeSteps(ranges: ByteRanges, rowOffset: number): Generator<void> {
    let at = rowOffset;
    for (const part of ranges.parts) {
      let { starts, ends } = part;
      let isNull: ((i: number) => boolean) | null = null;
      const defined = part.defined;
      if (defined) {
        // Row-aligned ranges (a null row's empty), so that rows and values are indexed alike.
        starts = new Int32Array(part.rows);
        ends = new Int32Array(part.rows);
        for (let i = 0, v = 0; i < part.rows; i++) {
          if (!defined[i]) continue;
          starts[i] = part.starts[v];
          ends[i] = part.ends[v++];
        }
        isNull = (i: number) => defined[i] === 0;
      }
      for (let from = 0; from < part.rows; from += ROWS_PER_STEP) {
        this.addRanges(part.bytes, starts, ends, false, isNull, ranges.binary, at, from, Math.min(part.rows, from + ROWS_PER_STEP));
        yield;
      }
      at += part.rows;
      this.rows += part.rows;
    }
  }

  /**
   * Rows [from, to) (or of `selection`) whose values are values[starts[i], ends[i]) (`contiguous`:
   * each value's bytes right after the one before, as in an Arrow array; `isNull`: null when no row is).
   */
  private addRanges(
    values: Uint8Array,
    starts: Int32Array,
    ends: Int32Array,
    contiguous: boolean,
    isNull: ((i: number) => boolean) | null,
    binary: boolean,
    rowOffset: number,
    from: number,
    to: number,
    selection?: Uint32Array,
  ): void {
    this.binary = binary;
    this.seed(this.binary);
    const view = viewOf(values);
    const checkNulls = isNull !== null;
    const table = this.table;
    let insert = !this.full;
    const hashes = this.hashes;
    let touched = 0;
    let batchStart = from;
    let batchEnd = from;
    let j = from;
    while (j < to) {
      if (j >= batchEnd) {
        // The next BATCH rows hashed, then their slots read, then their bytes in the arena, each in
        // a loop of its own: the cache misses of a loop's rows are in flight together.
        batchStart = j;
        batchEnd = Math.min(to, j + BATCH);
        const n = batchEnd - j;
        for (let a = 0; a < n; a++) {
          const r = selection ? selection[j + a] : j + a;
          hashes[a] = table.keyHash(values, starts[r], ends[r], view);
        }
        for (let a = 0; a < n; a++) touched ^= table.touch(hashes[a]);
        for (let a = 0; a < n; a++) touched ^= table.touchKey(hashes[a]);
      }
      const i = selection ? selection[j] : j;
      if (checkNulls && isNull!(i)) {
        this.nullAt(rowOffset + i);
        j++;
        continue;
      }
      const s = starts[i];
      const length = ends[i] - s;
      let k = j + 1;
      if (contiguous && !selection && !checkNulls) {
        // The rows after this one of the same length, then their bytes checked as one range; in
        // doubling spans, so that a column of one length without runs (dates, codes) stays linear.
        for (let span = 8; ; span *= 2) {
          const limit = Math.min(to, j + 1 + span);
          let last = k;
          while (last < limit && ends[last] - starts[last] === length) last++;
          if (last > k) k = j + 1 + sameRows(view, s, length, last - j);
          if (last < limit || k < last || limit === to) break;
        }
      } else {
        while (k < to) {
          const r = selection ? selection[k] : k;
          const rs = starts[r];
          if (ends[r] - rs !== length || (checkNulls && isNull!(r)) || !sameBytes(view, rs, view, s, length)) break;
          k++;
        }
      }
      const run = k - j;
      const hash = hashes[j - batchStart];
      j = k;
      if (length < this.minLength) this.minLength = length;
      if (length > this.maxLength) this.maxLength = length;
      const size = table.size;
      if (table.addHashed(values, s, s + length, hash, run, rowOffset + i, insert) < 0) {
        if (!this.only) this.untracked(bytesText(values.subarray(s, s + length), this.binary), hash, run);
      } else if (table.size !== size && table.size + this.other.size >= this.maxDistinct) insert = false;
    }
    this.touched ^= touched;
  }

  private *addDictionary(data: Data, rowOffset: number, selection?: Uint32Array): Generator<void> {
    const dictionary = data.dictionary!;
    const n = dictionary.length;
    // Reused from batch to batch and cleared where used: a dictionary grown by deltas can be far
    // longer than one batch, and must not cost its length per batch.
    if (this.indexCounts.length < n) {
      const length = Math.max(n, 2 * this.indexCounts.length); // a dictionary growing by deltas: not once per batch
      this.indexCounts = new Float64Array(length);
      this.indexFirstRows = new Float64Array(length);
    }
    const counts = this.indexCounts;
    const first = this.indexFirstRows;
    for (const k of this.usedIndices) counts[k] = 0; // left by a count stopped part way
    const used: number[] = (this.usedIndices = []);
    const indices = data.values as ArrayLike<number | bigint>;
    const checkNulls = data.nullCount !== 0;
    const rows = selection ? selection.length : data.length;
    // pyarrow sums a dictionary's numbers decoded, row by row (PairwiseSum): a value's count times the value is not that sum.
    const numberAt = dictionaryNumbers(dictionary);
    const summed = numberAt !== null;
    const sum = this.numeric.sum;
    for (let from = 0; from < rows; from += ROWS_PER_STEP) {
      const to = Math.min(rows, from + ROWS_PER_STEP);
      for (let j = from; j < to; j++) {
        const i = selection ? selection[j] : j;
        if (checkNulls && !data.getValid(i)) {
          this.nullAt(rowOffset + i);
          if (summed) sum.endRun();
          continue;
        }
        const k = Number(indices[i]);
        if (k >= n) continue; // outside this batch's dictionary (the arrays may be longer): not counted
        if (numberAt) {
          const v = numberAt(k);
          if (v === null) sum.endRun();
          else sum.add(v);
        }
        if (counts[k]++ === 0) {
          first[k] = rowOffset + i;
          used.push(k);
        }
      }
      yield;
    }
    // Map index counts to the dictionary's values in index order: batches may carry different dictionaries.
    const order = used.length > n / 8 ? null : Uint32Array.from(used).sort();
    const total = order ? order.length : n;
    const parts = dictionary.data;
    let part = 0;
    let base = 0;
    for (let from = 0; from < total; from += ROWS_PER_STEP) {
      const to = Math.min(total, from + ROWS_PER_STEP);
      for (let t = from; t < to; t++) {
        const k = order ? order[t] : t;
        const c = counts[k];
        if (!(c > 0)) continue;
        while (k >= base + parts[part].length) base += parts[part++].length;
        this.addOne(parts[part], k - base, c, first[k], summed);
        counts[k] = 0;
      }
      yield;
    }
    this.usedIndices = [];
  }

  /** Adds `count` occurrences of row k of `data` (a dictionary's values); `summed`: already in the profile's sum, row by row. */
  private addOne(data: Data, k: number, count: number, firstRow: number, summed: boolean): void {
    if (!data.getValid(k)) {
      this.nulls += count;
      if (this.firstNullRow < 0 || firstRow < this.firstNullRow) this.firstNullRow = firstRow;
      return;
    }
    if (data.type.typeId === Type.Utf8 || data.type.typeId === Type.Binary) {
      this.binary = data.type.typeId === Type.Binary;
      this.seed(this.binary);
      const offsets = data.valueOffsets as Int32Array;
      const values = data.values as Uint8Array;
      this.measure(offsets[k + 1] - offsets[k]);
      const e = this.table.add(values, offsets[k], offsets[k + 1], count, firstRow, !this.full);
      if (e >= 0) this.table.lowerFirstRow(e, firstRow);
      if (e < 0 && !this.only) this.untracked(bytesText(values.subarray(offsets[k], offsets[k + 1]), this.binary), this.table.lastHash, count);
      return;
    }
    const value = getValue(data, k);
    if (value !== null && NUMERIC_TYPES.has(data.type.typeId) && (typeof value === 'number' || typeof value === 'bigint')) {
      this.profileAs(data.type);
      this.numeric.add(Number(value), count, typeof value === 'bigint' ? value : undefined, !summed);
    } else if (value instanceof Uint32Array && data.type.typeId === Type.Decimal) {
      this.numeric.addDecimal(decimalWordsToBigInt(value), (data.type as Decimal).scale, count);
    }
    this.addKey(keyOf(data.type, value, data, k), count, firstRow);
  }

  private addGeneric(data: Data, rowOffset: number, from: number, to: number, selection?: Uint32Array): void {
    const checkNulls = data.nullCount !== 0;
    const numericValue = NUMERIC_TYPES.has(data.type.typeId);
    if (numericValue) this.profileAs(data.type);
    const decimalScale = data.type.typeId === Type.Decimal ? (data.type as Decimal).scale : undefined;
    const profiled = numericValue || decimalScale !== undefined;
    const lengthOf = byteLengths(data);
    for (let j = from; j < to; j++) {
      const i = selection ? selection[j] : j;
      if (profiled && rowOffset + i >= this.nextSumChunk) this.sumChunkAt(rowOffset + i);
      if (checkNulls && !data.getValid(i)) {
        this.nullAt(rowOffset + i);
        if (profiled) this.numeric.sum.endRun();
        continue;
      }
      const value = getValue(data, i);
      if (value === null) {
        this.nullAt(rowOffset + i); // a union's row whose member is null
        continue;
      }
      if (numericValue && (typeof value === 'number' || typeof value === 'bigint')) this.numeric.add(Number(value), 1, typeof value === 'bigint' ? value : undefined);
      else if (decimalScale !== undefined && value instanceof Uint32Array) this.numeric.addDecimal(decimalWordsToBigInt(value), decimalScale);
      if (lengthOf) this.measure(lengthOf(i));
      this.addKey(keyOf(data.type, value, data, i), 1, rowOffset + i);
    }
  }

  /** The profile's values are of `type`: whole units or not; a temporal type's mean is exact, in its unit. */
  private profileAs(type: DataType): void {
    this.numeric.unit ??= wholeUnit(type);
    if (type.typeId !== Type.Int && type.typeId !== Type.Float) this.numeric.keepExactSum();
  }

  /** Row `row` is past the profile's sum's chunk: the chunk it is in starts (see steps' `sumChunkRows`). */
  private sumChunkAt(row: number): void {
    while (row >= this.nextSumChunk) this.nextSumChunk += this.sumChunkRows;
    this.numeric.sum.chunk(this.nextSumChunk - this.sumChunkRows);
  }

  /** A string or binary value's length in bytes, for the profile's length range. */
  private measure(length: number): void {
    if (length < this.minLength) this.minLength = length;
    if (length > this.maxLength) this.maxLength = length;
  }

  private addKey(key: { key: unknown; value: UniqueValue }, count: number, firstRow: number): void {
    const hit = this.other.get(key.key);
    if (hit) {
      hit.count += count;
      if (firstRow < hit.firstRow) hit.firstRow = firstRow;
    } else if (!this.full || this.only?.has(key.value)) {
      this.other.set(key.key, { count, firstRow, value: key.value });
    } else if (!this.only) {
      this.untracked(key.value, valueHash(key.value), count);
    }
  }

  partial(): UniquePartial {
    return runSteps(this.partialSteps());
  }

  /**
   * partial() in steps: turning millions of distinct keys into values takes seconds. Every value
   * tracked goes into the distinct sketch too (the untracked ones already did), so the sketches of
   * all partials, under the budget or past it, merge into one estimate of the whole column's.
   */
  *partialSteps(): Generator<void, UniquePartial> {
    const values: ValueCount[] = [];
    const table = this.table;
    for (let e = 0; e < table.slotCount; e++) {
      if (e % ROWS_PER_STEP === ROWS_PER_STEP - 1) yield;
      if (!table.used(e)) continue;
      const count = table.count(e);
      if (count === 0) continue; // a recount candidate not in these chunks
      values.push({ value: this.binary ? bytesText(table.key(e), true) : table.text(e, utf8Text), count, firstRow: table.firstRow(e) });
      if (!this.only) this.hll.add(table.hashOf(e));
    }
    let k = 0;
    for (const v of this.other.values()) {
      if (++k % ROWS_PER_STEP === 0) yield;
      values.push({ value: v.value, count: v.count, firstRow: v.firstRow });
      if (!this.only) this.hll.add(valueHash(v.value));
    }
    const n = this.numeric;
    const profile: ProfilePartial = {
      numeric:
        n.count || n.nans
          ? { count: n.count, min: n.min, max: n.max, sums: n.sum.sums(), exactSum: n.exactSumText(), sample: n.sample, seen: n.count, nans: n.nans, infinities: n.infinities, exactMin: n.exactMin?.toString(), exactMax: n.exactMax?.toString(), unit: n.unit }
          : null,
      lengths: this.maxLength >= 0 ? { min: this.minLength, max: this.maxLength } : null,
    };
    const heavy = this.heavy.entries().map(([value, count]) => ({ value, count, firstRow: -1 }));
    return { rows: this.rows, nulls: this.nulls, firstNullRow: this.firstNullRow, values, untrackedRows: this.untrackedRows, heavy, hll: this.hll.registers, profile };
  }
}

const utf8Text = (bytes: Uint8Array) => bytesText(bytes, false);

/**
 * Of `rows` values of `length` bytes each stored one after the other from `start`, how many after
 * the first equal it: the range from the second value on is compared with the range from the first
 * (each value with the one before it), four bytes at a time, instead of each value with the first.
 */
export function sameRows(view: DataView, start: number, length: number, rows: number): number {
  if (length === 0) return rows - 1;
  const total = length * (rows - 1);
  const other = start + length;
  let i = 0;
  if (rangesEqual && total >= NATIVE_MIN) {
    // A long run: its first bytes in JS (values of one length that differ mostly differ there), the
    // rest by the platform's memcmp; where that finds a difference, the loop below finds where.
    for (; i + 4 <= NATIVE_HEAD; i += 4) if (view.getInt32(other + i, true) !== view.getInt32(start + i, true)) break;
    if (i + 4 > NATIVE_HEAD && rangesEqual(view, other + i, start + i, total - i)) return rows - 1;
  }
  for (; i + 4 <= total; i += 4) if (view.getInt32(other + i, true) !== view.getInt32(start + i, true)) break;
  while (i < total && view.getUint8(other + i) === view.getUint8(start + i)) i++;
  return Math.floor(i / length);
}

/**
 * Whether view[a, a + length) equals view[b, b + length), by a native memcmp where the platform has
 * one (Node's Buffer.compare, set by the CLI: 5-10x the loop in JS over a low-cardinality column's runs).
 */
export type RangesEqual = (view: DataView, a: number, b: number, length: number) => boolean;
let rangesEqual: RangesEqual | null = null;
/** Byte ranges shorter than this are compared in JS (a native call costs more than the loop). */
const NATIVE_MIN = 256;
/** Bytes of a long run compared in JS before the native call. */
const NATIVE_HEAD = 64;

/** Installs a native byte-range comparison for sameRows (null: the JS loop only). */
export function useRangesEqual(compare: RangesEqual | null): void {
  rangesEqual = compare;
}

/** Rows hashed, and whose slots and bytes are read, ahead of adding them (see addRanges). */
const BATCH = 16;

/** Rows counted between two chances to yield: about 1 ms for numbers through their getters, less for strings. */
export const ROWS_PER_STEP = 8192;

/**
 * A Null-type column, or one whose null count is its length: counted from that count, never row by
 * row (a 240-byte file can hold a Null column of 10⁹ rows). Unions have no validity of their own.
 */
function allNull(data: Data): boolean {
  if (data.type.typeId === Type.Null) return true;
  return data.length > 0 && data.nullCount === data.length && !DataType.isUnion(data.type);
}

/** Types whose values profile as numbers (temporal ones as their epoch number). */
const NUMERIC_TYPES = new Set<Type>([Type.Int, Type.Float, Type.Date, Type.Time, Type.Timestamp, Type.Duration]);
/** Strings and bytes whose values are read one by one (string and binary are measured from their offsets). */
const MEASURED_ONE_BY_ONE = new Set<Type>([Type.LargeUtf8, Type.LargeBinary, Type.Utf8View, Type.BinaryView]);
/** Each value's length in bytes, for MEASURED_ONE_BY_ONE (bytesData: text that is not UTF-8 counts what it holds). */
function byteLengths(data: Data): ((i: number) => number) | null {
  if (!MEASURED_ONE_BY_ONE.has(data.type.typeId)) return null;
  const vector = makeVector(bytesData(data));
  return (i) => (vector.get(i) as Uint8Array).length;
}
