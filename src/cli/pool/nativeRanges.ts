import type { RangesEqual } from '../../compute/uniqueCounter';

/** Byte-range equality by Node's memcmp (Buffer.compare) over the DataView's bytes. */
export const bufferRangesEqual: RangesEqual = (view, a, b, length) => {
  const bytes = Buffer.from(view.buffer, view.byteOffset, view.byteLength);
  return bytes.compare(bytes, b, b + length, a, a + length) === 0;
};
