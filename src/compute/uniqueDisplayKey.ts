import { DataType, Type, makeVector, type Data, type Vector } from 'apache-arrow';
import { hexBytes, hexText, valueText } from '../valueText';
import type { UniqueValue } from './uniqueTypes';

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** The displayed text of a string or binary value's bytes: UTF-8 decoded, or hex for binaries. */
export function bytesText(bytes: Uint8Array, binary: boolean): string {
  return binary ? hexText(bytes) : decoder.decode(bytes);
}

/** The bytes a displayed string or binary value came from (the inverse of bytesText). */
export function textBytes(text: string, binary: boolean): Uint8Array {
  return binary ? hexBytes(text) : encoder.encode(text);
}

const vectors = new WeakMap<Data, Vector>();

/** The value of row i of `data`, through apache-arrow's getters (one cached Vector view per Data). */
export function getValue(data: Data, i: number): unknown {
  // Timestamps as their raw int64: apache-arrow's getter converts to float milliseconds and throws
  // (or rounds) outside ±2^53.
  if (data.type.typeId === Type.Timestamp) return BigInt((data.values as BigInt64Array)[i]);
  let v = vectors.get(data);
  if (!v) vectors.set(data, (v = makeVector(data)));
  return v.get(i);
}

/** The counted value of a float -0 (uniqueValueText shows it as the float it is). */
export const NEGATIVE_ZERO = '-0';

/** The counted value of a float NaN starts so, its bits in hex after (uniqueValueText shows it as nan). */
export const NAN_BITS = 'nan:';

/**
 * A float NaN's counted value: pyarrow counts NaNs apart by their bits (numpy's nan and the -nan of 0/0
 * are two values, both shown as nan), as a Map, a Set and every merge would not.
 */
function nanKey(data: Data, i: number): string {
  const values = data.values as Float64Array | Float32Array | Uint16Array;
  const hex = (n: number, digits: number) => n.toString(16).padStart(digits, '0');
  if (values instanceof Uint16Array) return NAN_BITS + hex(values[i], 4);
  const words = new Uint32Array(values.buffer, values.byteOffset, values.length * (values.BYTES_PER_ELEMENT / 4));
  return NAN_BITS + (values instanceof Float64Array ? hex(words[2 * i + 1], 8) + hex(words[2 * i], 8) : hex(words[i], 8));
}

/**
 * Map key and counted value of a non-string value: numbers and booleans as themselves, bigints (64-bit
 * integers, raw timestamps) as decimal text, -0 as NEGATIVE_ZERO, a NaN of row i of float `data` by its
 * bits (NAN_BITS), bytes as hex, others as their display text. uniqueValueText turns the
 * counted values into display text once counting ends.
 */
export function keyOf(type: DataType, value: unknown, data?: Data, i = 0): { key: unknown; value: UniqueValue } {
  // -0 apart from 0, as pyarrow counts them (a Map, a Set and every merge would take them for one).
  if (Object.is(value, -0)) return { key: NEGATIVE_ZERO, value: NEGATIVE_ZERO };
  if (typeof value === 'number' && Number.isNaN(value) && data?.type.typeId === Type.Float) {
    const key = nanKey(data, i);
    return { key, value: key };
  }
  if (typeof value === 'number' || typeof value === 'boolean') return { key: value, value };
  if (typeof value === 'bigint') return { key: value, value: value.toString() };
  // Bytes (large_binary, binary_view, fixed_size_binary) as hex, as the binary path keys them: uniqueValueText reads them back so.
  if (value instanceof Uint8Array) {
    const text = bytesText(value, true);
    return { key: text, value: text };
  }
  const text = valueText(value, type) ?? 'null';
  return { key: text, value: text };
}

const float = new Float64Array(1);
const words = new Uint32Array(float.buffer);

/**
 * A 32-bit hash of a counted value that is not a byte string, for the distinct sketch: numbers by
 * their bits (one NaN, as a Map keys them; -0 is counted as NEGATIVE_ZERO), text by its UTF-16 code units. The same value
 * hashes the same in every partial, tracked or past the budget.
 */
export function valueHash(value: UniqueValue): number {
  let h = 0x811c9dc5;
  if (typeof value === 'number') {
    float[0] = value === 0 ? 0 : Number.isNaN(value) ? NaN : value;
    h = Math.imul(h ^ words[0], 0x01000193);
    h = Math.imul(h ^ words[1], 0x01000193);
  } else if (typeof value === 'string') {
    for (let i = 0; i < value.length; i++) h = Math.imul(h ^ value.charCodeAt(i), 0x01000193);
    h ^= value.length;
  } else h = value === null ? 1 : value ? 2 : 3;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
