import { makeVector, Type, type Data, type DataType, type Date_, type Decimal, type Dictionary, type FixedSizeBinary, type Float, type Int, type Time, type Vector } from 'apache-arrow';
import { bytesData } from '../bytesData';
import { halfBitsToNumber } from '../../valueText/float16';
import { typeName } from '../../valueText/typeName';
import { KeyValues, NULL, type KeyShape } from './keyValues';
import { decimalUnscaled } from '../../valueText/decimalText';
import { int64Reader } from '../../valueText/int64Reader';

/** How a column's values are held to be sorted, or why they cannot be (a fragment: "list columns"). */
export function keyShape(type: DataType): KeyShape | { unsupported: string } {
  switch (type.typeId) {
    case Type.Null:
    case Type.Bool:
    case Type.Float:
      return 'number';
    case Type.Date:
      return (type as Date_).unit === 1 ? 'exact' : 'number';
    case Type.Time:
      return (type as Time).bitWidth === 64 ? 'exact' : 'number';
    case Type.Int:
      return (type as Int).bitWidth === 64 ? 'exact' : 'number';
    case Type.Decimal:
    case Type.Timestamp:
    case Type.Duration:
      return 'exact';
    case Type.Utf8:
    case Type.LargeUtf8:
    case Type.Binary:
    case Type.LargeBinary:
    case Type.Utf8View:
    case Type.BinaryView:
    case Type.FixedSizeBinary:
      return 'bytes';
    case Type.Dictionary:
      return keyShape((type as Dictionary).dictionary);
    default:
      return { unsupported: `${typeName(type)} columns` };
  }
}

/** Appends row i of one Data piece (not null) to `out`. apache-arrow slices primitive buffers to the piece; bitmaps are addressed with data.offset. */
type Push = (i: number) => void;

function pusher(data: Data, out: KeyValues): Push {
  const type = data.type as DataType;
  const values = data.values as unknown;
  switch (type.typeId) {
    case Type.Null:
      return () => out.pushClass(NULL);
    case Type.Bool: {
      const bits = values as Uint8Array;
      return (i) => {
        const p = data.offset + i;
        out.pushNumber((bits[p >> 3] >> (p & 7)) & 1);
      };
    }
    case Type.Float: {
      if ((type as Float).precision === 0) {
        const bits = values as Uint16Array;
        return (i) => out.pushNumber(halfBitsToNumber(bits[i]));
      }
      const f = values as Float64Array;
      return (i) => out.pushNumber(f[i]);
    }
    case Type.Decimal: {
      const stride = (type as Decimal).bitWidth / 32;
      const read = (i: number) => decimalUnscaled(values as Uint32Array, i * stride, stride);
      return (i) => out.pushExact(read(i));
    }
    case Type.FixedSizeBinary: {
      const bytes = values as Uint8Array;
      const w = (type as FixedSizeBinary).byteWidth;
      return (i) => out.pushBytes(bytes, i * w, i * w + w);
    }
    case Type.Utf8:
    case Type.LargeUtf8:
    case Type.Binary:
    case Type.LargeBinary: {
      const bytes = values as Uint8Array;
      const offsets = data.valueOffsets as Int32Array | BigInt64Array;
      if (offsets instanceof Int32Array) return (i) => out.pushBytes(bytes, offsets[i], offsets[i + 1]);
      return (i) => out.pushBytes(bytes, Number(offsets[i]), Number(offsets[i + 1]));
    }
    case Type.Utf8View:
    case Type.BinaryView: {
      // A string view's own bytes (read as a binary view), not its text encoded again: invalid UTF-8 keeps its byte order.
      const vector = makeVector(bytesData(data));
      return (i) => {
        const v = vector.get(i) as Uint8Array;
        out.pushBytes(v, 0, v.length);
      };
    }
    default: {
      // ints, dates, times, timestamps, durations: 64-bit exactly, narrower as numbers
      if (values instanceof BigInt64Array || values instanceof BigUint64Array) {
        const read = int64Reader(values);
        return (i) => out.pushExact(read(i));
      }
      const n = values as Int32Array;
      return out.shape === 'exact' ? (i) => out.pushExact(n[i]) : (i) => out.pushNumber(n[i]);
    }
  }
}

const isNull = (data: Data, i: number): boolean => {
  if (data.nullCount === 0 || !data.nullBitmap || data.nullBitmap.length === 0) return false;
  const p = data.offset + i;
  return ((data.nullBitmap[p >> 3] >> (p & 7)) & 1) === 0;
};

/** The values of a dictionary, each entry once (to be copied per row by index). */
function dictionaryValues(dictionary: Vector, shape: KeyShape): KeyValues {
  const entries = new KeyValues(shape, Math.max(16, dictionary.length));
  for (const d of dictionary.data) gatherData(d, null, 0, d.length, entries);
  return entries;
}

/** Rows [from, to) of `data` (piece-relative), all of them or those in `rows` (already piece-relative and within range). */
function gatherData(data: Data, rows: ArrayLike<number> | null, from: number, to: number, out: KeyValues): void {
  if (data.type.typeId === Type.Dictionary) {
    const entries = dictionaryValues(data.dictionary!, out.shape);
    const indices = data.values as ArrayLike<number | bigint>;
    const one = (i: number) => {
      if (isNull(data, i)) out.pushClass(NULL);
      else out.pushFrom(entries, Number(indices[i]));
    };
    if (rows) for (let k = from; k < to; k++) one(rows[k]);
    else for (let i = from; i < to; i++) one(i);
    return;
  }
  const nullable = data.nullCount !== 0;
  const values = data.values as unknown;
  const plainNumbers = out.shape === 'number' && (values instanceof Float64Array || values instanceof Float32Array || values instanceof Int32Array || values instanceof Int16Array || values instanceof Int8Array || values instanceof Uint32Array || values instanceof Uint16Array || values instanceof Uint8Array) && data.typeId !== Type.Bool && !(data.typeId === Type.Float && (data.type as Float).precision === 0);
  if (!rows && plainNumbers) {
    out.pushNumbers(values as ArrayLike<number>, from, to, nullable ? (i) => !isNull(data, i) : null);
    return;
  }
  const push = pusher(data, out);
  if (rows) {
    for (let k = from; k < to; k++) {
      const i = rows[k];
      if (nullable && isNull(data, i)) out.pushClass(NULL);
      else push(i);
    }
  } else {
    for (let i = from; i < to; i++) {
      if (nullable && isNull(data, i)) out.pushClass(NULL);
      else push(i);
    }
  }
}

/**
 * The sort-key values of one chunk's column for the rows asked (chunk-relative, ascending; all rows when
 * null), in that order. A vector of several Data pieces is walked piece by piece.
 */
export function gatherKeys(vector: Vector, rows: Uint32Array | null, shape: KeyShape): KeyValues {
  const n = rows ? rows.length : vector.length;
  const out = new KeyValues(shape, Math.max(16, n));
  let base = 0;
  let k = 0;
  for (const data of vector.data) {
    const end = base + data.length;
    if (rows) {
      let to = k;
      while (to < rows.length && rows[to] < end) to++;
      if (to > k) {
        const local = base === 0 ? rows : Uint32Array.from(rows.subarray(k, to), (r) => r - base);
        if (base === 0) gatherData(data, local, k, to, out);
        else gatherData(data, local, 0, to - k, out);
      }
      k = to;
    } else {
      gatherData(data, null, 0, data.length, out);
    }
    base = end;
  }
  return out;
}
