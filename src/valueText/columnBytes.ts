import { Type, type Data } from 'apache-arrow';

export type Offsets = Int32Array | BigInt64Array;
export const at = (offsets: Offsets, i: number): number => Number(offsets[i]);

/** Bytes of element i of a view column (binary_view / string_view): inline up to 12 bytes, else in a variadic buffer. */
function viewBytes(data: Data): (i: number) => Uint8Array {
  const views = data.values as Uint8Array;
  const view = new DataView(views.buffer, views.byteOffset, views.byteLength);
  return (i) => {
    const base = i * 16;
    const size = view.getInt32(base, true);
    if (size <= 12) return views.subarray(base + 4, base + 4 + Math.max(size, 0));
    const buffer = data.variadicBuffers[view.getInt32(base + 8, true)];
    const start = view.getInt32(base + 12, true);
    return buffer.subarray(start, start + size);
  };
}

/** Bytes of element i of a binary, string or fixed-size binary column. */
export function bytesOf(data: Data): (i: number) => Uint8Array {
  const values = data.values as Uint8Array;
  switch (data.type.typeId) {
    case Type.BinaryView:
    case Type.Utf8View:
      return viewBytes(data);
    case Type.FixedSizeBinary: {
      const width = data.stride;
      return (i) => values.subarray(i * width, (i + 1) * width);
    }
    default: {
      const offsets = data.valueOffsets as Offsets;
      return (i) => values.subarray(at(offsets, i), at(offsets, i + 1));
    }
  }
}
