import { Type, type Vector } from 'apache-arrow';
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
