import { describe, expect, it } from 'vitest';
import { DateDay, Float64, Int32, TimeMillisecond, TimestampMicrosecond, TimestampMillisecond, TimestampSecond } from 'apache-arrow';
import { histogramAxis } from '../../src/worker/histogramAxis';
import type { ColumnProfile } from '../../src/compute/profile';

/** A profile with `n` equal bins over [min, max]. */
function profile(min: number, max: number, n = 30): ColumnProfile {
  const w = (max - min) / n;
  return { min, max, histogram: Array.from({ length: n }, (_, i) => ({ from: min + i * w, to: min + (i + 1) * w, count: i })) };
}

describe('histogram axis', () => {
  it('numbers: 1-2-5 steps inside the range, grouped digits', () => {
    const axis = histogramAxis(profile(-2_600, 15_000), new Float64())!;
    expect(axis.ticks.map((t) => t.text)).toEqual(['0', '5,000', '10,000', '15,000']);
    expect(axis.bins[0]).toMatch(/^-2600 … -2013\.33/);
  });

  it('integers: whole steps and bins as integer ranges', () => {
    const axis = histogramAxis({ ...profile(1, 4, 3), histogramUnit: 1 }, new Int32())!;
    expect(axis.ticks.map((t) => t.text)).toEqual(['1', '2', '3', '4']);
    expect(axis.bins).toEqual(['1', '2', '3 … 4']);
  });

  it('dates: labelled as dates on month boundaries', () => {
    const day = (s: string) => Date.parse(s); // the profile holds what apache-arrow gives: milliseconds
    const axis = histogramAxis(profile(day('2011-01-03'), day('2012-06-20')), new DateDay())!;
    expect(axis.ticks.map((t) => t.text)).toEqual(['2011-04', '2011-07', '2011-10', '2012-01', '2012-04']);
    for (const t of axis.ticks) expect(t.at).toBeGreaterThanOrEqual(day('2011-01-03'));
    expect(axis.bins[0]).toMatch(/^2011-01-03 … 2011-01-2\d$/);
  });

  it('timestamps over years: years; over hours: date and time', () => {
    const s = (x: string) => Date.parse(x) / 1000;
    expect(histogramAxis(profile(s('1990-05-01T00:00:00Z'), s('2020-02-01T00:00:00Z')), new TimestampSecond())!.ticks.map((t) => t.text)).toEqual(['1995', '2000', '2005', '2010', '2015', '2020']);
    const us = (x: string) => Date.parse(x) * 1000;
    const hours = histogramAxis(profile(us('2020-01-01T10:10:00Z'), us('2020-01-01T20:00:00Z')), new TimestampMicrosecond('UTC'))!;
    expect(hours.ticks.map((t) => t.text)).toEqual(['2020-01-01 12:00', '2020-01-01 14:00', '2020-01-01 16:00', '2020-01-01 18:00', '2020-01-01 20:00']);
    expect(hours.unit).toBe('UTC');
  });

  it('a zoned timestamp has ticks on local midnights', () => {
    const s = (x: string) => Date.parse(x) / 1000;
    const axis = histogramAxis(profile(s('2020-01-01T00:00:00Z'), s('2020-01-09T00:00:00Z')), new TimestampSecond('America/New_York'))!;
    expect(axis.ticks[0]).toEqual({ at: s('2020-01-01T05:00:00Z'), text: '2020-01-01' });
  });

  it('a zoned timestamp over a few hours has ticks on local hours, whole or half past in UTC', () => {
    const ms = (x: string) => Date.parse(x);
    const ny = histogramAxis(profile(ms('2021-03-01T00:10:00Z'), ms('2021-03-01T05:00:00Z')), new TimestampMillisecond('America/New_York'))!;
    expect(ny.ticks.map((t) => t.text)).toEqual(['2021-02-28 20:00', '2021-02-28 21:00', '2021-02-28 22:00', '2021-02-28 23:00', '2021-03-01 00:00']);
    const kolkata = histogramAxis(profile(ms('2021-03-01T00:10:00Z'), ms('2021-03-01T05:00:00Z')), new TimestampMillisecond('Asia/Kolkata'))!;
    expect(kolkata.ticks.map((t) => t.text)).toEqual(['2021-03-01 06:00', '2021-03-01 07:00', '2021-03-01 08:00', '2021-03-01 09:00', '2021-03-01 10:00']);
    expect(kolkata.ticks[0].at).toBe(ms('2021-03-01T00:30:00Z'));
  });

  it('times of day drop zero seconds', () => {
    const axis = histogramAxis(profile(0, 86_400_000 - 1), new TimeMillisecond())!;
    expect(axis.ticks.map((t) => t.text)).toEqual(['00:00', '06:00', '12:00', '18:00']);
  });
});
