import { Type, UnionMode, makeData, type Data, type DataType } from 'apache-arrow';

/**
 * Ranges of elements of one Data, in the order they are to be laid end to end: element
 * starts[k] .. starts[k] + lengths[k] - 1 for each k.
 */
export interface Ranges {
  starts: ArrayLike<number>;
  lengths: ArrayLike<number>;
}

type TypedArray = { length: number; subarray(a: number, b: number): TypedArray; set(src: TypedArray, at: number): void } & ArrayLike<number | bigint>;

function total(ranges: Ranges): number {
  let n = 0;
  for (let k = 0; k < ranges.lengths.length; k++) n += ranges.lengths[k];
  return n;
}

/** Bits starts[k] + bitOffset ... of `bits`, laid end to end from bit 0 of a new bitmap. */
export function gatherBits(bits: Uint8Array, bitOffset: number, ranges: Ranges): Uint8Array {
  const out = new Uint8Array(Math.ceil(total(ranges) / 8));
  let o = 0;
  for (let k = 0; k < ranges.starts.length; k++) {
    const from = bitOffset + ranges.starts[k];
    for (let j = 0; j < ranges.lengths[k]; j++, o++) {
      const b = from + j;
      if ((bits[b >>> 3] >> (b & 7)) & 1) out[o >>> 3] |= 1 << (o & 7);
    }
  }
  return out;
}

/** Fixed-width elements of `stride` array slots each. */
function gatherValues(values: TypedArray, stride: number, ranges: Ranges): TypedArray {
  const Ctor = values.constructor as new (n: number) => TypedArray;
  const out = new Ctor(total(ranges) * stride);
  let o = 0;
  for (let k = 0; k < ranges.starts.length; k++) {
    const from = ranges.starts[k] * stride;
    const n = ranges.lengths[k] * stride;
    out.set(values.subarray(from, from + n), o);
    o += n;
  }
  return out;
}

/** New offsets for the gathered ranges of an offsets array, and the child ranges they cover. */
function gatherOffsets(offsets: TypedArray, ranges: Ranges): { offsets: TypedArray; child: Ranges } {
  const large = offsets instanceof BigInt64Array;
  const n = total(ranges);
  const out = large ? new BigInt64Array(n + 1) : new Int32Array(n + 1);
  const starts: number[] = [];
  const lengths: number[] = [];
  let o = 0;
  let cursor = 0;
  for (let k = 0; k < ranges.starts.length; k++) {
    const s = ranges.starts[k];
    const first = Number(offsets[s]);
    for (let j = 1; j <= ranges.lengths[k]; j++) {
      const next = cursor + Number(offsets[s + j]) - first;
      out[++o] = large ? BigInt(next) : next;
    }
    const span = Number(offsets[s + ranges.lengths[k]]) - first;
    starts.push(first);
    lengths.push(span);
    cursor += span;
  }
  return { offsets: out as TypedArray, child: { starts, lengths } };
}

function scaled(ranges: Ranges, factor: number): Ranges {
  return { starts: Array.from(ranges.starts, (s) => s * factor), lengths: Array.from(ranges.lengths, (l) => l * factor) };
}

/**
 * A new Data of the same type holding the given ranges of `data` one after the other: the gather
 * a list view needs when its views are out of order or overlap. Works on any type apache-arrow
 * can hold; dictionaries and dense union children are shared, not copied.
 */
export function gatherRanges(data: Data, ranges: Ranges): Data {
  const type = data.type as DataType & { listSize?: number; mode?: UnionMode };
  const length = total(ranges);
  const hasNulls = data.nullCount !== 0 && data.nullBitmap && data.nullBitmap.length > 0;
  const nullBitmap = hasNulls ? gatherBits(data.nullBitmap!, data.offset, ranges) : undefined;
  const base = { type, length, nullCount: nullBitmap ? -1 : 0, nullBitmap };
  switch (type.typeId) {
    case Type.Null:
      return makeData({ type, length } as never);
    case Type.Bool:
      return makeData({ ...base, data: gatherBits(data.values as Uint8Array, data.offset, ranges) } as never);
    case Type.Utf8:
    case Type.Binary:
    case Type.LargeUtf8:
    case Type.LargeBinary: {
      const { offsets, child } = gatherOffsets(data.valueOffsets as unknown as TypedArray, ranges);
      return makeData({ ...base, valueOffsets: offsets, data: gatherValues(data.values as TypedArray, 1, child) } as never);
    }
    case Type.Utf8View:
    case Type.BinaryView:
      return makeData({ ...base, views: gatherValues(data.values as TypedArray, 16, ranges), variadicBuffers: data.variadicBuffers } as never);
    case Type.List:
    case Type.LargeList:
    case Type.Map: {
      const { offsets, child } = gatherOffsets(data.valueOffsets as unknown as TypedArray, ranges);
      return makeData({ ...base, valueOffsets: offsets, child: gatherRanges(data.children[0], child) } as never);
    }
    case Type.FixedSizeList:
      return makeData({ ...base, child: gatherRanges(data.children[0], scaled(ranges, type.listSize!)) } as never);
    case Type.Struct:
      return makeData({ ...base, children: data.children.map((c) => gatherRanges(c, ranges)) } as never);
    case Type.Union: {
      const typeIds = gatherValues(data.typeIds as unknown as TypedArray, 1, ranges);
      if (type.mode === UnionMode.Dense) {
        return makeData({ type, length, typeIds, valueOffsets: gatherValues(data.valueOffsets as unknown as TypedArray, 1, ranges), children: data.children } as never);
      }
      return makeData({ type, length, typeIds, children: data.children.map((c) => gatherRanges(c, ranges)) } as never);
    }
    case Type.Dictionary:
      return makeData({ ...base, data: gatherValues(data.values as TypedArray, 1, ranges), dictionary: data.dictionary } as never);
    default: // fixed width: ints, floats, decimals, dates, times, timestamps, durations, intervals, fixed-size binary
      return makeData({ ...base, data: gatherValues(data.values as TypedArray, data.stride, ranges) } as never);
  }
}
