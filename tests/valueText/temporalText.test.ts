import { describe, expect, it } from 'vitest';
import {
  DateDay, DateMillisecond, DurationMicrosecond, DurationMillisecond, DurationNanosecond, DurationSecond, IntervalDayTime,
  IntervalMonthDayNano, IntervalYearMonth, TimeMicrosecond, TimeMillisecond, TimeNanosecond, TimeSecond, TimeUnit,
  TimestampMicrosecond, TimestampMillisecond, TimestampNanosecond, TimestampSecond,
} from 'apache-arrow';
import {
  date32Text, date64Text, dayTimeIntervalText, durationText, monthDayNanoIntervalText, monthIntervalText, timeText, timestampText,
  valueText, vectorText,
} from '../../src/valueText';
import { bitmap, vectorOf } from './build';

const JAN_2020 = 1577836800n; // 2020-01-01 00:00:00 UTC, in seconds
const JUL_2020 = 1593561600n; // 2020-07-01 00:00:00 UTC
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

describe('dates', () => {
  it.each([
    [0, '1970-01-01'],
    [-1, '1969-12-31'],
    [19417, '2023-03-01'],
    [11016, '2000-02-29'],
    [2932897, '+010000-01-01'],
    [-719528, '0000-01-01'],
    [-719529, '-000001-12-31'],
    [2 ** 31 - 1, '+5881580-07-11'],
    [-(2 ** 31), '-5877641-06-23'],
  ])('date32 %s -> %s', (days, text) => {
    expect(date32Text(days)).toBe(text);
  });

  it('date32 and date64 columns, and get()\'s milliseconds', () => {
    const d32 = vectorOf({ type: new DateDay(), data: new Int32Array([0, -719529, 2932897, 5]), nullBitmap: bitmap([true, true, true, false]) });
    expect(vectorText(d32)).toEqual(['1970-01-01', '-000001-12-31', '+010000-01-01', null]);
    expect(valueText(d32.get(1), d32.type)).toBe('-000001-12-31');
    const d64 = vectorOf({ type: new DateMillisecond(), data: new BigInt64Array([86_400_000n, -1n, 253402300800000n, INT64_MAX]) });
    expect(vectorText(d64)).toEqual(['1970-01-02', '1969-12-31', '+010000-01-01', '+292278994-08-17']);
    expect(valueText(d64.get(1), d64.type)).toBe('1969-12-31');
    expect(date64Text(-86_400_001)).toBe('1969-12-30');
  });
});

describe('times', () => {
  it.each([
    [0, TimeUnit.SECOND, '00:00:00'],
    [49507, TimeUnit.SECOND, '13:45:07'],
    [49507250, TimeUnit.MILLISECOND, '13:45:07.25'],
    [86399999999n, TimeUnit.MICROSECOND, '23:59:59.999999'],
    [1n, TimeUnit.NANOSECOND, '00:00:00.000000001'],
    [49507100000000n, TimeUnit.NANOSECOND, '13:45:07.1'],
    // Outside the day, as pyarrow 25 prints them (time64[us] of -5000, time32[s] of 86400).
    [-5000n, TimeUnit.MICROSECOND, '<value out of range: -5000>'],
    [86400, TimeUnit.SECOND, '<value out of range: 86400>'],
    [86399999999999n, TimeUnit.NANOSECOND, '23:59:59.999999999'],
  ])('%s in unit %s -> %s', (raw, unit, text) => {
    expect(timeText(raw, unit)).toBe(text);
  });

  it('time32 and time64 columns (get() gives numbers, then bigints)', () => {
    const t32 = vectorOf({ type: new TimeMillisecond(), data: new Int32Array([49507250, 0]) });
    expect(vectorText(t32)).toEqual(['13:45:07.25', '00:00:00']);
    expect(valueText(t32.get(0), t32.type)).toBe('13:45:07.25');
    const ts = vectorOf({ type: new TimeSecond(), data: new Int32Array([86399]) });
    expect(vectorText(ts)).toEqual(['23:59:59']);
    const t64 = vectorOf({ type: new TimeNanosecond(), data: new BigInt64Array([86399999999999n, 1n]) });
    expect(vectorText(t64)).toEqual(['23:59:59.999999999', '00:00:00.000000001']);
    expect(valueText(t64.get(0), t64.type)).toBe('23:59:59.999999999');
    const tus = vectorOf({ type: new TimeMicrosecond(), data: new BigInt64Array([500000n]) });
    expect(vectorText(tus)).toEqual(['00:00:00.5']);
  });
});

