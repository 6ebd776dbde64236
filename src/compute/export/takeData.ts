import { Dictionary, LargeList, List, makeData, makeVector, Type, UnionMode, type Data, type DataType, type FixedSizeList, type Union, type Vector } from 'apache-arrow';
import { withChildTypes } from '../../model/withChildren';
import { typeName } from '../../valueText/typeName';
import { bytesData } from '../bytesData';

/**
 * `take` over apache-arrow Data: the values at given positions of one or more source pieces, as one new
 * Data of the same type (validity, offsets and children rebuilt; a dictionary kept, or the sources'
 * dictionaries joined when they differ). Positions: `source[p]` picks the piece, `index[p]` the row in it.
 * Every layout an Arrow or Parquet export writes, in the types the writers write (takenType); run-end
 * encoded values below the top level, and views inside dictionaries, are refused (unsupportedTake).
 */
export class TakeError extends Error {}

export const isValid = (d: Data, i: number): boolean => {
  if (d.nullCount === 0) return true;
  const bitmap = d.nullBitmap;
  if (!bitmap || bitmap.length === 0) return d.typeId !== Type.Null;
  const p = d.offset + i;
  return ((bitmap[p >> 3] >> (p & 7)) & 1) === 1;
};

/**
 * Run-end encoded and list-view columns of Arrow files, which the engine decodes into a dictionary and
 * a list (src/arrow/decodedTypes.ts: the types say what they were by a `physical` property).
 */
const decoded = (type: DataType): boolean => (type as { physical?: unknown }).physical !== undefined;
const isRunEndEncoded = (type: DataType): type is Dictionary => decoded(type) && type.typeId === Type.Dictionary;

/** Why a type cannot be taken (a fragment: "dictionaries of string_view"), or null when it can. */
export function unsupportedTake(type: DataType, inDictionary = false, nested = false): string | null {
  // A run-end encoded column is written as the dictionary it is decoded to (takenType): at the top level only, where the writer numbers dictionaries
  if (isRunEndEncoded(type)) return nested ? 'run-end encoded values inside a nested column' : unsupportedTake(type.dictionary, true, true);
  switch (type.typeId) {
    case Type.Utf8View:
    case Type.BinaryView:
      return inDictionary ? `dictionaries of ${typeName(type)}` : null;
    case Type.Dictionary:
      return unsupportedTake((type as Dictionary).dictionary, true, true);
    default:
      for (const child of type.children ?? []) {
        const why = unsupportedTake(child.type, false, true);
        if (why) return why;
      }
      return null;
  }
}

/**
 * The type a column is taken in: list views as lists, at any depth, and a run-end encoded column as the
 * dictionary the engine decodes it to (at the top level: unsupportedTake); the writers, apache-arrow's
 * and arrow-rs's through parquet-wasm, write neither. Any other type as it is.
 */
export function takenType(type: DataType): DataType {
  if (isRunEndEncoded(type)) return new Dictionary(type.dictionary, type.indices, type.id, false);
  const taken = withChildTypes(type, (type.children ?? []).map((f) => takenType(f.type))) ?? type;
  if (!decoded(type)) return taken;
  const [item] = taken.children;
  return type.typeId === Type.LargeList ? new LargeList(item) : new List(item);
}

/**
 * True where a read window's data is taken rather than written as it is: types written in another
 * (takenType), views (a window's point into its batch's whole variadic buffers, which the writer would
 * write whole for every group of rows), and dense unions (apache-arrow's writer rebases a sliced one's
 * offsets as if each member's were consecutive, which the format does not require and arrow-rs does not write).
 */
export function mustTake(type: DataType): boolean {
  if (takenType(type) !== type || isView(type)) return true;
  if (type.typeId === Type.Union && (type as unknown as Union).mode === UnionMode.Dense) return true;
  return (type.children ?? []).some((f) => mustTake(f.type));
}

const isView = (type: DataType) => type.typeId === Type.Utf8View || type.typeId === Type.BinaryView;

/** Past this many bytes a view's long values go on in another variadic buffer (offsets are int32). */
const VARIADIC_BUFFER_BYTES = 1 << 30;

/**
 * string_view or binary_view data of the given values: up to 12 bytes inline in the view, longer ones
 * in variadic buffers of their own (a read window's views point into the whole batch's buffers, which
 * the writer would write whole for every group of rows).
 */
