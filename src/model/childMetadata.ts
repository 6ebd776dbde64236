import { Field, Type, type DataType } from 'apache-arrow';
import { withChildren } from './withChildren';

/**
 * `type` with the metadata of `source`'s nested fields on its own, child by child where the two have the
 * same shape (a struct's children in order, a list's item, a map's entries and their key and value); a
 * child's own keys win. How a nested field keeps its metadata when its values are decoded by a reader
 * that drops it (parquet-wasm), as pyarrow's read_table keeps it. `type` itself when nothing is added.
 * An extension whose fixed_size_list storage became another type is dropped (storageMetadata).
 */
export function withChildMetadataOf(type: DataType, source: DataType): DataType {
  const own = (type.children ?? []) as Field[];
  const theirs = (source.children ?? []) as Field[];
  if (!own.length || own.length !== theirs.length || !sameShape(type, source)) return type;
  let changed = false;
  const children = own.map((child, k) => {
    const childType = withChildMetadataOf(child.type, theirs[k].type);
    const metadata = storageMetadata(new Map([...theirs[k].metadata, ...child.metadata]), theirs[k].type, child.type);
    const same = metadata.size === child.metadata.size && [...metadata].every(([key, value]) => child.metadata.get(key) === value);
    if (childType === child.type && same) return child;
    changed = true;
    return new Field(child.name, childType, child.nullable, metadata);
  });
  return changed ? (withChildren(type, children) ?? type) : type;
}

const LISTS = new Set<Type>([Type.List, Type.LargeList, Type.FixedSizeList]);

function sameShape(a: DataType, b: DataType): boolean {
  if (a.typeId === Type.Struct || a.typeId === Type.Map) return a.typeId === b.typeId;
  return LISTS.has(a.typeId) && LISTS.has(b.typeId);
}

/**
 * A field's metadata for its values in `written` where `source` was their type: without its extension
 * when a fixed_size_list in its storage became another type (a Parquet export writes lists), as readers
 * refuse a fixed_shape_tensor over a list, or a variable_shape_tensor whose shape is one; else as it is.
 */
export function storageMetadata(metadata: Map<string, string>, source: DataType, written: DataType): Map<string, string> {
  if (!metadata.has('ARROW:extension:name') || fixedSizeLists(written) >= fixedSizeLists(source)) return metadata;
  return new Map([...metadata].filter(([key]) => !key.startsWith('ARROW:extension:')));
}

/** How many fixed_size_list types `t` holds, itself and at any depth. */
export function fixedSizeLists(t: DataType): number {
  return (t.typeId === Type.FixedSizeList ? 1 : 0) + (t.children ?? []).reduce((n, f) => n + fixedSizeLists(f.type), 0);
}
