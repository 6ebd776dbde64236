import { makeData, Type, type Data, type DataType, type Dictionary, type Vector } from 'apache-arrow';
import { decodeDictionary, takeMany, TakeError } from './takeData';
import { emptyData } from './nestedData';

/** Rows taken from one read window of a column: its vector and the rows wanted, relative to the window, ascending. */
export interface WindowTake {
  vector: Vector;
  rows: Uint32Array;
}

/** A run of output rows whose values come from one Data: `index` into `values` (NO_VALUE: a null without a value), and which of them are null. */
interface Segment {
  values: Data;
  index: Uint32Array;
  nulls: Uint8Array | null;
}

const NO_VALUE = 0xffffffff;

const bitSet = (bits: Uint8Array, at: number) => ((bits[at >> 3] >> (at & 7)) & 1) === 1;

/** 1 where the row is null, or null when none is. */
function nullsOf(d: Data, rows: Uint32Array): Uint8Array | null {
  if (d.nullCount === 0 || !d.nullBitmap || d.nullBitmap.length === 0) return d.typeId === Type.Null ? new Uint8Array(rows.length).fill(1) : null;
  const out = new Uint8Array(rows.length);
  let any = 0;
  for (let p = 0; p < rows.length; p++) {
    if (!bitSet(d.nullBitmap, d.offset + rows[p])) {
      out[p] = 1;
      any = 1;
    }
  }
  return any ? out : null;
}

/** The takes as runs of one Data each, in output order (a window's vector may hold several pieces). */
function piecesOf(takes: readonly WindowTake[]): { data: Data; rows: Uint32Array }[] {
  const out: { data: Data; rows: Uint32Array }[] = [];
  for (const { vector, rows } of takes) {
    if (rows.length === 0) continue;
    if (vector.data.length === 1) {
      out.push({ data: vector.data[0], rows });
      continue;
    }
    let start = 0;
    let p = 0;
    for (const d of vector.data) {
      const end = start + d.length;
      const from = p;
      while (p < rows.length && rows[p] < end) p++;
      if (p > from) out.push({ data: d, rows: rows.slice(from, p).map((r) => r - start) });
      start = end;
    }
  }
  return out;
}

const FLAT_FIXED = new Set([Type.Int, Type.Float, Type.Date, Type.Time, Type.Timestamp, Type.Duration, Type.Decimal, Type.FixedSizeBinary, Type.Interval]);
const FLAT_BYTES = new Set([Type.Utf8, Type.Binary, Type.LargeUtf8, Type.LargeBinary]);
const fastKind = (t: DataType): 'fixed' | 'bytes' | 'bool' | null => (FLAT_FIXED.has(t.typeId) ? 'fixed' : FLAT_BYTES.has(t.typeId) ? 'bytes' : t.typeId === Type.Bool ? 'bool' : null);

/**
 * Segments for the fast path, or null when it does not apply (nested types, dictionaries that differ
 * between pieces, or several dictionary pieces): a dictionary piece whose column is plain in the schema
 * (a Parquet chunk decoded as a dictionary) is taken through its dictionary's values.
 */
function segmentsOf(pieces: { data: Data; rows: Uint32Array }[], type: DataType): Segment[] | null {
  const segments: Segment[] = [];
  const wantsDictionary = type.typeId === Type.Dictionary;
  for (const { data, rows } of pieces) {
    if (data.typeId === Type.Dictionary && !wantsDictionary) {
      const dictionary = data.dictionary;
      if (!dictionary || dictionary.data.length !== 1) return null;
      const values = dictionary.data[0];
      const indices = data.values as ArrayLike<number | bigint>;
      const rowNulls = nullsOf(data, rows);
      const index = new Uint32Array(rows.length);
      let nulls = rowNulls;
      const wide = typeof indices[0] === 'bigint';
      for (let p = 0; p < rows.length; p++) {
        if (rowNulls && rowNulls[p]) {
          index[p] = NO_VALUE;
          continue;
        }
        const g = wide ? Number(indices[rows[p]]) : (indices[rows[p]] as number);
        if (g < 0 || g >= values.length) return null;
        index[p] = g;
        if (values.nullCount !== 0 && values.nullBitmap && values.nullBitmap.length && !bitSet(values.nullBitmap, values.offset + g)) (nulls ??= new Uint8Array(rows.length))[p] = 1;
      }
      segments.push({ values, index, nulls });
    } else {
      if (data.typeId !== type.typeId) return null;
      segments.push({ values: data, index: rows, nulls: nullsOf(data, rows) });
    }
  }
  return segments;
}