function viewData(type: DataType, values: readonly (Uint8Array | null)[], nulls: { nullCount: number; nullBitmap?: Uint8Array }): Data {
  const n = values.length;
  const views = new Uint8Array(n * 16);
  const words = new DataView(views.buffer);
  const buffers: Uint8Array[] = [];
  let long: Uint8Array[] = [];
  let bytes = 0;
  const close = () => {
    const buffer = new Uint8Array(bytes);
    let o = 0;
    for (const b of long) {
      buffer.set(b, o);
      o += b.length;
    }
    buffers.push(buffer);
    long = [];
    bytes = 0;
  };
  for (let p = 0; p < n; p++) {
    const b = values[p];
    if (!b) continue;
    words.setInt32(p * 16, b.length, true);
    if (b.length <= 12) {
      views.set(b, p * 16 + 4);
      continue;
    }
    if (bytes + b.length > VARIADIC_BUFFER_BYTES && long.length) close();
    views.set(b.subarray(0, 4), p * 16 + 4);
    words.setInt32(p * 16 + 8, buffers.length, true);
    words.setInt32(p * 16 + 12, bytes, true);
    long.push(b);
    bytes += b.length;
  }
  if (long.length) close();
  return makeData({ type, length: n, ...nulls, views, variadicBuffers: buffers } as never);
}

interface Validity {
  bitmap: Uint8Array;
  nullCount: number;
}

function validity(sources: readonly Data[], source: Uint32Array, index: Uint32Array): Validity {
  const n = index.length;
  const bitmap = new Uint8Array(((n + 63) & ~63) >> 3);
  let nullCount = 0;
  for (let p = 0; p < n; p++) {
    if (isValid(sources[source[p]], index[p])) bitmap[p >> 3] |= 1 << (p & 7);
    else nullCount++;
  }
  return { bitmap, nullCount };
}

/** A dictionary Data's indices re-pointed at one joined dictionary, when the sources' dictionaries differ. */
function takeDictionary(sources: readonly Data[], source: Uint32Array, index: Uint32Array, v: Validity, type: DataType): Data {
  const dictionaries: Vector[] = [];
  const base: number[] = [];
  for (const s of sources) {
    const d = s.dictionary!;
    const at = dictionaries.indexOf(d);
    if (at >= 0) {
      base.push(base[at]);
      continue;
    }
    base.push(dictionaries.reduce((sum, x) => sum + x.length, 0));
    dictionaries.push(d);
  }
  const IndexArray = (sources[0].values as ArrayLike<number>).constructor as new (n: number) => Int32Array;
  const total = dictionaries.reduce((sum, x) => sum + x.length, 0);
  const indices = new IndexArray(index.length);
  const limit = 2 ** ((indices.BYTES_PER_ELEMENT * 8) - ((type as unknown as { indices: { isSigned: boolean } }).indices.isSigned ? 1 : 0));
  if (total > limit) throw new TakeError(`the chunks' dictionaries together hold ${total.toLocaleString('en-US')} entries, more than its ${typeName((type as unknown as { indices: DataType }).indices)} indices can number`);
  const wide = indices instanceof BigInt64Array || indices instanceof BigUint64Array;
  for (let p = 0; p < index.length; p++) {
    const s = sources[source[p]];
    const value = Number((s.values as ArrayLike<number | bigint>)[index[p]]) + base[source[p]];
    (indices as unknown as (number | bigint)[])[p] = wide ? BigInt(value) : value;
  }
  let dictionary: Vector = dictionaries[0];
  if (dictionaries.length > 1) {
    const pieces = dictionaries.flatMap((d) => d.data);
    const src = new Uint32Array(total);
    const idx = new Uint32Array(total);
    let p = 0;
    pieces.forEach((piece, k) => {
      for (let i = 0; i < piece.length; i++, p++) {
        src[p] = k;
        idx[p] = i;
      }
    });
    dictionary = makeVector(takeMany(pieces, src, idx));
  }
  return makeData({ type, length: index.length, nullCount: v.nullCount, nullBitmap: v.bitmap, data: indices, dictionary } as never);
}

/** Child rows of list-like sources for the taken rows, in order, and the new offsets. */
function listChildren(sources: readonly Data[], source: Uint32Array, index: Uint32Array, large: boolean) {
  const n = index.length;
  const offsets = large ? new BigInt64Array(n + 1) : new Int32Array(n + 1);
  let total = 0;
  const at = (d: Data, i: number) => Number((d.valueOffsets as ArrayLike<number | bigint>)[i]);
  for (let p = 0; p < n; p++) {
    const d = sources[source[p]];
    const i = index[p];
    total += isValid(d, i) ? at(d, i + 1) - at(d, i) : 0;
    if (large) (offsets as BigInt64Array)[p + 1] = BigInt(total);
    else (offsets as Int32Array)[p + 1] = total;
  }
  const childSource = new Uint32Array(total);
  const childIndex = new Uint32Array(total);
  let c = 0;
  for (let p = 0; p < n; p++) {
    const d = sources[source[p]];
    const i = index[p];
    if (!isValid(d, i)) continue;
    for (let k = at(d, i); k < at(d, i + 1); k++, c++) {
      childSource[c] = source[p];
      childIndex[c] = k;
    }
  }
  return { offsets, childSource, childIndex };
}

