import { DataType, Type, type Date_, type Decimal, type Dictionary, type Float, type Int, type Time, type Timestamp } from 'apache-arrow';

/**
 * What a filter compares in a column, by its Arrow type (a dictionary column by its value type).
 * `wide`: the values are 64-bit (BigInt64Array / BigUint64Array) and compare as bigints.
 */
export type ColumnKind =
  | { family: 'bool' }
  | { family: 'int'; wide: boolean; signed: boolean }
  | { family: 'float'; half: boolean; single: boolean }
  | { family: 'decimal'; scale: number; stride: number }
  | { family: 'date' | 'time' | 'timestamp'; wide: boolean; nsPerUnit: bigint; zone: string | null }
  | { family: 'bytes'; utf8: boolean; view: boolean }
  /** A column only IS [NOT] NULL looks at (a list, a struct, a duration…): its validity; `allNull` for the null type. */
  | { family: 'nulls'; allNull: boolean };

const UNIT_NS = [1_000_000_000n, 1_000_000n, 1_000n, 1n];

/** The kind of a column's values, or why a filter cannot look at them (a sentence fragment: "list columns"). */
export function columnKind(type: DataType): ColumnKind | { unsupported: string } {
  switch (type.typeId) {
    case Type.Bool:
      return { family: 'bool' };
    case Type.Int:
      return { family: 'int', wide: (type as Int).bitWidth === 64, signed: (type as Int).isSigned };
    case Type.Float:
      return { family: 'float', half: (type as Float).precision === 0, single: (type as Float).precision === 1 };
    case Type.Decimal:
      return { family: 'decimal', scale: (type as Decimal).scale, stride: (type as Decimal).bitWidth / 32 };
    case Type.Date:
      return (type as Date_).unit === 0 ? { family: 'date', wide: false, nsPerUnit: 86_400_000_000_000n, zone: null } : { family: 'date', wide: true, nsPerUnit: 1_000_000n, zone: null };
    case Type.Time: {
      const unit = (type as Time).unit as number;
      return { family: 'time', wide: unit >= 2, nsPerUnit: UNIT_NS[unit], zone: null };
    }
    case Type.Timestamp:
      return { family: 'timestamp', wide: true, nsPerUnit: UNIT_NS[(type as Timestamp).unit as number], zone: (type as Timestamp).timezone ?? null };
    case Type.Utf8:
    case Type.LargeUtf8:
      return { family: 'bytes', utf8: true, view: false };
    case Type.Binary:
    case Type.LargeBinary:
      return { family: 'bytes', utf8: false, view: false };
    case Type.Utf8View:
      return { family: 'bytes', utf8: true, view: true };
    case Type.BinaryView:
      return { family: 'bytes', utf8: false, view: true };
    case Type.Dictionary:
      return columnKind((type as Dictionary).dictionary);
    default:
      return { unsupported: `${String(type)} columns` };
  }
}

/**
 * The kind IS [NULL] tests a column by when its values cannot be compared: any type whose nulls its own
 * validity holds (undefined for a union or run-end encoded column, whose nulls are their children's or
 * values', not theirs).
 */
export function nullsKind(type: DataType): ColumnKind | undefined {
  if (DataType.isUnion(type) || DataType.isDictionary(type)) return undefined;
  return { family: 'nulls', allNull: type.typeId === Type.Null };
}
