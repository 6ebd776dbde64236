import { Type, type DataType, type Dictionary } from 'apache-arrow';
import { UUID_EXTENSION, binaryText, timestampText, uuidText, valueText } from '../valueText';
import { NAN_BITS, NEGATIVE_ZERO, textBytes } from './uniqueDisplayKey';
import type { UniqueResult, UniqueValue } from './uniqueTypes';

/**
 * The text users see for one counted value. Counting keys values cheaply (strings and binaries by
 * their bytes, numbers as numbers, 64-bit integers and timestamps as decimal text of the raw value);
 * this turns each distinct key into the value's text once, by the rules every other surface uses.
 */
export function uniqueValueText(value: UniqueValue, type: DataType, extension?: string): string | null {
  if (value === null) return null;
  const t = type.typeId === Type.Dictionary ? (type as Dictionary).dictionary : type;
  switch (t.typeId) {
    case Type.Utf8:
    case Type.LargeUtf8:
    case Type.Utf8View:
      return String(value);
    case Type.Binary:
    case Type.LargeBinary:
    case Type.BinaryView:
    case Type.FixedSizeBinary: {
      const bytes = textBytes(String(value), true);
      return extension === UUID_EXTENSION && bytes.length === 16 ? uuidText(bytes) : binaryText(bytes);
    }
    case Type.Timestamp: {
      const { unit, timezone } = t as unknown as { unit: number; timezone?: string | null };
      return timestampText(BigInt(value), unit, timezone);
    }
    default:
      if (typeof value === 'number' || typeof value === 'boolean') return valueText(value, t, extension);
      if (value === NEGATIVE_ZERO && t.typeId === Type.Float) return valueText(-0, t, extension);
      if (typeof value === 'string' && value.startsWith(NAN_BITS) && t.typeId === Type.Float) return valueText(NaN, t, extension);
      if (typeof value === 'string' && /^-?\d+$/.test(value) && (t.typeId === Type.Int || t.typeId === Type.Time || t.typeId === Type.Duration || t.typeId === Type.Date)) {
        return valueText(BigInt(value), t, extension);
      }
      return String(value); // already its text (decimals, intervals, nested values: see keyOf)
  }
}

const TEXT_TYPES = new Set<Type>([Type.Utf8, Type.LargeUtf8, Type.Utf8View]);

/** Where NaNs of several bit patterns were counted (each shown as nan): which is which, in the list's order by count. */
function nanNote(result: UniqueResult): string | undefined {
  const nans = result.values.filter((v) => typeof v.value === 'string' && v.value.startsWith(NAN_BITS));
  if (nans.length < 2) return undefined;
  const bits = nans.map((v) => `0x${String(v.value).slice(NAN_BITS.length)}`);
  return `${nans.length} NaNs of different bits are counted apart, as pyarrow counts them (each shown as nan; by count: ${bits.join(', ')})`;
}

/** The result with every counted value as its display text (string values already are: kept as they are). */
export function uniqueResultText(result: UniqueResult, type: DataType, extension?: string): UniqueResult {
  const t = type.typeId === Type.Dictionary ? (type as Dictionary).dictionary : type;
  if (TEXT_TYPES.has(t.typeId)) return result;
  const nan = t.typeId === Type.Float ? nanNote(result) : undefined;
  const note = nan ? [result.note, nan].filter(Boolean).join('; ') : result.note;
  return { ...result, note, values: result.values.map((v) => ({ ...v, value: uniqueValueText(v.value, type, extension) })) };
}