/** Rows of several source pieces of one type, as one Data. */
export function takeMany(sources: readonly Data[], source: Uint32Array, index: Uint32Array): Data {
  const first = sources[0];
  const type = first.type as DataType;
  const n = index.length;
  const why = unsupportedTake(type);
  if (why) throw new TakeError(`${why} cannot be written yet`);
  if (type.typeId === Type.Null) return makeData({ type, length: n, nullCount: n } as never);
  const plain = takenType(type);
  const v = validity(sources, source, index);
  const nulls = v.nullCount ? { nullCount: v.nullCount, nullBitmap: v.bitmap } : { nullCount: 0 };
  switch (type.typeId) {
    case Type.Bool: {
      const bits = new Uint8Array(((n + 63) & ~63) >> 3);
      for (let p = 0; p < n; p++) {
        const s = sources[source[p]];
        const q = s.offset + index[p];
        if (((s.values as Uint8Array)[q >> 3] >> (q & 7)) & 1) bits[p >> 3] |= 1 << (p & 7);
      }
      return makeData({ type, length: n, ...nulls, data: bits } as never);
    }
    case Type.Dictionary:
      if (sources.every((s) => s.dictionary === first.dictionary)) break;
      return takeDictionary(sources, source, index, v, plain);
    case Type.Utf8:
    case Type.Binary:
    case Type.LargeUtf8:
    case Type.LargeBinary: {
      const large = type.typeId === Type.LargeUtf8 || type.typeId === Type.LargeBinary;
      const at = (d: Data, i: number) => Number((d.valueOffsets as ArrayLike<number | bigint>)[i]);
      let bytes = 0;
      for (let p = 0; p < n; p++) {
        const s = sources[source[p]];
        bytes += at(s, index[p] + 1) - at(s, index[p]);
      }
      const data = new Uint8Array(bytes);
      const offsets = large ? new BigInt64Array(n + 1) : new Int32Array(n + 1);
      let o = 0;
      for (let p = 0; p < n; p++) {
        const s = sources[source[p]];
        const from = at(s, index[p]);
        const to = at(s, index[p] + 1);
        data.set((s.values as Uint8Array).subarray(from, to), o);
        o += to - from;
        if (large) (offsets as BigInt64Array)[p + 1] = BigInt(o);
        else (offsets as Int32Array)[p + 1] = o;
      }
      return makeData({ type, length: n, ...nulls, valueOffsets: offsets, data } as never);
    }
    case Type.Utf8View:
    case Type.BinaryView: {
      const views = sources.map((s) => makeVector(bytesData(s)));
      const taken: (Uint8Array | null)[] = new Array(n);
      for (let p = 0; p < n; p++) taken[p] = views[source[p]].get(index[p]) as Uint8Array | null;
      return viewData(type, taken, nulls);
    }
    case Type.Struct: {
      const children = type.children.map((_, k) => takeMany(sources.map((s) => s.children[k]), source, index));
      return makeData({ type: plain, length: n, ...nulls, children } as never);
    }
    case Type.List:
    case Type.LargeList:
    case Type.Map: {
      const { offsets, childSource, childIndex } = listChildren(sources, source, index, type.typeId === Type.LargeList);
      const child = takeMany(sources.map((s) => s.children[0]), childSource, childIndex);
      return makeData({ type: plain, length: n, ...nulls, valueOffsets: offsets, child } as never);
    }
    case Type.Union: {
      // No validity of its own: a row's null is its member's. Sparse: every member taken at the row; dense: each row's member at its offset.
      const u = type as unknown as Union;
      const typeIds = new Int8Array(n);
      for (let p = 0; p < n; p++) typeIds[p] = (sources[source[p]].typeIds as Int8Array)[index[p]];
      if (u.mode === UnionMode.Sparse) {
        const children = u.children.map((_, k) => takeMany(sources.map((s) => s.children[k]), source, index));
        return makeData({ type: plain, length: n, nullCount: 0, typeIds, children } as never);
      }
      const member = typeIds.map((code) => u.typeIdToChildIndex[code]);
      const counts = u.children.map((_, k) => member.reduce((c, m) => c + (m === k ? 1 : 0), 0));
      const picks = counts.map((c) => ({ source: new Uint32Array(c), index: new Uint32Array(c), next: 0 }));
      const valueOffsets = new Int32Array(n);
      for (let p = 0; p < n; p++) {
        const pick = picks[member[p]];
        pick.source[pick.next] = source[p];
        pick.index[pick.next] = (sources[source[p]].valueOffsets as Int32Array)[index[p]];
        valueOffsets[p] = pick.next++;
      }
      const children = u.children.map((_, k) => takeMany(sources.map((s) => s.children[k]), picks[k].source, picks[k].index));
      return makeData({ type: plain, length: n, nullCount: 0, typeIds, valueOffsets, children } as never);
    }
    case Type.FixedSizeList: {
      const size = (type as FixedSizeList).listSize;
      const childSource = new Uint32Array(n * size);
      const childIndex = new Uint32Array(n * size);
      for (let p = 0; p < n; p++) {
        for (let k = 0; k < size; k++) {
          childSource[p * size + k] = source[p];
          childIndex[p * size + k] = index[p] * size + k;
        }
      }
      const child = takeMany(sources.map((s) => s.children[0]), childSource, childIndex);
      return makeData({ type: plain, length: n, ...nulls, child } as never);
    }
    default:
      break;
  }
  // fixed-width values (ints, floats, decimals, dates, times, timestamps, durations, intervals,
  // fixed-size binary, dictionary indices): `stride` elements of the values array per row
  const stride = first.stride;
  const Values = (first.values as ArrayLike<number>).constructor as new (n: number) => Int32Array;
  const out = new Values(n * stride);
  for (let p = 0; p < n; p++) {
    const values = sources[source[p]].values as Int32Array;
    const from = index[p] * stride;
    if (stride === 1) out[p] = values[from];
    else out.set(values.subarray(from, from + stride), p * stride);
  }
  return makeData({ type: plain, length: n, ...nulls, data: out, ...(type.typeId === Type.Dictionary ? { dictionary: first.dictionary } : {}) } as never);
}