describe('naive timestamps', () => {
  it('are exact for any int64 in every unit', () => {
    expect(timestampText(0n, TimeUnit.SECOND)).toBe('1970-01-01 00:00:00');
    expect(timestampText(-1n, TimeUnit.NANOSECOND)).toBe('1969-12-31 23:59:59.999999999');
    expect(timestampText(1577836800123456789n, TimeUnit.NANOSECOND)).toBe('2020-01-01 00:00:00.123456789');
    expect(timestampText(INT64_MIN, TimeUnit.NANOSECOND)).toBe('1677-09-21 00:12:43.145224192');
    expect(timestampText(INT64_MAX, TimeUnit.NANOSECOND)).toBe('2262-04-11 23:47:16.854775807');
    expect(timestampText(INT64_MAX, TimeUnit.MICROSECOND)).toBe('+294247-01-10 04:00:54.775807');
    expect(timestampText(INT64_MIN, TimeUnit.MICROSECOND)).toBe('-290308-12-21 19:59:05.224192');
    expect(timestampText(INT64_MAX, TimeUnit.SECOND)).toBe('+292277026596-12-04 15:30:07');
    expect(timestampText(253402300800000n, TimeUnit.MILLISECOND)).toBe('+010000-01-01 00:00:00');
    expect(timestampText(-62167219200001n, TimeUnit.MILLISECOND)).toBe('-000001-12-31 23:59:59.999');
    expect(timestampText(1500n, TimeUnit.MILLISECOND)).toBe('1970-01-01 00:00:01.5');
  });

  it('columns read the int64 ticks, not get()\'s float milliseconds', () => {
    const v = vectorOf({ type: new TimestampNanosecond(), data: new BigInt64Array([1577836800123456789n, INT64_MIN, 0n]), nullBitmap: bitmap([true, true, false]) });
    expect(vectorText(v)).toEqual(['2020-01-01 00:00:00.123456789', '1677-09-21 00:12:43.145224192', null]);
    // get() is lossy here; a bigint passed to valueText is exact
    expect(valueText(1577836800123456789n, v.type)).toBe('2020-01-01 00:00:00.123456789');
    const ms = vectorOf({ type: new TimestampMillisecond(), data: new BigInt64Array([1577836800123n]) });
    expect(valueText(ms.get(0), ms.type)).toBe('2020-01-01 00:00:00.123');
    const s = vectorOf({ type: new TimestampSecond(), data: new BigInt64Array([-1n]) });
    expect(valueText(s.get(0), s.type)).toBe('1969-12-31 23:59:59');
    const us = vectorOf({ type: new TimestampMicrosecond(), data: new BigInt64Array([1577836800000001n]) });
    expect(valueText(us.get(0), us.type)).toBe('2020-01-01 00:00:00.000001');
  });
});

