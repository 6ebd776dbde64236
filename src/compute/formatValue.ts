import { DataType, Type, type Vector } from 'apache-arrow';
import { formatDate, formatDuration, formatTimeOfDay, formatTimestamp } from './formatTimestamp';

const MAX_TEXT = 1000;

function hex(bytes: Uint8Array): string {
  let out = '';
  const n = Math.min(bytes.length, 64);
  for (let i = 0; i < n; i++) out += bytes[i].toString(16).padStart(2, '0');
  return bytes.length > n ? `${out}… (${bytes.length} bytes)` : out;
}

/** Display text of one value, by its Arrow type. Nested values become compact JSON-like text. */
export function formatValue(value: unknown, type: DataType): string | null {
  if (value === null || value === undefined) return null;
  switch (type.typeId) {
    case Type.Timestamp:
      return typeof value === 'number' && Number.isFinite(value) ? formatTimestamp(BigInt(Math.round(value)), 1, (type as unknown as { timezone?: string | null }).timezone) : String(value);
    case Type.Date:
      return typeof value === 'number' && Number.isFinite(value) ? formatDate(value) : String(value);
    case Type.Time:
      return typeof value === 'number' || typeof value === 'bigint' ? formatTimeOfDay(BigInt(value), (type as unknown as { unit: number }).unit) : String(value);
    case Type.Duration:
      return typeof value === 'number' || typeof value === 'bigint' ? formatDuration(BigInt(value), (type as unknown as { unit: number }).unit) : String(value);
    case Type.Binary:
    case Type.LargeBinary:
    case Type.FixedSizeBinary:
    case Type.BinaryView:
      return value instanceof Uint8Array ? hex(value) : String(value);
    case Type.Float:
      return typeof value === 'number' ? String(value) : String(value);
    case Type.Utf8:
    case Type.LargeUtf8:
    case Type.Utf8View: {
      const s = String(value);
      return s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT)}…` : s;
    }
    default:
      return truncate(stringify(value));
  }
}

function truncate(s: string): string {
  return s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT)}…` : s;
}

function stringify(value: unknown): string {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Uint8Array) return hex(value);
  if (ArrayBuffer.isView(value)) return `[${Array.from(value as unknown as ArrayLike<unknown>, (v) => stringify(v)).join(', ')}]`;
  const v = value as { toJSON?: () => unknown; toArray?: () => unknown; [Symbol.iterator]?: unknown };
  try {
    return JSON.stringify(value, (_k, x) => (typeof x === 'bigint' ? x.toString() : x instanceof Uint8Array ? hex(x) : x)) ?? String(v);
  } catch {
    return String(value);
  }
}

/** Text of rows [0, vector.length). */
export function formatVector(vector: Vector): (string | null)[] {
  if (vector.type.typeId === Type.Timestamp) return formatTimestamps(vector);
  const out: (string | null)[] = new Array(vector.length);
  const type = vector.type.typeId === Type.Dictionary ? (vector.type as unknown as { dictionary: DataType }).dictionary : vector.type;
  for (let i = 0; i < vector.length; i++) out[i] = formatValue(vector.get(i), type);
  return out;
}

/** Timestamps from their raw int64 values: apache-arrow's getter goes through a float of milliseconds. */
function formatTimestamps(vector: Vector): (string | null)[] {
  const out: (string | null)[] = [];
  for (const data of vector.data) {
    const { unit, timezone } = data.type as unknown as { unit: number; timezone?: string | null };
    const values = data.values as BigInt64Array;
    for (let i = 0; i < data.length; i++) out.push(data.getValid(i) ? formatTimestamp(BigInt(values[i]), unit, timezone) : null);
  }
  return out;
}
