import { DateUnit, IntervalUnit, Precision, Type, type Data, type DataType, type TimeUnit } from 'apache-arrow';
import { binaryText, binaryTextNested } from './binaryText';
import { bytesOf } from './columnBytes';
import { date32Text, date64Text } from './dateText';
import { decimalAt } from './decimalText';
import { durationText } from './durationText';
import { halfBitsToNumber } from './float16';
import { float16Text, float32Text, float64Text } from './floatText';
import { int64Reader } from './int64Reader';
import { dayTimeIntervalText, monthDayNanoIntervalText, monthIntervalText, nanosFromWords } from './intervalText';
import { utf8Text } from './stringText';
import { timestampText } from './timestampText';
import { timeText } from './timeText';
import { uuidText } from './uuidText';

/** Text of element i of one Data chunk, or null for a null. */
export type ElementText = (index: number) => string | null;

export const UUID_EXTENSION = 'arrow.uuid';

/**
 * Text of the valid elements of a chunk of a non-nested type, read straight from its buffers, or
 * null for nested types. `nested`: the element sits inside a list, struct or map (strings quoted).
 */
export function scalarFormatter(data: Data, nested: boolean, extension?: string): ElementText | null {
  const type = data.type as DataType & Record<string, unknown>;
  const values = data.values;
  switch (type.typeId) {
    case Type.Null:
      return () => null;
    case Type.Bool: {
      const bits = values as Uint8Array;
      const offset = data.offset;
      return (i) => ((bits[(offset + i) >> 3] >> ((offset + i) & 7)) & 1 ? 'true' : 'false');
    }
    case Type.Int:
      return (i) => String(values[i]);
    case Type.Float:
      if (type.precision === Precision.HALF) return (i) => float16Text(halfBitsToNumber(values[i]));
      return type.precision === Precision.SINGLE ? (i) => float32Text(values[i]) : (i) => float64Text(values[i]);
    case Type.Decimal: {
      const stride = data.stride;
      const scale = type.scale as number;
      return (i) => decimalAt(values, i * stride, stride, scale);
    }
    case Type.Date: {
      if (type.unit === DateUnit.DAY) return (i) => date32Text(values[i]);
      const raw = int64Reader(values);
      return (i) => date64Text(raw(i));
    }
    case Type.Time: {
      const raw = values instanceof BigInt64Array ? int64Reader(values) : (i: number) => values[i] as number;
      return (i) => timeText(raw(i), type.unit as TimeUnit);
    }
    case Type.Timestamp: {
      const raw = int64Reader(values);
      return (i) => timestampText(raw(i), type.unit as TimeUnit, type.timezone as string | null | undefined);
    }
    case Type.Duration: {
      const raw = int64Reader(values);
      return (i) => durationText(raw(i), type.unit as TimeUnit);
    }
    case Type.Interval:
      if (type.unit === IntervalUnit.YEAR_MONTH) return (i) => monthIntervalText(values[i]);
      if (type.unit === IntervalUnit.DAY_TIME) return (i) => dayTimeIntervalText(values[2 * i], values[2 * i + 1]);
      return (i) => monthDayNanoIntervalText(values[4 * i], values[4 * i + 1], nanosFromWords(values[4 * i + 2], values[4 * i + 3]));
    case Type.Utf8:
    case Type.LargeUtf8:
    case Type.Utf8View: {
      const bytes = bytesOf(data);
      return nested ? (i) => JSON.stringify(utf8Text(bytes(i))) : (i) => utf8Text(bytes(i));
    }
    case Type.Binary:
    case Type.LargeBinary:
    case Type.BinaryView:
    case Type.FixedSizeBinary: {
      const bytes = bytesOf(data);
      if (extension === UUID_EXTENSION && type.typeId === Type.FixedSizeBinary && data.stride === 16) return (i) => uuidText(bytes(i));
      return nested ? (i) => binaryTextNested(bytes(i)) : (i) => binaryText(bytes(i));
    }
    default:
      return null;
  }
}
