import { daysFromCivil } from '../../valueText/civilDate';

/** A date or time as written in a filter (or shown in statistics), in nanoseconds. */
export interface TemporalValue {
  /** Nanoseconds since 1970-01-01 00:00 (UTC when `offset` is set), or since midnight for a time of day. */
  ns: bigint;
  /** A date with no time (`2016-01-01`). */
  dateOnly: boolean;
  /** Written with a zone offset or Z/UTC. */
  offset: boolean;
}

const NS = 1_000_000_000n;
const DATE_TIME = /^([+-]?\d{4,6})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|UTC|[+-]\d{2}(?::?\d{2}(?::?\d{2})?)?)?$/i;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?$/;

const fractionNs = (f: string | undefined): bigint => (f ? BigInt(f.padEnd(9, '0')) : 0n);

function clockNs(h: string | undefined, m: string | undefined, s: string | undefined, f: string | undefined): bigint | null {
  const hours = Number(h ?? 0);
  const minutes = Number(m ?? 0);
  const seconds = Number(s ?? 0);
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  return BigInt(hours * 3600 + minutes * 60 + seconds) * NS + fractionNs(f);
}

function offsetSeconds(zone: string): number {
  if (/^(Z|UTC)$/i.test(zone)) return 0;
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(/:/g, '');
  return sign * (Number(digits.slice(0, 2)) * 3600 + Number(digits.slice(2, 4) || 0) * 60 + Number(digits.slice(4, 6) || 0));
}

/** `YYYY-MM-DD[ HH:MM[:SS[.fffffffff]]][Z|UTC|±HH[:MM[:SS]]]` (T may stand for the space); null when it is not one. */
export function parseDateTime(text: string): TemporalValue | null {
  const m = DATE_TIME.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, f, zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const first = daysFromCivil(year, month, 1);
  const monthDays = daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - first;
  if (day > monthDays) return null;
  const days = first + day - 1;
  const clock = clockNs(h, mi, s, f);
  if (clock === null) return null;
  const ns = BigInt(days) * 86_400n * NS + clock - (zone ? BigInt(offsetSeconds(zone)) * NS : 0n);
  return { ns, dateOnly: h === undefined, offset: zone !== undefined };
}

/** `HH:MM[:SS[.fffffffff]]` as nanoseconds since midnight; null when it is not one. */
export function parseTimeOfDay(text: string): bigint | null {
  const m = TIME.exec(text.trim());
  if (!m) return null;
  return clockNs(m[1], m[2], m[3], m[4]);
}
