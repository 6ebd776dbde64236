import { Field, Type, type DataType } from 'apache-arrow';
import { withChildren } from './withChildren';

/**
 * `type` with the metadata of `source`'s nested fields on its own, child by child where the two have the
 * same shape (a struct's children in order, a list's item, a map's entries and their key and value); a
 * child's own keys win. How a nested field keeps its metadata when its values are decoded by a reader
 * that drops it (parquet-wasm), as pyarrow's read_table keeps it. `type` itself when nothing is added.
 */
export function withChildMetadataOf(type: DataType, source: DataType): DataType {
  const own = (type.children ?? []) as Field[];
  const theirs = (source.children ?? []) as Field[];
  if (!own.length || own.length !== theirs.length || !sameShape(type, source)) return type;
  let changed = false;
  const children = own.map((child, k) => {
    const childType = withChildMetadataOf(child.type, theirs[k].type);
    const added = [...theirs[k].metadata].some(([key]) => !child.metadata.has(key));
    if (childType === child.type && !added) return child;
    changed = true;
    return new Field(child.name, childType, child.nullable, new Map([...theirs[k].metadata, ...child.metadata]));
  });
  return changed ? (withChildren(type, children) ?? type) : type;
}

const LISTS = new Set<Type>([Type.List, Type.LargeList, Type.FixedSizeList]);

function sameShape(a: DataType, b: DataType): boolean {
  if (a.typeId === Type.Struct || a.typeId === Type.Map) return a.typeId === b.typeId;
  return LISTS.has(a.typeId) && LISTS.has(b.typeId);
}
