import type { Field } from 'apache-arrow';
import type { ParquetType, Statistics } from 'hyparquet';
import type { ColumnStats } from '../model/types';
import type { RawMinMax } from './rawStatistics';
import { rawValueText } from './rawValueText';

function text(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? String(v) : v.toISOString();
  if (v instanceof Uint8Array) return Array.from(v.subarray(0, 32), (b) => b.toString(16).padStart(2, '0')).join('') + (v.length > 32 ? '…' : '');
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
 * Column chunk statistics as display text. With the raw min/max bytes and the (flat) column's Arrow
 * type, by the grid's rules (docs/VALUE_TEXT.md), exactly; otherwise as hyparquet converts them.
 */
export function statsText(s: Statistics | undefined, raw?: RawMinMax, type?: StatsType): ColumnStats | undefined {
  if (!s) return undefined;
  const shown = (bytes: Uint8Array | undefined, converted: unknown) => (bytes && type ? rawValueText(bytes, type.field, type.physical) : undefined) ?? text(converted);
  const out: ColumnStats = {
    min: shown(raw?.min, s.min_value ?? s.min),
    max: shown(raw?.max, s.max_value ?? s.max),
    nullCount: s.null_count === undefined ? undefined : Number(s.null_count),
    distinctCount: s.distinct_count === undefined ? undefined : Number(s.distinct_count),
    // Writers may truncate long min/max values to bounds; only the format's own flags make them exact.
    // (The deprecated min/max fields used a signed byte order that is wrong for some types.)
    exact: s.min_value !== undefined && s.max_value !== undefined && s.is_min_value_exact === true && s.is_max_value_exact === true,
  };
  return out;
}
