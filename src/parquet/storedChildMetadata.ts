import { Type, type Field } from 'apache-arrow';
import type { FieldInfo } from '../model/types';

/** The element of a list's repeated node: its one child (three levels), or the node itself (two, as Parquet's compatibility rules name them). */
function listElement(list: FieldInfo, repeated: FieldInfo): FieldInfo {
  const twoLevel = repeated.children.length !== 1 || repeated.name === 'array' || repeated.name === `${list.name}_tuple`;
  return twoLevel ? repeated : repeated.children[0];
}

/**
 * The Parquet nodes under a column that stand for a stored Arrow field's children, pair by pair: a
 * struct's children in order; a list's item, the element under its repeated node (which no Arrow field
 * stands for); a map's entries, its repeated key_value group, whose key and value follow as a struct's.
 * None where the two shapes differ.
 */
function childPairs(node: FieldInfo, stored: Field): [FieldInfo, Field][] {
  const arrow = (stored.type.children ?? []) as Field[];
  switch (stored.type.typeId) {
    case Type.Struct:
      return node.children.length === arrow.length ? node.children.map((child, k) => [child, arrow[k]]) : [];
    case Type.List:
    case Type.LargeList:
    case Type.FixedSizeList:
      return node.children.length === 1 && arrow.length === 1 ? [[listElement(node, node.children[0]), arrow[0]]] : [];
    case Type.Map:
      return node.children.length === 1 && arrow.length === 1 ? [[node.children[0], arrow[0]]] : [];
    default:
      return [];
  }
}

/**
 * The stored Arrow schema's metadata of every field below a column, on the Parquet nodes that stand for
 * them (with their PARQUET:field_id), as pyarrow shows a nested field's (`s.x: {inner: 1}`); the
 * column's own is arrowSchema's.
 */
export function withStoredChildMetadata(node: FieldInfo, stored: Field): void {
  for (const [child, field] of childPairs(node, stored)) {
    if (field.metadata.size) child.metadata = { ...Object.fromEntries(field.metadata), ...child.metadata };
    withStoredChildMetadata(child, field);
  }
}
