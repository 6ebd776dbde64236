import { DataType, type Data, type Vector } from 'apache-arrow';
import { DatasetError } from '../../model/errors';
import type { CompareOp } from './ast';
import type { LeafTest, Scalar } from './boundFilter';
import type { ColumnKind } from './columnKind';
import { bytesKernel } from './bytesKernels';
import { rowReader, type RowReader } from './rowValues';

/** Three-valued results, one byte per row. */
export const FALSE = 0;
export const TRUE = 1;
export const NULL = 2;

/** Writes the results of rows [from, to) of one Data piece into out[at …]. */
export type Kernel = (from: number, to: number, out: Uint8Array, at: number) => void;

/**
 * A bigint as a number in the range the row readers give numbers for, [-2^53, 2^53): rows and values
 * then compare as plain numbers, and IN's Set finds them (a Set tells 5 from 5n).
 */
export const normalize = (v: Scalar): Scalar => (typeof v === 'bigint' && v >= -9007199254740992n && v <= 9007199254740991n ? Number(v) : v);

/** -1, 0, 1 by byte order (for UTF-8: code point order). */
function compareBytes(a: Uint8Array, aStart: number, aEnd: number, b: Uint8Array): number {
  const n = Math.min(aEnd - aStart, b.length);
  for (let k = 0; k < n; k++) {
    const d = a[aStart + k] - b[k];
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  const la = aEnd - aStart;
  return la === b.length ? 0 : la < b.length ? -1 : 1;
}

function bytesAt(a: Uint8Array, at: number, needle: Uint8Array): boolean {
  for (let k = 0; k < needle.length; k++) if (a[at + k] !== needle[k]) return false;
  return true;
}

function containsBytes(a: Uint8Array, start: number, end: number, needle: Uint8Array): boolean {
  if (needle.length === 0) return true;
  const first = needle[0];
  for (let p = start; p <= end - needle.length; p++) if (a[p] === first && bytesAt(a, p, needle)) return true;
  return false;
}

/** The truth of `x op c` from a comparison result d = sign(x - c) (NaN when unordered: only != holds). */
function fromOrder(op: CompareOp, d: number): boolean {
  switch (op) {
    case '=':
      return d === 0;
    case '!=':
      return d !== 0;
    case '<':
      return d < 0;
    case '<=':
      return d <= 0;
    case '>':
      return d > 0;
    default:
      return d >= 0;
  }
}

/** sign(x - c) for numbers and bigints in any mix (exact), NaN when either is NaN. */
function order(x: number | bigint, c: number | bigint): number {
  // == (not ===) compares a number with a bigint by value
  return x < c ? -1 : x > c ? 1 : x == c ? 0 : NaN;
}

const latin1 = new TextDecoder('latin1');
const textDecoder = new TextDecoder();

/** A byte string as a Map key: one char per byte. */
export const bytesKey = (b: Uint8Array): string => latin1.decode(b);

/** Comparisons on a typed array of numbers: the hot path (floats, ints up to 32 bits, bools, 32-bit dates). */
function numberCompare(values: ArrayLike<number>, op: CompareOp, c: number): Kernel {
  switch (op) {
    case '=':
      return (from, to, out, at) => {
        for (let i = from; i < to; i++) out[at + i - from] = values[i] === c ? 1 : 0;
      };
    case '!=':
      return (from, to, out, at) => {
        for (let i = from; i < to; i++) out[at + i - from] = values[i] !== c ? 1 : 0;
      };
    case '<':
      return (from, to, out, at) => {
        for (let i = from; i < to; i++) out[at + i - from] = values[i] < c ? 1 : 0;
      };
    case '<=':
      return (from, to, out, at) => {
        for (let i = from; i < to; i++) out[at + i - from] = values[i] <= c ? 1 : 0;
      };
    case '>':
      return (from, to, out, at) => {
        for (let i = from; i < to; i++) out[at + i - from] = values[i] > c ? 1 : 0;
      };
    default:
      return (from, to, out, at) => {
        for (let i = from; i < to; i++) out[at + i - from] = values[i] >= c ? 1 : 0;
      };
  }
}

/** A per-row predicate over a reader's values (nulls not considered). */
function rowTest(reader: RowReader, leaf: LeafTest): (i: number) => boolean {
  const value = (i: number): Scalar => (reader.shape === 'numbers' ? reader.values[i] : reader.shape === 'get' ? reader.get(i) : reader.data.subarray(reader.start(i), reader.start(i + 1)));
  switch (leaf.test) {
    case 'const':
      return () => leaf.value;
    case 'isNull':
      return () => leaf.negated;
    case 'compare': {
      const c = normalize(leaf.value);
      if (reader.shape === 'bytes') {
        const { data, start } = reader;
        return (i) => fromOrder(leaf.op, compareBytes(data, start(i), start(i + 1), c as Uint8Array));
      }
      if (c instanceof Uint8Array) {
        return (i) => {
          const b = value(i) as Uint8Array;
          return fromOrder(leaf.op, compareBytes(b, 0, b.length, c));
        };
      }
      return (i) => fromOrder(leaf.op, order(value(i) as number | bigint, c));
    }
    case 'in': {
      if (reader.shape === 'bytes') {
        const keys = new Set(leaf.values.map((v) => bytesKey(v as Uint8Array)));
        const { data, start } = reader;
        return (i) => keys.has(latin1.decode(data.subarray(start(i), start(i + 1))));
      }
      if (leaf.values.some((v) => v instanceof Uint8Array)) {
        const keys = new Set(leaf.values.map((v) => bytesKey(v as Uint8Array)));
        return (i) => keys.has(bytesKey(value(i) as Uint8Array));
      }
      const keys = new Set(leaf.values.map(normalize));
      return (i) => keys.has(value(i));
    }
    case 'bytes': {
      const { needle, op } = leaf;
      if (reader.shape !== 'bytes') {
        return (i) => {
          const b = value(i) as Uint8Array;
          return op === 'contains' ? containsBytes(b, 0, b.length, needle) : op === 'startsWith' ? b.length >= needle.length && bytesAt(b, 0, needle) : b.length >= needle.length && bytesAt(b, b.length - needle.length, needle);
        };
      }
      const { data, start } = reader;
      if (op === 'contains') return (i) => containsBytes(data, start(i), start(i + 1), needle);
      if (op === 'startsWith') return (i) => start(i + 1) - start(i) >= needle.length && bytesAt(data, start(i), needle);
      return (i) => start(i + 1) - start(i) >= needle.length && bytesAt(data, start(i + 1) - needle.length, needle);
    }
    case 'regex': {
      const re = new RegExp(leaf.source, leaf.flags);
      return (i) => re.test(textDecoder.decode(value(i) as Uint8Array));
    }
  }
}

/**
 * The values kernel of a leaf over one non-dictionary Data piece: 1 or 0 per row, nulls not yet
 * considered. `IN` with a null in the list answers null, not false, for rows that match no value.
 */
function valuesKernel(data: Data, kind: ColumnKind, leaf: LeafTest): Kernel {
  if (leaf.test === 'const' || leaf.test === 'isNull') {
    const v = (leaf.test === 'const' ? leaf.value : leaf.negated) ? TRUE : FALSE;
    return (from, to, out, at) => out.fill(v, at, at + to - from);
  }
  const reader = rowReader(data, kind);
  if (leaf.test === 'compare' && reader.shape === 'numbers' && typeof normalize(leaf.value) === 'number') {
    return numberCompare(reader.values, leaf.op, normalize(leaf.value) as number);
  }
  const miss = leaf.test === 'in' && leaf.nullInList ? NULL : FALSE;
  if (reader.shape === 'bytes' && data.valueOffsets instanceof Int32Array) {
    const fast = bytesKernel(reader.data, data.valueOffsets, leaf, miss);
    if (fast) return fast;
  }
  const test = rowTest(reader, leaf);
  return (from, to, out, at) => {
    for (let i = from; i < to; i++) out[at + i - from] = test(i) ? TRUE : miss;
  };
}

/** What a null row gives: IS NULL true (IS NOT NULL false), every other test null. */
const nullResult = (leaf: LeafTest): number => (leaf.test === 'isNull' ? (leaf.negated ? FALSE : TRUE) : NULL);

/** Rows whose validity bit is off get `value`. */
function maskNulls(data: Data, from: number, to: number, out: Uint8Array, at: number, value: number): void {
  if (!(data.nullCount > 0) || !data.nullBitmap) return;
  const bits = data.nullBitmap;
  for (let i = from; i < to; i++) {
    const p = data.offset + i;
    if (((bits[p >> 3] >> (p & 7)) & 1) === 0) out[at + i - from] = value;
  }
}

/** The leaf's result for every entry of a dictionary (its own nulls included), indexed by dictionary position. */
function dictionaryTable(dictionary: Vector, kind: ColumnKind, leaf: LeafTest): Uint8Array {
  const table = new Uint8Array(dictionary.length);
  let at = 0;
  for (const piece of dictionary.data) {
    leafKernel(piece, kind, leaf)(0, piece.length, table, at);
    at += piece.length;
  }
  return table;
}

/**
 * The kernel of one leaf over one Data piece, nulls included (three-valued). A dictionary-encoded
 * piece is evaluated once per dictionary entry, then mapped over its indices.
 */
export function leafKernel(data: Data, kind: ColumnKind, leaf: LeafTest): Kernel {
  const onNull = nullResult(leaf);
  // The null type keeps no validity bits: every row is null.
  if (kind.family === 'nulls' && kind.allNull) return (from, to, out, at) => out.fill(onNull, at, at + to - from);
  if (DataType.isDictionary(data.type)) {
    if (!data.dictionary) throw new DatasetError('A dictionary-encoded column came without its dictionary.');
    const table = dictionaryTable(data.dictionary, kind, leaf);
    const indices = data.values as ArrayLike<number | bigint>;
    const wide = indices instanceof BigInt64Array || indices instanceof BigUint64Array;
    return (from, to, out, at) => {
      if (wide) for (let i = from; i < to; i++) out[at + i - from] = table[Number(indices[i])];
      else for (let i = from; i < to; i++) out[at + i - from] = table[indices[i] as number];
      maskNulls(data, from, to, out, at, onNull);
    };
  }
  const values = valuesKernel(data, kind, leaf);
  return (from, to, out, at) => {
    values(from, to, out, at);
    maskNulls(data, from, to, out, at, onNull);
  };
}
