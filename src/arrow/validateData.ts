import { Type, type Data } from 'apache-arrow';
import { firstDecrease } from './offsetOrder';

/**
 * Checks that a decoded Data tree is internally consistent (buffers long enough for its length,
 * offsets in range and non-decreasing, children present) so corrupt files fail here with a reason
 * instead of showing garbage or throwing deep inside apache-arrow later. Returns the problem or null.
 * `byteOffsetsChecked`: the top-level string/binary offsets are the buffer validateLayout's checkContents
 * has walked already (a whole column as read), so they are not walked a second time (1M offsets a batch).
 */
export function validateData(data: Data, depth = 0, byteOffsetsChecked = false): string | null {
  if (depth > 64) return 'nesting deeper than 64 levels';
  const { length, nullBitmap, type } = data;
  if (length < 0) return `negative length ${length}`;
  if (data.nullCount !== 0 && nullBitmap && nullBitmap.length > 0 && nullBitmap.length * 8 < data.offset + length) {
    return `validity bitmap holds ${nullBitmap.length * 8} bits for ${length} rows`;
  }
  switch (type.typeId) {
    case Type.Null:
      return null;
    case Type.Bool:
      return data.values.length * 8 < data.offset + length ? `boolean buffer holds ${data.values.length * 8} bits for ${length} rows` : null;
    case Type.Utf8:
    case Type.Binary:
    case Type.LargeUtf8:
    case Type.LargeBinary:
      if (byteOffsetsChecked && depth === 0 && data.valueOffsets && data.valueOffsets.length >= length + 1) return null;
      return checkOffsets(data.valueOffsets, length, data.values.length);
    case Type.List:
    case Type.LargeList:
    case Type.Map: {
      const child = data.children[0];
      if (!child) return 'list without child values';
      return checkOffsets(data.valueOffsets, length, child.length) ?? validateData(child, depth + 1);
    }
    case Type.FixedSizeList: {
      const child = data.children[0];
      const size = (type as unknown as { listSize: number }).listSize;
      if (!child) return 'fixed-size list without child values';
      // A slice's children are sliced with it (apache-arrow's Data.slice): they hold its rows from their own offset.
      if (child.length < length * size) return `fixed-size list needs ${length * size} child values, has ${child.length}`;
      return validateData(child, depth + 1);
    }
    case Type.Struct: {
      if (data.children.length !== type.children.length) return `struct has ${data.children.length} of ${type.children.length} children`;
      for (const child of data.children) {
        if (child.length < length) return `struct child has ${child.length} rows for ${length}`;
        const bad = validateData(child, depth + 1);
        if (bad) return bad;
      }
      return null;
    }
    case Type.Union: {
      if (data.children.length !== type.children.length || data.typeIds.length < length) return 'union buffers are inconsistent';
      for (const child of data.children) {
        const bad = validateData(child, depth + 1);
        if (bad) return bad;
      }
      return null;
    }
    case Type.Dictionary: {
      if (!data.dictionary) return 'dictionary values are missing';
      if (data.values.length < length) return `dictionary indices buffer holds ${data.values.length} of ${length}`;
      const size = data.dictionary.length;
      for (let i = 0; i < length; i++) {
        const k = Number(data.values[i]);
        if ((k < 0 || k >= size) && data.getValid(i)) return `dictionary index ${k} at row ${i} is outside the dictionary of ${size}`;
      }
      return null;
    }
    case Type.Utf8View:
    case Type.BinaryView:
      return null;
    default:
      // data.stride: elements of `values` per row (a fixed_size_binary's width, a decimal's 32-bit words; 0 for fixed_size_binary[0]).
      return data.values && data.nullCount < length && data.values.length < length * data.stride ? `values buffer holds ${data.values.length} of ${length * data.stride} elements` : null;
  }
}

function checkOffsets(offsets: ArrayLike<number | bigint> | undefined, length: number, valuesLength: number): string | null {
  if (length === 0) return null; // writers before 1.0 leave the offsets of an empty array out entirely
  if (!offsets || offsets.length < length + 1) return `offsets buffer holds ${offsets?.length ?? 0} entries for ${length} rows`;
  let prev = Number(offsets[0]);
  if (prev < 0) return `negative offset ${prev}`;
  if (offsets instanceof Int32Array) {
    // The common case in a tight loop over the typed array (a generic loop costs ~10 ns an offset).
    const at = firstDecrease(offsets, 0, length);
    return at >= 0 ? `offsets decrease at row ${at}` : offsets[length] > valuesLength ? `offsets point past the values buffer (${offsets[length]} > ${valuesLength})` : null;
  }
  for (let i = 1; i <= length; i++) {
    const next = Number(offsets[i]);
    if (next < prev) return `offsets decrease at row ${i}`;
    prev = next;
  }
  return prev > valuesLength ? `offsets point past the values buffer (${prev} > ${valuesLength})` : null;
}