/** Validity of the output: a bitmap and its null count (no bitmap when nothing is null). */
function outputValidity(segments: Segment[], n: number): { nullCount: number; nullBitmap?: Uint8Array } {
  if (segments.every((s) => !s.nulls)) return { nullCount: 0 };
  const bits = new Uint8Array(((n + 63) & ~63) >> 3);
  let p = 0;
  let nullCount = 0;
  for (const s of segments) {
    for (let i = 0; i < s.index.length; i++, p++) {
      if (s.nulls?.[i]) nullCount++;
      else bits[p >> 3] |= 1 << (p & 7);
    }
  }
  return nullCount ? { nullCount, nullBitmap: bits } : { nullCount: 0 };
}

/** Bytes per row of a fixed-width Data and its values as bytes. */
function fixedBytes(d: Data): { width: number; bytes: Uint8Array } {
  const values = d.values as unknown as ArrayBufferView & { BYTES_PER_ELEMENT: number };
  return { width: d.stride * values.BYTES_PER_ELEMENT, bytes: new Uint8Array(values.buffer, values.byteOffset, values.byteLength) };
}

function takeFixed(segments: Segment[], n: number, width: number): Uint8Array {
  const out = new Uint8Array(n * width);
  let o = 0;
  const words = width % 4 === 0;
  for (const s of segments) {
    const { bytes } = fixedBytes(s.values);
    const index = s.index;
    if (words && bytes.byteOffset % 4 === 0) {
      const w = width >> 2;
      const src = new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >> 2);
      const dst = new Int32Array(out.buffer, o, index.length * w);
      for (let p = 0, q = 0; p < index.length; p++) {
        const i = index[p];
        if (i === NO_VALUE) {
          q += w;
          continue;
        }
        for (let k = 0, from = i * w; k < w; k++) dst[q++] = src[from + k];
      }
    } else {
      for (let p = 0; p < index.length; p++) {
        const i = index[p];
        if (i !== NO_VALUE) out.set(bytes.subarray(i * width, (i + 1) * width), o + p * width);
      }
    }
    o += index.length * width;
  }
  return out;
}

function takeBools(segments: Segment[], n: number): Uint8Array {
  const out = new Uint8Array(((n + 63) & ~63) >> 3);
  let p = 0;
  for (const s of segments) {
    const bits = s.values.values as Uint8Array;
    const offset = s.values.offset;
    for (const i of s.index) {
      if (i !== NO_VALUE && bitSet(bits, offset + i)) out[p >> 3] |= 1 << (p & 7);
      p++;
    }
  }
  return out;
}

/** Value ends of a segment's rows (32-bit offsets: the common case, kept monomorphic). */
function copyRuns32(offsets: Int32Array, values: Uint8Array, index: Uint32Array, data: Uint8Array, ends: Int32Array, o: number, p: number): number {
  for (let i = 0; i < index.length; ) {
    const first = index[i];
    if (first === NO_VALUE) {
      ends[++p] = o;
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < index.length && index[j + 1] === index[j] + 1) j++;
    const from = offsets[first];
    const to = offsets[index[j] + 1];
    if (to - from < 64) for (let b = from, q = o; b < to; b++, q++) data[q] = values[b];
    else data.set(values.subarray(from, to), o);
    const shift = o - from;
    for (let k = i; k <= j; k++) ends[++p] = offsets[index[k] + 1] + shift;
    o += to - from;
    i = j + 1;
  }
  return o;
}

