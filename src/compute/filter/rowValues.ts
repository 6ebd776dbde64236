import { makeVector, type Data } from 'apache-arrow';
import { bytesData } from '../bytesData';
import { halfBitsToNumber } from '../../valueText/float16';
import type { Scalar } from './boundFilter';
import type { ColumnKind } from './columnKind';
import { decimalUnscaled } from '../../valueText/decimalText';
import { int64Reader } from '../../valueText/int64Reader';

const NO_BYTES = new Uint8Array(0);

/**
 * Row values of one Data piece (apache-arrow slices primitive buffers to the piece, so row i is
 * values[i]; bits and variable-width data are addressed through offsets). Each reader gives the
 * value as the filter compares it (boundFilter.ts, Scalar), nulls ignored: the caller masks them.
 */
export type RowReader =
  /** A typed array of numbers read directly: `values[i]`. */
  | { shape: 'numbers'; values: ArrayLike<number> }
  /** Variable-width bytes: row i is data[offset(i) .. offset(i + 1)). */
  | { shape: 'bytes'; data: Uint8Array; start: (i: number) => number }
  /** Anything else, one value at a time. */
  | { shape: 'get'; get: (i: number) => Scalar };

export function rowReader(data: Data, kind: ColumnKind): RowReader {
  const values = data.values as unknown;
  switch (kind.family) {
    case 'bool': {
      const bits = values as Uint8Array;
      const out = new Uint8Array(data.length);
      for (let i = 0; i < data.length; i++) {
        const p = data.offset + i;
        out[i] = (bits[p >> 3] >> (p & 7)) & 1;
      }
      return { shape: 'numbers', values: out };
    }
    case 'float':
      if (kind.half) {
        const bits = values as Uint16Array;
        const out = new Float64Array(data.length);
        for (let i = 0; i < data.length; i++) out[i] = halfBitsToNumber(bits[i]);
        return { shape: 'numbers', values: out };
      }
      return { shape: 'numbers', values: values as Float64Array };
    case 'decimal':
      return { shape: 'get', get: (i: number) => decimalUnscaled(values as Uint32Array, i * kind.stride, kind.stride) };
    case 'bytes': {
      if (!kind.view) {
        const offsets = data.valueOffsets as Int32Array | BigInt64Array;
        return { shape: 'bytes', data: values as Uint8Array, start: offsets instanceof Int32Array ? (i) => offsets[i] : (i) => Number(offsets[i]) };
      }
      // A view's own bytes (a string view read as a binary view), as for strings; a null row's are none (its result is masked).
      const vector = makeVector(bytesData(data));
      return { shape: 'get', get: (i) => (vector.get(i) as Uint8Array | null) ?? NO_BYTES };
    }
    default:
      // int, date, time, timestamp: 32-bit and narrower as numbers, 64-bit as numbers when safe, else bigints
      if (values instanceof BigInt64Array || values instanceof BigUint64Array) return { shape: 'get', get: int64Reader(values) };
      return { shape: 'numbers', values: values as Int32Array };
  }
}
