import { Type, type Data, type Float, type Vector } from 'apache-arrow';
import { VALUE, type KeyValues } from './keyValues';

/**
 * A top-K's bound on its first key: once K rows are held and the K-th (the worst) has a number as its
 * first key, a row can still enter only if its first key is better than that number, or equal and then
 * ahead on the next keys or, with no other key, on its row number; null, NaN and anything worse never
 * can. Only for keys held as plain numbers (floats, ints up to 32 bits, day dates, 32-bit times).
 */
export interface FirstKeyBound {
  value: number;
  descending: boolean;
  /** With a single key: the row number just past the K-th row (a row with an equal value enters only from before it); null when other keys decide ties. */
  lastRow: number | null;
}

/**
 * The bound of a sorted top-K run of at least `k` rows (`rows`: its row numbers; `first`: its first key's
 * values; `onlyKey`: no other key), or null while it holds fewer or its K-th is NaN or null.
 */
export function boundOf(first: KeyValues, rows: Float64Array, k: number, descending: boolean, onlyKey: boolean): FirstKeyBound | null {
  if (k <= 0 || rows.length < k || first.shape !== 'number' || first.cls[k - 1] !== VALUE) return null;
  return { value: first.num[k - 1], descending, lastRow: onlyKey ? rows[k - 1] + 1 : null };
}

/** The tighter of two bounds of the same key (either may be missing). */
export function tighterBound(a: FirstKeyBound | null | undefined, b: FirstKeyBound | null | undefined): FirstKeyBound | null {
  if (!a || !b) return a ?? b ?? null;
  if (a.value === b.value) return a.lastRow !== null && (b.lastRow === null || a.lastRow < b.lastRow) ? a : b;
  return (a.descending ? a.value > b.value : a.value < b.value) ? a : b;
}

/** Values of a Data piece as plain numbers indexed piece-relative, or null when they are not (bits, half floats, 64-bit, dictionary, bytes). */
function plainNumbers(data: Data): ArrayLike<number> | null {
  if (data.typeId === Type.Bool || data.typeId === Type.Dictionary) return null;
  if (data.typeId === Type.Float && (data.type as Float).precision === 0) return null;
  const v = data.values as unknown;
  const plain = v instanceof Float64Array || v instanceof Float32Array || v instanceof Int32Array || v instanceof Int16Array || v instanceof Int8Array || v instanceof Uint32Array || v instanceof Uint16Array || v instanceof Uint8Array;
  return plain ? (v as ArrayLike<number>) : null;
}

/**
 * The rows of one chunk (chunk-relative, ascending: `rows`, or every row when null; its first row is row
 * `rowOffset` of the file) whose first-key value in `vector` is within `bound`; null when the column is
 * not held as plain numbers (then every row stays a candidate). One comparison a row, so a chunk far from
 * the top costs one pass over its values.
 */
export function rowsWithinBound(vector: Vector, rows: Uint32Array | null, rowOffset: number, bound: FirstKeyBound): Uint32Array | null {
  const pieces = vector.data.map(plainNumbers);
  if (pieces.some((p) => p === null)) return null;
  const { value, descending } = bound;
  // Chunk-relative rows before this one may hold an equal value and enter.
  const tiesBefore = bound.lastRow === null ? Infinity : bound.lastRow - rowOffset;
  const n = rows ? rows.length : vector.length;
  let out = new Uint32Array(Math.min(n, 1024));
  let kept = 0;
  const keep = (row: number) => {
    if (kept === out.length) {
      const grown = new Uint32Array(Math.min(n, out.length * 2));
      grown.set(out);
      out = grown;
    }
    out[kept++] = row;
  };
  let base = 0;
  let r = 0;
  vector.data.forEach((data, p) => {
    const values = pieces[p]!;
    const end = base + data.length;
    const bitmap = data.nullCount !== 0 && data.nullBitmap && data.nullBitmap.length > 0 ? data.nullBitmap : null;
    const ties = tiesBefore - base; // piece-relative
    const one = (i: number) => {
      const x = values[i];
      // NaN fails every comparison
      if (!(descending ? x > value : x < value) && !(x === value && i < ties)) return;
      if (bitmap) {
        const b = data.offset + i;
        if (((bitmap[b >> 3] >> (b & 7)) & 1) === 0) return;
      }
      keep(base + i);
    };
    if (rows) {
      for (; r < rows.length && rows[r] < end; r++) one(rows[r] - base);
    } else if (descending && !bitmap) {
      for (let i = 0; i < data.length; i++) {
        const x = values[i];
        if (x >= value && (x > value || i < ties)) keep(base + i);
      }
    } else if (!bitmap) {
      for (let i = 0; i < data.length; i++) {
        const x = values[i];
        if (x <= value && (x < value || i < ties)) keep(base + i);
      }
    } else {
      for (let i = 0; i < data.length; i++) one(i);
    }
    base = end;
  });
  return out.subarray(0, kept);
}

/** The value of rank `nth` (0-based, ascending) among values[0..n), reordering them (Hoare's selection, median of three). */
function selectNth(values: Float64Array, n: number, nth: number): number {
  let lo = 0;
  let hi = n - 1;
  while (hi > lo) {
    const mid = (lo + hi) >> 1;
    const a = values[lo];
    const b = values[mid];
    const c = values[hi];
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        const t = values[i];
        values[i++] = values[j];
        values[j--] = t;
      }
    }
    if (nth <= j) hi = j;
    else if (nth >= i) lo = i;
    else return values[nth];
  }
  return values[nth];
}