/** Strings and binaries: runs of consecutive rows copied at once, offsets rebuilt. */
function takeBytes(segments: Segment[], n: number, large: boolean): { data: Uint8Array; valueOffsets: Int32Array | BigInt64Array } {
  const narrow = segments.map((s) => (s.values.valueOffsets instanceof Int32Array ? s.values.valueOffsets : Int32Array.from(s.values.valueOffsets as unknown as ArrayLike<bigint>, (v) => Number(v))));
  let total = 0;
  segments.forEach((s, k) => {
    const offsets = narrow[k];
    const index = s.index;
    for (let p = 0; p < index.length; p++) {
      const i = index[p];
      if (i !== NO_VALUE) total += offsets[i + 1] - offsets[i];
    }
  });
  if (total > 0x7fffffff && !large) throw new TakeError(`the rows hold ${total.toLocaleString('en-US')} bytes, more than one string column can`);
  const data = new Uint8Array(total);
  const ends = new Int32Array(n + 1);
  let o = 0;
  let p = 0;
  segments.forEach((s, k) => {
    o = copyRuns32(narrow[k], s.values.values as Uint8Array, s.index, data, ends, o, p);
    p += s.index.length;
  });
  if (large) return { data, valueOffsets: BigInt64Array.from(ends, (e) => BigInt(e)) };
  return { data, valueOffsets: ends };
}

/** The general path: every piece through takeMany (then a dictionary decoded where the schema says plain). */
function takeGeneral(pieces: { data: Data; rows: Uint32Array }[], type: DataType, n: number): Data {
  const sources = pieces.map((p) => p.data);
  const source = new Uint32Array(n);
  const index = new Uint32Array(n);
  let o = 0;
  pieces.forEach((piece, k) => {
    source.fill(k, o, o + piece.rows.length);
    index.set(piece.rows, o);
    o += piece.rows.length;
  });
  const taken = takeMany(sources, source, index);
  return taken.typeId === Type.Dictionary && type.typeId !== Type.Dictionary ? decodeDictionary(taken) : taken;
}

/**
 * One column's values for the rows taken from its read windows, in that order, as one Data of the
 * column's type (`type`, the schema's): flat types (numbers, dates and times, strings, binaries,
 * booleans, dictionary indices over one dictionary) copied straight from the windows' buffers, runs
 * of consecutive rows at once; anything else through takeMany.
 */
export function gatherRows(takes: readonly WindowTake[], type: DataType): Data {
  const pieces = piecesOf(takes);
  const n = pieces.reduce((s, p) => s + p.rows.length, 0);
  if (pieces.length === 0) return emptyData(type);
  const dictionary = type.typeId === Type.Dictionary ? pieces[0].data.dictionary : undefined;
  const sameDictionary = !dictionary || pieces.every((p) => p.data.dictionary === dictionary);
  const valueType = type.typeId === Type.Dictionary ? (type as Dictionary).indices : type;
  const kind = sameDictionary ? fastKind(valueType) : null;
  const segments = kind ? segmentsOf(pieces, type) : null;
  if (!kind || !segments || segments.some((s) => s.values.typeId !== (type.typeId === Type.Dictionary ? Type.Dictionary : valueType.typeId))) return takeGeneral(pieces, type, n);
  const validity = outputValidity(segments, n);
  const base = { type: segments[0].values.type, length: n, ...validity };
  if (kind === 'bool') return makeData({ ...base, data: takeBools(segments, n) } as never);
  if (kind === 'bytes') {
    const large = valueType.typeId === Type.LargeUtf8 || valueType.typeId === Type.LargeBinary;
    return makeData({ ...base, ...takeBytes(segments, n, large) } as never);
  }
  const first = segments[0].values;
  const { width } = fixedBytes(first);
  if (segments.some((s) => fixedBytes(s.values).width !== width)) return takeGeneral(pieces, type, n);
  const bytes = takeFixed(segments, n, width);
  const Values = (first.values as unknown as { constructor: new (b: ArrayBuffer, o: number, l: number) => ArrayBufferView }).constructor;
  const per = (first.values as unknown as { BYTES_PER_ELEMENT: number }).BYTES_PER_ELEMENT;
  const values = new Values(bytes.buffer as ArrayBuffer, 0, bytes.byteLength / per);
  return makeData({ ...base, data: values, ...(dictionary ? { dictionary } : {}) } as never);
}
