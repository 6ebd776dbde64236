import { describe, expect, it } from 'vitest';
import { DateDay, DurationMicrosecond, Float64, TimeNanosecond, TimestampMillisecond } from 'apache-arrow';
import { withProfileText } from '../../src/compute/profileText';

describe('profile text', () => {
  const profile = { min: 0, max: 86_400_000, mean: 43_200_000, quantiles: [{ p: 50, value: 43_200_000 }], histogram: [{ from: 0, to: 86_400_000, count: 3 }] };

  it('gives temporal profiles their text by the rules of every other surface, and leaves numeric ones alone', () => {
    const text = withProfileText(profile, new TimestampMillisecond('UTC')).text!;
    expect(text).toEqual({ min: '1970-01-01 00:00:00Z', max: '1970-01-02 00:00:00Z', mean: '1970-01-01 12:00:00Z', quantiles: ['1970-01-01 12:00:00Z'], histogram: ['1970-01-01 00:00:00Z … 1970-01-02 00:00:00Z'] });
    expect(withProfileText(profile, new TimestampMillisecond('America/New_York')).text!.min).toBe('1969-12-31 19:00:00-05:00');
    expect(withProfileText(profile, new Float64()).text).toBeUndefined();
  });

  it('writes dates, times and durations from their profile numbers', () => {
    expect(withProfileText(profile, new DateDay()).text!.max).toBe('1970-01-02');
    expect(withProfileText({ ...profile, max: 3_600_000_000_001 }, new TimeNanosecond()).text!.max).toBe('01:00:00.000000001');
    expect(withProfileText({ ...profile, min: -93_784_500_000 }, new DurationMicrosecond()).text!.min).toBe('-1d 02:03:04.5');
  });
});
