import { IntervalUnit, Precision, TimeUnit, Type, Vector, type Data, type DataType, type Field } from 'apache-arrow';
import { binaryText, binaryTextNested } from './binaryText';
import { dataFormatter, UUID_EXTENSION } from './dataFormatter';
import { date64Text } from './dateText';
import { decimalText } from './decimalText';
import { durationText } from './durationText';
import { float16Text, float32Text, float64Text } from './floatText';
import { dayTimeIntervalText, monthDayNanoIntervalText, monthIntervalText, nanosFromWords } from './intervalText';
import { listText, mapText, structText } from './nestedText';
import { cutNested } from './stringText';
import { timestampText } from './timestampText';
import { timeText } from './timeText';
import { fieldExtension } from './extensionName';
import { unionMemberFor } from './unionMember';
import { uuidText } from './uuidText';

// apache-arrow keeps a StructRow's chunk and row, and a MapRow's keys and values, under these
// registered symbols: reading them lets nested values be formatted exactly from the buffers.
const PARENT = Symbol.for('parent');
const ROW_INDEX = Symbol.for('rowIndex');
const KEYS = Symbol.for('keys');
const VALS = Symbol.for('vals');

type Props = DataType & Record<string, unknown>;

/** Ticks of `unit` from the milliseconds apache-arrow's get() returns for a timestamp (a float: lossy past 2^53). */
function ticksFromMs(ms: number, unit: TimeUnit): number {
  switch (unit) {
    case TimeUnit.SECOND: return Math.round(ms / 1000);
    case TimeUnit.MILLISECOND: return Math.round(ms);
    case TimeUnit.MICROSECOND: return Math.round(ms * 1000);
    default: return Math.round(ms * 1_000_000);
  }
}

function vectorItems(vector: Vector, nested: boolean, extension?: string): (j: number) => string | null {
  const chunks = vector.data.map((d) => dataFormatter(d, nested, extension));
  return (j) => {
    let i = j;
    for (let c = 0; c < chunks.length; c++) {
      const length = vector.data[c].length;
      if (i < length) return chunks[c](i);
      i -= length;
    }
    return null;
  };
}

function listValueText(value: unknown, type: Props): string {
  const field = type.children[0] as Field;
  const extension = fieldExtension(field);
  if (value instanceof Vector) return listText(0, value.length, vectorItems(value, true, extension));
  const items = Array.from(value as Iterable<unknown>);
  return listText(0, items.length, (j) => textIn(items[j], field.type, extension, true));
}

function structValueText(value: unknown, type: Props): string | null {
  const row = value as Record<symbol, unknown>;
  const parent = row[PARENT] as Data | undefined;
  // As a nested element: uncut here, the caller cuts a top-level value once.
  if (parent && typeof row[ROW_INDEX] === 'number') return dataFormatter(parent, true)(row[ROW_INDEX] as number);
  const fields = type.children as Field[];
  const values = value as Record<string, unknown>;
  return structText(fields.map((f) => f.name), (k) => textIn(values[fields[k].name], fields[k].type, fieldExtension(fields[k]), true));
}

function mapValueText(value: unknown, type: Props): string {
  const [keyField, valueField] = (type.children[0] as Field).type.children as Field[];
  const row = value as Record<symbol, unknown>;
  const keys = row[KEYS];
  const vals = row[VALS] as Data | undefined;
  if (keys instanceof Vector && vals) {
    return mapText(0, keys.length, vectorItems(keys, true, fieldExtension(keyField)), dataFormatter(vals, true, fieldExtension(valueField)));
  }
  const entries = Array.from(value as Iterable<[unknown, unknown]>);
  return mapText(
    0,
    entries.length,
    (j) => textIn(entries[j][0], keyField.type, fieldExtension(keyField), true),
    (j) => textIn(entries[j][1], valueField.type, fieldExtension(valueField), true),
  );
}

function intervalValueText(value: unknown, unit: IntervalUnit): string {
  if (typeof value === 'number') return monthIntervalText(value);
  const v = value as Int32Array;
  // get() splits a month interval into [years, months].
  if (unit === IntervalUnit.YEAR_MONTH) return monthIntervalText(v.length > 1 ? v[0] * 12 + v[1] : v[0]);
  if (unit === IntervalUnit.DAY_TIME) return dayTimeIntervalText(v[0], v[1]);
  return monthDayNanoIntervalText(v[0], v[1], nanosFromWords(v[2], v[3]));
}

function textIn(value: unknown, dataType: DataType, extension: string | undefined, nested: boolean): string | null {
  if (value === null || value === undefined) return nested ? 'null' : null;
  const type = dataType as Props;
  const top = (text: string) => (nested ? text : cutNested(text));
  switch (type.typeId) {
    case Type.Null:
      return nested ? 'null' : null;
    case Type.Bool:
      return value ? 'true' : 'false';
    case Type.Int:
      return String(value);
    case Type.Float: {
      const x = Number(value);
      return type.precision === Precision.HALF ? float16Text(x) : type.precision === Precision.SINGLE ? float32Text(x) : float64Text(x);
    }
    case Type.Decimal:
      return decimalText(typeof value === 'bigint' ? value : (value as Uint32Array), type.scale as number);
    case Type.Date:
      return date64Text(value instanceof Date ? value.getTime() : (value as number | bigint));
    case Type.Time:
      return timeText(value as number | bigint, type.unit as TimeUnit);
    case Type.Timestamp: {
      const unit = type.unit as TimeUnit;
      const raw = typeof value === 'bigint' ? value : ticksFromMs(value instanceof Date ? value.getTime() : (value as number), unit);
      return timestampText(raw, unit, type.timezone as string | null | undefined);
    }
    case Type.Duration:
      return durationText(value as number | bigint, type.unit as TimeUnit);
    case Type.Interval:
      return intervalValueText(value, type.unit as IntervalUnit);
    case Type.Utf8:
    case Type.LargeUtf8:
    case Type.Utf8View:
      return nested ? JSON.stringify(String(value)) : String(value);
    case Type.Binary:
    case Type.LargeBinary:
    case Type.BinaryView:
    case Type.FixedSizeBinary: {
      const bytes = value as Uint8Array;
      if (extension === UUID_EXTENSION && type.typeId === Type.FixedSizeBinary && bytes.length === 16) return uuidText(bytes);
      return nested ? binaryTextNested(bytes) : binaryText(bytes);
    }
    case Type.List:
    case Type.LargeList:
    case Type.FixedSizeList:
      return top(listValueText(value, type));
    case Type.Struct: {
      const text = structValueText(value, type);
      return text === null ? (nested ? 'null' : null) : top(text);
    }
    case Type.Map:
      return top(mapValueText(value, type));
    case Type.Union: {
      const member = unionMemberFor(value, type.children as Field[]);
      return textIn(value, member.type, fieldExtension(member), nested);
    }
    case Type.Dictionary:
      return textIn(value, type.dictionary as DataType, extension, nested);
    default:
      return String(value);
  }
}

/**
 * Display text of one value as apache-arrow 21's Vector.get() returns it, by its type (null for
 * a null). Exact where get() is: timestamps arrive from get() as float milliseconds, so pass the
 * raw int64 ticks as a bigint instead, or use vectorText / vectorValueText, which read the buffers.
 * A union value does not say which member it came from; the member is inferred from the JS value
 * (vectorText reads the type ids). `extension`: the field's extension name (arrow.uuid).
 */
export function valueText(value: unknown, type: DataType, extension?: string | null): string | null {
  return textIn(value, type, extension ?? undefined, false);
}
