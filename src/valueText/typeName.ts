import { DateUnit, IntervalUnit, Precision, TimeUnit, Type, UnionMode, type DataType, type Field } from 'apache-arrow';
import { registeredExtension } from './extensionName';
import { listViewName } from '../model/listViewMark';

const UNIT = { [TimeUnit.SECOND]: 's', [TimeUnit.MILLISECOND]: 'ms', [TimeUnit.MICROSECOND]: 'us', [TimeUnit.NANOSECOND]: 'ns' } as Record<number, string>;

/** The name of a field's type as pyarrow shows it: its registered extension type's, else its storage type's. */
export function fieldTypeName(field: Field): string {
  return typeName(field.type, registeredExtension(field, (type) => typeName(type)));
}

/** "name: type", plus " not null" for a non-nullable field, as Arrow C++ prints a field. */
export function fieldText(field: Field): string {
  return `${field.name}: ${fieldTypeName(field)}${field.nullable ? '' : ' not null'}`;
}

/** Map key and item types, with the field name in parentheses when it is not the standard one. */
function mapText(type: DataType): string {
  const entries = type.children[0];
  const [key, item] = entries.type.children as Field[];
  const named = (field: Field, standard: string) => `${fieldTypeName(field)}${field.name === standard ? '' : ` ('${field.name}')`}`;
  const sorted = (type as unknown as { keysSorted: boolean }).keysSorted ? ', keys_sorted' : '';
  return `map<${named(key, 'key')}, ${named(item, 'value')}${sorted}${entries.name === 'entries' ? '' : ` ('${entries.name}')`}>`;
}

/**
 * The type's name in pyarrow's spelling ("timestamp[us, tz=UTC]", "list<item: string>",
 * "dictionary<values=string, indices=int8, ordered=0>"). With `extension` (registeredExtension's
 * text for the field): "extension<arrow.uuid>".
 */
export function typeName(type: DataType, extension?: string | null): string {
  if (extension) return `extension<${extension}>`;
  const t = type as unknown as Record<string, unknown> & DataType;
  switch (type.typeId) {
    case Type.Null: return 'null';
    case Type.Bool: return 'bool';
    case Type.Int: return `${t.isSigned ? 'int' : 'uint'}${t.bitWidth}`;
    case Type.Float: return t.precision === Precision.HALF ? 'halffloat' : t.precision === Precision.SINGLE ? 'float' : 'double';
    case Type.Utf8: return 'string';
    case Type.LargeUtf8: return 'large_string';
    case Type.Utf8View: return 'string_view';
    case Type.Binary: return 'binary';
    case Type.LargeBinary: return 'large_binary';
    case Type.BinaryView: return 'binary_view';
    case Type.FixedSizeBinary: return `fixed_size_binary[${t.byteWidth}]`;
    case Type.Decimal: return `decimal${t.bitWidth}(${t.precision}, ${t.scale})`;
    case Type.Date: return t.unit === DateUnit.DAY ? 'date32[day]' : 'date64[ms]';
    case Type.Time: return `time${t.bitWidth}[${UNIT[t.unit as number]}]`;
    case Type.Timestamp: return `timestamp[${UNIT[t.unit as number]}${t.timezone ? `, tz=${t.timezone}` : ''}]`;
    case Type.Duration: return `duration[${UNIT[t.unit as number]}]`;
    case Type.Interval:
      return t.unit === IntervalUnit.YEAR_MONTH ? 'month_interval' : t.unit === IntervalUnit.DAY_TIME ? 'day_time_interval' : 'month_day_nano_interval';
    case Type.List: return `${listViewName(type) ?? 'list'}<${fieldText(type.children[0])}>`;
    case Type.LargeList: return `${listViewName(type) ?? 'large_list'}<${fieldText(type.children[0])}>`;
    case Type.FixedSizeList: return `fixed_size_list<${fieldText(type.children[0])}>[${t.listSize}]`;
    case Type.Struct: return `struct<${type.children.map(fieldText).join(', ')}>`;
    case Type.Map: return mapText(type);
    case Type.Union: {
      const codes = t.typeIds as Int32Array;
      const members = type.children.map((f, i) => `${fieldText(f)}=${codes[i]}`).join(', ');
      return `${t.mode === UnionMode.Sparse ? 'sparse' : 'dense'}_union<${members}>`;
    }
    case Type.Dictionary:
      return `dictionary<values=${typeName(t.dictionary as DataType)}, indices=${typeName(t.indices as DataType)}, ordered=${t.isOrdered ? 1 : 0}>`;
    default:
      return String(type);
  }
}