describe('timestamps with a zone', () => {
  it.each(['UTC', 'Etc/UTC', 'Z', '+00:00'])('%s is shown as UTC with Z', (zone) => {
    expect(timestampText(JAN_2020, TimeUnit.SECOND, zone)).toBe('2020-01-01 00:00:00Z');
  });

  it('converts to an IANA zone with its offset at that instant (DST)', () => {
    expect(timestampText(JAN_2020, TimeUnit.SECOND, 'America/New_York')).toBe('2019-12-31 19:00:00-05:00');
    expect(timestampText(JUL_2020, TimeUnit.SECOND, 'America/New_York')).toBe('2020-06-30 20:00:00-04:00');
    expect(timestampText(JAN_2020 * 1_000_000_000n + 5n, TimeUnit.NANOSECOND, 'Asia/Kolkata')).toBe('2020-01-01 05:30:00.000000005+05:30');
    expect(timestampText(JUL_2020 * 1000n, TimeUnit.MILLISECOND, 'Australia/Lord_Howe')).toBe('2020-07-01 10:30:00+10:30');
    // 2020-03-08 06:59:59 UTC is the last second of EST; one second later it is EDT
    expect(timestampText(1583650799n, TimeUnit.SECOND, 'America/New_York')).toBe('2020-03-08 01:59:59-05:00');
    expect(timestampText(1583650800n, TimeUnit.SECOND, 'America/New_York')).toBe('2020-03-08 03:00:00-04:00');
    // before standard time: New York's local mean time, an offset with seconds
    expect(timestampText(-5364662400n, TimeUnit.SECOND, 'America/New_York')).toBe('1799-12-31 19:03:58-04:56:02');
    expect(timestampText(-1n, TimeUnit.MICROSECOND, 'Europe/Paris')).toBe('1970-01-01 00:59:59.999999+01:00');
  });

  it('before 1970, each zone its own history, as pyarrow 25 shows it over Debian tzdata (Intl merges zones that agree since 1970)', () => {
    // Node's Intl (ICU 78) showed +00:00 for Amsterdam in 1900
    expect(timestampText(-2208988800n, TimeUnit.SECOND, 'Europe/Amsterdam')).toBe('1900-01-01 00:19:32+00:19:32');
    expect(timestampText(-5000000000n, TimeUnit.SECOND, 'EST')).toBe('1811-07-23 10:06:40-05:00');
    expect(timestampText(-2208988800n, TimeUnit.SECOND, 'Africa/Accra')).toBe('1899-12-31 23:59:08-00:00:52');
    // every zone at 13 instants: tests/fixtures/writers/pyarrow/zones_before_1970.arrows against pyarrow's gold (npm run test:corpus)
  });

  it('applies fixed offsets', () => {
    expect(timestampText(JAN_2020, TimeUnit.SECOND, '+05:30')).toBe('2020-01-01 05:30:00+05:30');
    expect(timestampText(JAN_2020, TimeUnit.SECOND, '-08:00')).toBe('2019-12-31 16:00:00-08:00');
    expect(timestampText(INT64_MAX, TimeUnit.NANOSECOND, '+01:00')).toBe('2262-04-12 00:47:16.854775807+01:00');
  });

  it('is exact where the local ticks pass 2^53 though the UTC ticks do not (a safe number shifted by the offset)', () => {
    // pyarrow 25: 1970-04-14 19:41:06.115617597 UTC in Pacific/Chatham (+12:45) and at +14:00; and 2^53 - 1 ns at -03:30 from below.
    for (const raw of [8970066115617597n, 8970066115617597]) {
      expect(timestampText(raw, TimeUnit.NANOSECOND, 'Pacific/Chatham')).toBe('1970-04-15 08:26:06.115617597+12:45');
      expect(timestampText(raw, TimeUnit.NANOSECOND, '+14:00')).toBe('1970-04-15 09:41:06.115617597+14:00');
    }
    expect(timestampText(-9007199254740991, TimeUnit.NANOSECOND, '-03:30')).toBe('1969-09-18 14:30:00.745259009-03:30');
  });

  it('shows an unknown zone as UTC time and the zone name', () => {
    expect(timestampText(JAN_2020, TimeUnit.SECOND, 'Mars/Base')).toBe('2020-01-01 00:00:00 Mars/Base');
  });

  it('falls back to UTC and the zone name outside JS Date\'s range', () => {
    expect(timestampText(INT64_MAX, TimeUnit.MICROSECOND, 'America/New_York')).toBe('+294247-01-10 04:00:54.775807 America/New_York');
    expect(timestampText(INT64_MAX, TimeUnit.MICROSECOND, 'UTC')).toBe('+294247-01-10 04:00:54.775807Z');
  });

  it('columns with a zone', () => {
    const v = vectorOf({ type: new TimestampMicrosecond('America/New_York'), data: new BigInt64Array([JAN_2020 * 1_000_000n, JUL_2020 * 1_000_000n + 250_000n]) });
    expect(vectorText(v)).toEqual(['2019-12-31 19:00:00-05:00', '2020-06-30 20:00:00.25-04:00']);
    expect(valueText(v.get(1), v.type)).toBe('2020-06-30 20:00:00.25-04:00');
    const utc = vectorOf({ type: new TimestampSecond('UTC'), data: new BigInt64Array([JAN_2020]) });
    expect(vectorText(utc)).toEqual(['2020-01-01 00:00:00Z']);
  });
});

