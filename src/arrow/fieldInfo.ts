import { DataType, Type, type Field } from 'apache-arrow';
import type { FieldInfo } from '../model/types';
import { LargeListViewType, ListViewType, physicalChildren, RunEndEncodedType } from './decodedTypes';
import { storedFieldTypeName } from './typeNames';

const FAMILY: Partial<Record<Type, string>> = {
  [Type.Null]: 'null',
  [Type.Int]: 'int',
  [Type.Float]: 'float',
  [Type.Binary]: 'binary',
  [Type.LargeBinary]: 'binary',
  [Type.BinaryView]: 'binary',
  [Type.Utf8]: 'utf8',
  [Type.LargeUtf8]: 'utf8',
  [Type.Utf8View]: 'utf8',
  [Type.Bool]: 'bool',
  [Type.Decimal]: 'decimal',
  [Type.Date]: 'date',
  [Type.Time]: 'time',
  [Type.Timestamp]: 'timestamp',
  [Type.Interval]: 'interval',
  [Type.Duration]: 'duration',
  [Type.List]: 'list',
  [Type.LargeList]: 'list',
  [Type.FixedSizeList]: 'fixed_size_list',
  [Type.Struct]: 'struct',
  [Type.Union]: 'union',
  [Type.FixedSizeBinary]: 'fixed_size_binary',
  [Type.Map]: 'map',
  [Type.Dictionary]: 'dictionary',
};

export function typeFamily(type: DataType): string {
  return FAMILY[type.typeId] ?? 'other';
}

/** Shared by every field without metadata or children (a schema may have 100,000 fields): frozen, so nothing adds to them. */
const NO_METADATA: Record<string, string> = Object.freeze({}) as Record<string, string>;
const NO_CHILDREN: FieldInfo[] = Object.freeze([]) as unknown as FieldInfo[];

function metadataObject(map: Map<string, string>): Record<string, string> {
  return map.size ? Object.fromEntries(map) : NO_METADATA;
}

/** Family of the types the engine decodes itself (apache-arrow has no DataType for them). */
function decodedFamily(type: DataType): string | undefined {
  if (type instanceof RunEndEncodedType) return 'run_end_encoded';
  if (type instanceof ListViewType || type instanceof LargeListViewType) return 'list_view';
  return undefined;
}

/**
 * Plain-data description of an apache-arrow Field, for the UI and the command line. Types are named
 * in pyarrow's spelling ("timestamp[us, tz=UTC]", "list_view<item: int32>"); the children of a
 * run-end encoded field are the stored ones (run ends, values).
 */
export function fieldInfo(field: Field, unsupported?: string, rawTypeName?: string): FieldInfo {
  const type = field.type;
  const stored = physicalChildren(type);
  const children = stored.length ? stored.map((c) => fieldInfo(c, unsupported)) : NO_CHILDREN;
  const info: FieldInfo = {
    name: field.name,
    type: rawTypeName ?? storedFieldTypeName(field),
    typeId: rawTypeName ? rawTypeName.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase() : (decodedFamily(type) ?? typeFamily(type)),
    nullable: field.nullable,
    metadata: metadataObject(field.metadata),
    children,
  };
  const extension = field.metadata.get('ARROW:extension:name');
  if (extension) info.extension = extension;
  if (unsupported) info.unsupported = unsupported;
  return info;
}
