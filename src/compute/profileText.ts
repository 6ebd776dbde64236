import { Type, type DataType, type Decimal, type Dictionary } from 'apache-arrow';
import { durationText, float64Text, scaledText, timeText, timestampText, valueText } from '../valueText';
import type { ColumnProfile } from './profile';

/** The profile's figures as text: in the column's type (dates, times, durations, exact integers, decimals), means and quantiles as doubles (a decimal's mean as a decimal). */
export interface ProfileText {
  min: string;
  max: string;
  mean: string;
  quantiles: string[];
  /** Temporal columns: each histogram bin's range. */
  histogram: string[];
}

export type Exact = (v: bigint | number) => string;

/** The text of a raw epoch value of a temporal type; undefined for other types. */
function temporalText(type: DataType): Exact | undefined {
  const { unit, timezone } = type as unknown as { unit: number; timezone?: string | null };
  const raw = (v: bigint | number) => (typeof v === 'bigint' ? v : BigInt(Math.round(v)));
  switch (type.typeId) {
    case Type.Timestamp:
      return (v) => timestampText(raw(v), unit, timezone);
    case Type.Date:
      return (v) => valueText(Number(typeof v === 'bigint' ? v : Math.round(v)), type) ?? '';
    case Type.Time:
      return (v) => timeText(raw(v), unit);
    case Type.Duration:
      return (v) => durationText(raw(v), unit);
    default:
      return undefined;
  }
}

/** A min or max of a numeric type as a value of it (floats by their width's shortest text, integers and decimals in full). */
function numberText(type: DataType): Exact | undefined {
  if (type.typeId === Type.Int) return (v) => String(v);
  if (type.typeId === Type.Float) return (v) => valueText(Number(v), type) ?? String(v);
  if (type.typeId === Type.Decimal) return (v) => (typeof v === 'bigint' ? scaledText(v, (type as Decimal).scale) : float64Text(v));
  return undefined;
}

/**
 * The first and last value bin i of a whole-unit histogram holds (its bins hold [from, to), the last
 * [from, to]), the exact extremes at its ends: bigints, as values past 2^53 are not whole doubles apart.
 */
export function wholeBinRange(profile: ColumnProfile, i: number): [bigint, bigint] {
  const bins = profile.histogram!;
  const unit = BigInt(profile.histogramUnit ?? 1);
  const last = i === bins.length - 1;
  const lo = i === 0 && profile.exactMin !== undefined ? BigInt(profile.exactMin) : BigInt(bins[i].from);
  const hi = last && profile.exactMax !== undefined ? BigInt(profile.exactMax) : last ? BigInt(bins[i].to) : BigInt(bins[i].to) - unit;
  return [lo, hi];
}

/** Each bin's range as text: "a … b", or "a" for a bin of one value. */
export function binTexts(profile: ColumnProfile, text: Exact): string[] {
  return (profile.histogram ?? []).map((b, i) => {
    const [lo, hi] = profile.histogramUnit ? wholeBinRange(profile, i) : [b.from, b.to];
    const [from, to] = [text(lo), text(hi)];
    return from === to ? from : `${from} … ${to}`;
  });
}

/** The profile with its figures as text in the column's type, exact where the values were 64-bit integers. */
export function withProfileText(profile: ColumnProfile, columnType: DataType): ColumnProfile {
  const type = columnType.typeId === Type.Dictionary ? (columnType as Dictionary).dictionary : columnType;
  const temporal = temporalText(type);
  const extreme = temporal ?? numberText(type);
  if (!extreme || profile.min === undefined || profile.max === undefined || profile.mean === undefined) return profile;
  const double = temporal ?? ((v: bigint | number) => float64Text(Number(v)));
  const min = extreme(profile.exactMin !== undefined ? BigInt(profile.exactMin) : profile.min);
  const max = extreme(profile.exactMax !== undefined ? BigInt(profile.exactMax) : profile.max);
  return {
    ...profile,
    text: {
      min,
      max,
      mean: profile.exactMean !== undefined ? extreme(BigInt(profile.exactMean)) : double(profile.mean),
      // p0 and p100 are the min and max.
      quantiles: (profile.quantiles ?? []).map((q) => (q.p === 0 ? min : q.p === 100 ? max : double(q.value))),
      histogram: temporal ? binTexts(profile, temporal) : [],
    },
  };
}
