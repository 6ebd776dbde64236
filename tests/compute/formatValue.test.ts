import { describe, expect, it } from 'vitest';
import { DateDay, DurationMicrosecond, TimestampMillisecond, TimeNanosecond, Float64, makeData, makeVector } from 'apache-arrow';
import { formatDate, formatDuration, formatTimeOfDay, formatTimestamp } from '../../src/compute/formatTimestamp';
import { formatVector } from '../../src/compute/formatValue';
import { withProfileText } from '../../src/compute/profileText';

describe('formatTimestamp', () => {
  it('agrees with Date inside its range, for every unit and negative values', () => {
    for (const ms of [0, 1, -1, 86_399_999, 951_782_400_000, -62_135_596_800_000, 253_402_300_799_999]) {
      const iso = new Date(ms).toISOString().replace('T', ' ').replace(/\.?0*Z$/, 'Z').replace(/\.(\d*?)0+Z$/, '.$1Z');
      expect(formatTimestamp(BigInt(ms), 1, 'UTC')).toBe(iso);
      expect(formatTimestamp(BigInt(ms) * 1000n, 2, 'UTC')).toBe(iso);
      expect(formatTimestamp(BigInt(ms) * 1_000_000n, 3, 'UTC')).toBe(iso);
    }
  });
  it('writes years past 9999 with a sign, and keeps the zone', () => {
    expect(formatTimestamp(9089380393200000000n, 2, 'UTC')).toBe('+290000-12-30 23:00:00Z');
    expect(formatTimestamp(0n, 0, 'America/New_York')).toBe('1970-01-01 00:00:00 America/New_York');
    expect(formatTimestamp(0n, 0, null)).toBe('1970-01-01 00:00:00');
  });
});

describe('dates, times and durations', () => {
  it('formats each from its raw unit', () => {
    expect(formatDate(Date.UTC(2024, 1, 29))).toBe('2024-02-29');
    expect(formatDate(-86_400_000)).toBe('1969-12-31');
    expect(formatTimeOfDay(49_507_250_000_000n, 3)).toBe('13:45:07.25');
    expect(formatDuration(-93_784_500n, 1)).toBe('-1d 02:03:04.5');
    expect(formatDuration(59n, 0)).toBe('00:00:59');
  });
  it('shows vectors of each type as text, not epoch numbers', () => {
    const day = makeVector(makeData({ type: new DateDay(), length: 2, nullCount: 1, nullBitmap: new Uint8Array([1]), data: new Int32Array([19782, 0]) }));
    expect(formatVector(day)).toEqual(['2024-02-29', null]);
    const time = makeVector(makeData({ type: new TimeNanosecond(), length: 1, data: new BigInt64Array([3_600_000_000_001n]) }));
    expect(formatVector(time)).toEqual(['01:00:00.000000001']);
    const duration = makeVector(makeData({ type: new DurationMicrosecond(), length: 1, data: new BigInt64Array([1_500_000n]) }));
    expect(formatVector(duration)).toEqual(['00:00:01.5']);
  });
  it('gives temporal profiles their text and leaves numeric ones alone', () => {
    const profile = { min: 0, max: 86_400_000, mean: 43_200_000, quantiles: [{ p: 50, value: 43_200_000 }], histogram: [{ from: 0, to: 86_400_000, count: 3 }] };
    const text = withProfileText(profile, new TimestampMillisecond('UTC')).text!;
    expect(text).toEqual({ min: '1970-01-01 00:00:00Z', max: '1970-01-02 00:00:00Z', mean: '1970-01-01 12:00:00Z', quantiles: ['1970-01-01 12:00:00Z'], histogram: ['1970-01-01 00:00:00Z … 1970-01-02 00:00:00Z'] });
    expect(withProfileText(profile, new Float64()).text).toBeUndefined();
  });
});
