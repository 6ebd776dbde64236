import type { FieldInfo } from '../model/types';
import { n } from './numbers';

/** Levels of nested fields shown in schemas; a type nested deeper is summarised (`struct<… 2,000 levels …>`). */
export const SCHEMA_DEPTH = 32;

/** Levels of nested types below a field's own (0 for a leaf, 1 for struct<a: int32>), without recursion. */
export function nestingDepth(field: FieldInfo): number {
  let deepest = 0;
  const stack: [FieldInfo, number][] = [[field, 0]];
  while (stack.length) {
    const [f, depth] = stack.pop()!;
    if (f.children.length === 0) deepest = Math.max(deepest, depth);
    for (const child of f.children) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** The field's type text, or past SCHEMA_DEPTH levels its outer type and how deep it goes. */
export function typeText(field: FieldInfo): string {
  if (field.children.length === 0) return field.type;
  const levels = nestingDepth(field);
  if (levels <= SCHEMA_DEPTH) return field.type;
  const head = field.type.match(/^[a-z_0-9]+/)?.[0] ?? field.typeId;
  return `${head}<… ${n(levels)} levels …>`;
}
