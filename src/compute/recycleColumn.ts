import { Type, type Data, type Vector } from 'apache-arrow';
import { recycleRead } from '../model/recycledReads';

/**
 * A string or binary column counted (read as `recyclable`): its bytes go back to the file source for
 * the next chunk's read, the counter having copied every value it keeps into its own table. Other
 * types may keep views of them.
 */
export function recycleCounted(vector: Vector): void {
  if (vector.data.every((d) => d.type.typeId === Type.Utf8 || d.type.typeId === Type.Binary)) giveBack(vector.data.map((d) => d.values));
}

/** A column read as `recyclable` and only evaluated (a filter's), no view of it kept: its bytes go back to the source. */
export function recycleColumn(vector: Vector): void {
  const views: ArrayBufferView[] = [];
  const collect = (data: Data): void => {
    views.push(...([data.values, data.valueOffsets, data.nullBitmap, data.typeIds] as (ArrayBufferView | undefined)[]).filter((b) => b !== undefined));
    for (const child of data.children) collect(child);
  };
  for (const data of vector.data) collect(data);
  giveBack(views);
}

/**
 * Each buffer under `views` given back once: a column holds one share of its read (a merged read's
 * buffer is shared by its columns), however many of its arrays are views of it. Buffers not lent are ignored.
 */
function giveBack(views: ArrayBufferView[]): void {
  const once = new Map<ArrayBufferLike, ArrayBufferView>();
  for (const v of views) if (!once.has(v.buffer)) once.set(v.buffer, v);
  for (const v of once.values()) recycleRead(v);
}
