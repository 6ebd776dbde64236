import { Type, type DataType } from 'apache-arrow';
import { durationText, timeText, timestampText, valueText } from '../valueText';
import type { ColumnProfile } from './profile';

/** Profile numbers of temporal columns are raw epoch values; this is their text in the column's type. */
export interface ProfileText {
  min: string;
  max: string;
  mean: string;
  quantiles: string[];
  histogram: string[];
}

function temporalText(type: DataType): ((v: number) => string) | undefined {
  const { unit, timezone } = type as unknown as { unit: number; timezone?: string | null };
  const raw = (v: number) => BigInt(Math.round(v));
  switch (type.typeId) {
    case Type.Timestamp:
      return (v) => timestampText(raw(v), unit, timezone);
    case Type.Date:
      return (v) => valueText(Math.round(v), type) ?? '';
    case Type.Time:
      return (v) => timeText(raw(v), unit);
    case Type.Duration:
      return (v) => durationText(raw(v), unit);
    default:
      return undefined;
  }
}

/** The profile with its numbers also as dates, times or durations, for temporal columns. */
export function withProfileText(profile: ColumnProfile, type: DataType): ColumnProfile {
  const text = temporalText(type);
  if (!text || profile.min === undefined || profile.max === undefined || profile.mean === undefined) return profile;
  return {
    ...profile,
    text: {
      min: text(profile.min),
      max: text(profile.max),
      mean: text(profile.mean),
      quantiles: (profile.quantiles ?? []).map((q) => text(q.value)),
      histogram: (profile.histogram ?? []).map((b) => `${text(b.from)} … ${text(b.to)}`),
    },
  };
}