/** Rows `index` (in that order) of one vector, whatever its pieces. */
export function takeVector(vector: Vector, index: Uint32Array): Data {
  const pieces = vector.data;
  if (pieces.length === 1) return takeMany(pieces, new Uint32Array(index.length), index);
  const starts: number[] = [];
  let s = 0;
  for (const d of pieces) {
    starts.push(s);
    s += d.length;
  }
  const source = new Uint32Array(index.length);
  const local = new Uint32Array(index.length);
  for (let p = 0; p < index.length; p++) {
    let k = pieces.length - 1;
    while (starts[k] > index[p]) k--;
    source[p] = k;
    local[p] = index[p] - starts[k];
  }
  return takeMany(pieces, source, local);
}

/**
 * The values of a dictionary-encoded Data as plain Data of its value type (null where the row or its
 * entry is null): a Parquet column chunk decodes as a dictionary where the file's schema says string.
 */
export function decodeDictionary(data: Data): Data {
  const pieces = data.dictionary!.data;
  const n = data.length;
  const starts: number[] = [];
  let total = 0;
  for (const d of pieces) {
    starts.push(total);
    total += d.length;
  }
  const indices = data.values as ArrayLike<number | bigint>;
  const source = new Uint32Array(n);
  const index = new Uint32Array(n);
  const rowValid = new Uint8Array(n);
  for (let p = 0; p < n; p++) {
    if (!isValid(data, p) || total === 0) continue;
    rowValid[p] = 1;
    const g = Number(indices[p]);
    let k = pieces.length - 1;
    while (starts[k] > g) k--;
    source[p] = k;
    index[p] = g - starts[k];
  }
  if (total === 0) return makeData({ type: pieces[0]?.type ?? data.dictionary!.type, length: n, nullCount: n, nullBitmap: new Uint8Array(((n + 63) & ~63) >> 3), valueOffsets: new Int32Array(n + 1), data: new Uint8Array(0) } as never);
  const taken = takeMany(pieces, source, index);
  const bitmap = new Uint8Array(((n + 63) & ~63) >> 3);
  let nullCount = 0;
  for (let p = 0; p < n; p++) {
    if (rowValid[p] && isValid(taken, p)) bitmap[p >> 3] |= 1 << (p & 7);
    else nullCount++;
  }
  if (nullCount === 0) return taken;
  const buffers = taken.buffers;
  buffers[2] = bitmap;
  return taken.clone(taken.type, 0, n, nullCount, buffers);
}
