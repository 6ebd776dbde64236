import { Type, makeVector, type Data, type DataType } from 'apache-arrow';

/**
 * Text of each row of a decoded column, read from its physical buffers in the same terms the Arrow
 * integration JSON uses, so the two can be compared value for value. Null rows are null.
 */
export function normalizeData(data: Data): (string | null)[] {
  const out: (string | null)[] = [];
  for (let i = 0; i < data.length; i++) out.push(cell(data, i));
  return out;
}

/** Unions have no validity of their own (apache-arrow's getValid asks the child); Null is always null. */
function cell(data: Data, i: number): string | null {
  if (data.type.typeId === Type.Null) return null;
  if (data.type.typeId === Type.Union) return valueAt(data, i);
  return data.getValid(i) ? valueAt(data, i) : null;
}

const text = (data: Data, i: number): string => cell(data, i) ?? 'null';

function bigFromWords(words: Uint32Array, start: number, count: number): bigint {
  let v = 0n;
  for (let k = count - 1; k >= 0; k--) v = (v << 32n) | BigInt(words[start + k]);
  const bits = BigInt(count * 32);
  return v >= 1n << (bits - 1n) ? v - (1n << bits) : v;
}

const hex = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

export function floatText(v: number, type: DataType): string {
  const precision = (type as unknown as { precision: number }).precision;
  if (!Number.isFinite(v)) return String(v);
  return precision === 0 ? v.toPrecision(3) : precision === 1 ? Math.fround(v).toPrecision(6) : v.toPrecision(15);
}

function valueAt(data: Data, i: number): string {
  const type = data.type;
  const values = data.values as ArrayLike<number | bigint> & { subarray?: unknown };
  switch (type.typeId) {
    case Type.Null:
      return 'null';
    case Type.Bool: {
      const bit = data.offset + i;
      return ((data.values[bit >> 3] >> (bit & 7)) & 1) === 1 ? 'true' : 'false';
    }
    case Type.Int:
    case Type.Date:
    case Type.Time:
    case Type.Timestamp:
    case Type.Duration:
      return String(values[i]);
    case Type.Float:
      return floatText(Number(makeVector(data).get(i)), type);
    case Type.Decimal: {
      const stride = (type as unknown as { bitWidth: number }).bitWidth / 32;
      return bigFromWords(data.values as Uint32Array, i * stride, stride).toString();
    }
    case Type.Interval: {
      const unit = (type as unknown as { unit: number }).unit;
      const v = data.values as Int32Array;
      if (unit === 0) return String(v[i]); // YEAR_MONTH
      if (unit === 1) return `${v[2 * i]}d ${v[2 * i + 1]}ms`; // DAY_TIME
      const words = new Uint32Array(v.buffer, v.byteOffset, v.length);
      return `${v[4 * i]}m ${v[4 * i + 1]}d ${bigFromWords(words, 4 * i + 2, 2)}ns`;
    }
    case Type.Utf8:
    case Type.LargeUtf8:
    case Type.Utf8View:
      return String(makeVector(data).get(i));
    case Type.Binary:
    case Type.LargeBinary:
    case Type.BinaryView:
    case Type.FixedSizeBinary:
      return hex(makeVector(data).get(i) as Uint8Array);
    case Type.List:
    case Type.LargeList:
    case Type.Map: {
      const offsets = data.valueOffsets as ArrayLike<number | bigint>;
      const child = data.children[0];
      const items: string[] = [];
      for (let k = Number(offsets[i]); k < Number(offsets[i + 1]); k++) items.push(text(child, k));
      return `[${items.join(', ')}]`;
    }
    case Type.FixedSizeList: {
      const size = (type as unknown as { listSize: number }).listSize;
      const child = data.children[0];
      const items: string[] = [];
      for (let k = i * size; k < (i + 1) * size; k++) items.push(text(child, k));
      return `[${items.join(', ')}]`;
    }
    case Type.Struct:
      return `{${data.children.map((c) => text(c, i)).join(', ')}}`;
    case Type.Union: {
      const typeId = data.typeIds[i];
      const childIndex = (type as unknown as { typeIdToChildIndex: Record<number, number> }).typeIdToChildIndex[typeId];
      const child = data.children[childIndex];
      const k = data.valueOffsets ? Number(data.valueOffsets[i]) : i;
      return `${typeId}:${text(child, k)}`;
    }
    case Type.Dictionary: {
      let index = Number(values[i]);
      for (const part of data.dictionary!.data) {
        if (index < part.length) return text(part, index);
        index -= part.length;
      }
      return `dictionary index ${values[i]} out of range`;
    }
    default:
      return `unhandled type ${String(type)}`;
  }
}
