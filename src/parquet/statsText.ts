import type { Field } from 'apache-arrow';
import type { ParquetType, SchemaElement, Statistics } from 'hyparquet';
import type { ColumnStats } from '../model/types';
import type { RawMinMax } from './rawStatistics';
import { rawValueOrder, rawValueText } from './rawValueText';
import { minMaxDistrust, minMaxWrong, statsLeaf, storedPair, type StatisticsRules } from './statisticsRules';
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
 * Column chunk statistics as display text, the min and max where pyarrow uses them (statisticsRules.ts:
 * the pair its column orders name, from a writer and in a sort order it trusts). With the raw min/max
 * bytes and the (flat) column's Arrow type, by the grid's rules (docs/VALUE_TEXT.md), exactly; otherwise
 * as hyparquet converts them.
 */
export function statsText(s: Statistics | undefined, rules: StatisticsRules, element: SchemaElement, raw?: RawMinMax, type?: StatsType): ColumnStats | undefined {
  if (!s) return undefined;
  const unused = minMaxDistrust(s, element, rules, raw);
  const wrong = minMaxWrong(statsLeaf(element, rules), rules.writer);
  const distrust = unused ?? wrong;
  const stored = storedPair({ values: [s.min_value, s.max_value], deprecated: [s.min, s.max] }, rules);
  const converted = distrust === undefined ? stored : undefined;
  const bytes = converted && raw ? storedPair(raw, rules) : undefined;
  const shown = (b: Uint8Array | undefined, value: unknown) => (b && type ? rawValueText(b, type.field, type.physical) : undefined) ?? text(value);
  const out: ColumnStats = {
    min: converted && shown(bytes?.[0], converted[0]),
    max: converted && shown(bytes?.[1], converted[1]),
    nullCount: s.null_count === undefined ? undefined : Number(s.null_count),
    distinctCount: s.distinct_count === undefined ? undefined : Number(s.distinct_count),
    // Writers may truncate long min/max values to bounds; only the format's own flags make them exact.
    exact: rules.columnOrders && converted !== undefined && s.is_min_value_exact === true && s.is_max_value_exact === true,
  };
  if (stored && distrust) out.minMaxNote = unused ? `min/max stored but not shown, as pyarrow does not use them: ${unused}` : `min/max stored but not shown: ${wrong}`;
  else if (!stored && !rules.columnOrders && s.min_value !== undefined && s.max_value !== undefined) {
    out.minMaxNote = 'min/max stored but not shown, as pyarrow does not use them: they are in min_value/max_value, and the footer lists no column orders to say how those sort';
  }
  const order = bytes && type && [rawValueOrder(bytes[0], type.field, type.physical), rawValueOrder(bytes[1], type.field, type.physical)];
  if (order && order[0] && order[1] && order[0].kind === order[1].kind) out.order = { kind: order[0].kind, min: order[0].key, max: order[1].key };
  return out;
}
