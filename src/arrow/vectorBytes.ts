import type { Data, Vector } from 'apache-arrow';
import { RunEndEncodedType } from './decodedTypes';

type Views = (ArrayBufferView | undefined | null)[];

/**
 * The memory a decoded column keeps alive: every distinct ArrayBuffer its Data tree views (a view of
 * a bigger read keeps all of that read), counted once. A dictionary column's dictionary belongs to
 * the file's dictionaries and is not counted; a run-end encoded column's values (held as its
 * dictionary, decodedTypes.ts) are its own and are.
 */
export function vectorBytes(vector: Vector): number {
  const seen = new Set<ArrayBufferLike>();
  let total = 0;
  const stack: Data[] = [...vector.data];
  while (stack.length) {
    const data = stack.pop()!;
    const views: Views = [data.values, data.valueOffsets, data.nullBitmap, data.typeIds, ...(data.variadicBuffers ?? [])];
    for (const view of views) {
      if (!view || seen.has(view.buffer)) continue;
      seen.add(view.buffer);
      total += view.buffer.byteLength;
    }
    stack.push(...data.children);
    if (data.type instanceof RunEndEncodedType && data.dictionary) stack.push(...data.dictionary.data);
  }
  return total;
}
