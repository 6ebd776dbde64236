import { makeData, type Data } from 'apache-arrow';
import type { RowRange } from '../model/types';
import { LargeListViewType, type ListViewType } from './decodedTypes';
import { gatherBits, gatherRanges } from './gatherData';

/** A list-view array as read from a record batch: each row's offset and size into the child. */
export interface ListViewParts {
  length: number;
  nullCount: number;
  nullBitmap: Uint8Array;
  offsets: Int32Array | BigInt64Array;
  sizes: Int32Array | BigInt64Array;
  child: Data;
}

/**
 * A list-view column as a list showing the same lists, for the whole column or rows [start, end).
 * Views laid out in row order one after another (what most writers produce) become list offsets
 * over the child as it is; views out of order or overlapping are gathered into a new child.
 * Null rows are empty lists under the null bit, whatever their view says.
 */
export function listViewData(type: ListViewType | LargeListViewType, parts: ListViewParts, window?: RowRange): Data {
  const { length, offsets, sizes, child } = parts;
  if (length > 0 && (offsets.length < length || sizes.length < length)) throw new Error(`list-view offsets or sizes hold fewer than ${length} entries`);
  const start = Math.max(0, Math.min(length, window?.start ?? 0));
  const end = Math.max(start, Math.min(length, window?.end ?? length));
  const rows = end - start;
  const bits = parts.nullCount > 0 && parts.nullBitmap.length > 0 ? parts.nullBitmap : null;
  const starts = new Float64Array(rows);
  const lengths = new Float64Array(rows);
  let inOrder = true;
  let cursor = -1;
  for (let i = 0; i < rows; i++) {
    const row = start + i;
    if (bits && !((bits[row >>> 3] >> (row & 7)) & 1)) continue;
    const offset = Number(offsets[row]);
    const size = Number(sizes[row]);
    if (offset < 0 || size < 0 || offset + size > child.length) {
      throw new Error(`list view at row ${row} (offset ${offset}, size ${size}) points outside its ${child.length} child values`);
    }
    starts[i] = offset;
    lengths[i] = size;
    if (size === 0) continue;
    if (cursor >= 0 && offset !== cursor) inOrder = false;
    cursor = offset + size;
  }
  const large = type instanceof LargeListViewType;
  const listOffsets = large ? new BigInt64Array(rows + 1) : new Int32Array(rows + 1);
  let sum = 0;
  for (let i = 0; i < rows; i++) {
    sum += lengths[i];
    listOffsets[i + 1] = large ? BigInt(sum) : sum;
  }
  let values: Data;
  if (inOrder) {
    let first = 0;
    for (let i = 0; i < rows; i++) if (lengths[i] > 0) { first = starts[i]; break; }
    values = child.slice(first, sum);
  } else values = gatherRanges(child, { starts, lengths });
  const nullBitmap = bits ? gatherBits(bits, 0, { starts: [start], lengths: [rows] }) : undefined;
  return makeData({ type, length: rows, nullCount: nullBitmap ? -1 : 0, nullBitmap, valueOffsets: listOffsets, child: values } as never);
}
