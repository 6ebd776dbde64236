import { DataType, Type, makeVector, type Data, type Vector } from 'apache-arrow';
import { valueText } from '../valueText';
import type { UniqueValue } from './uniqueTypes';

const decoder = new TextDecoder();
const encoder = new TextEncoder();
const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

/** The displayed text of a string or binary value's bytes: UTF-8 decoded, or hex for binaries. */
export function bytesText(bytes: Uint8Array, binary: boolean): string {
  return binary ? hex(bytes) : decoder.decode(bytes);
}

/** The bytes a displayed string or binary value came from (the inverse of bytesText). */
export function textBytes(text: string, binary: boolean): Uint8Array {
  return binary ? Uint8Array.from(text.match(/../g) ?? [], (h) => parseInt(h, 16)) : encoder.encode(text);
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

/**
 * Map key and counted value of a non-string value: numbers and booleans as themselves, bigints (64-bit
 * integers, raw timestamps) as decimal text, others as their display text. uniqueValueText turns the
 * counted values into display text once counting ends.
 */
export function keyOf(type: DataType, value: unknown): { key: unknown; value: UniqueValue } {
  if (typeof value === 'number' || typeof value === 'boolean') return { key: value, value };
  if (typeof value === 'bigint') return { key: value, value: value.toString() };
  const text = valueText(value, type) ?? 'null';
  return { key: text, value: text };
}
