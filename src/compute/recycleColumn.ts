import { Type, type Data, type Vector } from 'apache-arrow';
import { recycleRead } from '../model/recycledReads';

/**
 * A string or binary column counted (read as `recyclable`): its bytes go back to the file source for
 * the next chunk's read, the counter having copied every value it keeps into its own table. Other
 * types may keep views of them.
 */
export function recycleCounted(vector: Vector): void {
  for (const data of vector.data) {
    const t = data.type.typeId;
    if (t !== Type.Utf8 && t !== Type.Binary) return;
    recycleRead(data.values);
  }
}

/** A column read as `recyclable` and only evaluated (a filter's), no view of it kept: its bytes go back to the source. */
export function recycleColumn(vector: Vector): void {
  for (const data of vector.data) recycleData(data);
}

/** Every buffer of `data` and its children (one of them a view of the read's buffer; the others are ignored). */
function recycleData(data: Data): void {
  for (const b of [data.values, data.valueOffsets, data.nullBitmap, data.typeIds] as (ArrayBufferView | undefined)[]) if (b) recycleRead(b);
  for (const child of data.children) recycleData(child);
}
