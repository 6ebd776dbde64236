import { Field, Type, type Date_, type Decimal, type Dictionary, type Duration, type Float, type Int, type Time, type Timestamp } from 'apache-arrow';
import type { ParquetType } from 'hyparquet';
import { binaryText, cutNested, hexText, date32Text, durationText, fieldExtension, float16Text, float32Text, float64Text, scaledText, timeText, timestampText, UUID_EXTENSION, uuidText } from '../valueText';
import { halfBitsToNumber } from '../valueText/float16';
import { INT96_TYPE, int96Micros } from './int96';

/** A big-endian two's-complement integer of any length (Parquet's decimal bytes). */
function bigEndianSigned(bytes: Uint8Array): bigint {
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  return bytes.length && bytes[0] & 0x80 ? n - (1n << BigInt(bytes.length * 8)) : n;
}

const widths: Partial<Record<ParquetType, number>> = { BOOLEAN: 1, INT32: 4, INT64: 8, INT96: 12, FLOAT: 4, DOUBLE: 8 };

/** A plain-encoded INT32 or INT64 value, signed or not; undefined for another physical type. */
function plainInteger(view: DataView, physical: ParquetType, signed: boolean): bigint | number | undefined {
  if (physical === 'INT32') return signed ? view.getInt32(0, true) : view.getUint32(0, true);
  if (physical === 'INT64') return signed ? view.getBigInt64(0, true) : view.getBigUint64(0, true);
  return undefined;
}

/**
 * One plain-encoded statistics value (physical type `physical`) as the grid shows a value of the
 * column's Arrow type (docs/VALUE_TEXT.md); undefined when the bytes do not fit that type, so the
 * caller can fall back to hyparquet's conversion.
 */
export function rawValueText(bytes: Uint8Array, field: Field, physical: ParquetType): string | undefined {
  const width = widths[physical];
  if (width !== undefined && bytes.length !== width) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const integer = (signed: boolean) => plainInteger(view, physical, signed);
  const type = field.type;
  switch (type.typeId) {
    case Type.Bool:
      return physical === 'BOOLEAN' ? String(bytes[0] !== 0) : undefined;
    case Type.Int: {
      const v = integer((type as Int).isSigned);
      return v === undefined ? undefined : String(v);
    }
    case Type.Float: {
      const precision = (type as Float).precision;
      if (physical === 'FLOAT') return float32Text(view.getFloat32(0, true));
      if (physical === 'DOUBLE') return float64Text(view.getFloat64(0, true));
      if (precision === 0 && bytes.length === 2) return float16Text(halfBitsToNumber(view.getUint16(0, true)));
      return undefined;
    }
    case Type.Decimal: {
      const scale = (type as Decimal).scale;
      const unscaled = physical === 'INT32' || physical === 'INT64' ? integer(true) : bigEndianSigned(bytes);
      return unscaled === undefined ? undefined : scaledText(unscaled, scale);
    }
    case Type.Date: {
      const v = integer(true);
      return (type as Date_).unit === 0 && typeof v === 'number' ? date32Text(v) : undefined;
    }
    case Type.Time: {
      const v = integer(true);
      return v === undefined ? undefined : timeText(v, (type as Time).unit);
    }
    case Type.Timestamp: {
      if (physical === 'INT96') return timestampText(int96Micros(view), INT96_TYPE.unit, null);
      const v = integer(true);
      return v === undefined ? undefined : timestampText(v, (type as Timestamp).unit, (type as Timestamp).timezone);
    }
    case Type.Utf8:
    case Type.LargeUtf8:
      return cutNested(new TextDecoder().decode(bytes));
    case Type.Binary:
    case Type.LargeBinary:
    case Type.FixedSizeBinary:
      if (fieldExtension(field) === UUID_EXTENSION && bytes.length === 16) return uuidText(bytes);
      return cutNested(binaryText(bytes));
    case Type.Duration: {
      const v = integer(true);
      return v === undefined ? undefined : durationText(v, (type as Duration).unit);
    }
    case Type.Dictionary:
      return rawValueText(bytes, new Field(field.name, (type as Dictionary).dictionary, field.nullable, field.metadata), physical);
    default:
      return undefined;
  }
}

/** How statistics values of one column compare: as integers (bigint text), floats, or bytes (hex, in byte order). */
export type OrderKind = 'int' | 'float' | 'bytes';

/**
 * One plain-encoded statistics value as a key that orders it among the column's others by the
 * column's sort order (decimals by their unscaled value, INT96 by its instant, strings and binaries by
 * their unsigned bytes); undefined when the bytes do not fit the type or have no order (NaN).
 */
export function rawValueOrder(bytes: Uint8Array, field: Field, physical: ParquetType): { kind: OrderKind; key: string } | undefined {
  const width = widths[physical];
  if (width !== undefined && bytes.length !== width) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const int = (v: bigint | number) => ({ kind: 'int' as const, key: String(v) });
  const integerKey = (v: bigint | number | undefined) => (v === undefined ? undefined : int(v));
  const type = field.type.typeId === Type.Dictionary ? (field.type as Dictionary).dictionary : field.type;
  const signed = type.typeId !== Type.Int || (type as Int).isSigned;
  switch (type.typeId) {
    case Type.Bool:
      return physical === 'BOOLEAN' ? int(bytes[0] ? 1 : 0) : undefined;
    case Type.Float: {
      const v = physical === 'FLOAT' ? view.getFloat32(0, true) : physical === 'DOUBLE' ? view.getFloat64(0, true) : bytes.length === 2 ? halfBitsToNumber(view.getUint16(0, true)) : NaN;
      return Number.isNaN(v) ? undefined : { kind: 'float', key: String(v) };
    }
    case Type.Decimal:
    case Type.Int:
    case Type.Date:
    case Type.Time:
    case Type.Timestamp:
    case Type.Duration:
      if (physical === 'BYTE_ARRAY' || physical === 'FIXED_LEN_BYTE_ARRAY') return type.typeId === Type.Decimal ? int(bigEndianSigned(bytes)) : undefined;
      if (physical === 'INT96') return int(int96Micros(view));
      return integerKey(plainInteger(view, physical, signed));
    case Type.Utf8:
    case Type.LargeUtf8:
    case Type.Binary:
    case Type.LargeBinary:
    case Type.FixedSizeBinary:
      return { kind: 'bytes', key: hexText(bytes) };
    default:
      return undefined;
  }
}
