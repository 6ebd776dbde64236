import { DateUnit, IntervalUnit, Precision, Type, type DataType } from 'apache-arrow';

/**
 * Big-endian IPC data, turned little-endian on read. Each buffer is swapped by the width of the
 * words it holds; bitmaps, booleans, UTF-8 and binary bytes, fixed-size binary and int8 union type
 * ids are byte sequences and stay as they are. Always returns a fresh buffer (the source's bytes
 * may be shared with a cache).
 */

/** A copy of `bytes` with every word of the repeating `pattern` of widths reversed: [8], or [4, 4, 8]. */
export function swapWords(bytes: Uint8Array, pattern: readonly number[]): Uint8Array {
  const out = new Uint8Array(bytes.length);
  const period = pattern.reduce((a, b) => a + b, 0);
  let at = 0;
  while (at + period <= bytes.length) {
    for (const width of pattern) {
      for (let k = 0; k < width; k++) out[at + k] = bytes[at + width - 1 - k];
      at += width;
    }
  }
  out.set(bytes.subarray(at), at); // a ragged tail is left for validation to report, not guessed at
  return out;
}

/** 16-byte views of string_view / binary_view: the length, and for out-of-line values the buffer index and offset. */
export function swapViews(bytes: Uint8Array): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  for (let at = 0; at + 16 <= out.length; at += 16) {
    const size = view.getInt32(at, false);
    view.setInt32(at, size, true);
    if (size > 12) {
      view.setInt32(at + 8, view.getInt32(at + 8, false), true);
      view.setInt32(at + 12, view.getInt32(at + 12, false), true);
    }
  }
  return out;
}

/** Word widths of one value of `type` in its values buffer, or null when the buffer is bytes. */
export function valueWords(type: DataType | null): readonly number[] | null {
  if (!type) return null; // variadic data buffers of view types
  const t = type as DataType & { bitWidth: number; precision: Precision; unit: number };
  switch (type.typeId) {
    case Type.Int:
    case Type.Time:
    case Type.Decimal: // decimal32..256: one two's-complement integer of the full width
      return [t.bitWidth / 8];
    case Type.Float:
      return [t.precision === Precision.HALF ? 2 : t.precision === Precision.SINGLE ? 4 : 8];
    case Type.Date:
      return [t.unit === DateUnit.DAY ? 4 : 8];
    case Type.Timestamp:
    case Type.Duration:
      return [8];
    case Type.Interval:
      return t.unit === IntervalUnit.YEAR_MONTH ? [4] : t.unit === IntervalUnit.DAY_TIME ? [4, 4] : [4, 4, 8];
    default:
      return null;
  }
}

/** Width of the offsets of `type` (64-bit for the large variants). */
export function offsetWidth(type: DataType): number {
  return type.typeId === Type.LargeUtf8 || type.typeId === Type.LargeBinary || type.typeId === Type.LargeList ? 8 : 4;
}