describe('durations', () => {
  it.each([
    [59n, TimeUnit.SECOND, '00:00:59'],
    [0n, TimeUnit.SECOND, '00:00:00'],
    [-93784500n, TimeUnit.MILLISECOND, '-1d 02:03:04.5'],
    [93784500000n, TimeUnit.MICROSECOND, '1d 02:03:04.5'],
    [1n, TimeUnit.NANOSECOND, '00:00:00.000000001'],
    [INT64_MIN, TimeUnit.NANOSECOND, '-106751d 23:47:16.854775808'],
    [INT64_MAX, TimeUnit.SECOND, '106751991167300d 15:30:07'],
  ])('%s in unit %s -> %s', (raw, unit, text) => {
    expect(durationText(raw, unit)).toBe(text);
  });

  it('duration columns in every unit (get() gives bigints)', () => {
    for (const [type, raw, text] of [
      [new DurationSecond(), -86401n, '-1d 00:00:01'],
      [new DurationMillisecond(), 1500n, '00:00:01.5'],
      [new DurationMicrosecond(), 86400000001n, '1d 00:00:00.000001'],
      [new DurationNanosecond(), INT64_MIN, '-106751d 23:47:16.854775808'],
    ] as const) {
      const v = vectorOf({ type, data: new BigInt64Array([raw]) });
      expect(vectorText(v)).toEqual([text]);
      expect(valueText(v.get(0), v.type)).toBe(text);
    }
  });
});

describe('intervals', () => {
  it('shows every part with its sign', () => {
    expect(monthIntervalText(14)).toBe('14mo');
    expect(monthIntervalText(-14)).toBe('-14mo');
    expect(dayTimeIntervalText(1, 500)).toBe('1d 500ms');
    expect(dayTimeIntervalText(-1, -500)).toBe('-1d -500ms');
    expect(monthDayNanoIntervalText(1, 2, 3n)).toBe('1mo 2d 3ns');
    expect(monthDayNanoIntervalText(-1, 0, -3n)).toBe('-1mo 0d -3ns');
  });

  it('month_interval columns (get() splits into years and months)', () => {
    const v = vectorOf({ type: new IntervalYearMonth(), data: new Int32Array([14, -14, 0]) });
    expect(vectorText(v)).toEqual(['14mo', '-14mo', '0mo']);
    expect([0, 1, 2].map((i) => valueText(v.get(i), v.type))).toEqual(['14mo', '-14mo', '0mo']);
  });

  it('day_time_interval columns', () => {
    const v = vectorOf({ type: new IntervalDayTime(), data: new Int32Array([1, 500, -3, -1]) });
    expect(vectorText(v)).toEqual(['1d 500ms', '-3d -1ms']);
    expect(valueText(v.get(1), v.type)).toBe('-3d -1ms');
  });

  it('month_day_nano_interval columns, with int64 nanoseconds', () => {
    // [months, days, nanos low word, nanos high word]
    const v = vectorOf({
      type: new IntervalMonthDayNano(),
      data: new Int32Array([1, 2, 3, 0, -1, 0, -3, -1, 0, 0, -1, 0x7fffffff, 0, 0, 0, -0x80000000]),
    });
    const want = ['1mo 2d 3ns', '-1mo 0d -3ns', '0mo 0d 9223372036854775807ns', '0mo 0d -9223372036854775808ns'];
    expect(vectorText(v)).toEqual(want);
    expect([0, 1, 2, 3].map((i) => valueText(v.get(i), v.type))).toEqual(want);
  });
});
