import { describe, expect, it } from 'vitest';
import { DateDay, DurationMicrosecond, Float64, TimeNanosecond, TimestampMillisecond, TimestampNanosecond, Uint64 } from 'apache-arrow';
import { withProfileText } from '../../src/compute/profileText';

describe('profile text', () => {
  const profile = { min: 0, max: 86_400_000, mean: 43_200_000, quantiles: [{ p: 50, value: 43_200_000 }], histogram: [{ from: 0, to: 86_400_000, count: 3 }] };

  it('gives temporal profiles their text by the rules of every other surface', () => {
    const text = withProfileText(profile, new TimestampMillisecond('UTC')).text!;
    expect(text).toEqual({ min: '1970-01-01 00:00:00Z', max: '1970-01-02 00:00:00Z', mean: '1970-01-01 12:00:00Z', quantiles: ['1970-01-01 12:00:00Z'], histogram: ['1970-01-01 00:00:00Z … 1970-01-02 00:00:00Z'] });
    expect(withProfileText(profile, new TimestampMillisecond('America/New_York')).text!.min).toBe('1969-12-31 19:00:00-05:00');
  });

  it('writes numbers in full as pyarrow does (no rounding), 64-bit extremes exactly, a NaN mean as nan', () => {
    const numbers = { min: 1.23456789, max: 2345678.9, mean: 85.33333333333333, quantiles: [{ p: 50, value: 2.5 }] };
    expect(withProfileText(numbers, new Float64()).text).toMatchObject({ min: '1.23456789', max: '2345678.9', mean: '85.33333333333333', quantiles: ['2.5'] });
    const big = { min: 9007199254740992, max: 9007199254740992, exactMin: '9007199254740993', exactMax: '18446744073709551615', mean: 1, quantiles: [] };
    expect(withProfileText(big, new Uint64()).text).toMatchObject({ min: '9007199254740993', max: '18446744073709551615' });
    // timestamp[ns] past 2^53 ns: the double's nearest value would end in ...768.
    const ns = { min: 1_700_000_000_123_456_768, max: 1_700_000_000_123_456_768, exactMin: '1700000000123456789', exactMax: '1700000000123456791', mean: 1_700_000_000_123_456_768, quantiles: [] };
    expect(withProfileText(ns, new TimestampNanosecond()).text).toMatchObject({ min: '2023-11-14 22:13:20.123456789', max: '2023-11-14 22:13:20.123456791' });
    expect(withProfileText({ min: 1, max: 3, mean: NaN, quantiles: [] }, new Float64()).text!.mean).toBe('nan');
  });

  it('writes dates, times and durations from their profile numbers', () => {
    expect(withProfileText(profile, new DateDay()).text!.max).toBe('1970-01-02');
    expect(withProfileText({ ...profile, max: 3_600_000_000_001 }, new TimeNanosecond()).text!.max).toBe('01:00:00.000000001');
    expect(withProfileText({ ...profile, min: -93_784_500_000 }, new DurationMicrosecond()).text!.min).toBe('-1d 02:03:04.5');
  });
});