/** Values sampled to choose where a chunk's first selection starts. */
const SAMPLE = 2048;

interface Picked {
  values: Float64Array;
  /** Chunk-relative row of each value, ascending. */
  rows: Uint32Array;
  count: number;
}

/** The plain-number, non-null, non-NaN first-key values of the rows (all when null), those within `from` only when given, in row order. */
function pickValues(vector: Vector, pieces: ArrayLike<number>[], rows: Uint32Array | null, from: number | null, descending: boolean): Picked {
  const n = rows ? rows.length : vector.length;
  let values = new Float64Array(from === null ? n : Math.min(n, 4096));
  let at = new Uint32Array(values.length);
  let count = 0;
  let base = 0;
  let r = 0;
  vector.data.forEach((data, p) => {
    const piece = pieces[p];
    const end = base + data.length;
    const bitmap = data.nullCount !== 0 && data.nullBitmap && data.nullBitmap.length > 0 ? data.nullBitmap : null;
    const one = (i: number) => {
      const x = piece[i];
      if (x !== x || (from !== null && (descending ? x < from : x > from))) return;
      if (bitmap) {
        const b = data.offset + i;
        if (((bitmap[b >> 3] >> (b & 7)) & 1) === 0) return;
      }
      if (count === values.length) {
        const size = Math.min(n, values.length * 2);
        values = grow(values, new Float64Array(size));
        at = grow(at, new Uint32Array(size));
      }
      at[count] = base + i;
      values[count++] = x;
    };
    if (rows) for (; r < rows.length && rows[r] < end; r++) one(rows[r] - base);
    else for (let i = 0; i < data.length; i++) one(i);
    base = end;
  });
  return { values, rows: at, count };
}

function grow<T extends Float64Array | Uint32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/**
 * A first-key value that about `want` of the `n` rows reach (from an even sample; NaN when the sample
 * says nothing): where the selection starts, so that it copies a few rows, not the chunk.
 */
function sampledStart(vector: Vector, pieces: ArrayLike<number>[], rows: Uint32Array | null, n: number, want: number, descending: boolean): number {
  const starts = vector.data.map((_, p) => vector.data.slice(0, p).reduce((sum, d) => sum + d.length, 0));
  const sample: number[] = [];
  for (let j = 0; j < SAMPLE; j++) {
    const row = rows ? rows[Math.floor((j * n) / SAMPLE)] : Math.floor((j * n) / SAMPLE);
    let p = starts.length - 1;
    while (p > 0 && starts[p] > row) p--;
    const i = row - starts[p];
    const data = vector.data[p];
    const bitmap = data.nullCount !== 0 && data.nullBitmap && data.nullBitmap.length > 0 ? data.nullBitmap : null;
    if (bitmap && ((bitmap[(data.offset + i) >> 3] >> ((data.offset + i) & 7)) & 1) === 0) continue;
    const x = pieces[p][i];
    if (x === x) sample.push(x);
  }
  if (sample.length === 0) return NaN;
  sample.sort((a, b) => (descending ? b - a : a - b));
  return sample[Math.min(sample.length - 1, Math.ceil((want / n) * sample.length))];
}

/**
 * A bound from one chunk's own values, for its first top-K when none is known yet: the k-th best of its
 * plain-number first-key values (null, NaN left out), found by selection over a copy of the values a
 * sample says are near the top (all of them when those are fewer than k) instead of a heap over every
 * row. With a single key (`onlyKey`) and values equal to it, only as many of those as the k rows need,
 * the first in row order, stay within (`lastRow`, exclusive). Null when the column is not plain numbers
 * or has at most `k` such values (then the bound would keep every row).
 */
export function chunkBound(vector: Vector, rows: Uint32Array | null, rowOffset: number, k: number, descending: boolean, onlyKey: boolean): FirstKeyBound | null {
  const pieces = vector.data.map(plainNumbers);
  if (k <= 0 || pieces.some((p) => p === null)) return null;
  const plain = pieces as ArrayLike<number>[];
  const n = rows ? rows.length : vector.length;
  if (n <= k) return null;
  const from = n >= 8 * k ? sampledStart(vector, plain, rows, n, 3 * k, descending) : NaN;
  let picked = from === from ? pickValues(vector, plain, rows, from, descending) : null;
  if (!picked || picked.count < k) picked = pickValues(vector, plain, rows, null, descending);
  if (picked.count < k || (picked.count === k && from !== from)) return null;
  const { values, count } = picked;
  const value = selectNth(values.slice(0, count), count, descending ? count - k : k - 1);
  if (!onlyKey) return { value, descending, lastRow: null };
  let better = 0;
  for (let i = 0; i < count; i++) if (descending ? values[i] > value : values[i] < value) better++;
  // the (k - better)-th value equal to the bound, in row order, is the k-th row
  let ties = k - better;
  for (let i = 0; i < count; i++) {
    if (values[i] === value && --ties === 0) return { value, descending, lastRow: rowOffset + picked.rows[i] + 1 };
  }
  return { value, descending, lastRow: null };
}
