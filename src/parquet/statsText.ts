import { Type, type Field, type Int } from 'apache-arrow';
import type { ParquetType, Statistics } from 'hyparquet';
import type { ColumnStats } from '../model/types';
import type { RawMinMax } from './rawStatistics';
import { rawValueOrder, rawValueText } from './rawValueText';
import { hexText } from '../valueText';

function text(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? String(v) : v.toISOString();
  if (v instanceof Uint8Array) return hexText(v.subarray(0, 32)) + (v.length > 32 ? '…' : '');
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'string') return v.length > 200 ? `${v.slice(0, 200)}…` : v;
  return String(v);
}

/** What the min/max bytes are: the flat column's Arrow field and the leaf's physical type. */
export interface StatsType {
  field: Field;
  physical: ParquetType;
}

/**
 * Whether the deprecated min/max (written in signed order) hold for a leaf: only where its sort order is
 * signed (signed integers, floats, booleans), as pyarrow uses them; strings and unsigned integers order otherwise.
 */
function signedOrder(physical: ParquetType | undefined, field: Field | undefined): boolean {
  if (physical === 'FLOAT' || physical === 'DOUBLE' || physical === 'BOOLEAN') return true;
  if (physical !== 'INT32' && physical !== 'INT64') return false;
  return !(field?.type.typeId === Type.Int && !(field.type as Int).isSigned);
}

/** The min/max pair shown: min_value/max_value (none unless both are there), else the deprecated pair where it holds. */
function minMaxPair(s: Statistics, physical?: ParquetType, field?: Field): [unknown, unknown] {
  if (s.min_value !== undefined || s.max_value !== undefined) return s.min_value !== undefined && s.max_value !== undefined ? [s.min_value, s.max_value] : [undefined, undefined];
  if (s.min !== undefined && s.max !== undefined && signedOrder(physical, field)) return [s.min, s.max];
  return [undefined, undefined];
}

/**
 * Column chunk statistics as display text. With the raw min/max bytes and the (flat) column's Arrow
 * type, by the grid's rules (docs/VALUE_TEXT.md), exactly; otherwise as hyparquet converts them.
 * `physical`: the leaf's physical type (type.physical when the type is known).
 */
export function statsText(s: Statistics | undefined, raw?: RawMinMax, type?: StatsType, physical = type?.physical): ColumnStats | undefined {
  if (!s) return undefined;
  const [min, max] = minMaxPair(s, physical, type?.field);
  const bytes = raw?.min && raw.max && (!raw.deprecated || min !== undefined) ? raw : undefined;
  const shown = (b: Uint8Array | undefined, converted: unknown) => (b && type ? rawValueText(b, type.field, type.physical) : undefined) ?? text(converted);
  const out: ColumnStats = {
    min: shown(bytes?.min, min),
    max: shown(bytes?.max, max),
    nullCount: s.null_count === undefined ? undefined : Number(s.null_count),
    distinctCount: s.distinct_count === undefined ? undefined : Number(s.distinct_count),
    // Writers may truncate long min/max values to bounds; only the format's own flags make them exact.
    // (The deprecated min/max fields used a signed byte order that is wrong for some types.)
    exact: s.min_value !== undefined && s.max_value !== undefined && s.is_min_value_exact === true && s.is_max_value_exact === true,
  };
  const order = bytes && type && [rawValueOrder(bytes.min!, type.field, type.physical), rawValueOrder(bytes.max!, type.field, type.physical)];
  if (order && order[0] && order[1] && order[0].kind === order[1].kind) out.order = { kind: order[0].kind, min: order[0].key, max: order[1].key };
  return out;
}
