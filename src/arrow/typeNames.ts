import { Type, UnionMode, type DataType, type Field } from 'apache-arrow';
import { registeredExtension, typeName } from '../valueText';
import { containsDecodedType, LargeListViewType, ListViewType, RunEndEncodedType } from './decodedTypes';

/**
 * pyarrow's name of a type as stored in the file. valueText's typeName names every type apache-arrow
 * has; the engine's decoded types (run-end encoded, list views) and the containers holding them
 * are named here, by the same rules.
 */
export function storedTypeName(type: DataType, extension?: string | null): string {
  if (extension || !containsDecodedType(type)) return typeName(type, extension);
  const field = (f: Field) => `${f.name}: ${storedFieldTypeName(f)}${f.nullable ? '' : ' not null'}`;
  const t = type as DataType & { listSize?: number; mode?: UnionMode; typeIds?: Int32Array; indices?: DataType; dictionary?: DataType; isOrdered?: boolean };
  if (type instanceof RunEndEncodedType) return `run_end_encoded<run_ends: ${storedTypeName(type.runEnds.type)}, values: ${storedFieldTypeName(type.values)}>`;
  if (type instanceof ListViewType) return `list_view<${field(type.children[0])}>`;
  if (type instanceof LargeListViewType) return `large_list_view<${field(type.children[0])}>`;
  const children = type.children as Field[];
  switch (type.typeId) {
    case Type.List:
      return `list<${field(children[0])}>`;
    case Type.LargeList:
      return `large_list<${field(children[0])}>`;
    case Type.FixedSizeList:
      return `fixed_size_list<${field(children[0])}>[${t.listSize}]`;
    case Type.Struct:
      return `struct<${children.map(field).join(', ')}>`;
    case Type.Map: {
      const [key, item] = children[0].type.children as Field[];
      return `map<${storedFieldTypeName(key)}, ${storedFieldTypeName(item)}>`;
    }
    case Type.Union:
      return `${t.mode === UnionMode.Sparse ? 'sparse' : 'dense'}_union<${children.map((f, i) => `${field(f)}=${t.typeIds![i]}`).join(', ')}>`;
    case Type.Dictionary:
      return `dictionary<values=${storedTypeName(t.dictionary!)}, indices=${typeName(t.indices!)}, ordered=${t.isOrdered ? 1 : 0}>`;
    default:
      return typeName(type);
  }
}

/** storedTypeName of a field's type, or its registered extension type's name (registeredExtension). */
export function storedFieldTypeName(field: Field): string {
  return storedTypeName(field.type, registeredExtension(field, (type) => storedTypeName(type)));
}
