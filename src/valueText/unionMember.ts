import { StructRow, MapRow, Type, Vector, type DataType, type Field } from 'apache-arrow';

/** Whether a JS value, as get() returns it, could have come from a column of this type. */
function fits(value: unknown, type: DataType & Record<string, unknown>): boolean {
  switch (type.typeId) {
    case Type.Bool: return typeof value === 'boolean';
    case Type.Int: return typeof value === 'bigint' ? type.bitWidth === 64 : typeof value === 'number' && Number.isInteger(value) && type.bitWidth !== 64;
    case Type.Float: return typeof value === 'number';
    case Type.Utf8: case Type.LargeUtf8: case Type.Utf8View: return typeof value === 'string';
    case Type.Binary: case Type.LargeBinary: case Type.BinaryView: case Type.FixedSizeBinary: return value instanceof Uint8Array;
    case Type.Decimal: return value instanceof Uint32Array;
    case Type.Interval: return value instanceof Int32Array;
    case Type.Date: case Type.Timestamp: return typeof value === 'number' || value instanceof Date;
    case Type.Time: case Type.Duration: return typeof value === 'number' || typeof value === 'bigint';
    case Type.List: case Type.LargeList: case Type.FixedSizeList: return value instanceof Vector || Array.isArray(value);
    case Type.Struct: return value instanceof StructRow || (typeof value === 'object' && !(value instanceof MapRow));
    case Type.Map: return value instanceof MapRow || value instanceof Map;
    case Type.Dictionary: return fits(value, type.dictionary as DataType & Record<string, unknown>);
    default: return false;
  }
}

/**
 * The union member a value most likely came from: the first whose type fits the JS value. get()
 * drops the type id, so a double 2.0 next to an int32 member reads as that int; vectorText is exact.
 */
export function unionMemberFor(value: unknown, members: Field[]): Field {
  return members.find((f) => fits(value, f.type as DataType & Record<string, unknown>)) ?? members[0];
}
