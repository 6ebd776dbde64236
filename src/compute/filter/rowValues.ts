import { makeVector, type Data } from 'apache-arrow';
import { halfBitsToNumber } from '../../valueText/float16';
import type { Scalar } from './boundFilter';
import type { ColumnKind } from './columnKind';

const TWO_32 = 2 ** 32;
const utf8 = new TextEncoder();

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

/** A 64-bit integer as a number when it is safe, else a bigint (read from its two 32-bit words: spares BigInt on most rows). */
function wideReader(values: BigInt64Array | BigUint64Array): (i: number) => number | bigint {
  const words = new Uint32Array(values.buffer, values.byteOffset, values.length * 2);
  const signed = values instanceof BigInt64Array;
  return (i) => {
    const high = words[2 * i + 1];
    if (signed ? high < 0x200000 || high >= 0xffe00000 : high < 0x200000) return (signed ? high | 0 : high) * TWO_32 + words[2 * i];
    return values[i];
  };
}

/** A decimal's unscaled integer from its little-endian 32-bit words: a number when it is safe, else a bigint. */
function decimalReader(words: Uint32Array, stride: number): (i: number) => number | bigint {
  return (i) => {
    const at = i * stride;
    if (stride === 1) return words[at] | 0;
    const high = words[at + 1] | 0;
    const fill = high < 0 ? 0xffffffff : 0;
    let small = high >= -0x200000 && high < 0x200000;
    for (let k = 2; small && k < stride; k++) small = words[at + k] === fill;
    if (small) return high * TWO_32 + words[at];
    let v = 0n;
    for (let k = stride - 1; k >= 0; k--) v = (v << 32n) | BigInt(words[at + k]);
    return BigInt.asIntN(stride * 32, v);
  };
}

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
      return { shape: 'get', get: decimalReader(values as Uint32Array, kind.stride) };
    case 'bytes': {
      if (!kind.view) {
        const offsets = data.valueOffsets as Int32Array | BigInt64Array;
        return { shape: 'bytes', data: values as Uint8Array, start: offsets instanceof Int32Array ? (i) => offsets[i] : (i) => Number(offsets[i]) };
      }
      const vector = makeVector(data);
      return { shape: 'get', get: (i) => (kind.utf8 ? utf8.encode(vector.get(i) as string) : (vector.get(i) as Uint8Array)) };
    }
    default:
      // int, date, time, timestamp: 32-bit and narrower as numbers, 64-bit as numbers when safe, else bigints
      if (values instanceof BigInt64Array || values instanceof BigUint64Array) return { shape: 'get', get: wideReader(values) };
      return { shape: 'numbers', values: values as Int32Array };
  }
}
